"""The timeline as drawn in the browser: lanes, marks, colours, uncertainty, hover, labels, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.data.categories import load_categories
from timeline_app.data.daycount import to_ordinal
from timeline_app.data.paths import EVENTS_DIR

SCREENSHOTS = Path("/tmp/timeline-screenshots")
CATEGORIES, _ = load_categories(EVENTS_DIR / "categories.csv")


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for n, a in enumerate(boxes) for b in boxes[n + 1:]
            if a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5
            and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5]


def test_lives_on_lanes_and_events_as_marks_coloured_by_category(page):
    status = page.open()
    assert status["shown"] == 29
    lives = page.bars("lives")
    assert len(lives) == 5, "five lives, one bar each"
    lane_rows = {row for _, _, row in lives}
    assert 2 <= len(lane_rows) <= 5, "lives share lanes only when they do not overlap"
    for name, category in CATEGORIES.items():
        marks = page.trace(f"marks:{name}")
        assert marks["color"] == category.colour and marks["symbol"] == category.symbol
        assert marks["type"] == "scatter"  # 29 events: the SVG path (tests/test_drawing_path.py)
    ticktext = page.js(f"return {page.GD}._fullLayout.yaxis.ticktext")
    assert ticktext[0] == "Lives" and "Strike &amp; workers' councils" in ticktext
    legend = page.js("return [...document.querySelectorAll('button.chip')].map(b => b.innerText.replace(/\\s+/g, ' ').trim())")
    assert "● Life 5" in legend and "★ Revolution 3" in legend
    assert page.duo.get_logs() == []


def test_uncertain_dates_have_a_faded_extent_and_a_hollow_mark(page):
    page.open()
    segments = [(start, end) for start, end, _ in page.bars("extents")]
    early_1920s = (to_ordinal((1918, 1, 1)), to_ordinal((1926, 1, 1)))  # "the early 1920s", padded
    assert early_1920s in segments
    assert (to_ordinal((1956, 1, 1)), to_ordinal((1957, 1, 1))) in segments, "a year-precise date covers its year"
    uncertain = page.trace("uncertain")
    regime = page.trace("marks:regime")
    position = page.position("Stalin leads the Bolsheviks turning to bureaucracy")
    k = list(regime["customdata"]).index(position)
    assert (regime["x"][k], regime["y"][k]) in zip(uncertain["x"], uncertain["y"])
    exact = page.position("Hungarian Revolution")
    revolution = page.trace("marks:revolution")
    k = list(revolution["customdata"]).index(exact)
    assert (revolution["x"][k], revolution["y"][k]) not in zip(uncertain["x"], uncertain["y"])
    assert page.duo.get_logs() == []


def test_hover_shows_the_title_and_the_date_as_written(page):
    page.open()
    for title, written in [("Stalin leads the Bolsheviks turning to bureaucracy", "the early 1920s"),
                           ("Trotskyists murdered by Stalin's agents in Europe", "the '30s"),
                           ("Polish workers against Stalinism", "1980–1981")]:
        actions = page.pointer()
        actions.pointer_action.move_to_location(*map(int, page.mark_point(title)))
        actions.perform()
        text = page.wait("document.querySelector('.hoverlayer') && document.querySelector('.hoverlayer').textContent",
                         message=f"hover on {title}")
        assert title in text and written in text, text
        assert "-01-01" not in text
    assert page.duo.get_logs() == []


@pytest.mark.parametrize("years", [None, (1900, 1960), (1950, 1960), (1955, 1958)])
def test_labels_never_overlap_and_stay_in_the_plot(page, years):
    page.open()
    if years:
        page.relayout(to_ordinal((years[0], 1, 1)), to_ordinal((years[1], 1, 1)))
    boxes = page.label_boxes()
    assert boxes, "something is labelled"
    assert len(boxes) <= 50
    assert overlapping(boxes) == []
    plot = page.plot_box()
    for box in boxes:
        assert plot["left"] - 1 <= box["left"] and box["right"] <= plot["right"] + 1, box
    texts = {b["text"] for b in boxes}
    if years is None:
        assert {"Joseph Stalin", "Rosa Luxemburg", "Che Guevara", "Vladimir Lenin"} <= texts
    assert page.duo.get_logs() == []


def test_labels_do_not_hide_other_marks(page):
    page.open()
    marks = page.js(f"""
        const gd = {page.GD}, fl = gd._fullLayout, box = gd.getBoundingClientRect(), out = [];
        for (const t of gd._fullData) if (String(t.meta).startsWith('marks:'))
          for (let k = 0; k < t.x.length; k++) out.push({{x: box.left + fl._size.l + fl.xaxis.l2p(t.x[k]),
            y: box.top + fl._size.t + fl.yaxis.l2p(t.y[k]), index: t.customdata[k]}});
        return out;""")
    for label in page.label_boxes():
        covered = [m for m in marks if m["index"] != label["index"] and label["left"] < m["x"] < label["right"]
                   and label["top"] < m["y"] < label["bottom"]]
        assert covered == [], (label["text"], covered)


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_screenshots_fit_the_screen(page, width, height):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.open("?event=stalin-life", width=width, height=height)
    page.js("window.scrollTo(0, 0)")
    page.driver.save_screenshot(str(SCREENSHOTS / f"timeline-{width}x{height}.png"))
    assert page.js("return document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    reader = page.js("const r = document.getElementById('reader').getBoundingClientRect(); return [r.left, r.right]")
    assert 0 <= reader[0] and reader[1] <= width
    boxes = page.label_boxes()
    assert boxes and overlapping(boxes) == []
    assert all(b["right"] - b["left"] >= 30 for b in boxes), "no label squeezed to nothing"
    if width < 600:
        assert page.js(f"return {page.GD}._fullLayout._size.l") < 40, "row names give way to the plot on phones"
    assert page.duo.get_logs() == []


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_no_toolbar_separator_starts_a_line(page, width, height):
    """Issue 15 point 7: on the phone the toolbar wraps and the Export group's separator stood
    alone at the start of its line."""
    page.open(width=width, height=height)
    starts = page.js("""const bar = document.getElementById('classroom-bar').getBoundingClientRect();
        return [...document.querySelectorAll('#classroom-bar .cr-group')].filter((g) => {
          const s = getComputedStyle(g);
          return s.borderLeftStyle !== 'none' && parseFloat(s.borderLeftWidth) > 0
            && g.getBoundingClientRect().left - bar.left < 8; }).map((g) => g.getAttribute('aria-label'));""")
    assert starts == []


def test_a_vertical_swipe_on_the_phone_timeline_scrolls_the_page(page):
    """Issue 15 point 7: plotly.js cancelled every one-finger touch to pan, so the phone's page
    could not be scrolled over the timeline (most of its screen); sideways still pans."""
    # Not beside test_app_zoom's pinch test: once touch emulation was turned off and on again in a
    # browser, Chromium sent the page no more touch events (it still scrolled).
    page.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    page.open(width=390, height=844)
    page.js("window.scrollTo(0, 0); window.__scrolled = 0;"
            " addEventListener('scroll', () => { window.__scrolled = performance.now(); })")
    before = page.x_range()
    plot = page.plot_box()
    x, y = (plot["left"] + plot["right"]) / 2, plot["bottom"] - 20
    page.touch("touchStart", [(x, y)])
    for step in range(1, 9):
        page.touch("touchMove", [(x, y - 30 * step)])
    page.touch("touchEnd", [])
    page.wait("window.scrollY > 60", message="the page scrolled")
    # The swipe's fling ends first, so the next touch is a gesture of its own.
    page.wait("performance.now() - window.__scrolled > 300", message="the scrolling to end")
    page.settle()
    assert page.x_range() == before, "an upward swipe does not pan the timeline"
    plot = page.plot_box()
    x, y = (plot["left"] + plot["right"]) / 2, (plot["top"] + plot["bottom"]) / 2
    page.touch("touchStart", [(x + 100, y)])
    for step in range(1, 9):
        page.touch("touchMove", [(x + 100 - 25 * step, y)])
    page.touch("touchEnd", [])
    page.wait(f"{page.GD}._fullLayout.xaxis.range[0] > {before[0] + 1}", message="a sideways swipe pans")
    page.settle()
    after = page.x_range()
    assert abs((after[1] - after[0]) - (before[1] - before[0])) < 1, "panned, not zoomed"
    # A tap still reaches plotly.js (as the mouse events the browser makes of it): it selects.
    page.touch("touchStart", [page.mark_point("Guevara killed in Bolivia")])
    page.touch("touchEnd", [])
    page.wait("document.getElementById('reader-title')"
              " && document.getElementById('reader-title').textContent === 'Guevara killed in Bolivia'",
              message="a tap selects")
    page.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    assert page.duo.get_logs() == []
