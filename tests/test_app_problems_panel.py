"""The problems panel, and the page following the files on disk (live_data.py, live_view.py)."""

from __future__ import annotations

import time

import pytest
from live_helpers import copy_dataset, panel, panel_open, rewrite, titles
from selenium.webdriver.common.by import By

EVENTS_FILE = "panel_events_file"
BAD_ROW = "broken-date,A row with a bad date,Octobre 1956,,strike,,,,,\n"


@pytest.fixture(scope="module")
def panel_events_file(tmp_path_factory):
    events = copy_dataset(tmp_path_factory.mktemp("panel") / "events")
    text = events.read_text(encoding="utf-8")
    events.write_text(text + ("" if text.endswith("\n") else "\n") + BAD_ROW, encoding="utf-8")
    return events


def bad_line(events) -> int:
    return events.read_text(encoding="utf-8").splitlines().index(BAD_ROW.strip()) + 1


def test_panel_lists_each_problem_with_its_line(page, panel_events_file):
    page.open()
    shown = panel(page)
    # The bad row: one error (its date), one warning (it cites no article).
    assert shown["summary"] == "2 problems in the data (1 error, 1 warning)"
    assert panel_open(page), "an error opens the panel"
    line = bad_line(panel_events_file)
    assert len(shown["items"]) == 2
    start = [item for item in shown["items"] if f"events.csv:{line}: start:" in item]
    assert start and "fix:" in start[0] and "Octobre 1956" in start[0]
    assert "A row with a bad date" not in titles(page)
    assert page.duo.get_logs() == []


def test_a_saved_file_is_shown_within_two_seconds_and_a_broken_one_keeps_the_last(page, panel_events_file):
    page.open()
    before = titles(page)
    page.driver.find_element(By.ID, "problems-summary").click()  # the editor closes the panel
    page.wait("!document.getElementById('problems-panel').open", timeout=2)
    original = panel_events_file.read_text(encoding="utf-8")
    added = original.replace(BAD_ROW, "") + "added-live,Added while the page was open,1957,,strike,,,,,\n"
    rewrite(panel_events_file, added)
    saved = time.monotonic()
    page.wait("window.timelineLib.current.d.title.includes('Added while the page was open')", timeout=2.0,
              message="the new event within 2 s")
    took = time.monotonic() - saved
    assert took <= 2.0
    page.wait("document.getElementById('problems-summary').textContent.includes('(0 errors')", timeout=3)
    assert len(titles(page)) == len(before) + 1  # the bad row dropped, one added
    assert page.js("return [...document.querySelectorAll('#timeline-labels .tl-label')].length") > 0

    # Truncated to zero bytes mid-save: the last good data stays, the panel says why.
    rewrite(panel_events_file, "")
    page.wait("document.getElementById('problems-list').textContent.includes('no header row')", timeout=3)
    shown = panel(page)
    assert "still shows the last good data" in shown["items"][0]
    assert panel_open(page), "new errors open the panel the editor closed"
    assert "Added while the page was open" in titles(page)

    # Half-written (cut mid-row): still the last good data.
    rewrite(panel_events_file, added[: len(added) // 2])
    time.sleep(1.2)
    assert "Added while the page was open" in titles(page)

    # Deleted, then put back by rename: the new version shows.
    panel_events_file.unlink()
    page.wait("document.getElementById('problems-list').textContent.includes('cannot be read')", timeout=3)
    assert "Added while the page was open" in titles(page)
    temp = panel_events_file.with_name("events.csv.tmp")
    temp.write_text(original, encoding="utf-8")
    temp.replace(panel_events_file)
    page.wait("window.timelineLib.current.d.title.includes('Added while the page was open') === false", timeout=3)
    page.wait("document.getElementById('problems-summary').textContent.startsWith('2 problems')", timeout=3)
    assert page.duo.get_logs() == []
