"""The change notice (issue 14, point 3): idle pages cost the server almost nothing.

An up-to-date page's question is a bodyless 304 from a tiny route, not a Dash
callback; only a changed ETag (new data, or the same data with new problems)
runs the live-reload callback.  Readers ask at most once per 10 s on average
and see an edit within 30 s; the editor's view asks often enough to show a
save within 2 s (tests/test_app_problems_panel.py holds the browser to it).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from live_helpers import rewrite

from timeline_app.data.paths import EVENTS_DIR, ROOT
from timeline_app.web import live_view
from timeline_app.web.app import create_app

NOTICE_JS = ROOT / "assets" / "live-notice.js"


@pytest.fixture
def client(tmp_path: Path):
    folder = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, folder)
    app = create_app(folder / "events.csv")
    app.server.extensions["timeline_live"].check_seconds = 0
    return app.server.test_client(), folder / "events.csv"


def ask(client, tag: str | None = None):
    return client.get(live_view.NOTICE_ROUTE, headers={"If-None-Match": tag} if tag else {})


def test_an_unchanged_page_gets_a_bodyless_304(client):
    client, _ = client
    first = ask(client)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and tag.startswith('"') and first.headers["Cache-Control"] == "no-cache"
    again = ask(client, tag)
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    assert ask(client, '"older"').status_code == 200


def test_new_data_and_new_problems_each_change_the_etag(client):
    client, events = client
    tag = ask(client).headers["ETag"]
    text = events.read_text(encoding="utf-8")
    rewrite(events, text + "added-live,Added while the page was open,1957,,strike,,,,,\n")
    changed = ask(client, tag)
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    tag = changed.headers["ETag"]
    # Truncated mid-save: the last good data stays, only the problems change.
    rewrite(events, "")
    broken = ask(client, tag)
    assert broken.status_code == 200
    assert broken.headers["ETag"].split(".")[0] == tag.split(".")[0] and broken.headers["ETag"] != tag


def test_an_idle_question_is_far_cheaper_than_the_old_poll(client):
    """The 304 reads one cached string: 200 of them take less than a few old Dash polls would."""
    client, _ = client
    tag = ask(client).headers["ETag"]
    began = time.perf_counter()
    for _ in range(200):
        assert ask(client, tag).status_code == 304
    per_question = (time.perf_counter() - began) / 200
    assert per_question < 0.02, f"{per_question * 1000:.1f} ms per idle question"


def pace(name: str) -> int:
    return int(re.search(rf"const {name} = ([\d_]+);", NOTICE_JS.read_text(encoding="utf-8"))[1].replace("_", ""))


def test_the_browser_asks_the_route_at_the_promised_pace():
    js = NOTICE_JS.read_text(encoding="utf-8")
    assert f"const ROUTE = '{live_view.NOTICE_ROUTE}';" in js
    reader, editor = pace("READER_MS"), pace("EDITOR_MS")
    assert reader >= 10_000, "readers: at most one question per page per 10 s on average"
    assert reader * 1.2 + 5_000 <= 30_000, "readers: an edit within 30 s (slowest turn, plus reload and fetch)"
    assert editor <= 1_000, "the editor's view: a save within 2 s"
    assert "READER_MS * (0.8 + 0.4 * Math.random())" in js  # the jitter the bounds above assume


def test_an_idle_page_runs_no_dash_callback(page):
    """Three idle seconds of the editor's view: notices (304s) only, no _dash-update-component."""
    page.open()
    page.wait("performance.getEntriesByType('resource').some(e => e.name.includes('/_timeline/changes'))",
              timeout=5, message="a first change notice")
    time.sleep(0.5)  # the first notice's one callback (recording the page's version) has run
    page.js("performance.clearResourceTimings()")
    time.sleep(3)
    names = page.js("return performance.getEntriesByType('resource').map(e => e.name)")
    assert sum("/_timeline/changes" in n for n in names) >= 3
    assert not [n for n in names if "_dash-update-component" in n]
    assert page.duo.get_logs() == []
