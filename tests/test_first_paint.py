"""The chain before the first paint (issue 14, point 2): the page preloads its events, and a plain
address is drawn without waiting for a callback's round trip; an address with a query waits for the
server's reading of it, so the reader never sees the unfiltered timeline first.

The browser tests hold every callback answer back (SLOW_CALLBACK_S), as a busy server would.
"""

from __future__ import annotations

import re
import threading
import time

import pytest
from flask import request as http_request

from timeline_app.view.url_state import from_store
from timeline_app.web import events_route, ids, preload
from timeline_app.web.app import create_app
from timeline_app.web.callbacks import ViewController

from conftest import timeline_browser

SLOW_CALLBACK_S = 1.5
ANSWERED_BEFORE_PAINT = """
const paint = window.timelineStatus.firstPaint;
return performance.getEntriesByType('resource')
  .filter(e => e.name.includes('_dash-update-component') && e.responseEnd <= paint).length;
"""


def test_the_page_preloads_the_events_it_names(client):
    page = client.get("/").get_data(as_text=True)
    link = re.search(r"<link[^>]*rel=\"preload\"[^>]*>", page)
    assert link, "the page asks for its events while its scripts load"
    assert f'id="{ids.TIMELINE_EVENTS}"' in link.group(0) and f'href="{events_route.ROUTE}"' in link.group(0)
    assert 'as="fetch"' in link.group(0) and 'crossorigin="anonymous"' in link.group(0), \
        "the same request mode as the script's fetch, or the browser fetches twice"


def test_the_page_preloads_the_lazy_chunks_its_layout_uses(app, client):
    urls = preload.chunk_urls(app)
    assert len(urls) == 2, "the pickers (Dropdown) and the upload box (Upload)"
    page = client.get("/").get_data(as_text=True)
    for url in urls:
        assert f'<link rel="preload" href="{url}" as="script">' in page
        assert client.get(url).status_code == 200, f"{url}: dcc no longer has this chunk"


def test_the_page_preloads_dash_s_first_fetches(app, client):
    page = client.get("/").get_data(as_text=True)
    for url in preload.dash_routes(app):
        assert f'<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous">' in page
        assert client.get(url).status_code == 200


def test_an_empty_view_is_the_view_of_a_plain_address(catalog):
    """assets/timeline-render.js draws a plain address early with the view {}: the server reads it alike."""
    assert from_store({}) == ViewController(catalog, {}).from_url("").state


@pytest.fixture(scope="module")
def slow_page(request, tmp_path_factory):
    app = create_app()
    slow = threading.Event()

    @app.server.before_request
    def hold_callbacks():
        if slow.is_set() and http_request.path.endswith("_dash-update-component"):
            time.sleep(SLOW_CALLBACK_S)

    with timeline_browser(request, tmp_path_factory.mktemp("download"), app=app) as page:
        slow.set()
        yield page


def test_a_plain_address_is_drawn_before_any_callback_answers(slow_page):
    slow_page.viewport()
    slow_page.driver.get(slow_page.duo.server_url)
    slow_page.wait("window.timelineStatus && window.timelineStatus.firstPaint", message="first paint")
    assert slow_page.js(ANSWERED_BEFORE_PAINT) == 0, "the timeline waited for a callback"
    assert slow_page.status()["firstShown"] == 29
    status = slow_page.settle(timeout=30)
    assert status["shown"] == 29 and status["paints"] >= 1
    assert slow_page.duo.get_logs() == []


def test_an_address_with_a_query_is_first_drawn_as_it_asks(slow_page):
    status = slow_page.open("?q=Luxemburg")
    assert 0 < status["shown"] < 29
    assert status["firstShown"] == status["shown"], "the whole timeline flashed before the filtered one"
    assert slow_page.js(ANSWERED_BEFORE_PAINT) >= 1
    assert slow_page.duo.get_logs() == []


FETCHED = """
return performance.getEntriesByType('resource')
  .filter(e => arguments[0].some(path => new URL(e.name).pathname === path))
  .map(e => [new URL(e.name).pathname, e.initiatorType]);
"""


def test_each_preloaded_fetch_is_used_and_never_asked_for_twice(app, slow_page):
    """A preload whose request differs from the script's (mode, credentials) is fetched twice."""
    slow_page.open()
    paths = [events_route.ROUTE, *preload.dash_routes(app)]
    fetched = slow_page.js(FETCHED, paths)
    assert sorted(fetched) == sorted([path, "link"] for path in paths), fetched
    assert slow_page.duo.get_logs() == []
