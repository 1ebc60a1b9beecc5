"""Readers see the title, then the timeline; the editor's tools live in the editor's view (issue 15 point 9).

The page is opened by a host name that is not loopback (``reader=True``: a
reader's machine) or by the server's loopback address (the editor's own).
"""

from __future__ import annotations

import urllib.parse

import pytest
from conftest import READER_HOST
from selenium.webdriver.common.by import By

from timeline_app.web.live_view import NOTICE_ROUTE

BOXES = """
const box = (el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height}; };
const title = document.querySelector('h1'), timeline = document.getElementById('timeline-pane');
return {title: box(title), timeline: box(timeline), upload: box(document.getElementById('preview-drop')),
        problems: box(document.getElementById('problems-panel')), bar: box(document.getElementById('live-bar')),
        barAfterTitle: !!(title.compareDocumentPosition(document.getElementById('live-bar'))
                          & Node.DOCUMENT_POSITION_FOLLOWING),
        barBeforeTimeline: !!(document.getElementById('live-bar').compareDocumentPosition(timeline)
                              & Node.DOCUMENT_POSITION_FOLLOWING),
        editing: document.documentElement.classList.contains('editing'),
        pressed: document.getElementById('editor-toggle').getAttribute('aria-pressed')};
"""


@pytest.fixture
def fresh(page):
    """The page; afterwards no Editor choice is left for the next test, on either address (each has its own)."""
    yield page
    url = urllib.parse.urlsplit(page.duo.server_url)
    for host in (url.hostname, READER_HOST):
        page.driver.get(url._replace(netloc=f"{host}:{url.port}", path=NOTICE_ROUTE).geturl())
        page.js("localStorage.removeItem('timeline-editor')")


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_a_reader_sees_the_title_then_the_timeline(fresh, width, height):
    fresh.open(width=width, height=height, reader=True)
    boxes = fresh.js(BOXES)
    assert not boxes["editing"] and boxes["pressed"] == "false"
    assert boxes["bar"]["height"] == boxes["upload"]["height"] == boxes["problems"]["height"] == 0
    assert boxes["title"]["bottom"] <= boxes["timeline"]["top"] < height / 2  # on the first screen, near the top
    assert fresh.duo.get_logs() == []


def test_on_the_editors_own_machine_the_tools_show_below_the_title(fresh):
    fresh.open()  # loopback: the editor runs `serve` beside the files
    boxes = fresh.js(BOXES)
    assert boxes["editing"] and boxes["pressed"] == "true"
    assert boxes["barAfterTitle"] and boxes["barBeforeTimeline"]  # in reading order too
    assert boxes["title"]["bottom"] <= boxes["upload"]["top"] < boxes["problems"]["top"] < boxes["timeline"]["top"]
    assert boxes["upload"]["height"] > 0 and boxes["problems"]["height"] > 0


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_the_editor_switch_shows_the_tools_and_is_remembered(fresh, width, height):
    fresh.open(width=width, height=height, reader=True)
    fresh.driver.find_element(By.ID, "editor-toggle").click()
    fresh.wait("document.documentElement.classList.contains('editing')", timeout=2)
    boxes = fresh.js(BOXES)
    assert boxes["pressed"] == "true"
    assert boxes["title"]["bottom"] <= boxes["upload"]["top"] < boxes["timeline"]["top"]
    assert boxes["upload"]["height"] > 0 and boxes["problems"]["height"] > 0

    fresh.open(width=width, height=height, reader=True)  # remembered in this browser
    assert fresh.js(BOXES)["editing"]
    fresh.driver.find_element(By.ID, "editor-toggle").click()
    fresh.wait("!document.documentElement.classList.contains('editing')", timeout=2)
    assert fresh.js(BOXES)["upload"]["height"] == 0

    fresh.open(width=width, height=height)  # the editor's own machine: on until switched off
    fresh.driver.find_element(By.ID, "editor-toggle").click()
    fresh.wait("!document.documentElement.classList.contains('editing')", timeout=2)
    fresh.open(width=width, height=height)
    boxes = fresh.js(BOXES)
    assert not boxes["editing"] and boxes["pressed"] == "false" and boxes["upload"]["height"] == 0


def test_a_readers_pasted_text_shows_its_preview_banner(fresh):
    fresh.open(reader=True)
    fresh.js("document.getElementById('paste-panel').open = true")
    box = fresh.driver.find_element(By.ID, "paste-text")
    fresh.js("arguments[0].scrollIntoView()", box)
    box.send_keys("The dockers struck in London in August 1889.")
    fresh.driver.find_element(By.ID, "paste-show").click()
    fresh.wait("document.getElementById('preview-banner').classList.contains('active')", timeout=10)
    banner = fresh.js("const r = document.getElementById('preview-banner').getBoundingClientRect();"
                      " return {height: r.height, text: document.getElementById('preview-banner').innerText}")
    assert banner["height"] > 0 and "Back to the shipped data" in banner["text"]
    assert fresh.js(BOXES)["upload"]["height"] == 0  # the editor's tools stay hidden
    fresh.driver.find_element(By.ID, "preview-back").click()
    fresh.wait("!document.getElementById('preview-banner').classList.contains('active')", timeout=5)
    assert fresh.duo.get_logs() == []
