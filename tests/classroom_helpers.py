"""Helpers of the classroom browser tests (fixtures: classroom_fixtures.py).

They read the app the way a reader sees it: the DOM, the address bar, and
``window.timelineLib.current`` (what the timeline drew).
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlsplit

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

KEYS = Keys

# Events the timeline draws in view, by the browser's in-view rule (timeline-data.js's inView,
# the table's and the exports' rule: tests/test_js.py pins the two).
VISIBLE_JS = """
const cur = window.timelineLib.current;
if (!cur) return null;
const {d, s, range} = cur;
return s.idx.filter((i) => window.timelineLib.data.inView(d, i, range));
"""


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.driver.current_url).query)


def press(page, *keys) -> None:
    """Key presses sent to whatever has the focus, as a keyboard would."""
    chain = ActionChains(page.driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def wait_for(page, predicate, timeout: float = 10, message: str = "condition"):
    """Poll a Python predicate until it returns something truthy."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {message}")
        time.sleep(0.05)


def reader_title(page) -> str | None:
    return page.js("const h = document.getElementById('reader-title'); return h && h.textContent")


def wait_reader(page, title: str, timeout: float = 10) -> None:
    wait_for(page, lambda: reader_title(page) == title, timeout, f"the reader to show {title!r}")


def titles_of(page, indices) -> list[str]:
    return page.js("const d = window.timelineLib.current.d; return arguments[0].map((i) => d.title[i])", indices)


def visible_indices(page) -> list[int]:
    return page.js(VISIBLE_JS)


def shown(page, selector: str) -> bool:
    """The element exists and is rendered (not hidden by it or an ancestor)."""
    return page.js("const e = document.querySelector(arguments[0]); return !!e && e.checkVisibility()", selector)


def click(page, element_id: str) -> None:
    page.driver.find_element("id", element_id).click()


def wait_download(page, suffix: str, timeout: float = 15) -> Path:
    """The downloaded file ending in ``suffix``, once Chromium finished writing it."""
    def done():
        files = [f for f in Path(page.downloads).iterdir() if f.name.endswith(suffix)]
        return files[0] if files and files[0].stat().st_size > 0 else None
    return wait_for(page, done, timeout, f"a {suffix} download")


def goto(page, query: str = "", width: int = 1280, height: int = 720) -> dict:
    """Show the view ``query`` ("?from=...") at that window size.

    On a page already loaded this goes through the address bar the way a
    link inside the app does (dcc.Location, no reload), which is much
    faster than loading the page again; otherwise the page is loaded.
    """
    if not page.js("return !!(window.timelineStatus && window.timelineStatus.firstPaint)"):
        return page.open(query, width, height)
    if page.js("return [window.innerWidth, window.innerHeight]") != [width, height]:
        page.viewport(width, height)
    page.js("window.dash_clientside.set_props('url', {search: arguments[0]})", query)
    wanted = sorted(parse_qsl(query.lstrip("?")))
    wait_for(page, lambda: sorted(parse_qsl(page.js("return window.location.search").lstrip("?"))) == wanted,
             message=f"the view {query!r}")
    return page.settle()
