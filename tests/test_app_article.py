"""The article in the reader: its dates on the timeline are links to their events (issue 13 point 3)."""

from __future__ import annotations

from urllib.parse import parse_qs

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def test_a_date_on_the_timeline_selects_its_event_and_moves_there(page):
    page.open("?event=hungary-1956-workers-councils&from=1900&to=1920")
    page.wait("document.querySelectorAll('#reader-body .mention.on-timeline').length > 0")
    date = page.driver.find_element(By.XPATH, "//button[contains(@class,'on-timeline')][text()='1953']")
    assert date.get_attribute("title") == "On the timeline: East Germany 1953"
    date.click()
    page.wait("document.getElementById('reader-title').textContent === 'East Germany 1953'")
    page.settle()
    start, end = page.x_range()
    middle = page.js("const d = window.timelineLib.current.d, i = arguments[0]; return (d.start[i] + d.end[i]) / 2",
                     page.position("East Germany 1953"))
    assert start < middle < end, "the timeline moved to the event"
    assert "event=east-germany-1953" in page.search()
    assert page.duo.get_logs() == []


def test_a_date_is_reached_with_the_keyboard_and_enter_follows_it(page):
    page.open("?event=hungary-1956-workers-councils")
    page.wait("document.querySelectorAll('#reader-body .mention.on-timeline').length > 0")
    date = page.driver.find_element(By.XPATH, "//button[contains(@class,'on-timeline')][text()='1968']")
    title = date.get_attribute("title").removeprefix("On the timeline: ").split("; ")[0]
    page.js("arguments[0].focus()", date)
    date.send_keys("\n")
    page.wait(f"document.getElementById('reader-title').textContent === {title!r}")
    assert page.duo.get_logs() == []


def test_the_article_index_opens_an_article_and_the_keys_step_through_it_in_text_order(page):
    from timeline_app.data.catalog import build_catalog
    from timeline_app.data.dataset import load_dataset
    from timeline_app.data.paths import EVENTS_DIR
    from timeline_app.web.article_index import events_in_text_order

    catalog = build_catalog(load_dataset(EVENTS_DIR))
    order = events_in_text_order(catalog, "joseph-stalin")
    titles = [catalog.events[catalog.find(i)].title for i in order]
    page.open()
    index = page.js("return [...document.querySelectorAll('#reader-body .article-link')].map(b => b.textContent)")
    assert f"Who was Joseph Stalin? ({len(order)} events)" in index
    page.driver.find_element(By.XPATH, "//button[contains(@class,'article-link')][contains(., 'Joseph Stalin')]").click()
    page.wait(f"document.getElementById('reader-title') && document.getElementById('reader-title').textContent === {titles[0]!r}")
    assert parse_qs(page.search().lstrip("?"))["lesson"] == [",".join(order)], "kept in the address"
    page.settle()
    drawn = page.js("const c = window.timelineLib.current; return c.s.idx.map((i) => c.d.ids[i])")
    assert sorted(drawn) == sorted(order), "the timeline is filtered to the article's events"
    start, end = page.x_range()
    for title in titles:
        i = page.position(title)
        assert start <= page.js("return window.timelineLib.current.d.start[arguments[0]]", i) <= end
    pane = page.driver.find_element(By.ID, "timeline-pane")
    for title in titles[1:]:
        pane.send_keys(Keys.ARROW_RIGHT)
        page.wait(f"document.getElementById('reader-title').textContent === {title!r}")
    assert page.duo.get_logs() == []
