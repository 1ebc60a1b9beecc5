"""In an upload preview everything is about the previewed file: selection, reader, range, table, share, export.

The file has BC rows (far left of the shipped data's range), an id of its own
and an id the shipped data also has (``american-civil-war``, here with
another title): each must resolve to the previewed event, never the shipped
one (issue 15 point 2).
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from classroom_helpers import click, goto, visible_indices, wait_download, wait_for
from selenium.webdriver.common.by import By

from timeline_app.data.dates import parse_date
from timeline_app.data.daycount import to_ordinal

UPLOAD = """id,title,start,end,category,people,place,article,quote,description
caesar-rubicon,Caesar crosses the Rubicon,49 BC,,war,Julius Caesar,Rome,,,
spartacus-revolt,Spartacus leads a slave revolt,73 BC,71 BC,uprising,Spartacus,Capua,,,
american-civil-war,Civil War as uploaded,1861,1865,war,,USA,why-the-working-class-is-the-key,slaves in the USA before the Civil War,
"""
PREVIEW_TITLES = ["Spartacus leads a slave revolt", "Caesar crosses the Rubicon", "Civil War as uploaded"]
SHIPPED_VIEW = "?from=1900&to=2000"
BANNER = "document.getElementById('preview-banner')"
READER_TITLE = "document.getElementById('reader-title')"


@pytest.fixture(scope="module")
def browser(request, tmp_path_factory):
    """One app (the shipped data) and one Chromium for the module, with a downloads folder."""
    from conftest import timeline_browser

    downloads = tmp_path_factory.mktemp("preview-downloads")
    with timeline_browser(request, downloads) as page:
        page.downloads = downloads
        page.upload_file = tmp_path_factory.mktemp("preview-upload") / "ancient.csv"
        page.upload_file.write_text(UPLOAD, encoding="utf-8")
        yield page


@pytest.fixture
def preview(browser):
    """The page showing the preview of :data:`UPLOAD` (uploaded once, or again after "Back")."""
    page = browser
    page.duo.get_logs()
    if not page.js(f"return !!(window.timelineStatus && window.timelineStatus.firstPaint) && "
                   f"{BANNER}.classList.contains('active')"):
        goto(page, SHIPPED_VIEW)  # the shipped view "Back" returns to
        page.driver.find_element(By.CSS_SELECTOR, "#preview-upload input[type=file]").send_keys(
            str(page.upload_file))
        page.wait(f"{BANNER}.classList.contains('active')", timeout=10, message="the preview banner")
        page.wait("window.timelineLib.current.d.title.length === 3", timeout=10, message="the preview drawn")
        page.settle()
    yield page
    assert page.duo.get_logs() == []


def event_param(page) -> list[str]:
    return parse_qs(urlsplit(page.driver.current_url).query).get("event", [])


def day(text: str) -> int:
    return to_ordinal(parse_date(text).lower)


def test_the_range_fits_the_previewed_events_bc_rows_included(preview):
    page = preview
    low, high = page.x_range()
    assert low <= day("73 BC") and high >= day("1865")
    assert sorted(page.js("const d = window.timelineLib.current.d; return arguments[0].map((i) => d.title[i])",
                          visible_indices(page))) == sorted(PREVIEW_TITLES)
    assert "from" not in parse_qs(urlsplit(page.driver.current_url).query)


def test_clicking_an_uploaded_event_selects_it_by_id_and_the_reader_shows_it(preview):
    page = preview
    page.click_event("Caesar crosses the Rubicon")
    assert event_param(page) == ["caesar-rubicon"]
    assert "This event cites no article of the dataset" in page.reader_text()
    assert page.js("return document.getElementById('reader').checkVisibility()")

    page.click_event("Civil War as uploaded")  # an id the shipped data has too: the uploaded row is meant
    assert event_param(page) == ["american-civil-war"]
    page.wait("document.querySelector('#reader-body mark')", message="the quote highlighted")
    assert page.js("return document.querySelector('#reader-body mark').textContent") == \
        "slaves in the USA before the Civil War"


def test_the_table_lists_the_previewed_events(preview):
    page = preview
    page.js("window.dash_clientside.set_props('url', {search: ''})")  # everything in view
    page.settle()
    click(page, "table-toggle")
    rows = "Array.from(document.querySelectorAll('#table-body .table-select')).map((b) => b.textContent)"
    wait_for(page, lambda: sorted(page.js("return " + rows)) == sorted(PREVIEW_TITLES), message="the table's rows")
    assert page.js("return document.getElementById('table-caption').textContent").startswith(
        "Events in view: 3 (3 in the dataset)")
    click(page, "table-toggle")


def test_share_says_a_preview_has_no_link(preview):
    page = preview
    click(page, "share-toggle")
    page.wait("document.getElementById('share-note').textContent.includes('preview')", message="the share note")
    assert page.js("return document.getElementById('share-link').value") == ""
    assert page.js("return document.getElementById('share-copy').disabled")
    assert not page.js("return document.getElementById('share-qr').getAttribute('src')")
    click(page, "share-close")


def test_csv_export_has_the_previewed_rows(preview):
    page = preview
    page.js("window.dash_clientside.set_props('url', {search: ''})")
    page.settle()
    click(page, "export-csv")
    text = wait_download(page, ".csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["title"] for r in rows) == sorted(PREVIEW_TITLES)
    assert {r["id"] for r in rows} == {"caesar-rubicon", "spartacus-revolt", "american-civil-war"}


def test_back_to_the_shipped_data_restores_the_shipped_view(preview):
    page = preview
    before = page.js("return window.timelineLib.current.d.title.length")
    page.driver.find_element(By.ID, "preview-back").click()
    page.wait(f"!{BANNER}.classList.contains('active')", timeout=10)
    page.wait(f"window.timelineLib.current.d.title.length > {before}", timeout=10, message="the shipped data")
    page.settle()
    wanted = parse_qs(SHIPPED_VIEW[1:])
    wait_for(page, lambda: parse_qs(urlsplit(page.driver.current_url).query) == wanted, message="the shipped view")
    page.js("window.dash_clientside.set_props('url', {search: ''})")
    page.settle()
    page.click_event("American Civil War")
    assert event_param(page) == ["american-civil-war"]
    share = "document.getElementById('share-link').value"
    click(page, "share-toggle")
    page.wait(f"{share}.includes('event=american-civil-war')", message="the shipped share link")
    assert page.js("return document.getElementById('share-note').textContent") == ""
    click(page, "share-close")
