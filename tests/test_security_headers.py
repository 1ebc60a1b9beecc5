"""Security headers on every response, and the page working under its CSP.

The CSP allows scripts only from the app's origin or by the hash of Dash's own
inline scripts: no ``'unsafe-eval'``, no ``'unsafe-inline'`` for scripts.  The
browser tests prove that the page still works under it, including plotly.js's
WebGL traces (served from its strict bundle) and an inline clientside
callback, and that the browser reports no CSP violation at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import plotly.graph_objects as go
import pytest
from dash import Dash, Input, Output, dcc, html
from plotly.offline import get_plotlyjs_version
from werkzeug.serving import make_server

from timeline_app import vendor
from timeline_app.server.security import harden, parse_frame_ancestors
from timeline_app.server.settings import BY_NAME
from timeline_app.web.app import create_app

ENV_FRAME_ANCESTORS = BY_NAME["frame_ancestors"].env
ENV_MAX_BODY_BYTES = BY_NAME["max_body_bytes"].env

CALLBACK = "/_dash-update-component"
REFERRER_POLICIES = {"no-referrer", "strict-origin-when-cross-origin", "same-origin", "strict-origin"}


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no CSP on {response.request.path if hasattr(response, 'request') else response}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice"
        directives[name] = sources
    return directives


def assert_security_headers(response, ancestors: tuple[str, ...] = ()) -> dict[str, list[str]]:
    csp = csp_directives(response)
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert csp["default-src"] == ["'self'"]
    script = csp["script-src"]
    assert script[0] == "'self'"
    assert all(s.startswith("'sha256-") and s.endswith("'") for s in script[1:]), script
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert "*" not in sum(csp.values(), [])
    assert "*" not in " ".join(sum((v for k, v in csp.items() if k != "frame-ancestors"), []))
    assert csp["frame-ancestors"] == (list(ancestors) or ["'none'"])
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in REFERRER_POLICIES
    frame_options = response.headers.get("X-Frame-Options")
    if not ancestors:
        assert frame_options == "DENY"
    elif ancestors == ("'self'",):
        assert frame_options == "SAMEORIGIN"
    else:
        assert frame_options is None  # would forbid the configured learning platform
    return csp


class Scripts(HTMLParser):
    """The page's <script> elements: external sources and inline bodies."""

    def __init__(self, page: str):
        super().__init__()
        self.sources: list[str] = []
        self.inline: list[str] = []
        self._inline = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if attrs.get("src"):
                self.sources.append(attrs["src"])
            # JSON data blocks (Dash's config) are never executed.
            self._inline = not attrs.get("src") and attrs.get("type", "") != "application/json"
            if self._inline:
                self.inline.append("")

    def handle_data(self, data):
        if self._inline:
            self.inline[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline = False


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def make_app(assets: Path | None = None, **harden_args) -> Dash:
    """WebGL figure, an inline clientside callback and a server callback."""
    app = Dash(__name__, assets_folder=str(assets) if assets else "assets-none")
    figure = go.Figure(go.Scattergl(x=list(range(200)), y=[i % 13 for i in range(200)], mode="markers"))
    app.layout = html.Div([
        dcc.Graph(id="graph", figure=figure),
        dcc.Input(id="text", value="hello"),
        html.Div(id="upper"),
        html.Div(id="length"),
    ])
    app.clientside_callback("function (value) { return (value || '').toUpperCase(); }",
                            Output("upper", "children"), Input("text", "value"))

    @app.callback(Output("length", "children"), Input("upper", "children"))
    def length(upper):
        return f"{len(upper or '')} letters"

    return harden(app, **harden_args)


@pytest.fixture(scope="module")
def fixture_app(tmp_path_factory) -> Dash:
    assets = tmp_path_factory.mktemp("assets")
    (assets / "site.css").write_text("body { margin: 0; }\n")
    (assets / "site.js").write_text("window.timelineAssetLoaded = true;\n")
    return make_app(assets)


# --- every response carries the headers ---------------------------------------

def test_every_kind_of_response_has_the_headers(app):
    client = app.server.test_client()
    page = client.get("/")
    assert page.status_code == 200
    scripts = Scripts(page.get_data(as_text=True))
    responses = {
        "page": page,
        "deep link": client.get("/some/deep/link"),
        "layout": client.get("/_dash-layout"),
        "dependencies": client.get("/_dash-dependencies"),
        "favicon": client.get("/_favicon.ico"),
        "404": client.get("/_dash-component-suites/nope/x.js"),
        "405": client.put("/", data="x"),
        "413": client.post(CALLBACK, data=b" " * (app.server.config["MAX_CONTENT_LENGTH"] + 1),
                           content_type="application/json"),
        "415": client.post(CALLBACK, data="x", content_type="text/plain"),
        "400": client.post(CALLBACK, json={"output": "nope.children"}),
    }
    for src in scripts.sources:
        responses[src] = client.get(src)
    assert len(scripts.sources) >= 5
    for name, response in responses.items():
        assert_security_headers(response), name
    assert responses["404"].status_code == 404 and responses["413"].status_code == 413
    assert all(r.status_code == 200 for n, r in responses.items() if n.startswith("/"))


def test_assets_and_callback_responses_have_the_headers(fixture_app):
    client = fixture_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "/assets/site.css" in page and "/assets/site.js" in page
    for path in ("/assets/site.css", "/assets/site.js"):
        response = client.get(path)
        assert response.status_code == 200
        assert_security_headers(response)
    response = client.post(CALLBACK, json={
        "output": "length.children", "outputs": {"id": "length", "property": "children"},
        "inputs": [{"id": "upper", "property": "children", "value": "HELLO"}],
        "changedPropIds": ["upper.children"]})
    assert response.status_code == 200 and response.get_json()["response"]
    assert_security_headers(response)


@pytest.mark.parametrize("which", ["app", "fixture_app"])
def test_every_inline_script_of_the_page_is_allowed_by_its_hash(request, which):
    app = request.getfixturevalue(which)
    response = app.server.test_client().get("/")
    csp = csp_directives(response)
    inline = Scripts(response.get_data(as_text=True)).inline
    assert inline, "Dash always has its renderer inline"
    for script in inline:
        assert sha256_source(script) in csp["script-src"], script[:80]
    if which == "fixture_app":
        assert any("toUpperCase" in s for s in inline)  # the clientside callback


def test_inline_script_registered_after_harden_is_hashed_too(fixture_app):
    app = make_app()
    app.clientside_callback("function (v) { return v + '!'; }", Output("length", "title"),
                            Input("length", "children"))
    response = app.server.test_client().get("/")
    inline = Scripts(response.get_data(as_text=True)).inline
    assert any("+ '!'" in s for s in inline)
    assert all(sha256_source(s) in csp_directives(response)["script-src"] for s in inline)


# --- plotly.js without eval ------------------------------------------------------

def test_page_loads_plotly_strict_bundle_before_dash_components(app):
    sources = Scripts(app.server.test_client().get("/").get_data(as_text=True)).sources
    stem = "timeline_app.vendor/" + vendor.PLOTLY_STRICT.removesuffix(".min.js")
    strict = [i for i, s in enumerate(sources) if stem in s]
    dcc_bundle = [i for i, s in enumerate(sources) if "dash_core_components" in s]
    assert strict and dcc_bundle and strict[0] < dcc_bundle[0]
    response = app.server.test_client().get(sources[strict[0]])
    assert response.status_code == 200
    assert response.get_data()[:200].decode().find(f"(strict - minified) v{vendor.__version__}") > 0
    assert "max-age=31536000" in response.headers.get("Cache-Control", "")


def test_vendored_strict_bundle_matches_the_plotly_package():
    path = Path(vendor.__file__).with_name(vendor.PLOTLY_STRICT)
    bundle = path.read_bytes()
    assert hashlib.sha256(bundle).hexdigest() == vendor.SHA256
    assert b"new Function" not in bundle and b"eval(" not in bundle
    assert vendor.__version__ == get_plotlyjs_version(), (
        "plotly (Python) now bundles another plotly.js: update timeline_app/vendor (see its docstring)")


# --- frame-ancestors and limits are configurable ----------------------------------

@pytest.mark.parametrize("setting, expected", [
    ("https://moodle.example.school", ("https://moodle.example.school",)),
    ("https://moodle.example.school, https://*.lms.example.org:8443/",
     ("https://moodle.example.school", "https://*.lms.example.org:8443")),
    (["self", "https://classroom.example.com"], ("'self'", "https://classroom.example.com")),
    ("'self'", ("'self'",)),
    ("", ()),
])
def test_frame_ancestors_by_argument(setting, expected):
    app = make_app(frame_ancestors=setting)
    assert_security_headers(app.server.test_client().get("/"), expected)


def test_frame_ancestors_from_the_environment(monkeypatch):
    monkeypatch.setenv(ENV_FRAME_ANCESTORS, "https://moodle.example.school https://lms.example.org")
    response = create_app().server.test_client().get("/")
    assert_security_headers(response, ("https://moodle.example.school", "https://lms.example.org"))


def test_create_app_passes_its_settings_through(monkeypatch):
    monkeypatch.setenv(ENV_FRAME_ANCESTORS, "https://ignored.example.org")
    app = create_app(frame_ancestors=["https://moodle.example.school"], max_body_bytes=5000)
    assert_security_headers(app.server.test_client().get("/"), ("https://moodle.example.school",))
    assert app.server.config["MAX_CONTENT_LENGTH"] == 5000


def test_body_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv(ENV_MAX_BODY_BYTES, "4096")
    client = make_app().server.test_client()
    response = client.post(CALLBACK, data=b"[" + b" " * 5000 + b"]", content_type="application/json")
    assert response.status_code == 413


@pytest.mark.parametrize("bad", [
    "https://a.example.org; script-src *", "*", "https://*", "javascript:alert(1)",
    "https://a.example.org/path", "data:", "'unsafe-inline'", "https://a.example.org'",
    "http://a.example.org\r\nSet-Cookie: x=1",
])
def test_frame_ancestors_refuses_anything_but_origins(bad):
    with pytest.raises(ValueError):
        parse_frame_ancestors(bad)


def test_harden_twice_is_refused():
    app = make_app()
    with pytest.raises(RuntimeError):
        harden(app)


# --- in a real browser ------------------------------------------------------------

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
});
"""


@pytest.fixture()
def chrome(request):
    """Headless Chromium with software WebGL, recording CSP violations from the first script.

    Chrome reports an ``eval`` blocked by CSP only to the page (the
    ``securitypolicyviolation`` event), not always to the console: plotly.js
    catches the error and shows "WebGL is not supported" instead.  So the
    listener, not the console log, is the proof.
    """
    from selenium import webdriver

    options = request.config.hook.pytest_setup_options()[0]  # the conftest's Chromium options
    for arg in ("--headless", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    yield driver
    driver.quit()


def wait_for(driver, script: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


CSP_WORDS = ("Content Security Policy", "Refused to", "EvalError", "unsafe-eval", "unsafe-inline")


def assert_page_clean_under_csp(driver, any_error: bool = True):
    """No CSP violation reported; with ``any_error``, no console error at all."""
    violations = driver.execute_script("return window.__cspViolations")
    assert violations == [], violations
    assert "WebGL is not supported" not in driver.execute_script("return document.body.innerText")
    severe = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert [m for m in severe if any(w in m for w in CSP_WORDS)] == []
    if any_error:
        assert severe == []
    # The listener is live: an inline script injected now is blocked and reported.
    driver.execute_script("var s = document.createElement('script'); s.text = 'window.__x = 1';"
                          "document.body.appendChild(s);")
    reported = wait_for(driver, "return window.__cspViolations.length && window.__cspViolations")
    assert reported[0].startswith("script-src") and driver.execute_script("return window.__x") is None


def callback_statuses(driver) -> list[int]:
    """HTTP statuses of the page's callback requests so far (Chrome's performance log)."""
    statuses = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived":
            response = message["params"]["response"]
            if urlsplit(response["url"]).path == CALLBACK:
                statuses.append(response["status"])
    return statuses


@pytest.mark.browser
def test_fixture_app_works_under_csp_with_webgl_and_inline_clientside(chrome, fixture_app):
    server = make_server("127.0.0.1", 0, fixture_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        chrome.get(f"http://127.0.0.1:{server.server_port}/")
        # inline clientside callback, then a server callback chained on it
        wait_for(chrome, "var e = document.getElementById('length');"
                         "return e && e.innerText === '5 letters'")
        assert chrome.find_element("id", "upper").text == "HELLO"
        assert wait_for(chrome, "return window.Plotly && window.Plotly.version") == vendor.__version__
        # the scattergl trace drew through WebGL (its canvases exist and have a GL context)
        wait_for(chrome, "return document.querySelectorAll('#graph .gl-canvas-context').length > 0")
        assert chrome.execute_script("return window.timelineAssetLoaded") is True
        statuses = callback_statuses(chrome)
        assert statuses and all(s == 200 for s in statuses), statuses
        assert_page_clean_under_csp(chrome)
    finally:
        server.shutdown()


@pytest.mark.browser
def test_production_server_page_works_under_csp(chrome, production_server):
    """The real app as `make run` serves it (waitress), in a browser: no CSP violation."""
    port = production_server(**{ENV_FRAME_ANCESTORS: None})
    chrome.get(f"http://127.0.0.1:{port}/")
    wait_for(chrome, "return document.querySelector('.js-plotly-plot .main-svg')")
    assert wait_for(chrome, "return window.Plotly && window.Plotly.version") == vendor.__version__
    time.sleep(1.0)  # let the initial callbacks settle
    # The guard lets the page's own callback requests through.
    statuses = callback_statuses(chrome)
    assert statuses and all(s in (200, 204) for s in statuses), statuses
    # Console errors of the app itself are the app tests' business; CSP ones are ours.
    assert_page_clean_under_csp(chrome, any_error=False)
