"""The reader panel: an event's article with its quote highlighted, and links to related events."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def reader_links(page) -> list[str]:
    return page.js("return [...document.querySelectorAll('#reader-body .event-link')].map(b => b.innerText)")


def test_clicking_an_event_opens_its_article_with_the_quote_highlighted(page):
    page.open()
    page.click_event("Stalin leads the Bolsheviks turning to bureaucracy")
    text = page.reader_text()
    assert "the early 1920s" in text, "the date in its original wording"
    assert "Who was Joseph Stalin?" in text
    marks = page.js("return [...document.querySelectorAll('#reader-body mark')].map(m => m.textContent)")
    assert marks == ["In the early 1920s he became the key leader"]
    assert "faction defeated the loyal" in text, "the full article text"
    assert page.search() == "?event=stalin-leads-bureaucratic-faction"
    assert page.status()["selectedDrawn"] == page.position("Stalin leads the Bolsheviks turning to bureaucracy")
    assert page.js("return document.querySelector('#timeline-labels .tl-label.selected').textContent").startswith("Stalin leads")
    assert page.duo.get_logs() == []


def test_the_quote_is_scrolled_into_view(page):
    page.open(width=1280, height=560)
    page.click_event("Stalinist regimes collapse")
    page.wait("document.querySelector('#reader-body mark')")
    page.settle()
    visible = page.js("""const m = document.querySelector('#reader-body mark').getBoundingClientRect(),
                         r = document.getElementById('reader').getBoundingClientRect();
                         return m.top >= r.top && m.bottom <= r.bottom && m.bottom <= innerHeight;""")
    assert visible
    assert page.duo.get_logs() == []


def test_an_event_opened_keeps_its_title_in_view_and_the_close_button_clear(page):
    """Issue 15 point 7: scrolling the article to a quote near its end took the title out of the
    panel, and the close button then sat over the article's text."""
    page.open("?event=poland-1970-workers-protest", width=1280, height=720)
    page.wait("document.querySelector('#reader-body mark') && document.getElementById('reader').scrollTop > 0",
              message="the article scrolled to the quote")
    page.settle()
    title, mark, reader = (page.js(f"const r = {e}.getBoundingClientRect(); return [r.top, r.bottom]") for e in (
        "document.getElementById('reader-title')", "document.querySelector('#reader-body mark')",
        "document.getElementById('reader')"))
    assert reader[0] <= title[0] and title[1] <= mark[0] and mark[1] <= reader[1], (title, mark, reader)
    under_close = page.js("""const c = document.getElementById('reader-close').getBoundingClientRect();
        return [[c.left + 2, c.top + 2], [c.right - 2, c.top + 2], [c.left + 2, c.bottom - 2],
                [c.right - 2, c.bottom - 2], [(c.left + c.right) / 2, (c.top + c.bottom) / 2]].map(([x, y]) => {
          const below = document.elementsFromPoint(x, y).find((e) => !e.closest('#reader-close'));
          return below.closest('#reader-body') && !below.closest('.reader-head') ? below.className || below.tagName : null;
        }).filter(Boolean);""")
    assert under_close == [], "only the title's head lies under the close button"
    assert page.duo.get_logs() == []


def test_the_last_related_event_scrolls_clear_of_the_presentation_step_buttons(page):
    """Issue 15 point 7: at 1920x1080 in presentation mode the end of "Also in this article" lay
    under the on-screen step buttons."""
    page.open("?event=poland-1970-workers-protest&present=1", width=1920, height=1080)
    page.wait("document.querySelector('#reader-body .related li:last-child')", message="the related events")
    last, buttons = page.js("""const reader = document.getElementById('reader');
        reader.scrollTop = reader.scrollHeight;
        const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
        return [box(document.querySelector('#reader-body .related li:last-child')),
                box(document.querySelector('.step-buttons'))];""")
    assert last[3] <= buttons[1] or last[2] <= buttons[0], (last, buttons)
    assert last[3] <= 1080
    page.js("document.getElementById('reader').scrollTop = 0")
    assert page.duo.get_logs() == []


def test_article_text_is_rendered_as_text(page):
    page.open("?event=poland-1980-81-workers-movement")
    html = page.js("return document.getElementById('reader-body').innerHTML")
    assert "<script" not in html and "dangerouslySetInnerHTML" not in html
    assert page.js("return document.querySelectorAll('#reader-body mark').length") == 1
    assert page.duo.get_logs() == []


def test_links_to_the_articles_other_events_move_the_timeline(page):
    page.open("?event=russian-revolution-1917&from=1860&to=1880")
    links = reader_links(page)
    assert any("Joseph Stalin" in link for link in links) and any("Russian civil war" in link for link in links)
    page.driver.find_element(By.XPATH, "//button[contains(@class,'event-link')][contains(., 'Russian civil war')]").click()
    page.wait("document.getElementById('reader-title').textContent === 'Russian civil war'")
    page.settle()
    start, end = page.x_range()
    middle = page.js("const d = window.timelineLib.current.d, i = arguments[0]; return (d.start[i] + d.end[i]) / 2",
                     page.position("Russian civil war"))
    assert start < middle < end and abs((start + end) / 2 - middle) < (end - start) * 0.05, "centred on it"
    assert "event=russian-civil-war" in page.search()
    assert page.duo.get_logs() == []


def test_a_life_links_to_the_persons_events(page):
    page.open()
    page.click_event("Joseph Stalin")
    text = page.reader_text()
    assert "Events in the life of Joseph Stalin" in text
    links = reader_links(page)
    assert any("Russian Revolution" in link for link in links)
    page.driver.find_element(By.CSS_SELECTOR, "#reader-body .person-link").click()
    page.wait("location.search.includes('person=Joseph+Stalin')")
    status = page.settle()
    assert status["shown"] == 3
    assert page.js("return document.getElementById('reader-title').textContent") == "Joseph Stalin"
    assert page.duo.get_logs() == []


def test_a_click_on_empty_timeline_space_gives_it_the_keys(page):
    """Issue 15 point 7: plotly.js' drag layer kept a click from focusing the timeline pane, so the
    arrows did nothing after it."""
    page.open()
    page.js("document.activeElement.blur()")
    plot = page.plot_box()
    page.click_at(plot["left"] + 4, plot["top"] + 4)
    page.wait("document.activeElement.id === 'timeline-pane'", message="the timeline focused")
    ActionChains(page.driver).send_keys(Keys.ARROW_RIGHT).perform()
    page.wait("document.getElementById('reader-title')", message="an event selected by the arrow key")
    assert page.js("return document.getElementById('reader-title').textContent") == "Serfdom abolished in Russia"
    assert page.duo.get_logs() == []


def test_keyboard_steps_through_events_and_escape_closes(page):
    page.open()
    pane = page.driver.find_element(By.ID, "timeline-pane")
    pane.send_keys(Keys.ARROW_RIGHT)
    page.wait("document.getElementById('reader-title')")
    first = page.js("return document.getElementById('reader-title').textContent")
    assert first == "Serfdom abolished in Russia", "the earliest event in view"
    pane.send_keys(Keys.ARROW_RIGHT)
    page.wait("document.getElementById('reader-title').textContent !== arguments[0]".replace("arguments[0]", repr(first)))
    assert page.js("return document.getElementById('reader-title').textContent") == "American Civil War"
    pane.send_keys(Keys.ARROW_LEFT)
    page.wait(f"document.getElementById('reader-title').textContent === {first!r}")
    pane.send_keys(Keys.ESCAPE)
    page.wait("!document.getElementById('reader-title')")
    assert "event=" not in page.search()
    assert page.duo.get_logs() == []
