"""Filters: category chips (the legend), person, place and search, with counts."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def chips(page) -> dict[str, tuple[str, str]]:
    """Category name -> (count shown on the chip, "on"/"off")."""
    return {name: tuple(value) for name, value in page.js("""return Object.fromEntries([...document.querySelectorAll('button.chip')].map(b =>
        [JSON.parse(b.id).index, [b.querySelector('.chip-count').textContent, b.classList.contains('off') ? 'off' : 'on']]))""").items()}


def summary(page) -> str:
    return page.js("return document.getElementById('shown-count').textContent")


def pick(page, dropdown: str, text: str) -> None:
    """Choose an option of a Dash dropdown the way a reader does: open, type, click."""
    page.driver.find_element(By.ID, dropdown).click()
    search = page.wait("document.querySelector('[role=listbox]') && document.activeElement")
    search.send_keys(text)
    option = page.wait(f"[...document.querySelectorAll('[role=option]')].find(o => o.textContent.startsWith({text!r}))",
                       message=f"option {text}")
    option.click()
    page.js("document.activeElement.blur()")
    page.driver.find_element(By.TAG_NAME, "h1").click()


def test_category_chips_filter_and_count(page):
    page.open()
    assert summary(page) == "Showing all 29 events"
    assert chips(page)["strike"] == ("1", "on") and chips(page)["life"] == ("5", "on")
    page.driver.find_element(By.CSS_SELECTOR, 'button.chip[id*="\\"uprising\\""]').click()
    page.wait("window.timelineStatus.shown === 24")
    page.settle()
    assert summary(page) == "Showing 24 of 29 events"
    assert chips(page)["uprising"] == ("5", "off"), "an off chip still tells how many it hides"
    assert page.trace("marks:uprising")["x"] == []
    assert "cat=" in page.search() and "uprising" not in page.search()
    page.driver.find_element(By.CSS_SELECTOR, 'button.chip[id*="\\"uprising\\""]').click()
    page.wait("window.timelineStatus.shown === 29")
    assert "cat=" not in page.search()
    assert page.duo.get_logs() == []


def test_hiding_the_selected_events_category_closes_its_article(page):
    """Issue 15 point 7: the article of an event the chips hid stayed open."""
    page.open("?event=american-civil-war")
    page.wait("document.getElementById('reader-title')", message="the article open")
    page.driver.find_element(By.CSS_SELECTOR, 'button.chip[id*="\\"war\\""]').click()
    page.wait("!document.getElementById('reader-title')", message="the article closed")
    page.settle()
    assert "event=" not in page.search() and page.status()["selectedDrawn"] is None
    assert page.duo.get_logs() == []


def test_person_and_place_pickers_with_counts(page):
    page.open()
    options = page.js("return window.timelineLib && document.getElementById('person-filter') !== null")
    assert options
    pick(page, "person-filter", "Rosa Luxemburg")
    page.wait("window.timelineStatus.shown === 3")
    page.settle()
    assert summary(page) == "Showing 3 of 29 events"
    assert "person=Rosa+Luxemburg" in page.search()
    assert chips(page)["founding"] == ("1", "on") and chips(page)["war"] == ("0", "on")
    pick(page, "place-filter", "Zurich")
    page.wait("window.timelineStatus.shown === 1")
    page.settle()
    assert "place=Zurich" in page.search()
    titles = page.js("return window.timelineLib.current.s.idx.map(i => window.timelineLib.current.d.title[i])")
    assert titles == ["Luxemburg leaves Poland for Zurich"]
    assert page.duo.get_logs() == []


def test_search_filters_titles_people_and_places(page):
    page.open()
    box = page.driver.find_element(By.ID, "search")
    box.send_keys("civil war")
    page.wait("window.timelineStatus.shown === 2")
    page.settle()
    titles = page.js("return window.timelineLib.current.s.idx.map(i => window.timelineLib.current.d.title[i])")
    assert titles == ["American Civil War", "Russian civil war"]
    assert summary(page) == "Showing 2 of 29 events"
    assert chips(page)["war"] == ("2", "on") and chips(page)["life"] == ("0", "on")
    assert "q=civil+war" in page.search()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    box.send_keys("bolivia")  # a place
    page.wait("window.timelineStatus.shown === 3")
    assert page.duo.get_logs() == []


def test_nothing_matching_says_so(page):
    page.open("?q=zzzz")
    assert page.status()["shown"] == 0
    assert "No events match" in page.js(f"return {page.GD}.textContent")
    assert summary(page) == "Showing 0 of 29 events"
    assert page.duo.get_logs() == []
