"""Presentation mode and lessons (timeline_app/web/classroom/presentation.py, assets/classroom-presentation.js, timeline-keys.js, presentation.css).

Browser tests on the shared classroom page (classroom_support.py).  The
large type is measured in the DOM at 1920x1080: every event label at least
24 px; at 1280x720 the same picture, scaled to the screen.
"""

from __future__ import annotations

from classroom_helpers import (
    KEYS,
    click,
    goto,
    params,
    press,
    reader_title,
    shown,
    titles_of,
    wait_for,
    wait_reader,
)

from timeline_app.view.url_state import (
    ViewState,
    Vocabulary,
    from_store,
    parse_query,
    store_data,
    to_query,
)

pytest_plugins = ["classroom_fixtures"]

LABEL_SIZES = """
return Array.from(document.querySelectorAll('#timeline-labels .tl-label')).map((el) => {
  const box = el.getBoundingClientRect();
  return [parseFloat(getComputedStyle(el).fontSize), box.height];
});
"""


def presenting(page) -> bool:
    return page.js("return document.documentElement.classList.contains('presenting')")


def test_url_keeps_presentation_and_lesson():
    vocabulary = Vocabulary(events=frozenset({"a", "b", "c"}))
    state = parse_query("?present=1&lesson=c,a,nonsense,c&event=a", vocabulary)
    assert state.present and state.lesson == ("c", "a") and state.event == "a"
    assert parse_query(to_query(state), vocabulary) == state
    assert from_store(store_data(state)) == state
    assert "present=1" in to_query(state) and "lesson=c%2Ca" in to_query(state)
    assert not parse_query("?present=yes", vocabulary).present
    assert to_query(ViewState()) == ""


def test_presentation_mode_is_large_and_uncluttered(classroom):
    page = classroom
    goto(page, "?present=1&event=hungary-1956-revolution", 1920, 1080)
    assert presenting(page)
    sizes = page.js(LABEL_SIZES)
    assert len(sizes) >= 10, sizes
    assert min(size for size, _ in sizes) >= 24, sizes
    assert min(height for _, height in sizes) >= 24, sizes
    # Controls out of the way; Exit, Share and the theme stay.
    for selector in (".zoom-bar", ".filters", ".key-help", "#table-toggle", "#export-png", "#lesson-toggle"):
        assert not shown(page, selector), selector
    for selector in ("#present-toggle", "#share-toggle", "#theme-toggle"):
        assert shown(page, selector), selector
    assert page.js("return document.getElementById('present-toggle').getAttribute('aria-pressed')") == "true"
    # The selected event's card: the title large, the text readable from the back.
    title_px = page.js("return parseFloat(getComputedStyle(document.getElementById('reader-title')).fontSize)")
    text_px = page.js("return parseFloat(getComputedStyle(document.getElementById('article-text')).fontSize)")
    assert title_px >= 40 and text_px >= 24, (title_px, text_px)
    # High contrast: black on white; row names and ticks enlarged too.
    assert page.js("return getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.js("return getComputedStyle(document.querySelector('.tl-label')).color") == "rgb(0, 0, 0)"
    layout = page.js("const l = document.querySelector('#timeline .js-plotly-plot')._fullLayout;"
                     " return [l.xaxis.tickfont.size, l.yaxis.tickfont.size, l.font.color, l.xaxis.tickangle]")
    assert layout[0] >= 20 and layout[1] >= 18 and layout[2] == "#000000", layout
    # Ticks larger than the calendar spaces them for may collide: plotly.js turns them if need be.
    assert layout[3] == "auto", layout
    # A 1280x720 projector shows the same picture: the labels scale with the screen.
    goto(page, "?present=1&event=hungary-1956-revolution", 1280, 720)
    small = page.js(LABEL_SIZES)
    assert 16 <= min(size for size, _ in small) < 24, small
    assert page.duo.get_logs() == []


def test_toggle_keys_zoom_and_escape(classroom):
    page = classroom
    goto(page, "?event=russian-revolution-1917")
    assert not presenting(page)
    # At the size the calendar spaces the ticks for, their labels stay level (timeline-calendar.js, tickAngle).
    assert page.js("return document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.tickangle") == 0
    click(page, "present-toggle")
    wait_for(page, lambda: params(page).get("present") == ["1"] and presenting(page), message="presentation mode")
    assert params(page)["event"] == ["russian-revolution-1917"]
    assert page.js("return document.activeElement.id") == "timeline-pane"
    order = page.js("return window.timelineLib.current.s.idx")
    titles = titles_of(page, order)
    # Keys work wherever the focus is (not only on the timeline).
    page.js("document.activeElement.blur()")
    press(page, KEYS.HOME)
    wait_reader(page, titles[0])
    press(page, KEYS.ARROW_RIGHT)
    wait_reader(page, titles[1])
    press(page, KEYS.END)
    wait_reader(page, titles[-1])
    # The timeline pans to the event stepped to.
    assert page.js("const c = window.timelineLib.current; const i = arguments[0];"
                   " return c.d.end[i] >= c.range[0] && c.d.start[i] <= c.range[1]", order[-1])
    width = lambda: page.js("const r = window.timelineLib.current.range; return r[1] - r[0]")  # noqa: E731
    before = width()
    press(page, "+")
    wait_for(page, lambda: width() < before * 0.6, message="zoom in")
    zoomed = width()
    press(page, "-")
    wait_for(page, lambda: width() > zoomed * 1.6, message="zoom out")
    page.settle()  # drawn (the zoom may not have reached the address yet: Esc carries it)
    # Esc leaves presentation mode (the article stays open); Back returns to it.
    press(page, KEYS.ESCAPE)
    wait_for(page, lambda: "present" not in params(page) and not presenting(page), message="leaving presentation")
    assert reader_title(page) == titles[-1]
    page.driver.back()
    wait_for(page, lambda: presenting(page), message="presentation mode again after Back")
    assert page.duo.get_logs() == []


FOCUS_WHEN_PRESENTING = """
window.__focusWhenPresenting = undefined;
new MutationObserver((records, observer) => {
  if (!document.documentElement.classList.contains('presenting')) return;
  window.__focusWhenPresenting = document.activeElement ? document.activeElement.id : null;
  observer.disconnect();
}).observe(document.documentElement, {attributes: true, attributeFilter: ['class']});
"""


def test_presentation_mode_starts_with_the_focus_on_the_timeline(classroom):
    """The look and the focus change together: the timeline's draw takes on the presentation
    look as soon as the view says so, while applyView waits for the lesson's round trip."""
    page = classroom
    goto(page, "?event=russian-revolution-1917")
    page.js(FOCUS_WHEN_PRESENTING)
    click(page, "present-toggle")
    focus = wait_for(page, lambda: page.js("return window.__focusWhenPresenting"), message="presentation mode")
    assert focus == "timeline-pane"


def test_lesson_in_the_url_steps_through_its_events_only(classroom):
    page = classroom
    lesson = ["stalinist-regimes-collapse", "russian-revolution-1917", "hungary-1956-revolution"]
    names = ["Stalinist regimes collapse", "Russian Revolution", "Hungarian Revolution"]
    goto(page, "?present=1&lesson=" + ",".join(lesson))
    progress = lambda: page.js("return document.getElementById('lesson-progress').textContent")  # noqa: E731
    assert "3 events" in progress()
    press(page, KEYS.ARROW_RIGHT)  # the lesson's first event, though it is the latest in time
    wait_reader(page, names[0])
    wait_for(page, lambda: progress() == "Lesson: event 1 of 3", message="progress 1 of 3")
    press(page, KEYS.ARROW_RIGHT)
    wait_reader(page, names[1])
    press(page, KEYS.END)
    wait_reader(page, names[2])
    wait_for(page, lambda: progress() == "Lesson: event 3 of 3", message="progress 3 of 3")
    press(page, KEYS.ARROW_RIGHT)  # the end of the lesson: it stays there
    page.settle()
    assert reader_title(page) == names[2]
    press(page, KEYS.HOME)
    wait_reader(page, names[0])
    assert params(page)["lesson"] == [",".join(lesson)]
    assert page.duo.get_logs() == []


def test_teacher_builds_a_lesson_and_presents_it(classroom):
    page = classroom
    goto(page, "?event=lenin-life")
    click(page, "lesson-toggle")
    wait_for(page, lambda: shown(page, "#lesson-panel"), message="the lesson panel")
    add = page.driver.find_element("id", "lesson-add")
    wait_for(page, add.is_enabled, message="Add enabled")
    add.click()
    wait_for(page, lambda: params(page).get("lesson") == ["lenin-life"], message="the lesson in the URL")
    items = lambda: page.js("return Array.from(document.querySelectorAll('#lesson-list .lesson-title'))"  # noqa: E731
                            ".map((e) => e.textContent)")
    wait_for(page, lambda: items() == ["Vladimir Lenin"], message="the lesson list")
    # Pick another event (the panel stays open) and add it.
    page.js("window.timelineLib.selectEvent(window.timelineLib.current.d.title.indexOf('Russian civil war'))")
    wait_reader(page, "Russian civil war")
    wait_for(page, add.is_enabled, message="Add enabled again")
    add.click()
    wait_for(page, lambda: params(page).get("lesson") == ["lenin-life,russian-civil-war"], message="two events")
    wait_for(page, lambda: items() == ["Vladimir Lenin", "Russian civil war"], message="the lesson list")
    # Remove the first, add it back: it goes last.
    page.js("document.querySelector('#lesson-list button').click()")
    wait_for(page, lambda: params(page).get("lesson") == ["russian-civil-war"], message="the lesson after removing")
    page.js("window.timelineLib.selectEvent(window.timelineLib.current.d.title.indexOf('Vladimir Lenin'))")
    wait_for(page, add.is_enabled, message="Add enabled again")
    add.click()
    wait_for(page, lambda: items() == ["Russian civil war", "Vladimir Lenin"], message="the new order")
    click(page, "lesson-present")
    # The lesson opens on the title card (issue 15 point 14); → goes on to its first event.
    wait_for(page, lambda: presenting(page) and shown(page, "#title-card"), message="the lesson's title card")
    assert "event" not in params(page)
    press(page, KEYS.ARROW_RIGHT)
    wait_for(page, lambda: params(page).get("event") == ["russian-civil-war"],
             message="the lesson presented from its first event")
    wait_reader(page, "Russian civil war")
    assert not shown(page, "#title-card")
    assert page.duo.get_logs() == []


def test_escape_right_after_a_zoom_key_leaves_presentation(classroom):
    """Esc pressed before the zoom's report reached the server (within REPORT_AFTER_MS) is not lost.

    The report starts a newer call of the view callback, and Dash drops the answer of the call
    Esc's address started; the newer call must still apply the address (and keep the zoom)."""
    page = classroom
    goto(page, "?present=1&event=russian-revolution-1917")
    width = lambda: page.js("const r = window.timelineLib.current.range; return r[1] - r[0]")  # noqa: E731
    before = width()
    press(page, "-")
    wait_for(page, lambda: width() > before * 1.6, message="zoom out")
    press(page, KEYS.ESCAPE)
    page.settle(quiet=1.0)
    assert "present" not in params(page) and not presenting(page), params(page)
    assert page.js("const r = window.timelineLib.current.range; return r[1] - r[0]") > before * 1.6
    assert reader_title(page) == "Russian Revolution"
    page.driver.back()
    wait_for(page, lambda: presenting(page), message="presentation mode again after Back")
    assert page.duo.get_logs() == []
