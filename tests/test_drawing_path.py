"""The drawing path chosen by size (issue 14, point 2): SVG marks for a small dataset, WebGL for a
large one (assets/timeline-traces.js, SVG_EVENTS), drawing the same events: the same marks at the
same positions, by event id."""

from __future__ import annotations

MARKS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const d = window.timelineLib.current.d;
const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
const marks = {};
for (const t of gd._fullData) {
  if (!String(t.meta).startsWith('marks:')) continue;
  for (let k = 0; k < t.x.length; k++) {
    marks[d.ids[t.customdata[k]] + '@' + t.x[k]] = [t.meta, t.x[k], t.y[k]];
  }
}
// What SVG drew: each point's transform in the plot area, against where its datum belongs.
const offsets = [];
for (const g of gd.querySelectorAll('.scatterlayer .trace')) {
  const trace = g.__data__ && g.__data__[0] && g.__data__[0].trace;
  if (!trace || !String(trace.meta).startsWith('marks:')) continue;
  for (const p of g.querySelectorAll('.points path.point')) {
    const m = /translate\\(([-\\d.e]+),\\s*([-\\d.e]+)\\)/.exec(p.getAttribute('transform') || '');
    const datum = p.__data__;
    offsets.push([Math.abs(Number(m[1]) - xa.l2p(datum.x)), Math.abs(Number(m[2]) - ya.l2p(datum.y))]);
  }
}
return {types: [...new Set(gd._fullData.map(t => t.type))], marks, offsets,
        gl: document.querySelectorAll('#timeline .gl-canvas-context').length};
"""


def redraw_all(page, chip: str = "strike") -> None:
    """Rebuild the traces (a filter set and unset), so a changed drawing path takes effect."""
    for _ in range(2):
        page.js("[...document.querySelectorAll('button.chip')].find(b => b.id.includes(arguments[0])).click()", chip)
        page.settle()


def test_a_small_dataset_is_drawn_as_svg_and_large_as_webgl_with_the_same_marks(page):
    page.open()
    svg = page.js(MARKS)
    assert svg["types"] == ["scatter"], "29 events: SVG, no WebGL context to make"
    assert len(svg["marks"]) >= 29 and len(svg["offsets"]) == len(svg["marks"])
    assert max(max(dx, dy) for dx, dy in svg["offsets"]) < 0.5, "each SVG mark where its event's date is"

    page.js("window.timelineLib.traces.svgEvents = 0")  # this page now takes the large-size path
    try:
        redraw_all(page)
        gl = page.js(MARKS)
        assert gl["types"] == ["scattergl"] and gl["gl"] > 0
        assert gl["marks"] == svg["marks"], "the same marks, by event id, at the same dates and rows"
    finally:
        page.js("window.timelineLib.traces.svgEvents = arguments[0]", 2000)
        redraw_all(page)
    assert page.js(MARKS)["types"] == ["scatter"]
    assert page.duo.get_logs() == []


def test_the_threshold(page):
    page.open()
    limit = page.js("return window.timelineLib.traces.svgEvents")
    assert page.js("const f = window.timelineLib.traces.drawingType;"
                   " return [f(0), f(arguments[0]), f(arguments[0] + 1)]", limit) == ["scatter", "scatter", "scattergl"]
