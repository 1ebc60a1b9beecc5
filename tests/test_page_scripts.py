"""The page loads no polyfill for old browsers (timeline_app/server/page_scripts.py): core-js would
replace the browser's trim and parseInt, which plotly.js calls for every mark, with slower ones.
Dash's bundles get the one part of it they need, the regenerator runtime."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from selenium.webdriver.common.by import By

from timeline_app import vendor
from timeline_app.web import ids


def script_sources(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_the_page_has_no_polyfill_and_the_regenerator_runtime_before_dash_s_bundles(client):
    sources = script_sources(client)
    assert not [s for s in sources if "polyfill" in s]
    runtime = [i for i, s in enumerate(sources) if vendor.REGENERATOR_RUNTIME.removesuffix(".js") in s]
    renderer = [i for i, s in enumerate(sources) if "dash_renderer" in s]
    assert runtime and renderer and runtime[0] < renderer[0]
    response = client.get(sources[runtime[0]])
    assert response.status_code == 200 and b"regeneratorRuntime = runtime" in response.get_data()
    assert "max-age=31536000" in response.headers.get("Cache-Control", "")


def test_the_vendored_runtime_is_unchanged_since_vendored():
    path = Path(vendor.__file__).with_name(vendor.REGENERATOR_RUNTIME)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == vendor.REGENERATOR_SHA256
    assert path.with_name("regenerator-runtime-LICENSE").read_text().startswith("MIT License")


def test_the_browser_keeps_its_own_trim_and_parse_int_and_lazy_components_load(page):
    page.open()
    # U+180E is no longer white space (Unicode 6.3): core-js 2 says it is, and replaces both.
    assert page.js("return ['\\u180e'.trim() === '\\u180e', Number.isNaN(parseInt('\\u180e08')),"
                   " Number.isNaN(parseFloat('\\u180e1.5'))]") == [True, True, True]
    assert page.js("return typeof regeneratorRuntime.mark") == "function"
    # The person picker is a dcc.Dropdown, whose code Dash loads lazily through the runtime.
    page.driver.find_element(By.ID, ids.PERSON_FILTER).click()
    page.wait("document.querySelectorAll('[role=option]').length > 0", message="the person picker's options")
    assert page.duo.get_logs() == []
