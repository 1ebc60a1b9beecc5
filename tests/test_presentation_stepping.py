"""Presentation without a keyboard, and the zoom keys on the event shown (issue 15 points 3 and 4).

Clickers send PageDown/PageUp (some Space, Enter or B); interactive
whiteboards have no keys at all, so presentation mode shows a large
next/previous pair.  "+"/"-" zoom around the selected event, not the
middle of whatever range was on screen.
"""

from __future__ import annotations

import pytest
from classroom_helpers import KEYS, goto, press, reader_title, titles_of, wait_for, wait_reader

pytest_plugins = ["classroom_fixtures"]

SERFDOM = "russia-serfdom-abolished-1861"
RANGE = "return window.timelineLib.current.range"
CENTRE = ("const c = window.timelineLib.current, i = c.d.ids.indexOf(arguments[0]);"
          " return (c.d.start[i] + c.d.end[i]) / 2")


@pytest.mark.parametrize("present", [True, False])
def test_zoom_keys_centre_on_the_selected_event(classroom, present):
    page = classroom
    goto(page, f"?event={SERFDOM}" + ("&present=1" if present else ""))
    wait_reader(page, "Serfdom abolished in Russia")
    if not present:
        page.js("document.getElementById('timeline-pane').focus()")
    before = page.js(RANGE)
    centre = page.js(CENTRE, SERFDOM)
    assert abs((before[0] + before[1]) / 2 - centre) > (before[1] - before[0]) / 4, "the event is off-centre at first"
    press(page, "+")
    wait_for(page, lambda: page.js(RANGE)[1] - page.js(RANGE)[0] < (before[1] - before[0]) * 0.6, message="zoom in")
    a, b = page.js(RANGE)
    assert abs((a + b) / 2 - centre) < (b - a) * 0.01, "zoomed around the selected event"
    press(page, "-")
    wait_for(page, lambda: page.js(RANGE)[1] - page.js(RANGE)[0] > (b - a) * 1.6, message="zoom out")
    a, b = page.js(RANGE)
    assert abs((a + b) / 2 - centre) < (b - a) * 0.01
    assert page.duo.get_logs() == []


@pytest.mark.parametrize("forward, back", [(KEYS.PAGE_DOWN, KEYS.PAGE_UP),
                                           (KEYS.SPACE, None), (KEYS.ENTER, None)],
                         ids=["PageDown-PageUp", "Space", "Enter"])
def test_clicker_keys_step_through_the_events(classroom, forward, back):
    page = classroom
    goto(page, "?event=russian-revolution-1917&present=1")
    wait_reader(page, "Russian Revolution")
    page.js("document.activeElement.blur()")
    order = page.js("return window.timelineLib.current.s.idx")
    titles = titles_of(page, order)
    at = titles.index("Russian Revolution")
    press(page, forward)
    wait_reader(page, titles[at + 1])
    if back:
        press(page, back)
        wait_reader(page, titles[at])
    press(page, "b")  # a clicker's "blank screen" key: ignored (docs/classroom.md)
    assert reader_title(page) == titles[at + (0 if back else 1)]
    assert page.duo.get_logs() == []


def test_whiteboard_buttons_step_through_the_events(classroom):
    page = classroom
    goto(page, "?event=russian-revolution-1917&present=1")
    wait_reader(page, "Russian Revolution")
    order = page.js("return window.timelineLib.current.s.idx")
    titles = titles_of(page, order)
    at = titles.index("Russian Revolution")
    buttons = page.js("return ['step-next', 'step-previous'].map((id) => { const b = document.getElementById(id);"
                      " const r = b.getBoundingClientRect();"
                      " return [b.getAttribute('aria-label') || b.textContent, r.width, r.height]; })")
    for name, width, height in buttons:
        assert width >= 44 and height >= 44, "large enough to hit on a whiteboard"
    assert [b[0] for b in buttons] == ["Next event", "Previous event"]
    page.driver.find_element("id", "step-next").click()
    wait_reader(page, titles[at + 1])
    page.driver.find_element("id", "step-previous").click()
    wait_reader(page, titles[at])
    # Outside presentation mode the pair is not shown.
    goto(page, "?event=russian-revolution-1917")
    wait_for(page, lambda: not page.js("const b = document.getElementById('step-next');"
                                       " return !!b && b.offsetParent !== null"), message="buttons hidden")
    assert page.duo.get_logs() == []
