"""The proposed layer in the browser, over a copy of the dataset served live (issue 13 point 4).

A new article dropped into sources/ is listed in the article index within
2 s; its proposed rows are drawn as one dashed, hollow trace on a row of
their own, on in the editor's view (a loopback page) and off for readers,
switched by the "Proposed" button through the address; a selected proposed
mark's card gives its events.csv row to copy.  Nothing is written.
"""

from __future__ import annotations

import time

import pytest
import requests
from live_helpers import copy_dataset

from timeline_app.data.dataset import load_dataset
from timeline_app.extract.propose import propose_uncovered
from timeline_app.web.events_route import ROUTE

EVENTS_FILE = "proposed_events_file"
TITLE = "The Paris Commune"
TEXT = (f"{TITLE}\n\nThe Paris Commune was proclaimed on 28 March 1871 after the uprising. "
        "In May 1871 the army crushed it.\n")

PROPOSED_JS = """
const gd = document.getElementById('timeline-plot');
const t = gd.data.find((t) => t.meta === 'proposed');  // as given: an empty trace has no full style
const at = [];
Array.from(t.x || []).forEach((x, k) => { if (x !== null && x !== undefined) at.push(k); });
return {points: at.length, dash: t.line.dash, symbol: t.marker.symbol, mode: t.mode,
        rows: Array.from(gd._fullLayout.yaxis.ticktext || []),
        pressed: document.getElementById('proposed-toggle').getAttribute('aria-pressed')};
"""


@pytest.fixture(scope="module")
def proposed_events_file(tmp_path_factory):
    return copy_dataset(tmp_path_factory.mktemp("proposed") / "events")


def drawn(page) -> dict:
    return page.js(PROPOSED_JS)


def test_a_new_article_is_listed_within_two_seconds_and_its_proposals_drawn_dashed(page, proposed_events_file):
    folder = proposed_events_file.parent
    page.open()
    assert drawn(page)["points"] == 0 and "Proposed" not in drawn(page)["rows"]
    events_before = proposed_events_file.read_bytes()

    (folder / "sources" / "paris-commune.txt").write_text(TEXT, encoding="utf-8")
    saved = time.monotonic()
    page.wait(f"document.querySelector('.article-index').textContent.includes({TITLE!r})", timeout=2.0,
              message="the new article in the index within 2 s")
    assert time.monotonic() - saved <= 2.0
    page.wait("window.timelineLib.current.d.payload.proposed.events.count > 0", timeout=3)
    page.settle()

    # On in the editor's view (the page is on a loopback address), dashed and hollow, on its own row.
    shown = drawn(page)
    expected = propose_uncovered(load_dataset(folder), folder)
    assert shown["points"] >= len(expected) > 0
    assert (shown["dash"], shown["symbol"], shown["mode"]) == ("dash", "circle-open", "lines+markers")
    assert shown["rows"][-1] == "Proposed" and shown["pressed"] == "true"

    # The button turns it off through the address, and on again.
    page.js("document.getElementById('proposed-toggle').click()")
    page.wait("location.search.includes('proposed=0')", message="proposed=0 in the address")
    page.settle()
    assert drawn(page)["points"] == 0 and "Proposed" not in drawn(page)["rows"]
    assert drawn(page)["pressed"] == "false"
    page.js("document.getElementById('proposed-toggle').click()")
    page.wait("location.search.includes('proposed=1')", message="proposed=1 in the address")
    page.settle()
    assert drawn(page)["points"] >= len(expected)

    assert proposed_events_file.read_bytes() == events_before, "the app writes nothing"
    assert page.duo.get_logs() == []


def test_a_page_opened_after_the_new_article_arrived_lists_it(page, proposed_events_file):
    """The layout is the same bytes for every visitor and shows the article index of the start-up
    data: a page drawing a newer version asks for the index again."""
    def current() -> str:
        answer = requests.get(page.duo.server_url.rstrip("/") + ROUTE, allow_redirects=False, timeout=5)
        return answer.headers["Location"]

    started = current()
    article = proposed_events_file.parent / "sources" / "paris-commune.txt"
    article.write_text(TEXT.replace("28 March", "18 March"), encoding="utf-8")
    deadline = time.monotonic() + 5
    while current() == started:  # the server has the new version before the page is opened
        assert time.monotonic() < deadline, "the server did not notice the article"
        time.sleep(0.1)
    page.open()
    page.wait(f"document.querySelector('.article-index').textContent.includes({TITLE!r})", timeout=2.0,
              message="the article added after start-up in a new page's index")
    assert page.duo.get_logs() == []


def test_readers_do_not_see_the_layer_unless_the_address_asks(page, proposed_events_file):
    page.open("?proposed=1")
    # A reader's page (not the editor's view): off by default, on with proposed=1.
    page.js("window.timelineLib.editing = () => false; window.timelineLib.redraw();")
    page.settle()
    assert drawn(page)["points"] > 0
    page.open()
    page.js("window.timelineLib.editing = () => false; window.timelineLib.redraw();")
    page.settle()
    assert drawn(page)["points"] == 0 and drawn(page)["pressed"] == "false"


def test_a_selected_proposed_mark_shows_its_quote_and_copies_its_csv_row(page, proposed_events_file):
    folder = proposed_events_file.parent
    page.open("?proposed=1")
    first = page.js("""
        const gd = document.getElementById('timeline-plot'), fl = gd._fullLayout, box = gd.getBoundingClientRect();
        const t = gd._fullData.find((t) => t.meta === 'proposed');
        const k = Array.from(t.x).findIndex((x) => x !== null);
        return {x: box.left + fl._size.l + fl.xaxis.l2p(t.x[k]), y: box.top + fl._size.t + fl.yaxis.l2p(t.y[k]),
                i: t.customdata[k]};""")
    page.click_at(first["x"], first["y"])
    page.wait("!document.getElementById('proposed-card').hidden", message="the proposed card")
    card = page.js("const c = document.getElementById('proposed-card');"
                   " return {title: c.querySelector('.proposed-title').textContent,"
                   " quote: c.querySelector('.proposed-quote').textContent,"
                   " row: document.getElementById('proposed-csv').value};")
    rows = {r.event.title: r for r in propose_uncovered(load_dataset(folder), folder)}
    assert card["title"] in rows
    assert card["row"] == rows[card["title"]].csv and card["quote"] == rows[card["title"]].event.quote
    assert card["quote"] in TEXT

    page.js("document.getElementById('proposed-copy').click()")
    status = page.wait("document.querySelector('#proposed-card .proposed-status').textContent", message="copied")
    assert "Copied" in status or "Ctrl+C" in status
    if "Ctrl+C" in status:  # no clipboard: the row is selected in its box
        assert page.js("const b = document.getElementById('proposed-csv');"
                       " return b.value.slice(b.selectionStart, b.selectionEnd)") == card["row"]
    assert page.duo.get_logs() == []


DRAFT_TITLES = """
const t = document.getElementById('timeline-plot').data.find((t) => t.meta === 'proposed');
return {titles: [...new Set(Array.from(t.text || []).filter(Boolean))].sort(),
        rows: Array.from(document.getElementById('timeline-plot')._fullLayout.yaxis.ticktext || [])};
"""


def with_new_article(page, folder) -> list:
    """The new article in sources/ (written once per module), its drafts in the page's data; the drafts."""
    path = folder / "sources" / "paris-commune.txt"
    if not path.exists():
        path.write_text(TEXT, encoding="utf-8")
    page.open("?proposed=1")
    page.wait("window.timelineLib.current.d.payload.proposed.events.count > 0", timeout=5)
    return propose_uncovered(load_dataset(folder), folder)


def test_the_filters_apply_to_the_proposed_rows_as_to_the_events(page, proposed_events_file):
    folder = proposed_events_file.parent
    drafts = with_new_article(page, folder)
    everything = sorted(r.event.title for r in drafts)
    assert len({r.event.category for r in drafts}) > 1, "the test needs drafts of several categories"
    page.open("?proposed=1")
    assert page.js(DRAFT_TITLES)["titles"] == everything

    category = drafts[-1].event.category
    page.open(f"?proposed=1&cat={category}")
    assert page.js(DRAFT_TITLES)["titles"] == sorted(r.event.title for r in drafts if r.event.category == category)

    word = drafts[0].event.title.split()[-1]
    page.open(f"?proposed=1&q={word}")
    assert page.js(DRAFT_TITLES)["titles"] == sorted(
        r.event.title for r in drafts if word.lower() in r.event.title.lower()) != everything

    page.open("?proposed=1&article=paris-commune")
    assert page.js(DRAFT_TITLES)["titles"] == sorted(
        r.event.title for r in drafts if r.event.article == "paris-commune"), "an opened article shows its own drafts"
    page.open("?proposed=1&article=joseph-stalin")
    shown = page.js(DRAFT_TITLES)
    assert shown["titles"] == [] and "Proposed" not in shown["rows"], "and no other article's"

    person = "Joseph Stalin"
    assert all(person not in r.event.people for r in drafts)
    page.open(f"?proposed=1&person={person.replace(' ', '+')}")
    shown = page.js(DRAFT_TITLES)
    assert shown["titles"] == [] and "Proposed" not in shown["rows"], "a draft naming nobody is hidden"
    assert page.duo.get_logs() == []


BLOODY_WEEK = ("The Bloody Week\n\nThe Bloody Week began on 21 May 1871 in Paris. "
               "By 28 May 1871 the last barricades had fallen.\n")


def test_a_new_article_opens_from_the_index_with_its_text_and_its_drafts(page, proposed_events_file):
    folder = proposed_events_file.parent
    page.open("?proposed=1")
    (folder / "sources" / "bloody-week.txt").write_text(BLOODY_WEEK, encoding="utf-8")
    link = ("[...document.querySelectorAll('.article-index .article-link')]"
            ".find((b) => b.textContent.startsWith('The Bloody Week'))")
    label = page.wait(f"{link} && {{text: {link}.textContent, disabled: {link}.disabled}}", message="the new article")
    drafts = [r for r in propose_uncovered(load_dataset(folder), folder) if r.event.article == "bloody-week"]
    assert len(drafts) > 1
    assert label == {"text": f"The Bloody Week (no events yet, {len(drafts)} drafts)", "disabled": False}

    page.js(f"{link}.click()")
    page.wait("document.getElementById('reader-title') && document.getElementById('reader-title').textContent"
              " === 'The Bloody Week'", message="the article in the reader")
    page.wait("location.search.includes('article=bloody-week')", message="article= in the address")
    page.settle()
    assert "began on 21 May 1871 in Paris" in page.reader_text()
    assert f"{len(drafts)} draft events" in page.reader_text()
    assert page.js(DRAFT_TITLES)["titles"] == sorted(r.event.title for r in drafts), "its drafts, and only them"
    low, high = page.x_range()
    xs = [x for x in page.trace("proposed")["x"] if x is not None]
    assert xs and all(low < x < high for x in xs), "the view fits the drafts"
    assert (high - low) < 20 * 366, "fitted to them, not to the whole data"

    page.js("document.getElementById('reader-close').click()")
    page.wait("!location.search.includes('article=')", message="closing ends the article filter")
    page.wait("document.querySelector('.article-index')", message="the index again")
    assert page.duo.get_logs() == []
