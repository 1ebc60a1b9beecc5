"""Zoom and pan: wheel, drag, pinch, keys and the zoom buttons; ticks follow."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By

from timeline_app.data.daycount import to_ordinal
from timeline_app.view.navigation import unit_window


def width(r):
    return r[1] - r[0]


def zoom_button(page, unit: str) -> dict:
    page.driver.find_element(By.CSS_SELECTOR, f".zoom-{unit}").click()
    return page.settle()


def test_wheel_zooms_the_time_axis_and_writes_the_url_once(page):
    page.open()
    before, history = page.x_range(), page.js("return history.length")
    plot = page.plot_box()
    middle = (int((plot["left"] + plot["right"]) / 2), int((plot["top"] + plot["bottom"]) / 2))
    wheel = ActionChains(page.driver)
    for _ in range(5):  # one turn of five notches
        wheel.scroll_from_origin(ScrollOrigin.from_viewport(*middle), 0, -100)
    wheel.perform()
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] < {width(before) * 0.8}")
    status = page.settle()
    after = page.x_range()
    assert width(after) < width(before) * 0.8
    assert status["range"] == after, "labels and ticks were redrawn for the new range"
    page.wait("window.location.search.startsWith('?from=')", message="the URL holds the range")
    assert history < page.js("return history.length") < history + 5, "history entries per gesture, not per notch"
    assert page.duo.get_logs() == []


def test_a_wheel_notch_zooms_half_a_key_step_around_the_pointer(page):
    """Issue 15 point 7: plotly.js' wheel zoom moved about 10 % a notch (50 notches from the whole
    span to a year); a notch is now a factor of sqrt(2), two notches one + key, the day under the
    pointer staying put."""
    page.open()
    before = page.x_range()
    plot = page.plot_box()
    x, y = int(plot["left"] + (plot["right"] - plot["left"]) / 4), int((plot["top"] + plot["bottom"]) / 2)
    ActionChains(page.driver).scroll_from_origin(ScrollOrigin.from_viewport(x, y), 0, -100).perform()
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] < {width(before) * 0.95}")
    page.settle()
    after = page.x_range()
    assert abs(width(after) / width(before) - 2 ** -0.5) < 0.01, width(after) / width(before)
    pointer_day = before[0] + width(before) * (x - plot["left"]) / (plot["right"] - plot["left"])
    assert abs(after[0] + width(after) * (x - plot["left"]) / (plot["right"] - plot["left"]) - pointer_day) < 2
    ActionChains(page.driver).scroll_from_origin(ScrollOrigin.from_viewport(x, y), 0, 100).perform()
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] > {width(before) * 0.99}")
    page.settle()
    assert abs(width(page.x_range()) - width(before)) < 1, "a notch back zooms out as far"
    assert page.duo.get_logs() == []


def test_a_zoom_button_clicked_hands_the_keys_to_the_timeline(page):
    """Issue 15 point 7: after a click on "All" the keys went to the button (which then showed its
    focus ring, "All stays highlighted") instead of zooming the timeline."""
    page.open("?from=1900&to=1910")
    zoom_button(page, "all")
    before = page.x_range()
    assert page.js("return document.activeElement.id") == "timeline-pane"
    ActionChains(page.driver).send_keys("+").perform()
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] < {width(before) * 0.6}")
    assert not page.js("return document.querySelector('.zoom-all').matches(':focus-visible')")
    assert page.duo.get_logs() == []


VISIBLE_TICKS = """const xa = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis;
return Array.from(xa.ticktext).filter((_, k) => xa.tickvals[k] >= xa.range[0] && xa.tickvals[k] <= xa.range[1]);"""


def press_and_move(page, start: int, end: int, release: bool = True) -> None:
    """Press the mouse start px into the plot, near its top, and move it to end px; with release,
    let go there."""
    plot = page.plot_box()
    y = int(plot["top"] + 8)
    actions = page.pointer()
    actions.pointer_action.move_to_location(int(plot["left"] + start), y)
    actions.pointer_action.pointer_down()
    actions.pointer_action.move_to_location(int(plot["left"] + end), y)
    if release:
        actions.pointer_action.pointer_up()
    actions.perform()


def test_drag_pans(page):
    page.open()
    before = page.x_range()
    paints = page.status()["paints"]
    page.js("window.__clicks = 0; document.addEventListener('click', () => { window.__clicks += 1; })")
    press_and_move(page, 300, 100)
    page.wait(f"Math.abs({page.GD}._fullLayout.xaxis.range[0] - {before[0]}) > 1")
    page.settle()
    after = page.x_range()
    assert after[0] > before[0] and abs(width(after) - width(before)) < 1, "dragged left: later years, same zoom"
    # The ticks drawn before hold a screen on either side: the pan is drawn once, with them.
    assert page.status()["paints"] == paints + 1
    assert page.status()["ticks"] == page.js(VISIBLE_TICKS) and len(page.status()["ticks"]) >= 3
    # The click the browser sends after the release reaches nothing (Dash would count it as a
    # click on every element under the pointer); a click without a drag still arrives.
    assert page.js("return window.__clicks") == 0
    plot = page.plot_box()
    page.click_at(plot["left"] + 5, plot["bottom"] - 5)
    page.wait("window.__clicks > 0")
    assert page.duo.get_logs() == []


MARK_STROKES = """
const marks = [...document.querySelectorAll('#timeline .scatterlayer .trace')]
  .filter(g => String(g.__data__[0].trace.meta).startsWith(arguments[0]))
  .flatMap(g => [...g.querySelectorAll('.points path.point')])
  .concat([...document.querySelectorAll('#timeline .page-marks > g')]
    .filter(g => g.dataset.meta.startsWith(arguments[0])).flatMap(g => [...g.children]));
return marks.length > 0 && [...new Set(marks.map(p => getComputedStyle(p).stroke))];
"""
"""The outline colours of the marks of traces whose role starts with arguments[0], whoever draws
them: plotly.js (an open symbol) or the page (timeline-marks.js)."""


LABELS_SHOWN = """const s = getComputedStyle(document.getElementById('timeline-labels'));
return [s.opacity, s.transitionDuration];"""


def test_marks_lose_their_outline_only_while_the_view_moves(page):
    """A pan repaints every mark at every step: the outline is left out until the view rests.  An
    open symbol, all outline, keeps it.  The labels hide meanwhile, and come back at once: a
    fade-in started an animation in the frame that shows the new range, and the next frame came
    a frame late."""
    page.open()
    # Death's one mark as an open cross, as a category's symbol may be: plotly.js draws it.
    page.js("window.timelineLib.current.d.payload.figure.data.find(t => t.meta === 'marks:death')"
            ".marker.symbol = 'cross-open'")
    page.refill_traces()
    page.wait(f"{page.GD}.querySelectorAll('.scatterlayer .trace .points path.point').length === 1",
              message="death's open cross drawn by plotly.js")
    assert sorted(page.js(MARK_STROKES, "marks:")) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    press_and_move(page, 300, 200, release=False)
    assert page.js(MARK_STROKES, "marks:death") == ["rgb(0, 0, 0)"], "an open symbol is all outline"
    assert page.js(MARK_STROKES, "marks:r") == ["none"]
    assert page.js(LABELS_SHOWN) == ["0", "0s"]
    actions = page.pointer()
    actions.pointer_action.pointer_up()
    actions.perform()
    page.settle()
    assert page.js(MARK_STROKES, "marks:r") == ["rgb(255, 255, 255)"]
    assert page.js(LABELS_SHOWN) == ["1", "0s"]
    assert page.duo.get_logs() == []


def test_pinch_zooms_on_touch_screens(page):
    page.open(width=390, height=844)
    page.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    before = page.x_range()
    plot = page.plot_box()
    cx, cy = (plot["left"] + plot["right"]) / 2, plot["top"] + 20
    page.touch("touchStart", [(cx - 30, cy), (cx + 30, cy)])
    for step in range(1, 6):
        page.touch("touchMove", [(cx - 30 - 20 * step, cy), (cx + 30 + 20 * step, cy)])
    page.touch("touchEnd", [])
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] < {width(before) / 2}")
    page.settle()
    after = page.x_range()
    assert width(after) < width(before) / 2, "fingers 60 px -> 260 px apart: about 4x closer"
    # The address follows once the gesture has rested (timeline-render.js, REPORT_AFTER_MS).
    page.wait("window.location.search.startsWith('?from=')", message="the zoomed range in the URL")
    page.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    assert page.duo.get_logs() == []


def test_zoom_buttons_and_ticks_from_centuries_to_months(page):
    page.open("?event=russian-revolution-1917")
    everything = page.x_range()
    assert page.status()["ticks"][:2] == ["1860", "1880"]
    zoom_button(page, "century")
    assert page.x_range() == list(unit_window("century", to_ordinal((1917, 7, 2))))
    assert "1920" in page.status()["ticks"] and "1980" in page.status()["ticks"], "decades, not centuries"
    zoom_button(page, "decade")
    assert page.x_range() == list(unit_window("decade", to_ordinal((1917, 7, 2))))
    zoom_button(page, "year")
    assert page.x_range() == list(unit_window("year", to_ordinal((1917, 7, 2))))
    assert any(t.endswith(" 1917") and t[:3].isalpha() for t in page.status()["ticks"]), page.status()["ticks"]
    assert "from=1916-12-25" in page.search() or "from=1916" in page.search()
    zoom_button(page, "all")
    assert page.x_range() == everything
    assert "from" not in page.search() and "event=russian-revolution-1917" in page.search()
    zoom_button(page, "reset")
    assert page.search() == "" and page.js("return document.getElementById('reader-title')") is None
    assert page.duo.get_logs() == []


def test_a_tick_label_the_graphs_edge_would_cut_is_hidden_and_the_others_shown(page):
    """Month ticks ("Oct 1956") are wider than the graph's right margin: with one just inside the
    plot's right end, its label would stick out of the graph, cut; it is hidden instead, and every
    label shown lies within the graph, after a zoom and after a pan that keeps the ticks."""
    page.open()
    js = f"""const gd = {page.GD}; const box = gd.getBoundingClientRect();
        return [...gd.querySelectorAll('.xaxislayer-above .xtick text')].map((t) => {{
          const r = t.getBoundingClientRect();
          return [t.textContent, getComputedStyle(t).display !== 'none', r.left >= box.left && r.right <= box.right]; }});"""
    days_per_px = 365 / page.js(f"return {page.GD}._fullLayout.xaxis._length")
    for name, day, pan in (("Oct 1956", (1956, 10, 1), False), ("Jul 1956", (1956, 7, 1), True)):
        end = to_ordinal(day) + 3 * days_per_px  # 3 px inside the plot: the label reaches past the 16 px margin
        if pan:  # the same scale: the ticks drawn hold, only the range is sent (timeline-render.js)
            page.js("timelineLib.setRange(arguments[0], arguments[1])", end - 365, end)
            page.settle()
        else:
            page.relayout(end - 365, end)
        labels = page.js(js)
        assert [name, False, False] in labels, labels
        shown = [label for label in labels if label[1]]
        assert len(shown) >= 3 and all(inside for _, _, inside in shown), labels
    assert page.duo.get_logs() == []


def test_keys_zoom_in_and_out(page):
    page.open()
    before = page.x_range()
    page.driver.find_element(By.ID, "timeline-pane").send_keys("+")
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] < {width(before) * 0.6}")
    page.settle()
    page.driver.find_element(By.ID, "timeline-pane").send_keys("-")
    page.wait(f"{page.GD}._fullLayout.xaxis.range[1] - {page.GD}._fullLayout.xaxis.range[0] > {width(before) * 0.9}")
    assert abs(width(page.x_range()) - width(before)) < 1
    assert page.duo.get_logs() == []


def test_double_click_fits_everything_again(page):
    page.open("?from=1950&to=1960")
    page.double_click_fit()
    assert width(page.x_range()) > 100 * 365
    assert page.duo.get_logs() == []


def test_a_pan_that_ends_over_a_label_selects_nothing(page):
    """The browser sends a click after a drag (on the body, plotly.js covers the page meanwhile):
    it is no click on the label the pan ends over."""
    page.open()
    label = next(box for box in page.label_boxes() if box["right"] - box["left"] > 40)
    x, y = int((label["left"] + label["right"]) / 2), int((label["top"] + label["bottom"]) / 2)
    actions = page.pointer()
    actions.pointer_action.move_to_location(x + 200, y)
    actions.pointer_action.pointer_down()
    actions.pointer_action.move_to_location(x + 100, y)
    actions.pointer_action.move_to_location(x, y)
    actions.pointer_action.pointer_up()
    actions.perform()
    page.settle()
    assert page.status()["selectedId"] is None and "event=" not in page.search()
    # A click without a drag still opens the label's event.
    page.click_at(x, y)
    page.wait("window.timelineStatus.selectedId !== null", message="the clicked label's event selected")
    assert page.duo.get_logs() == []
