"""The printed handout: Chromium prints the page to PDF (CDP Page.printToPDF) and pypdf reads it back.

assets/print.css asks for A4 landscape (``@page``); the handout is the
timeline as a picture, then the events in view numbered, each with its date
and a "Source:" line (timeline_app/web/classroom/export_view.py).
"""

from __future__ import annotations

import base64
import contextlib
import io
import re

from classroom_helpers import click, goto, shown, titles_of, visible_indices, wait_for
from pypdf import PdfReader

from timeline_app.data.daycount import to_ordinal

pytest_plugins = ["classroom_fixtures"]

A4_LANDSCAPE_PT = (841.89, 595.28)


def print_to_pdf(page) -> PdfReader:
    pdf = page.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    return PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))


def image_count(sheet) -> int:
    """Images the page draws (its XObjects of subtype Image, in forms too)."""
    def count(resources) -> int:
        found = 0
        xobjects = resources.get("/XObject") if resources else None
        for ref in (xobjects or {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found += 1
            elif obj.get("/Subtype") == "/Form":
                found += count(obj.get("/Resources"))
        return found
    return count(sheet.get("/Resources"))


def test_handout_is_a4_landscape_with_numbered_sourced_events(classroom):
    page = classroom
    goto(page, "?from=1900&to=1960&event=russian-revolution-1917")
    visible = titles_of(page, visible_indices(page))
    # The Print button: the server lists the events in view, the browser draws the picture, then prints.
    page.js("window.printed = 0; window.print = () => { window.printed += 1; };")
    click(page, "print-handout")
    wait_for(page, lambda: page.js("return window.printed"), message="the print dialog")
    assert page.js("return document.documentElement.classList.contains('handout-ready')"
                   " && document.documentElement.classList.contains('handout-current')")
    # On paper: the controls and the reader are gone, the handout shows.
    with print_media(page):
        assert shown(page, "#handout-list") and shown(page, "#handout-figure")
        assert not shown(page, ".handout-hint")
        for selector in ("#classroom-bar", ".zoom-bar", ".filters", "#reader", ".paste-panel"):
            assert not shown(page, selector), selector
    reader = print_to_pdf(page)
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - A4_LANDSCAPE_PT[0]) < 2 and abs(height - A4_LANDSCAPE_PT[1]) < 2, (width, height)
    # The picture numbers the marks as the list does, in type of 8 pt or more on paper (issue 15 point 5).
    handout = page.js("return window.classroomStatus.handout")
    assert handout["numbers"] == list(range(1, len(visible) + 1)), handout
    assert handout["fontPx"] * handout["mmPerPx"] >= 8 * 25.4 / 72 - 1e-9, handout
    # The timeline comes first, drawn as vector (an SVG picture: no raster on the page, issue 15 point 5).
    assert page.js("return document.getElementById('handout-figure').src").startswith("data:image/svg+xml")
    assert image_count(reader.pages[0]) == 0, "the timeline printed as a raster"
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    picture = first.split("Events")[0]
    assert "1920" in picture and all(str(n) in picture.split() for n in handout["numbers"]), picture
    text = "\n".join(sheet.extract_text() for sheet in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    assert "Workers' history timeline" in flat and "1900 to 1960" in flat
    # Every event in view: its number, its title, a source line.
    numbers = [int(n) for n in re.findall(r"(?m)^\s*(\d+)\.\s", text)]
    assert numbers[:len(visible)] == list(range(1, len(visible) + 1)), numbers
    assert flat.count("Source: ") == len(visible)
    for title in visible:
        assert re.sub(r"\s+", " ", title) in flat, title
    assert "1. 1861" not in flat  # events out of view are not listed
    # Another view, printed from the browser's menu: the list made for the old view is left out.
    page.relayout(to_ordinal((1950, 1, 1)), to_ordinal((1960, 1, 1)))
    wait_for(page, lambda: not page.js("return document.documentElement.classList.contains('handout-current')"),
             message="the handout marked as made for another view")
    with print_media(page):
        assert not shown(page, "#handout-list") and shown(page, ".handout-hint")
    assert page.duo.get_logs() == []


@contextlib.contextmanager
def print_media(page):
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        yield
    finally:
        page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_handout_rows_are_the_listed_events_and_edge_marks_are_whole(classroom):
    """Before the first life begins (1855-1866) the screen keeps the Lives lane so rows do not jump
    while panning; the printed picture has only the rows of the events it lists (issue 15 point 5).
    A mark on the view's right edge is printed whole: the picture's range reaches past it."""
    page = classroom
    goto(page, "?from=1855&to=1866")
    assert "Lives" in page.js("return document.querySelector('#timeline .js-plotly-plot')._fullLayout.yaxis.ticktext")
    page.js("window.printed = 0; window.print = () => { window.printed += 1; };")
    click(page, "print-handout")
    wait_for(page, lambda: page.js("return window.printed"), message="the print dialog")
    handout = page.js("return window.classroomStatus.handout")
    assert handout["numbers"] and "Lives" not in handout["rows"], handout
    reader = print_to_pdf(page)
    picture = re.sub(r"\s+", " ", reader.pages[0].extract_text()).split("Events")[0]
    assert "Lives" not in picture, picture
    # The last listed event's mark, at the right edge: at least its half width (5.5 px) inside the picture.
    last = page.js("const c = window.timelineLib.current, i = c.d.ids.indexOf('american-civil-war');"
                   " return c.d.end[i]")
    page.relayout(to_ordinal((1855, 1, 1)), last)
    page.js("window.printed = 0")
    click(page, "print-handout")
    wait_for(page, lambda: page.js("return window.printed"), message="the print dialog, edge view")
    handout = page.js("return window.classroomStatus.handout")
    assert (handout["range"][1] - last) * handout["pxPerDay"] >= 5.5, handout
    assert page.duo.get_logs() == []
