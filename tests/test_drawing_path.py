"""The drawing path chosen by size (issue 14, point 2): SVG marks for a small dataset, WebGL for a
large one (assets/timeline-traces.js, SVG_EVENTS), drawing the same events: the same marks at the
same positions, by event id.  In both paths a drag pan or a swipe slides the picture drawn and
draws the new range once, at the end (assets/timeline-interact.js, slide).  The SVG path draws each bar
trace as one filled shape (assets/timeline-traces.js, bands)."""

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
// What SVG drew: each of the page's marks (timeline-marks.js: the events' and the uncertain dots)
// against where its point belongs.
const offsets = [];
for (const g of gd.querySelectorAll('.scatterlayer .page-marks > g')) {
  [...g.children].forEach((p, k) => {
    const m = /translate\\(([-\\d.e]+),\\s*([-\\d.e]+)\\)/.exec(p.getAttribute('transform') || '');
    offsets.push([Math.abs(Number(m[1]) - xa.l2p(g.trace.x[k])), Math.abs(Number(m[2]) - ya.l2p(g.trace.y[k]))]);
  });
}
const uncertain = gd._fullData.find(t => t.meta === 'uncertain');
// The SVG elements each bar trace is drawn with.
const barPaths = [...gd.querySelectorAll('.scatterlayer .trace')]
  .filter(g => g.__data__ && ['extents', 'lives', 'spans'].includes(g.__data__[0].trace.meta))
  .map(g => g.querySelectorAll('path').length);
return {types: [...new Set(gd._fullData.map(t => t.type))], marks, offsets, barPaths,
        plotlyPoints: gd.querySelectorAll('.scatterlayer .trace path.point').length,
        uncertain: uncertain && uncertain.visible ? uncertain.x.length : 0,
        gl: document.querySelectorAll('#timeline .gl-canvas-context').length};
"""


def test_a_small_dataset_is_drawn_as_svg_and_large_as_webgl_with_the_same_marks(page):
    page.open()
    svg = page.js(MARKS)
    assert svg["types"] == ["scatter"], "29 events: SVG, no WebGL context to make"
    assert len(svg["marks"]) >= 29 and svg["uncertain"] > 0
    assert len(svg["offsets"]) == len(svg["marks"]) + svg["uncertain"], "every mark and uncertain dot drawn"
    assert max(max(dx, dy) for dx, dy in svg["offsets"]) < 0.5, "each SVG mark where its event's date is"
    assert svg["plotlyPoints"] == 0, "the page draws the marks, plotly.js none"
    assert svg["barPaths"] == [1, 1, 1], "each bar trace one SVG element, however many bars"
    bars = {role: page.bars(role) for role in ("extents", "lives", "spans")}
    assert len(bars["lives"]) == 5 and len(bars["extents"]) > 5

    page.js("window.timelineLib.traces.svgEvents = 0")  # this page now takes the large-size path
    try:
        page.refill_traces()
        gl = page.js(MARKS)
        assert gl["types"] == ["scattergl"] and gl["gl"] > 0
        assert gl["marks"] == svg["marks"], "the same marks, by event id, at the same dates and rows"
        assert {role: page.bars(role) for role in bars} == bars, "the same bars at the same dates and rows"
    finally:
        page.js("window.timelineLib.traces.svgEvents = arguments[0]", 2000)
        page.refill_traces()
    assert page.js(MARKS)["types"] == ["scatter"]
    assert page.duo.get_logs() == []


BAR_PX = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const lives = gd.data.find(t => t.meta === 'lives');
const ya = gd._fullLayout.yaxis;
return [Math.abs(ya.l2p(lives.y[2]) - ya.l2p(lives.y[1])), lives.line.width, gd._fullLayout._size.h];
"""


def test_svg_bars_keep_their_width_in_pixels_when_the_plot_s_height_changes(page):
    """The SVG path's bars are shapes in axis units (bands): a taller plot must not thicken them."""
    page.open(height=720)
    drawn, width, height = page.js(BAR_PX)
    assert abs(drawn - width) < 0.5, "a life's bar is as wide as its line would be"
    page.viewport(1280, 1000)
    page.wait(f"document.querySelector('#timeline .js-plotly-plot')._fullLayout._size.h > {height + 100}",
              message="the plot grows with the window")
    page.settle()
    drawn, width, _ = page.js(BAR_PX)
    assert abs(drawn - width) < 0.5, "the same width in pixels once the rows are taller"
    assert page.duo.get_logs() == []


def test_the_threshold(page):
    page.open()
    limit = page.js("return window.timelineLib.traces.svgEvents")
    assert page.js("const f = window.timelineLib.traces.drawingType;"
                   " return [f(0), f(arguments[0]), f(arguments[0] + 1)]", limit) == ["scatter", "scatter", "scattergl"]


# ---- the page's drag pan, in both paths (issue 14: pan and zoom redraw no more than they must) ----

GL_CANVAS = "return document.querySelector('#timeline .gl-canvas-context')"

PAINTED = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis;
const gl = gd.querySelector('.gl-canvas-context');
const k = gl.width / fl.width;
const copy = document.createElement('canvas');
Object.assign(copy, {width: gl.width, height: gl.height});
const ctx = copy.getContext('2d');
ctx.drawImage(gl, 0, 0);
// Each mark in view: is the WebGL picture painted at the middle of where its date and row are?
const marks = [];
for (const t of gd._fullData) {
  if (!String(t.meta).startsWith('marks:')) continue;
  for (let j = 0; j < t.x.length; j++) {
    if (t.x[j] < xa.range[0] || t.x[j] > xa.range[1]) continue;
    const x = Math.round((fl._size.l + xa.l2p(t.x[j])) * k), y = Math.round((fl._size.t + ya.l2p(t.y[j])) * k);
    marks.push(ctx.getImageData(x, y, 1, 1).data[3] > 0);
  }
}
const moved = [...gd.querySelectorAll('.gl-container canvas, .xaxislayer-above')]
  .filter((el) => getComputedStyle(el).transform !== 'none');
return {marks, moved: moved.length};
"""
"""Whether each mark in view is painted where its date is, and how many layers are moved by a transform."""


def open_webgl(page, query: str = "") -> None:
    """The page at ``query``, the 29 shipped events drawn the large-size (WebGL) way."""
    page.open(query)
    page.js("window.timelineLib.traces.svgEvents = 0")
    page.refill_traces()
    assert page.js(f"return {page.GD}._fullData[0].type") == "scattergl"


def mouse(page, kind: str, x: float, y: float, **extra) -> None:
    """A mouse event sent as the browser's input (one event per call, unlike selenium's actions)."""
    page.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})


def press_and_slide(page, x: float, y: float, steps: int = 10) -> None:
    """Press at (x, y) and move 30 px left ``steps`` times, the button held."""
    mouse(page, "mousePressed", x, y, button="left", buttons=1, clickCount=1)
    for step in range(1, steps + 1):
        mouse(page, "mouseMoved", x - 30 * step, y, button="left", buttons=1)


def release_pan(page, x: float, y: float, before: list, paints: int) -> list:
    """Let go of a 300 px drag left that started at (x, y) over the range ``before``; the range after.
    The pan is drawn once, and the date under the pointer stayed under it."""
    plot = page.plot_box()
    days_per_px = (before[1] - before[0]) / (plot["right"] - plot["left"])
    mouse(page, "mouseReleased", x - 300, y, button="left", buttons=0, clickCount=1)
    page.wait(f"{page.GD}._fullLayout.xaxis.range[0] > {before[0] + 1}", message="the pan drawn")
    page.settle()
    after = page.x_range()
    assert page.status()["paints"] == paints + 1, "one redraw for the whole gesture"
    assert abs(after[0] - before[0] - 300 * days_per_px) < days_per_px, "the date under the pointer stayed under it"
    return after


def test_a_webgl_drag_pan_slides_the_picture_and_draws_it_once_where_it_ends(page):
    """plotly.js redrew the whole WebGL scene at every mouse move of a drag pan (~150 ms each with
    software WebGL); the picture now slides under the pointer and the range is drawn once, on release."""
    open_webgl(page)
    assert page.js(f"return {page.GD}._fullLayout.dragmode") is False
    before, paints = page.x_range(), page.status()["paints"]
    picture = page.js(GL_CANVAS + ".toDataURL()")
    x, y = page.mark_point("Guevara killed in Bolivia")  # pressed on a mark: a drag selects nothing
    mouse(page, "mouseMoved", x, y)
    press_and_slide(page, x, y)
    unchanged = page.js(GL_CANVAS + ".toDataURL()") == picture
    assert unchanged, "no WebGL redraw while the mouse moves"
    assert page.js(GL_CANVAS + ".style.transform") == "translateX(-300px)", "the picture slid with the pointer"
    assert page.js("return document.getElementById('timeline-labels').classList.contains('moving')")
    assert page.status()["paints"] == paints
    after = release_pan(page, x, y, before, paints)
    assert abs((after[1] - after[0]) - (before[1] - before[0])) < 1e-6
    drawn = page.js(PAINTED)
    assert drawn["moved"] == 0 and len(drawn["marks"]) >= 10 and all(drawn["marks"]), drawn
    assert page.status()["selectedId"] is None and not page.js("return document.getElementById('reader-title')")
    assert not page.js("return document.getElementById('timeline-labels').classList.contains('moving')")
    # A click without a move still selects the event under it.
    page.click_event("Guevara killed in Bolivia")
    assert page.duo.get_logs() == []


SVG_POINTS = "return [...document.querySelectorAll('#timeline .scatterlayer .page-marks path')].map(p => p.getAttribute('transform'))"
SVG_LAYER = "return document.querySelector('#timeline .cartesianlayer .overplot .scatterlayer').style.transform"
HOVER_BOX = "document.querySelector('#timeline .hoverlayer .hovertext')"


def test_an_svg_drag_pan_slides_the_marks_and_draws_them_once_where_it_ends(page):
    """plotly.js's own pan set a transform on every mark and redrew the axis and the eras at every
    mouse move; the SVG path now slides like the WebGL one: the marks' layer moves, the marks are
    drawn again once, on release, where their dates are."""
    page.open()
    assert page.js(f"return {page.GD}._fullLayout.dragmode") is False, "no plotly.js pan"
    before, paints = page.x_range(), page.status()["paints"]
    points = page.js(SVG_POINTS)
    page.js(f"window.__ticks = {page.GD}.layout.xaxis.tickvals")
    x, y = page.mark_point("Guevara killed in Bolivia")  # pressed on a mark: a drag selects nothing
    mouse(page, "mouseMoved", x, y)
    page.wait(HOVER_BOX, message="the mark's hover box")
    press_and_slide(page, x, y)
    assert page.js(SVG_LAYER) == "translateX(-300px)", "the marks slid with the pointer"
    assert page.js(SVG_POINTS) == points, "no mark redrawn while the mouse moves"
    assert page.status()["paints"] == paints and page.x_range() == before
    assert page.js("return document.getElementById('timeline-labels').classList.contains('moving')")
    assert not page.js("return " + HOVER_BOX), "no hover box left behind where the mark was"
    mouse(page, "mouseWheel", x - 300, y, deltaX=0, deltaY=-100, buttons=1)
    assert page.js(SVG_LAYER) == "translateX(-300px)" and page.status()["paints"] == paints, "a wheel turn mid-drag waits"
    after = release_pan(page, x, y, before, paints)
    assert page.js(SVG_LAYER) == "", "the layer back in place once the marks are drawn for the range"
    assert page.js(f"return {page.GD}.layout.xaxis.tickvals === window.__ticks"), "the ticks drawn served the pan"
    drawn = page.js(MARKS)
    assert drawn["offsets"] and max(max(dx, dy) for dx, dy in drawn["offsets"]) < 0.5, "each mark where its date is"
    assert page.status()["selectedId"] is None and not page.js("return document.getElementById('reader-title')")
    assert not page.js("return document.getElementById('timeline-labels').classList.contains('moving')")
    page.click_event("Guevara killed in Bolivia")  # a click without a move still selects
    assert page.duo.get_logs() == []


def test_a_drag_whose_release_went_elsewhere_ends_at_the_next_move(page):
    """A release the page never hears (the window lost the focus mid-drag): the next move without
    the button ends the pan where it was, instead of sliding on."""
    page.open()
    before = page.x_range()
    plot = page.plot_box()
    x, y = (plot["left"] + plot["right"]) / 2, plot["top"] + 8
    mouse(page, "mouseMoved", x, y)
    press_and_slide(page, x, y, steps=5)
    mouse(page, "mouseMoved", x - 200, y, buttons=0)
    page.wait(f"{page.GD}._fullLayout.xaxis.range[0] > {before[0] + 1}", message="the pan drawn")
    page.settle()
    assert page.js(SVG_LAYER) == ""
    mouse(page, "mouseMoved", x - 260, y, buttons=0)
    page.settle()
    assert page.js(SVG_LAYER) == "", "no slide once the button is up"
    assert not page.js("return document.getElementById('timeline-labels').classList.contains('moving')")
    assert page.duo.get_logs() == []


def test_a_drag_slides_what_lies_on_the_time_axis_but_not_the_no_events_notice(page):
    page.open("?q=zzzzqqq")
    page.wait("document.querySelector('#timeline .infolayer .annotation')", message="the notice drawn")
    assert "No events match" in page.js("return document.querySelector('#timeline .infolayer .annotation').textContent")
    plot = page.plot_box()
    x, y = (plot["left"] + plot["right"]) / 2, (plot["top"] + plot["bottom"]) / 2
    mouse(page, "mouseMoved", x, y)
    press_and_slide(page, x, y, steps=5)
    assert page.js("return document.querySelector('#timeline .xaxislayer-above').style.transform") == "translateX(-150px)"
    assert page.js("return document.querySelector('#timeline .infolayer .annotation').style.transform") == "", \
        "the notice stays in the middle of the plot"
    mouse(page, "mouseReleased", x - 150, y, button="left", buttons=0, clickCount=1)
    page.settle()
    assert page.duo.get_logs() == []


def test_a_webgl_double_click_fits_everything_again(page):
    open_webgl(page, "?from=1950&to=1960")
    page.double_click_fit()
    assert page.x_range()[1] - page.x_range()[0] > 100 * 365
    assert page.duo.get_logs() == []


def test_a_webgl_sideways_swipe_slides_the_picture_and_draws_it_once(page):
    """The one-finger swipe pans the way the mouse does: no WebGL redraw until the finger lifts.
    Last in the module: touch emulation, once turned off, does not come back in this browser."""
    page.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        open_webgl(page)
        before, paints = page.x_range(), page.status()["paints"]
        picture = page.js(GL_CANVAS + ".toDataURL()")
        plot = page.plot_box()
        days_per_px = (before[1] - before[0]) / (plot["right"] - plot["left"])
        x, y = (plot["left"] + plot["right"]) / 2 + 100, (plot["top"] + plot["bottom"]) / 2
        page.touch("touchStart", [(x, y)])
        for step in range(1, 9):
            page.touch("touchMove", [(x - 25 * step, y)])
        page.wait(GL_CANVAS.replace("return ", "") + ".style.transform === 'translateX(-200px)'", message="slid")
        unchanged = page.js(GL_CANVAS + ".toDataURL()") == picture
        assert unchanged, "no WebGL redraw while the finger moves"
        page.touch("touchEnd", [])
        page.wait(f"{page.GD}._fullLayout.xaxis.range[0] > {before[0] + 1}", message="the swipe drawn")
        page.settle()
        after = page.x_range()
        assert page.status()["paints"] == paints + 1
        assert abs(after[0] - before[0] - 200 * days_per_px) < days_per_px
        drawn = page.js(PAINTED)
        assert drawn["moved"] == 0 and all(drawn["marks"]), drawn
    finally:
        page.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    assert page.duo.get_logs() == []


PLOTLY_MARK = """
const [marker, done] = arguments;
const div = document.createElement('div');
document.body.appendChild(div);
Plotly.newPlot(div, [{type: 'scatter', mode: 'markers', x: [0], y: [0], marker}], {width: 200, height: 200})
  .then(() => {
    const p = div.querySelector('path.point'), style = getComputedStyle(p);
    const drawn = [p.getAttribute('d'), style.fill, style.fillOpacity, style.stroke, style.strokeWidth, style.opacity];
    Plotly.purge(div);
    div.remove();
    done(drawn);
  });
"""
"""A mark as plotly.js draws it for that marker: its shape, fill, outline and opacity."""

PAGE_MARKS = """
return [...document.querySelectorAll('#timeline .page-marks > g')].map(g => {
  const style = getComputedStyle(g.firstChild);
  return [g.dataset.meta, g.trace.marker,
          [g.firstChild.getAttribute('d'), style.fill, style.fillOpacity, style.stroke, style.strokeWidth, style.opacity]];
});
"""


def test_the_page_draws_each_mark_as_plotly_would(page):
    """In the SVG path the page draws the marks (assets/timeline-marks.js): each trace's first mark
    has the shape, colours and outline plotly.js gives the same marker."""
    page.open()
    drawn = page.js(PAGE_MARKS)
    assert len({marker.get("symbol") for _, marker, _ in drawn}) >= 5 and "uncertain" in {meta for meta, *_ in drawn}
    for meta, marker, look in drawn:
        assert look == page.driver.execute_async_script(PLOTLY_MARK, marker), meta
    assert page.duo.get_logs() == []


ISOLATED_MARK = """
const gd = document.querySelector('#timeline .js-plotly-plot'), fl = gd._fullLayout, box = gd.getBoundingClientRect();
const at = [];
for (const t of gd._fullData) {
  if (!String(t.meta).startsWith('marks:')) continue;
  for (let k = 0; k < t.x.length; k++) at.push([fl.xaxis.l2p(t.x[k]), fl.yaxis.l2p(t.y[k]), t.customdata[k]]);
}
const alone = at.find(([x, y]) => x > 60 && at.every(([u, v]) => (u === x && v === y) || Math.hypot(u - x, v - y) > 60));
return [box.left + fl._size.l + alone[0], box.top + fl._size.t + alone[1], window.timelineLib.current.d.safeTitle[alone[2]]];
"""


def test_a_mark_is_hovered_from_as_far_as_plotly_s_own(page):
    """plotly.js still hovers the page's marks (mode 'none'), and reaches as far past their edge as
    past a marker of that size: 16 px from a mark's centre (hoverdistance 12, radius 5.5)."""
    page.open()
    x, y, title = page.js(ISOLATED_MARK)
    mouse(page, "mouseMoved", x - 16, y)
    page.wait(HOVER_BOX, message="the hover box of a mark 16 px away")
    assert title in page.js(f"return {HOVER_BOX}.textContent")
    assert page.duo.get_logs() == []


def test_plotly_s_own_zoom_hides_the_page_s_marks_until_it_draws(page):
    """A wheel turn over the time axis's labels is plotly.js's own zoom: it previews the range by
    scaling the plot, which would stretch the page's marks.  They hide, and come back where their
    dates are once plotly.js draws the range."""
    page.open()
    before = page.x_range()
    page.js(f"const gd = {page.GD}; gd.on('plotly_relayouting', () => {{ window.__during ="
            " gd.querySelector('.page-marks').getAttribute('visibility'); })")
    plot = page.plot_box()
    mouse(page, "mouseWheel", (plot["left"] + plot["right"]) / 2, plot["bottom"] + 12, deltaX=0, deltaY=-200)
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] < {before[1] - before[0]}",
              message="plotly.js's zoom drawn")
    page.settle()
    assert page.js("return window.__during") == "hidden", "hidden while plotly.js previews the zoom"
    drawn = page.js(MARKS)
    assert page.js("return document.querySelector('#timeline .page-marks').getAttribute('visibility')") is None
    assert drawn["offsets"] and max(max(dx, dy) for dx, dy in drawn["offsets"]) < 0.5, "each mark where its date is"
    assert page.duo.get_logs() == []


def test_the_marks_follow_the_filters_and_the_plot_s_size(page):
    """A category filtered out takes its marks with it; a taller plot moves every mark to its row."""
    page.open(height=720)
    groups = lambda: page.js("return [...document.querySelectorAll('#timeline .page-marks > g')]"  # noqa: E731
                             ".map(g => g.dataset.meta)")
    assert "marks:strike" in groups()
    page.js("[...document.querySelectorAll('button.chip')].find(b => b.id.includes('strike')).click()")
    page.settle()
    assert "marks:strike" not in groups() and "marks:war" in groups()
    height = page.js(f"return {page.GD}._fullLayout._size.h")
    page.viewport(1280, 1000)
    page.wait(f"{page.GD}._fullLayout._size.h > {height + 100}", message="the plot grows with the window")
    page.settle()
    drawn = page.js(MARKS)
    assert drawn["offsets"] and max(max(dx, dy) for dx, dy in drawn["offsets"]) < 0.5, "each mark on its row"
    assert page.duo.get_logs() == []
