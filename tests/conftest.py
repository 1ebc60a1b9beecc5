"""Shared pytest configuration and fixtures.

Browser tests use dash.testing's fixtures (``dash_duo``, ``dash_br``), which
drive Chrome through selenium 4.2.  selenium 4.2 has no driver manager: it
starts ``chromedriver`` from PATH.  On our machines that is Debian's
``chromium`` + ``chromium-driver`` (``make test`` installs them), running as
root, so Chromium needs ``--no-sandbox``.

dash.testing asks for webdriver options through its ``pytest_setup_options``
hook (dash/testing/newhooks.py) and uses the first result as the base
``ChromeOptions`` (adding ``--headless`` when pytest runs with ``--headless``,
which pytest.ini sets).  The hook below supplies those options.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW_SIZE = (1280, 720)

READER_HOST = "reader.test"
"""A name of the test server that is not a loopback address: the page as readers see it (live-editor.js)."""
CHROME_ARGS = (
    "--no-sandbox",  # Chromium refuses to start as root without it
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    f"--host-resolver-rules=MAP {READER_HOST} 127.0.0.1",  # the app as a reader's machine reaches it
)

BROWSER_FIXTURES = {"dash_duo", "dash_duo_mp", "dash_br"}

# Hypothesis: the 2-core CI machine is slow and noisy, so no per-example deadline.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def _chromium_binary() -> str:
    # DASH_TEST_CHROMEPATH is dash.testing's own override; honour it here too.
    return os.environ.get("DASH_TEST_CHROMEPATH", CHROMIUM)


def _require_browser_stack() -> None:
    """Fail (never skip) when the browser or its driver is missing."""
    if shutil.which("chromedriver") is None and os.access(CHROMEDRIVER, os.X_OK):
        # selenium 4.2 only looks on PATH; make Debian's driver findable.
        os.environ["PATH"] = f"{Path(CHROMEDRIVER).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    problems = []
    if shutil.which("chromedriver") is None:
        problems.append(f"chromedriver not on PATH (expected {CHROMEDRIVER})")
    if not os.access(_chromium_binary(), os.X_OK):
        problems.append(f"Chromium binary {_chromium_binary()} not found")
    if problems:
        pytest.fail(
            "browser test stack missing: "
            + "; ".join(problems)
            + ". Run `make test` (installs Debian chromium + chromium-driver).",
            pytrace=False,
        )


def pytest_setup_options():
    """dash.testing hook: base ChromeOptions for every dash_duo / dash_br."""
    _require_browser_stack()
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = _chromium_binary()
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument("--window-size={},{}".format(*WINDOW_SIZE))
    return options


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """Absolute path of the repository root."""
    return REPO_ROOT


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", autouse=True)
def _dash_runner_port():
    """Browser tests serve their app from a free port, not dash.testing's fixed 8050.

    So the suite runs beside `make run` (which holds 8050) and beside another
    checkout's suite on the same machine.  Module-scoped and autouse, so it
    runs before the module's ``timeline_page``; later apps in the module take
    the following ports.
    """
    from dash.testing.application_runners import BaseDashRunner

    BaseDashRunner._next_port = free_port()


@pytest.fixture
def production_server(tmp_path):
    """Start the app as `make run` serves it (waitress, one process); return its port.

    ``production_server(NAME=value, ...)`` runs ``python -m timeline_app serve``
    in ``tmp_path`` with those environment variables set (``None`` removes
    one) and returns the port once the server accepts connections; it fails
    the test, with the server's stderr, when the server exits or does not
    listen within 30 s.  Every server started is stopped after the test.
    Shared by the hostile-request and security-header tests, which both
    need the real production server rather than the Dash dev server.
    """
    procs: list[subprocess.Popen] = []

    def start(**environ: str | None) -> int:
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        for name, value in environ.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        proc = subprocess.Popen([sys.executable, "-m", "timeline_app", "serve", "--port", str(port)],
                                cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        procs.append(proc)
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return port
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.terminate()
                    _, err = proc.communicate(timeout=30)
                    pytest.fail(f"server did not start: {err.decode(errors='replace')[-2000:]}")
                time.sleep(0.1)

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=30)


# --------------------------------------------------------------------------
# The shipped dataset and the app over it, in-process (no browser, no server).


@pytest.fixture(scope="module")
def shipped():
    """The shipped dataset (events/), as the app loads it."""
    from timeline_app.data.dataset import load_dataset
    from timeline_app.data.paths import EVENTS_DIR

    return load_dataset(EVENTS_DIR)


@pytest.fixture(scope="module")
def catalog(shipped):
    """The shipped dataset's catalog, as the app's callbacks see it (positions = browser indices)."""
    from timeline_app.data.catalog import build_catalog

    return build_catalog(shipped)


@pytest.fixture
def dataset_copy(tmp_path) -> Path:
    """A copy of the shipped dataset folder (events/) in the test's tmp_path, to change or break."""
    from timeline_app.data.paths import EVENTS_DIR

    folder = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, folder)
    return folder


@pytest.fixture(scope="module")
def app():
    """The timeline app over the shipped dataset, one per test module."""
    from timeline_app.web.app import create_app

    return create_app()


@pytest.fixture(scope="module")
def client(app):
    """A Flask test client of :func:`app`."""
    return app.server.test_client()


# --------------------------------------------------------------------------
# Timeline app (Dash layer) fixtures.

BROWSER_FIXTURES.add("timeline_page")

ANCIENT_ARTICLE = """Risings of the poor

In 73 BC the gladiator Spartacus broke out of a training school at Capua. \
The slave army he led beat Roman armies for two years, until it was \
crushed in 71 BC. Spartacus, born around 111 BC, died in the last battle.

Many centuries later, in June 1381, the peasants of Essex and Kent rose \
against the poll tax and marched on London. On 15 June 1381 their leader \
Wat Tyler was killed at Smithfield.
"""

ANCIENT_EVENTS = """id,title,start,end,category,people,place,article,quote,description
spartacus-revolt,Spartacus revolt,73 BC,71 BC,uprising,Spartacus,Italy,risings,In 73 BC the gladiator Spartacus broke out,The Third Servile War.
spartacus-life,Spartacus,c. 111 BC,71 BC,life,Spartacus,Italy,risings,"Spartacus, born around 111 BC",Lifespan of Spartacus.
peasants-revolt,Peasants' Revolt,June 1381,,uprising,Wat Tyler,England,risings,"in June 1381, the peasants of Essex and Kent rose",The English rising against the poll tax.
wat-tyler-killed,Wat Tyler killed,15 June 1381,,death,Wat Tyler,England; London,risings,On 15 June 1381 their leader,The rising's leader killed at Smithfield.
"""


@pytest.fixture(scope="session")
def ancient_events_file(tmp_path_factory) -> Path:
    """A small dataset with a BC span, a BC life and two events of 1381 (before pandas' 1677)."""
    folder = tmp_path_factory.mktemp("ancient")
    shutil.copy(REPO_ROOT / "events" / "categories.csv", folder / "categories.csv")
    (folder / "sources").mkdir()
    (folder / "sources" / "risings.txt").write_text(ANCIENT_ARTICLE, encoding="utf-8")
    events = folder / "events.csv"
    events.write_text(ANCIENT_EVENTS, encoding="utf-8")
    return events


class TimelinePage:
    """The timeline page in a dash.testing browser, with the waits its tests need.

    ``window.timelineStatus`` (assets/timeline-render.js) counts renders and
    paints and lists the placed labels; ``gd`` below is the plotly graph div.
    """

    GD = "document.querySelector('#timeline .js-plotly-plot')"
    COUNT_REQUESTS = """if (!window.__requests && window.__requests !== 0) {
        window.__requests = 0;
        const fetch = window.fetch;
        window.fetch = (...args) => { window.__requests += 1;
          return fetch(...args).finally(() => { window.__requests -= 1; }); };
    }"""
    """Counts the page's requests in flight, so :meth:`settle` waits for callbacks too."""

    def __init__(self, duo):
        self.duo = duo
        self.driver = duo.driver

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def viewport(self, width: int = 1280, height: int = 720) -> None:
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def wait(self, condition: str, timeout: float = 15, message: str = ""):
        """Poll a JS expression until it is truthy; return its value."""
        import time

        end = time.monotonic() + timeout
        while True:
            value = self.js("return " + condition)
            if value:
                return value
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {message or condition}")
            time.sleep(0.05)

    def settle(self, quiet: float = 0.4, timeout: float = 15) -> dict:
        """Wait until the graph has painted and no paint or render happened for ``quiet`` s."""
        import time

        self.wait("window.timelineStatus && window.timelineStatus.firstPaint", timeout, "first paint")
        self.js(self.COUNT_REQUESTS)
        end = time.monotonic() + timeout
        last, since = None, time.monotonic()
        while time.monotonic() < end:
            now = self.js("const s = window.timelineStatus; return [s.paints, s.renders, s.settled, location.search,"
                          " window.__requests, document.querySelectorAll('[data-dash-is-loading]').length]")
            if now[4]:  # a callback request is in flight
                last = None
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return self.status()
            time.sleep(0.05)
        raise AssertionError("the page did not settle")

    def open(self, query: str = "", width: int = 1280, height: int = 720, reader: bool = False) -> dict:
        """The page at ``query``; with ``reader``, by a host name that is not loopback, as a reader's machine has it."""
        self.viewport(width, height)
        url = urllib.parse.urlsplit(self.duo.server_url)
        if reader:
            url = url._replace(netloc=f"{READER_HOST}:{url.port}")
        self.driver.get(url.geturl().rstrip("/") + "/" + query)
        return self.settle()

    def status(self) -> dict:
        return self.js("return window.timelineStatus")

    def x_range(self) -> list[float]:
        return self.js(f"return {self.GD}._fullLayout.xaxis.range")

    def trace(self, role: str) -> dict:
        """x, y, text, hovertext, customdata and marker of the drawn trace with that role (a trace with
        nothing to draw is hidden, assets/timeline-traces.js: plotly.js keeps only its visibility;
        the marker of one the page draws, assets/timeline-marks.js, is the one given to plotly.js)."""
        return self.js(f"const gd = {self.GD}; const t = gd._fullData.find(t => t.meta === arguments[0])"
                       " || gd.data.find(t => t.meta === arguments[0] && t.visible === false);"
                       " const list = (a) => a && Array.from(a);"
                       " const m = t && (t.marker || (t._input && t._input.marker));"
                       " return t && {x: list(t.x), y: list(t.y), text: list(t.text), hovertext: list(t.hovertext),"
                       " customdata: list(t.customdata), color: m && m.color, symbol: m && m.symbol, type: t.type};", role)

    def refill_traces(self, chip: str = "strike") -> None:
        """Make the traces again from the payload (a filter set and unset), so a changed drawing
        path or trace takes effect."""
        for _ in range(2):
            self.js("[...document.querySelectorAll('button.chip')].find(b => b.id.includes(arguments[0])).click()", chip)
            self.settle()

    def bars(self, role: str) -> list[tuple[float, float, float]]:
        """(start, end, row) of each bar the trace with that role (extents, lives, spans) draws, in
        either drawing path: a line per bar (start, end, gap) in the WebGL path, a filled rectangle
        (start, end, end, start, gap) in the SVG path (assets/timeline-traces.js, bands)."""
        trace = self.trace(role)
        bars, xs, ys = [], [], []
        for x, y in zip(trace["x"] + [None], trace["y"] + [None]):
            if x is not None:
                xs.append(x)
                ys.append(y)
            elif xs:
                bars.append((xs[0], xs[1], (min(ys) + max(ys)) / 2))
                xs, ys = [], []
        return bars

    def search(self) -> str:
        return self.js("return location.search")

    def relayout(self, start: float, end: float) -> dict:
        """Zoom the way the wheel does (plotly.js relayout), then wait for labels and ticks."""
        self.js(f"Plotly.relayout({self.GD}, {{'xaxis.range': [arguments[0], arguments[1]]}})", start, end)
        return self.settle()

    def position(self, title: str) -> int:
        """The browser's index of the event with that title."""
        index = self.js("return window.timelineLib.current.d.title.indexOf(arguments[0])", title)
        assert index >= 0, f"no event titled {title!r}"
        return index

    def mark_point(self, title: str, end: bool = False) -> tuple[float, float]:
        """Viewport coordinates of an event's mark (a span's start, or its end)."""
        return tuple(self.js(f"""
            const gd = {self.GD}, i = arguments[0], fl = gd._fullLayout, box = gd.getBoundingClientRect();
            const t = gd._fullData.find(t => String(t.meta).startsWith('marks:') && Array.from(t.customdata).includes(i));
            const k = arguments[1] ? Array.from(t.customdata).lastIndexOf(i) : Array.from(t.customdata).indexOf(i);
            return [box.left + fl._size.l + fl.xaxis.l2p(t.x[k]), box.top + fl._size.t + fl.yaxis.l2p(t.y[k])];
        """, self.position(title), end))

    def touch(self, kind: str, points: list[tuple[float, float]]) -> None:
        """A touch event (touchStart, touchMove, touchEnd) at viewport points, one finger each;
        needs Emulation.setTouchEmulationEnabled."""
        self.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {
            "type": kind, "touchPoints": [{"x": x, "y": y, "id": n} for n, (x, y) in enumerate(points)]})

    def pointer(self):
        from selenium.webdriver.common.actions.action_builder import ActionBuilder

        return ActionBuilder(self.driver)

    def click_at(self, x: float, y: float) -> None:
        actions = self.pointer()
        actions.pointer_action.move_to_location(int(x), int(y))
        actions.pointer_action.click()
        actions.perform()

    def click_event(self, title: str) -> dict:
        """Click an event's mark, then wait for the reader to show it."""
        self.click_at(*self.mark_point(title))
        self.wait("document.getElementById('reader-title') && "
                  f"document.getElementById('reader-title').textContent === {title!r}", message=title)
        return self.settle()

    def label_boxes(self) -> list[dict]:
        """Viewport boxes of the drawn labels."""
        return self.js("return [...document.querySelectorAll('#timeline-labels .tl-label')].map(l => {"
                       " const r = l.getBoundingClientRect();"
                       " return {text: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,"
                       " index: Number(l.dataset.index)}; })")

    def double_click_fit(self) -> dict:
        """Double-click the plot area (plotly.js's "fit everything"), wait for the fitted view."""
        plot = self.plot_box()
        actions = self.pointer()
        actions.pointer_action.move_to_location(int(plot["left"] + 200), int(plot["top"] + 10))
        actions.pointer_action.double_click()
        actions.perform()
        self.wait("location.search === ''", message="the fitted view's plain address")
        return self.settle()

    def plot_box(self) -> dict:
        return self.js(f"const gd = {self.GD}, fl = gd._fullLayout, r = gd.getBoundingClientRect();"
                       " return {left: r.left + fl._size.l, top: r.top + fl._size.t,"
                       " right: r.left + fl._size.l + fl._size.w, bottom: r.top + fl._size.t + fl._size.h};")

    def reader_text(self) -> str:
        return self.js("return document.getElementById('reader-body').innerText")


@contextlib.contextmanager
def timeline_browser(request, downloads: Path, events: Path | None = None, app=None):
    """The timeline app (``app``, else one serving ``events``, else the shipped dataset) served in a
    thread, and a Chromium on it.

    Yields the :class:`TimelinePage`; both stop on leaving.  This is
    dash_duo's DashComposite, kept open by the fixtures that use it
    (:func:`timeline_page`, classroom_fixtures' ``classroom_browser``) so a
    test module, or the whole classroom suite, starts Chromium and the app once.
    """
    from dash.testing.application_runners import ThreadedRunner
    from dash.testing.composite import DashComposite

    from timeline_app.web.app import create_app

    with ThreadedRunner() as server, DashComposite(
        server=server,
        browser=request.config.getoption("webdriver"),
        headless=request.config.getoption("headless"),
        options=request.config.hook.pytest_setup_options(),
        download_path=str(downloads),
        percy_run=False,
    ) as duo:
        duo.start_server(app or create_app(events))
        yield TimelinePage(duo)


@pytest.fixture(scope="module")
def timeline_page(request, tmp_path_factory):
    """One timeline app and one browser for a whole test module.

    The app serves the module's ``EVENTS_FILE`` fixture name if it sets one
    (e.g. "ancient_events_file"), else the shipped dataset.
    """
    fixture = getattr(request.module, "EVENTS_FILE", None)
    events = request.getfixturevalue(fixture) if fixture else None
    with timeline_browser(request, tmp_path_factory.mktemp("download"), events) as page:
        yield page


@pytest.fixture
def page(timeline_page):
    """The module's timeline page, with the browser log emptied before the test."""
    timeline_page.duo.get_logs()
    yield timeline_page
