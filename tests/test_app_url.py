"""The URL holds the view: copied links reopen it, back/forward work, bad links fall back."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from timeline_app.data.daycount import to_ordinal


def test_a_copied_url_restores_range_filters_and_selection(page):
    page.open()
    page.relayout(to_ordinal((1900, 3, 1)), to_ordinal((1965, 9, 1)))
    page.driver.find_element(By.CSS_SELECTOR, 'button.chip[id*="\\"war\\""]').click()
    page.settle()
    page.click_event("Russian Revolution")
    copied = page.driver.current_url
    shown, view = page.status()["shown"], page.x_range()
    assert "from=1900-03&to=1965-09" in copied and "event=russian-revolution-1917" in copied

    page.driver.get("about:blank")
    page.driver.get(copied)
    status = page.settle()
    assert status["shown"] == shown == 27
    reopened = page.x_range()
    assert abs(reopened[0] - view[0]) <= 31 and abs(reopened[1] - view[1]) <= 31, "the same range, to the month"
    assert page.js("return document.getElementById('reader-title').textContent") == "Russian Revolution"
    assert page.js("return document.querySelector('button.chip[id*=\"war\"]').classList.contains('off')")
    assert page.driver.current_url == copied
    assert page.duo.get_logs() == []


def test_back_and_forward_step_through_the_view(page):
    page.open()
    page.driver.find_element(By.CSS_SELECTOR, 'button.chip[id*="\\"life\\""]').click()
    page.settle()
    page.click_event("Hungarian Revolution")
    assert page.status()["shown"] == 24
    page.driver.back()
    page.wait("!document.getElementById('reader-title')")
    assert page.settle()["shown"] == 24 and "cat=" in page.search()
    page.driver.back()
    page.wait("window.timelineStatus.shown === 29")
    assert page.search() == ""
    page.driver.forward()
    page.driver.forward()
    page.wait("document.getElementById('reader-title') && "
              "document.getElementById('reader-title').textContent === 'Hungarian Revolution'")
    assert page.settle()["shown"] == 24
    assert page.duo.get_logs() == []


def test_writing_the_url_does_not_loop(page):
    page.open("?from=1900&to=1950")
    first = page.status()
    page.relayout(to_ordinal((1910, 1, 1)), to_ordinal((1940, 1, 1)))
    # The zoom reaches the server (and the URL) once the gesture has rested (REPORT_AFTER_MS).
    page.wait("window.location.search.startsWith('?from=1910')", message="the zoom in the URL")
    settled = page.settle()
    import time

    time.sleep(1.5)
    later = page.status()
    assert (later["renders"], later["paints"]) == (settled["renders"], settled["paints"]), "nothing keeps redrawing"
    assert later["renders"] - first["renders"] <= 3
    assert page.duo.get_logs() == []


@pytest.mark.parametrize("query", [
    "?from=abc&to=zzz", "?from=1960&to=1900", "?cat=nonsense&person=Nobody&place=%%%",
    "?event=no-such-event", "?event=%3Cscript%3Ealert(1)%3C/script%3E", "?q=" + "x" * 5000,
    "?from=99999999999999999999&to=1", "?%E0%A4%A", "?cat=&cat=&from=&to=&q=",
])
def test_malformed_urls_fall_back_to_the_default_view(page, query):
    status = page.open(query)
    assert status["shown"] == (29 if "q=x" not in query else 0)
    assert page.js("return document.body.innerText").count("Traceback") == 0
    assert "Error" not in page.js("return document.title")
    assert page.js("return document.getElementById('reader-title')") is None
    assert page.duo.get_logs() == []
