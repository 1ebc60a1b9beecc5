"""Whatever a CSV cell holds is shown as text: script tags, event handlers, javascript: links, markdown.

The payloads set ``window.__xss`` if any of them ever runs; none may, in the
timeline's labels and hover text, the reader panel, the problems panel or an
upload preview, and no ``javascript:`` URL may become a link.
"""

from __future__ import annotations

import csv
import io

import pytest
from live_helpers import copy_dataset, panel, titles
from selenium.webdriver.common.by import By

EVENTS_FILE = "hostile_events_file"

TITLE = '<img src=x onerror="window.__xss=1">'
DESCRIPTION = '<script>window.__xss=2</script> [click me](javascript:window.__xss=3) **bold** <b>b</b>'
PEOPLE = '<b onmouseover="window.__xss=4">Bold Person</b>'
PLACE = 'javascript:window.__xss=5'
QUOTE = '<svg onload="window.__xss=6">'
BAD_CATEGORY = '<img src=x onerror="window.__xss=7">'
BAD_DATE = '<script>window.__xss=8</script>'

COLUMNS = ["id", "title", "start", "end", "category", "people", "place", "article", "quote", "description"]
ROWS = [
    ["hostile-title", TITLE, "1921", "", "strike", PEOPLE, PLACE, "antoinette-konikow", QUOTE, DESCRIPTION],
    ["hostile-link", "[link](javascript:window.__xss=9)", "1922", "", "strike", "", "", "", "", ""],
    ["hostile-category", "Bad category", "1923", "", BAD_CATEGORY, "", "", "", "", ""],
    ["hostile-date", "Bad date", BAD_DATE, "", "strike", "", "", "", "", ""],
]


def csv_text(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile_events_file(tmp_path_factory):
    events = copy_dataset(tmp_path_factory.mktemp("hostile") / "events")
    shipped = events.read_text(encoding="utf-8")
    events.write_text(shipped + ("" if shipped.endswith("\n") else "\n") + csv_text(ROWS).split("\n", 1)[1],
                      encoding="utf-8")
    return events


def no_script_ran(page) -> None:
    assert page.js("return window.__xss === undefined"), "a payload ran"
    assert page.js("return document.querySelectorAll('a[href^=\"javascript\" i], [href*=\"javascript:\" i]').length") == 0
    assert page.js("return document.querySelectorAll('#timeline-labels img, #reader img, #problems-panel img,"
                   " #reader script, #problems-panel script, svg[onload], [onerror], [onmouseover]').length") == 0


def test_payloads_in_cells_are_text_everywhere(page):
    page.open()
    page.wait("window.timelineLib.current && window.timelineLib.current.d.title.length > 30", timeout=5)
    assert TITLE in titles(page) and "[link](javascript:window.__xss=9)" in titles(page)
    # The timeline's HTML labels hold the title as text.
    page.relayout(*page.js("const c = window.timelineLib.current, i = c.d.title.indexOf(arguments[0]);"
                           " return [c.d.start[i] - 400, c.d.end[i] + 400]", TITLE))
    labels = [box["text"] for box in page.label_boxes()]
    assert any(text.startswith('<img src=x onerror="window') for text in labels), labels  # long: cut with …
    # Hover text reaches plotly.js escaped, so it draws the characters.
    trace_text = page.js("const gd = " + page.GD + "; return gd._fullData.flatMap(t => Array.from(t.text || []))")
    assert any("&lt;img" in str(t) for t in trace_text)
    # The reader panel: title and description as written.
    page.click_event(TITLE)
    reader = page.reader_text()
    for text in (TITLE, "<script>window.__xss=2</script>", "[click me](javascript:window.__xss=3)", "**bold**",
                 "<b>b</b>"):
        assert text in reader, text
    # People and places reach the filters' options as plain names.
    options = page.js("const c = window.timelineLib.current.d.payload; return [c.people, c.places]")
    assert PEOPLE in options[0] and PLACE in options[1]
    # The problems panel: the bad category and date rows, as text.
    shown = panel(page)
    joined = "\n".join(shown["items"])
    assert "window.__xss=7" in joined and "window.__xss=8" in joined
    assert "<img" not in shown["html"].replace("&lt;img", "") and "<script" not in shown["html"]
    no_script_ran(page)
    assert page.duo.get_logs() == []


def test_payloads_in_an_uploaded_preview_are_text(page, tmp_path):
    page.open()
    upload = tmp_path / "hostile.csv"
    upload.write_text(csv_text(ROWS), encoding="utf-8")
    page.duo.driver.find_element(By.CSS_SELECTOR, "#preview-upload input[type=file]").send_keys(str(upload))
    page.wait("document.getElementById('preview-banner').classList.contains('active')", timeout=5)
    page.wait("window.timelineLib.current.d.title.includes(arguments[0])".replace("arguments[0]", repr(TITLE)),
              timeout=5)
    page.settle()
    page.relayout(*page.js("const c = window.timelineLib.current, i = c.d.title.indexOf(arguments[0]);"
                           " return [c.d.start[i] - 100, c.d.end[i] + 100]", TITLE))
    labels = [box["text"] for box in page.label_boxes()]
    assert any(text.startswith('<img src=x onerror="window') for text in labels), labels
    joined = "\n".join(panel(page)["items"])
    assert "window.__xss=7" in joined and "hostile.csv:" in joined
    # The file name is shown as text too.
    assert page.js("return document.getElementById('preview-text').textContent").startswith("Preview of hostile.csv")
    no_script_ran(page)
    page.duo.driver.find_element(By.ID, "preview-back").click()
    page.wait("!document.getElementById('preview-banner').classList.contains('active')", timeout=5)
    assert page.duo.get_logs() == []
