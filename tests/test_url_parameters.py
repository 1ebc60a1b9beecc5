"""Every part of the view comes back from its URL: one browser test per parameter url_state knows.

A link is opened as a new visitor would (a fresh page load, nothing typed
before): the address stays as shared, and the page draws what it says.
"""

from __future__ import annotations

from timeline_app.data.daycount import to_ordinal


def opened(page, query: str) -> dict:
    """``query`` opened in a fresh page, settled; the address must be kept as shared."""
    page.driver.get("about:blank")
    status = page.open(query)
    assert page.search() == query, "the shared address is kept"
    assert page.duo.get_logs() == []
    return status


def test_person(page):
    status = opened(page, "?person=Rosa+Luxemburg")
    assert status["shown"] < 29
    assert page.js("return document.getElementById('person-filter').innerText").count("Rosa Luxemburg") == 1


def test_place(page):
    status = opened(page, "?place=Poland")
    assert status["shown"] == 8
    page.driver.refresh()
    assert page.settle()["shown"] == 8 and page.search() == "?place=Poland"


def test_range(page):
    opened(page, "?from=1900&to=1950")
    x0, x1 = page.x_range()
    assert abs(x0 - to_ordinal((1900, 1, 1))) <= 1 and abs(x1 - to_ordinal((1950, 1, 1))) <= 1


def test_category(page):
    status = opened(page, "?cat=war")
    assert 0 < status["shown"] < 29
    assert not page.js("return document.querySelector('button.chip[id*=\"\\\\\"war\\\\\"\"]').classList.contains('off')")
    assert page.js("return document.querySelector('button.chip[id*=\"\\\\\"life\\\\\"\"]').classList.contains('off')")


def test_query(page):
    status = opened(page, "?q=Revolution")
    assert 0 < status["shown"] < 29
    assert page.js("return document.getElementById('search').value") == "Revolution"


def test_event(page):
    opened(page, "?event=russian-revolution-1917")
    assert page.js("return document.getElementById('reader-title').textContent") == "Russian Revolution"


def test_present(page):
    opened(page, "?present=1")
    assert page.js("return document.documentElement.classList.contains('presenting')")


def test_lesson(page):
    opened(page, "?lesson=russian-revolution-1917,hungary-1956-revolution")
    assert page.js("return window.timelineLib.classroom.status.lesson") == [
        "russian-revolution-1917", "hungary-1956-revolution"]


def test_eras(page):
    opened(page, "?eras=1")
    assert page.js("return (document.querySelector('#timeline .js-plotly-plot').layout.annotations || [])"
                   ".filter((a) => a.name === 'era').length") > 0
