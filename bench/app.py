"""Speed of the timeline against its peers, at 100 to 100,000 events, in one Chromium run.

By default (issue 14): this app, px.timeline, a scattergl figure and
vis-timeline (bench/_peers.py) at 100, 1,000, 10,000 and 100,000 events, the
same events and the same real gestures for each: first paint, one wheel step,
a 300 px drag pan, the longest task at load, the JS heap after load, and the
data bytes of a cold load.  Per system and size: one cold load (bytes), one
unreported warm-up, then ``--loads`` rounds (default 3) taken in turns with the
other systems (so a busy moment of the machine falls on all alike), medians printed, with
our ratios to px.timeline and vis-timeline and the load average around the
run.  A page that does not paint within 120 s is reported with empty figures.

``--detail`` runs the older, app-only measurements below instead.

Run from the repository root (``make bench``, or ``.venv/bin/python bench/app.py``);
needs the test dependencies (selenium, via ``make test-deps``) and Debian
Chromium.  Writes nothing into the repository: the synthetic datasets go to
a temporary folder that is removed afterwards.

For each size the script generates synthetic events (CSV + one article),
serves the timeline app and a plain ``plotly.express.timeline`` app of the
same events in-process on free loopback ports, and measures in headless
Chromium (the Chrome options of tests/conftest.py):

* first paint: navigation start -> the first frame with data drawn (median
  of a few loads after one cold load, so scripts and the event file come
  from the browser's cache, as for a returning reader);
* zoom: ``Plotly.relayout`` to a new range -> the timeline redrawn with its
  labels and ticks for that range (ours) or the relayout promise resolved
  and painted (px.timeline);
* filter: a category chip clicked -> timeline redrawn with the events left;
* select: a label clicked -> the reader shows the event and the timeline
  highlights it;
* bytes per event: HTTP body bytes of the page, the layout, the event file
  and every callback request of one cold load, counted by a WSGI middleware,
  divided by the event count (gzip as sent, and uncompressed); scripts and
  styles are fixed costs, left out.

Targets at 100k events: interactive (a frame is drawn within 100 ms after
load), first paint within 2x of the 1k case, filter and select under 300 ms,
at most 60 bytes per event on the wire, zoom at least 10x faster than
px.timeline.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import (  # noqa: E402  (the test suite's Chrome options)
    CHROME_ARGS,
    CHROMIUM,
)

sys.path.insert(0, str(ROOT / "bench"))
import _peers  # noqa: E402  (the peers and the gestures)

SIZES = (1_000, 10_000, 100_000)
FIRST_YEAR, LAST_YEAR = 1700, 1999  # px.timeline needs pandas timestamps (1677-2262)
PX_TIMEOUT_S = 240
OUR_TIMEOUT_S = 60
VIEWPORT = (1280, 720)

WORDS = {
    "what": ["Strike", "Uprising", "Congress", "Protest", "Riot", "Founding", "Trial", "Lockout", "March",
             "Boycott", "Mutiny", "Election", "Occupation", "Assembly"],
    "who": ["dockers", "miners", "weavers", "railwaymen", "students", "printers", "peasants", "soldiers",
            "teachers", "seamstresses", "tram drivers", "steelworkers"],
    "places": ["Łódź", "Turin", "Glasgow", "Lyon", "Chicago", "Barcelona", "Kraków", "Leeds", "Hamburg",
               "Milan", "Gdańsk", "Budapest", "Petrograd", "Dublin", "Lille", "Bilbao", "Detroit", "Essen"],
    "first": ["Anna", "Jan", "Maria", "Karl", "Rosa", "Leon", "Clara", "Pietro", "Ida", "Emil", "Nadia",
              "Oskar", "Vera", "Tom", "Lucia", "Ivan", "Marta", "Paul", "Olga", "Hugo"],
    "last": ["Nowak", "Rossi", "Smith", "Weber", "Dubois", "Kowalski", "Horvat", "Novak", "Keller", "Byrne",
             "Moreau", "Vogel", "Costa", "Lindqvist", "Petrov", "Fischer", "Marino", "Walsh", "Bauer", "Silva"],
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# ---------------------------------------------------------------- synthetic data

def synthetic_events(n: int, seed: int = 1) -> list[dict]:
    """n events in 1700-1999: years, months, days, ranges, "c. 1850", lives (1%)."""
    rng = random.Random(seed)
    people = [f"{rng.choice(WORDS['first'])} {rng.choice(WORDS['last'])}" for _ in range(max(50, n // 50))]
    places = WORDS["places"] + [f"{p} district {k}" for p in WORDS["places"] for k in range(1, 12)]
    categories = ["activism", "revolution", "uprising", "strike", "war", "founding", "regime", "reform",
                  "exile", "repression", "death"]
    rows = []
    for i in range(n):
        year = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        kind = rng.random()
        person = rng.choice(people)
        row = {"id": f"e{i}", "category": rng.choice(categories), "end": "", "article": "bench", "quote": "Generated",
               "people": person if rng.random() < 0.6 else "", "place": rng.choice(places),
               "title": f"{rng.choice(WORDS['what'])} of {rng.choice(WORDS['who'])} in {rng.choice(WORDS['places'])}",
               "description": ""}
        if kind < 0.01:
            born = rng.randint(FIRST_YEAR, LAST_YEAR - 80)
            row.update(category="life", title=person, people=person, start=str(born),
                       end=str(born + rng.randint(25, 80)))
        elif kind < 0.08:
            row.update(start=str(year), end=str(year + rng.randint(1, 5)))
        elif kind < 0.13:
            row.update(start=f"c. {year}")
        elif kind < 0.45:
            row.update(start=str(year))
        elif kind < 0.7:
            row.update(start=f"{rng.choice(MONTHS)} {year}")
        else:
            row.update(start=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}")
        rows.append(row)
    return rows


def write_dataset(folder: Path, rows: list[dict]) -> Path:
    shutil.copy(ROOT / "events" / "categories.csv", folder / "categories.csv")
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "bench.txt").write_text("Synthetic events\n\nGenerated for the benchmark.\n")
    path = folder / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "title", "start", "end", "category", "people", "place",
                                               "article", "quote", "description"])
        writer.writeheader()
        writer.writerows(rows)
    return path


# ---------------------------------------------------------------- serving

@dataclass
class ByteCounter:
    """WSGI middleware summing response bodies by kind (data vs scripts/styles)."""

    app: object
    data_sent: int = 0
    data_raw: int = 0
    static_sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.data_sent = self.data_raw = self.static_sent = 0

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        headers: dict[str, str] = {}

        def capture(status, response_headers, exc_info=None):
            headers.update((k.lower(), v) for k, v in response_headers)
            return start_response(status, response_headers, exc_info)

        body = b"".join(self.app(environ, capture))
        static = path.startswith(("/_dash-component-suites/", "/assets/", "/_favicon"))
        raw = len(gzip.decompress(body)) if headers.get("content-encoding") == "gzip" and not static else len(body)
        with self.lock:
            if static:
                self.static_sent += len(body)
            else:
                self.data_sent += len(body)
                self.data_raw += raw
        return [body]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(wsgi_app) -> tuple[str, object]:
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)

    port = free_port()
    server = make_server("127.0.0.1", port, wsgi_app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", server


# ---------------------------------------------------------------- browser

def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = CHROMIUM
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument("--headless=new")
    options.add_argument("--window-size={},{}".format(*VIEWPORT))
    driver = webdriver.Chrome(options=options)
    driver.set_script_timeout(PX_TIMEOUT_S)
    driver.set_page_load_timeout(PX_TIMEOUT_S)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": VIEWPORT[0], "height": VIEWPORT[1], "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _peers.HOOK})
    return driver


def wait_for(driver, condition: str, timeout: float = PX_TIMEOUT_S):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script("return " + condition)
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError(condition)


def load(driver, url: str, timeout: float = PX_TIMEOUT_S) -> float:
    """A fresh page load; ms from navigation start to the first painted data."""
    driver.get("about:blank")
    driver.get(url)
    return wait_for(driver, "window.__bench && window.__bench.firstPaint", timeout)


def settle_ours(driver, quiet_ms: int = 900) -> None:
    """Wait until nothing was drawn for quiet_ms: longer than the 500 ms after which the page
    reports a zoom to the server (timeline-render.js, REPORT_AFTER_MS), so that report and the
    redraw it causes are not measured as part of the next step."""
    wait_for(driver, f"""(() => {{ const s = window.timelineStatus;
        return s && s.firstPaint && performance.now() - Math.max(s.lastPaint, s.lastRender, s.settled) > {quiet_ms}; }})()""")


# Each snippet starts a change and calls back, on the next frame, with the ms
# until the timeline showed it (labels and ticks included for ours).
OUR_ZOOM = """
const [a, b, done] = arguments;
const gd = document.getElementById('timeline-plot');
const s = window.timelineStatus;
const t0 = performance.now();
Plotly.relayout(gd, {'xaxis.range': [a, b]});
(function poll() {
  if (s.settled > t0 && Math.abs(s.range[0] - a) < 1 && Math.abs(s.range[1] - b) < 1) {
    requestAnimationFrame(() => done(performance.now() - t0));
  } else setTimeout(poll, 1);
})();
"""

PX_ZOOM = """
const [a, b, done] = arguments;
const gd = document.querySelector('.js-plotly-plot');
const t0 = performance.now();
Plotly.relayout(gd, {'xaxis.range': [a, b]}).then(() => requestAnimationFrame(() => done(performance.now() - t0)));
"""

OUR_FILTER = """
const [name, done] = arguments;
const s = window.timelineStatus;
const before = s.shown;
const chip = [...document.querySelectorAll('button.chip')].find(b => b.id.includes('"' + name + '"'));
const t0 = performance.now();
chip.click();
(function poll() {
  if (s.shown !== before && s.settled > t0) requestAnimationFrame(() => done(performance.now() - t0));
  else setTimeout(poll, 1);
})();
"""

OUR_SELECT = """
const done = arguments[0];
const s = window.timelineStatus;
const labels = document.querySelectorAll('#timeline-labels .tl-label:not(.selected)');
const label = labels[Math.floor(labels.length / 2)];
const index = Number(label.dataset.index);
const box = label.getBoundingClientRect();
const t0 = performance.now();
document.body.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: box.left + 4, clientY: box.top + box.height / 2}));
(function poll() {
  const heading = document.getElementById('reader-title');
  if (heading && s.selectedDrawn === index && s.settled > t0) requestAnimationFrame(() => done(performance.now() - t0));
  else setTimeout(poll, 1);
})();
"""


def median_of(driver, name: str, runs: list[tuple]) -> float:
    """Run each (script, *args), letting the page settle in between; the median ms."""
    times = []
    for script, *args in runs:
        times.append(step(name, driver.execute_async_script(script, *args)))
        settle_ours(driver)
    return statistics.median(times)


def frame_latency(driver) -> float:
    return driver.execute_async_script(
        "const done = arguments[0]; const t0 = performance.now();"
        " requestAnimationFrame(() => done(performance.now() - t0));")


@dataclass
class Result:
    n: int
    first_paint: float | None = None
    zoom: float | None = None
    filter: float | None = None
    select: float | None = None
    frame: float | None = None
    bytes_sent: float = 0
    bytes_raw: float = 0
    px_first_paint: float | None = None
    px_zoom: float | None = None
    px_bytes: float | None = None


def step(name: str, value: float) -> float:
    print(f"    {name}: {value:.0f} ms", flush=True)
    return value


def measure(driver, rows: list[dict], folder: Path, loads: int) -> Result:
    from timeline_app.data.daycount import to_ordinal
    from timeline_app.web.app import create_app

    n = len(rows)
    result = Result(n)
    events_file = write_dataset(folder, rows)
    started = time.monotonic()
    app = create_app(events_file)
    print(f"  {n:>7} events: app built in {time.monotonic() - started:.1f} s", flush=True)
    counter = ByteCounter(app.server.wsgi_app)
    app.server.wsgi_app = counter
    url, server = serve(app.server)
    driver.set_script_timeout(OUR_TIMEOUT_S)
    try:
        counter.reset()
        load(driver, url)  # a cold load: every byte a new reader receives; then scripts are cached
        settle_ours(driver)
        result.bytes_sent = counter.data_sent / n
        result.bytes_raw = counter.data_raw / n
        paints = []
        for _ in range(loads):
            # A returning reader: scripts and the (immutable) event file come from the browser's
            # cache, but the page still parses, decodes and draws every event.
            paints.append(step("first paint", load(driver, url)))
            settle_ours(driver)
        result.first_paint = statistics.median(paints)
        result.frame = frame_latency(driver)
        result.zoom = median_of(driver, "zoom", [(OUR_ZOOM, to_ordinal((a, 1, 1)), to_ordinal((b, 1, 1)))
                                                 for a, b in ((1800, 1900), (1850, 1860), (1900, 1902),
                                                              (1750, 1950), (1930, 1931))])
        result.filter = median_of(driver, "filter", [(OUR_FILTER, name) for name in ("strike", "strike", "war", "war")])
        result.select = median_of(driver, "select", [(OUR_SELECT,)] * 3)
    except Exception as exc:  # a frozen page is a result too: the rest stays unmeasured
        print(f"  timeline at {n}: {type(exc).__name__}: {str(exc).splitlines()[0]}", flush=True)
    finally:
        server.shutdown()

    baseline = _peers.px_app(rows)
    counter = ByteCounter(baseline.server.wsgi_app)
    baseline.server.wsgi_app = counter
    url, server = serve(baseline.server)
    driver.set_script_timeout(PX_TIMEOUT_S)
    try:
        load(driver, url)
        counter.reset()
        result.px_first_paint = step("px first paint", load(driver, url))
        result.px_bytes = counter.data_sent / n
        zooms = [step("px zoom", driver.execute_async_script(PX_ZOOM, f"{first}-01-01", f"{last}-01-01"))
                 for first, last in ((1800, 1900), (1850, 1860), (1900, 1902))]
        result.px_zoom = statistics.median(zooms)
    except Exception as exc:  # a frozen baseline page is a result too
        print(f"  px.timeline at {n}: {type(exc).__name__}: {exc}", flush=True)
    finally:
        server.shutdown()
    return result


def ms(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(results: list[Result]) -> str:
    head = ("events", "first paint ms", "zoom ms", "filter ms", "select ms", "frame ms", "B/event gz",
            "B/event raw", "px first paint ms", "px zoom ms", "px B/event", "zoom speed-up")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in results:
        speedup = f"{r.px_zoom / r.zoom:.0f}x" if r.px_zoom and r.zoom else "-"
        cells = (f"{r.n:,}", ms(r.first_paint), ms(r.zoom), ms(r.filter), ms(r.select), ms(r.frame),
                 ms(r.bytes_sent, 1), ms(r.bytes_raw, 1), ms(r.px_first_paint), ms(r.px_zoom),
                 ms(r.px_bytes), speedup)
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def verdicts(results: list[Result]) -> str:
    """Each target at the largest size: PASS, FAIL, or FAIL (unmeasured) when the page froze."""
    small, big = results[0], results[-1]

    def check(name: str, values: tuple, test, detail) -> tuple[str, bool, str]:
        if any(v is None for v in values):
            return name, False, "not measured (the page did not respond)"
        return name, test(*values), detail(*values)

    checks = [
        check("interactive (a frame within 100 ms after load)", (big.frame,), lambda f: f <= 100,
              lambda f: f"{f:.0f} ms"),
        check(f"first paint within 2x of {small.n:,}", (big.first_paint, small.first_paint),
              lambda b, s: b <= 2 * s, lambda b, s: f"{b:.0f} ms vs {s:.0f} ms ({b / s:.2f}x)"),
        check("filter under 300 ms", (big.filter,), lambda f: f < 300, lambda f: f"{f:.0f} ms"),
        check("select under 300 ms", (big.select,), lambda f: f < 300, lambda f: f"{f:.0f} ms"),
        check("at most 60 bytes per event on the wire", (big.bytes_sent, big.bytes_raw), lambda b, r: b <= 60,
              lambda b, r: f"{b:.1f} B gzip ({r:.1f} B uncompressed)"),
        check("zoom at least 10x faster than px.timeline", (big.zoom, big.px_zoom or float("inf")),
              lambda z, p: p >= 10 * z,
              lambda z, p: f"{z:.0f} ms vs {p:.0f} ms ({p / z:.0f}x)" if p != float("inf")
              else f"{z:.0f} ms vs px.timeline not finishing in {PX_TIMEOUT_S} s"),
    ]
    return "\n".join(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}" for name, ok, detail in checks)


# ---------------------------------------------------------------- peers, side by side

SYSTEMS = ("app", "px.timeline", "scattergl", "vis-timeline")
PEER_SIZES = (100, 1_000, 10_000, 100_000)
PEER_METRICS = (("first paint", "ms"), ("wheel step", "ms"), ("drag pan", "ms"), ("longest task", "ms"),
                ("JS heap", "MB"), ("data bytes", "KB"))
LOAD_TIMEOUT_S = 120
"""A page that has not painted by then is reported as not painting; its other figures stay empty."""


def peer_server(system: str, rows: list[dict], folder: Path):
    """The WSGI app showing ``rows`` with ``system``."""
    if system == "app":
        from timeline_app.web.app import create_app

        return create_app(write_dataset(folder, rows)).server
    make = {"px.timeline": _peers.px_app, "scattergl": _peers.scattergl_app, "vis-timeline": _peers.vis_app}
    app = make[system](rows)
    return getattr(app, "server", app)


def settle(driver, system: str) -> None:
    if system == "app":
        settle_ours(driver)
    else:  # the plotly pages and vis-timeline draw synchronously: a quiet half second, then one frame
        time.sleep(0.5)
        frame_latency(driver)


@dataclass
class Peer:
    """One system serving one size's events, and the figures of its rounds so far."""

    system: str
    url: str
    server: object
    figures: dict = field(default_factory=lambda: {name: [] for name, _ in PEER_METRICS})
    failed: bool = False

    def fail(self, n: int, exc: Exception) -> None:
        """A page that never paints or freezes is a result too: its figures stay as they are."""
        self.failed = True
        print(f"    {self.system} at {n:,}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}", flush=True)


def start_peer(driver, system: str, rows: list[dict], folder: Path) -> Peer:
    """Serve ``system``; its cold load (counted for bytes) and one unreported warm-up."""
    counter = ByteCounter(peer_server(system, rows, folder))
    url, server = serve(counter)
    peer = Peer(system, url, server)
    try:
        counter.reset()
        load(driver, url, LOAD_TIMEOUT_S)  # cold: every byte a new visitor receives
        settle(driver, system)
        peer.figures["data bytes"].append(counter.data_sent / 1024)
        load(driver, url, LOAD_TIMEOUT_S)  # the unreported warm-up
        settle(driver, system)
    except Exception as exc:  # noqa: BLE001
        peer.fail(len(rows), exc)
    return peer


def measure_round(driver, peer: Peer, n: int) -> None:
    """One warm load of ``peer`` with its gestures."""
    if peer.failed:
        return
    system, figures = peer.system, peer.figures
    try:
        figures["first paint"].append(load(driver, peer.url, LOAD_TIMEOUT_S))
        settle(driver, system)
        longest, heap = driver.execute_script(
            "return [window.__bench.longest, performance.memory ? performance.memory.usedJSHeapSize : null]")
        if longest is not None:
            figures["longest task"].append(longest)
        if heap is not None:
            figures["JS heap"].append(heap / 2**20)
        figures["wheel step"].append(_peers.wheel_step(driver, system))
        settle(driver, system)
        figures["drag pan"].append(_peers.drag_pan(driver, system))
        settle(driver, system)
    except Exception as exc:  # noqa: BLE001
        peer.fail(n, exc)


def medians(peer: Peer, n: int) -> dict:
    values = {name: statistics.median(v) if v else None for name, v in peer.figures.items()}
    print(f"    {peer.system:>12} {n:>7,}: " + ", ".join(f"{name} {ms(value)}" for name, value in values.items()),
          flush=True)
    return values


def peer_tables(results: dict[tuple[str, int], dict], sizes: list[int]) -> str:
    """One table per figure: a row per size, a column per system, then our ratios to two peers."""
    out = []
    for name, unit in PEER_METRICS:
        head = ("events", *SYSTEMS, "app / px.timeline", "app / vis-timeline")
        how = "the cold load" if name == "data bytes" else "median of the warm rounds"
        lines = [f"{name} ({unit}, {how})", "| " + " | ".join(head) + " |",
                 "|" + "---|" * len(head)]
        for n in sizes:
            values = [results.get((system, n), {}).get(name) for system in SYSTEMS]
            ours = values[0]

            def ratio(peer):
                return f"{ours / peer:.2f}x" if ours is not None and peer else "-"
            lines.append("| " + " | ".join([f"{n:,}", *(ms(v, 1 if unit != "ms" else 0) for v in values),
                                            ratio(values[1]), ratio(values[3])]) + " |")
        out.append("\n".join(lines))
    return "\n\n".join(out)


def compare_peers(driver, sizes: list[int], rounds: int, systems: list[str]) -> str:
    """Per size: every system served at once and measured in turns, round by round, so that
    whatever else the machine does falls on all of them alike."""
    results = {}
    driver.set_script_timeout(LOAD_TIMEOUT_S)
    with tempfile.TemporaryDirectory(prefix="timeline-peers-") as tmp:
        for n in sizes:
            rows = synthetic_events(n)
            peers = []
            for system in systems:
                why = _peers.available(system)
                if why:
                    print(f"    {system}: {why}", flush=True)
                    continue
                folder = Path(tmp) / f"{system}-{n}"
                folder.mkdir()
                peers.append(start_peer(driver, system, rows, folder))
            for _ in range(rounds):
                for peer in peers:
                    measure_round(driver, peer, n)
            for peer in peers:
                peer.server.shutdown()
                results[(peer.system, n)] = medians(peer, n)
    return peer_tables(results, sizes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None,
                        help=f"event counts (default {', '.join(map(str, PEER_SIZES))}; "
                             f"with --detail {', '.join(map(str, SIZES))})")
    parser.add_argument("--loads", type=int, default=3, help="measured page loads (rounds) per size")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="the systems compared")
    parser.add_argument("--detail", action="store_true",
                        help="instead: our zoom, filter, select and bytes at --sizes against px.timeline's zoom")
    args = parser.parse_args(argv)
    driver = browser()
    if not args.detail:
        try:
            print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
            tables = compare_peers(driver, args.sizes or list(PEER_SIZES), args.loads,
                                   [s.strip() for s in args.systems.split(",") if s.strip()])
        finally:
            driver.quit()
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print(tables)
        return 0
    args.sizes = args.sizes or list(SIZES)
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
            for n in args.sizes:
                folder = Path(tmp) / str(n)
                folder.mkdir()
                results.append(measure(driver, synthetic_events(n), folder, args.loads))
    finally:
        driver.quit()
    load = os.getloadavg()
    print(f"\nload average during the run: {load[0]:.1f} (2 cores; other work on the machine slows every number)")
    print(table(results))
    print()
    print(verdicts(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
