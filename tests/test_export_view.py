"""Exports of the current view: PNG, SVG, CSV (timeline_app/web/classroom/export_view.py, assets/classroom-export.js)."""

from __future__ import annotations

import base64
import csv
import io
import re
import shutil
import struct

import pytest
from classroom_helpers import click, goto, titles_of, visible_indices, wait_download, wait_for

from timeline_app.data.catalog import build_catalog
from timeline_app.data.dataset import COLUMNS, load_dataset
from timeline_app.data.daycount import to_ordinal
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.view.url_state import ViewState, store_data
from timeline_app.web.classroom.export_view import (
    ExportView,
    range_text,
    sources_caption,
)

pytest_plugins = ["classroom_fixtures"]

HOSTILE_EVENTS = """id,title,start,end,category,people,place,article,quote,description
formula,"=HYPERLINK(""http://evil.example"",""click"")",1905,,strike,,Russia,strike-article,The strike began,A title a spreadsheet would run.
plain,General strike,1906,,strike,,Russia,strike-article,The strike began,Plain.
later,Later strike,1990,,strike,,Russia,strike-article,The strike began,Out of the range.
"""


@pytest.fixture(scope="module")
def hostile_catalog(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(EVENTS_DIR / "categories.csv", folder / "categories.csv")
    (folder / "sources").mkdir()
    (folder / "sources" / "strike-article.txt").write_text("Strikes\n\nThe strike began in the morning.\n",
                                                          encoding="utf-8")
    (folder / "events.csv").write_text(HOSTILE_EVENTS, encoding="utf-8")
    return build_catalog(load_dataset(folder, folder / "events.csv"))


def test_csv_has_the_events_in_view_with_formulas_neutralised(hostile_catalog):
    export = ExportView(hostile_catalog, "Strikes")
    shown = [to_ordinal((1900, 1, 1)), to_ordinal((1950, 1, 1))]
    download = export.csv(1, store_data(ViewState()), shown)
    raw = base64.b64decode(download["content"]) if download.get("base64") else download["content"].encode()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert [r[0] for r in rows[1:]] == ["formula", "plain"]
    assert rows[1][1].startswith("'=HYPERLINK")
    assert download["filename"] == "timeline-1900-1950.csv"
    assert export.csv(0, store_data(ViewState()), shown) is not None  # no_update when not clicked
    assert sources_caption([]) == "" and sources_caption(["A", "B"]) == "Sources: A; B"
    assert sources_caption([str(n) for n in range(8)]).endswith("; and 2 more")
    assert range_text((to_ordinal((-72, 1, 1)), to_ordinal((1956, 1, 1))), [], hostile_catalog) == "73 BC to 1956"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_svg_marks_are_vector_even_when_drawn_with_webgl(classroom):
    """Above lib.traces.svgEvents shown events the screen draws the marks with WebGL; the SVG
    export still holds them as SVG paths, never a PNG inside the SVG (issue 15 point 5)."""
    page = classroom
    webgl = "return document.querySelector('#timeline .js-plotly-plot').data.some((t) => t.type === 'scattergl')"
    page.js("window.timelineLib.traces.svgEvents = 0")
    try:
        goto(page, "?from=1900&to=1960&eras=1")  # a view of its own: the traces are made again
        wait_for(page, lambda: page.js(webgl), message="the WebGL drawing")
        visible = visible_indices(page)
        click(page, "export-svg")
        svg = wait_download(page, ".svg").read_text(encoding="utf-8")
        assert "data:image/png" not in svg and "<image" not in svg
        assert svg.count('class="point') >= len(visible)
    finally:
        page.js("window.timelineLib.traces.svgEvents = 2000")
        goto(page, "?from=1900&to=1961")
    assert not page.js(webgl)
    assert page.duo.get_logs() == []


def test_png_svg_and_csv_of_the_current_view(classroom):
    page = classroom
    goto(page, "?from=1900&to=1960&event=russian-revolution-1917")
    visible = titles_of(page, visible_indices(page))
    # PNG: the graph's plot area plus room for the title and the caption, at twice the pixels.
    click(page, "export-png")
    png = wait_download(page, ".png")
    meta = page.js("return window.classroomStatus.meta")
    assert meta["subtitle"].startswith("1900 to 1960 · ") and meta["caption"].startswith("Sources: ")
    record = page.js("return window.classroomStatus.exports.slice(-1)[0]")
    assert png.name == "timeline-1900-1960.png"
    assert png_size(png.read_bytes()) == (2 * record["width"], 2 * record["height"])
    assert record["height"] > page.js("return document.querySelector('#timeline .js-plotly-plot')._fullLayout.height")
    # SVG: text we can read back - title, range, caption, the event labels drawn on screen.
    click(page, "export-svg")
    svg = wait_download(page, ".svg").read_text(encoding="utf-8")
    assert "Workers' history timeline" in svg.replace("&#39;", "'")
    assert "1900 to 1960" in svg and "Sources: " in svg
    labels = page.js("return Array.from(document.querySelectorAll('#timeline-labels .tl-label'))"
                     ".map((e) => e.textContent)")
    assert labels and all(label.replace("'", "&#39;") in svg or label in svg for label in labels)
    assert "1920" in svg  # a tick label
    assert "<image" not in svg and svg.count('class="point') >= len(visible)  # vector marks
    # The marks' outline is in the file: plotly.js draws the marks the page draws on screen (timeline-marks.js).
    outlined = re.findall(r'class="point[^"]*"[^>]*style="[^"]*stroke-width: 1px;[^"]*stroke: rgb\(255, 255, 255\)', svg)
    assert len(outlined) >= len(visible), "every mark in view outlined"
    # CSV: exactly the events in view.
    click(page, "export-csv")
    text = wait_download(page, ".csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["title"] for r in rows) == sorted(visible)
    assert page.duo.get_logs() == []


def test_the_svg_has_the_leader_lines_of_labels_moved_off_their_marks(classroom):
    page = classroom
    goto(page, "")
    leaders = page.js("return document.querySelectorAll('#timeline-labels .tl-leader').length")
    assert leaders > 0, "the default view has labels joined to their marks by a leader"
    click(page, "export-svg")
    svg = wait_download(page, ".svg").read_text(encoding="utf-8")
    assert svg.count("stroke: rgb(110, 110, 110)") == leaders
    assert page.duo.get_logs() == []
