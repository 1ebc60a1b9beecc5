"""The proposed layer's data: a new article's uncovered dates as proposed rows, per data version.

The data core (extract/propose.py, propose_uncovered over a LiveDataset's
snapshot) and the events payload (web/events_route.py) served in-process.
Nothing is ever written to the dataset.  The browser side is test_app_proposed.py.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from timeline_app.data.catalog import build_catalog
from timeline_app.data.dataset import COLUMNS, load_dataset
from timeline_app.data.live import LiveDataset
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.extract.propose import csv_text, propose_uncovered
from timeline_app.web import events_route
from timeline_app.web.app import create_app

ARTICLE = "paris-commune"
TEXT = ("The Paris Commune\n\nThe Paris Commune was proclaimed on 28 March 1871 after the uprising. "
        "In May 1871 the army crushed it, and \"the communards\" were shot.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, target)
    return target


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_the_shipped_articles_are_all_covered(folder):
    """No proposed row on the shipped data: the layer shows only what editors have not yet curated."""
    live = LiveDataset(folder)
    assert propose_uncovered(live.current().dataset, folder) == []


def test_a_new_article_gives_proposed_rows_in_the_next_snapshot_and_nothing_is_written(folder):
    live = LiveDataset(folder, check_seconds=0)
    before = live.current()
    written = files(folder)
    (folder / "sources" / f"{ARTICLE}.txt").write_text(TEXT, encoding="utf-8")
    after = live.current()
    assert after.version > before.version and ARTICLE in after.dataset.articles
    rows = propose_uncovered(after.dataset, folder)
    assert rows and {r.event.article for r in rows} == {ARTICLE}
    for row in rows:
        cells = next(csv.reader(io.StringIO(row.csv)))
        assert len(cells) == len(COLUMNS) and cells[0] == row.event.id and "\n" not in row.csv
        assert row.event.quote in TEXT and cells[COLUMNS.index("quote")] == row.event.quote
    assert not {r.event.id for r in rows} & {e.id for e in after.dataset.events}, "ids never repeat the dataset's"
    assert files(folder) == written, "the dataset's files are never written"
    assert sorted(p.name for p in (folder / "sources").iterdir()) == sorted(
        [*(p.name for p in (EVENTS_DIR / "sources").iterdir()), f"{ARTICLE}.txt"])


def test_a_row_with_quotes_and_commas_is_csv_quoted_as_events_csv_holds_it():
    line = csv_text([["a-1", 'Said "no", then left', "1871"]], header=False)
    assert line == 'a-1,"Said ""no"", then left",1871\n'
    assert csv_text([]) == ",".join(COLUMNS) + "\n"


def test_the_events_payload_carries_the_proposed_part_of_each_version(folder):
    app = create_app(folder / "events.csv")
    app.server.extensions["timeline_live"].check_seconds = 0
    client = app.server.test_client()
    first = client.get(client.get(events_route.ROUTE).headers["Location"]).get_json()
    assert first["proposed"]["events"]["count"] == 0
    (folder / "sources" / f"{ARTICLE}.txt").write_text(TEXT, encoding="utf-8")
    url = client.get(events_route.ROUTE).headers["Location"]
    payload = client.get(url).get_json()
    part = payload["proposed"]
    count = part["events"]["count"]
    assert count >= 2 and payload["events"]["count"] == first["events"]["count"]
    assert part["article"] == [ARTICLE] * count and all(q in TEXT for q in part["quote"])
    rows = propose_uncovered(app.server.extensions["timeline_live"].current().dataset, folder)
    expected = {r.event.id: r.csv for r in rows}
    assert dict(zip(part["events"]["id"], part["csv"])) == expected
    # A draft's names index the events' lists, then the names only drafts have, so the browser's
    # Person and Place filters (which name the events' only) find theirs among the drafts'.
    people, places = payload["people"] + part["people"], payload["places"] + part["places"]
    assert not set(part["people"]) & set(payload["people"]) and not set(part["places"]) & set(payload["places"])
    drafted = {r.event.id: r.event for r in rows}
    for i, draft_id in enumerate(part["events"]["id"]):
        assert [people[k] for k in part["events"]["people"][i]] == list(drafted[draft_id].people)
        assert [places[k] for k in part["events"]["places"][i]] == list(drafted[draft_id].place)
    assert any(part["events"]["places"]), "the test needs a draft with a place"
    names = [c["name"] for c in payload["categories"]]
    assert all(0 <= k < len(names) for k in part["events"]["category"])


def test_the_guide_names_the_layers_button_and_address():
    from timeline_app.data.paths import ROOT
    from timeline_app.web.filters import filter_controls
    from timeline_app.web.proposed_view import proposed_card

    guide = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    controls = filter_controls(build_catalog(load_dataset(EVENTS_DIR)))
    page = str(proposed_card().to_plotly_json()) + str(controls.to_plotly_json())
    for name in ("Proposed", "Copy as CSV row"):
        assert f"**{name}**" in guide and f"'{name}'" in page
    assert "`proposed=1`" in guide and "`proposed=0`" in guide


def test_an_article_without_events_says_so_and_counts_its_drafts():
    from timeline_app.web.article_index import article_count

    assert [article_count(3, 0), article_count(1, 5)] == ["(3 events)", "(1 event)"]
    assert [article_count(0, 0), article_count(0, 1), article_count(0, 2)] == [
        "(no events yet)", "(no events yet, 1 draft)", "(no events yet, 2 drafts)"]


def test_the_drafts_are_made_once_per_version_for_the_layer_and_the_article_index(folder, monkeypatch):
    from timeline_app.web import proposed_view

    calls = []
    real = proposed_view.propose_uncovered
    monkeypatch.setattr(proposed_view, "propose_uncovered", lambda *args: calls.append(1) or real(*args))
    (folder / "sources" / f"{ARTICLE}.txt").write_text(TEXT, encoding="utf-8")
    app = create_app(folder / "events.csv")
    client = app.server.test_client()
    count = client.get(client.get(events_route.ROUTE).headers["Location"]).get_json()["proposed"]["events"]["count"]
    assert count >= 2
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert f'"The Paris Commune"," ",{{"props":{{"children":"(no events yet, {count} drafts)"' in layout
    assert len(calls) == 1, "one proposer run serves the layer and the index"
