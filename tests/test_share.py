"""Share with the class: the view's link and its QR code (timeline_app/web/classroom/share.py)."""

from __future__ import annotations

import base64
import re

import segno
from classroom_helpers import click, goto, params, shown, wait_for

from timeline_app.view.url_state import ViewState, store_data
from timeline_app.web.classroom.share import qr_data_uri, share_link

pytest_plugins = ["classroom_fixtures"]

PAGE = "http://127.0.0.1:8050/"


def svg_of(data_uri: str) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert data_uri.startswith(prefix)
    return base64.b64decode(data_uri[len(prefix):]).decode("utf-8")


def test_link_is_the_view_without_presentation_mode():
    view = store_data(ViewState(start=-3653, end=3653, event="stalin-life", present=True, lesson=("a", "b")))
    link = share_link(PAGE, view)
    assert link == PAGE + "?from=1960&to=1980&event=stalin-life&lesson=a%2Cb"
    assert share_link(PAGE, None) == PAGE
    for bad in ("javascript:alert(1)", "http://x/\"><script>", "ftp://host/", "http://" + "x" * 600, None, 42):
        assert share_link(bad, view) is None, bad


def test_qr_code_encodes_the_link_as_scalable_svg():
    link = PAGE + "?from=1900&to=1960&event=stalin-life"
    svg = svg_of(qr_data_uri(link))
    assert svg.startswith("<svg") and 'viewBox="0 0 ' in svg and "<script" not in svg
    # The same symbol segno makes for the link: size from the viewBox, modules from the path.
    code = segno.make(link, error="m", micro=False)
    size = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
    assert size == code.symbol_size(scale=1, border=4)[0]
    assert svg == svg_of(qr_data_uri(link))  # deterministic
    assert svg != svg_of(qr_data_uri(link + "x"))


def test_share_panel_shows_link_copy_and_qr(classroom):
    page = classroom
    goto(page, "?from=1900&to=1960&event=russian-revolution-1917&present=1")
    button = page.driver.find_element("id", "share-toggle")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    wait_for(page, lambda: shown(page, "#share-panel"), message="the share panel")
    assert button.get_attribute("aria-expanded") == "true"
    link = page.driver.find_element("id", "share-link")
    wait_for(page, lambda: link.get_attribute("value"), message="the link")
    origin = page.duo.server_url.rstrip("/")
    value = link.get_attribute("value")
    assert value == origin + "/?from=1900&to=1960&event=russian-revolution-1917", value
    assert link.get_attribute("readonly") is not None
    # The QR code is the link's, drawn large enough to scan from the room.
    wait_for(page, lambda: page.driver.find_element("id", "share-qr").get_attribute("src") == qr_data_uri(value),
             message="the QR code of the link")
    box = page.js("const b = document.getElementById('share-qr').getBoundingClientRect(); return [b.width, b.height]")
    assert min(box) >= 160
    assert page.js("return document.getElementById('share-qr').alt").startswith("QR code")
    # Copy: the clipboard, or the link selected for Ctrl+C; either way the reader is told.
    click(page, "share-copy")
    wait_for(page, lambda: page.js("return document.getElementById('share-status').textContent")
             in ("Link copied.", "Select the link and copy it (Ctrl+C)."), message="the copy status")
    # The link follows the view while the panel is open.
    page.js("window.timelineLib.selectEvent(window.timelineLib.current.d.title.indexOf('Hungarian Revolution'))")
    wait_for(page, lambda: "event=hungary-1956-revolution" in link.get_attribute("value"), message="a new link")
    wait_for(page, lambda: page.driver.find_element("id", "share-qr").get_attribute("src")
             == qr_data_uri(link.get_attribute("value")), message="a new QR code")
    # Esc closes the panel first (presentation mode stays), then leaves presentation mode.
    page.driver.find_element("id", "share-link").send_keys("\ue00c")
    wait_for(page, lambda: not shown(page, "#share-panel"), message="the panel closed")
    assert params(page).get("present") == ["1"]
    assert page.duo.get_logs() == []
