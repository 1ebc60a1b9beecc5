"""First-visit load: a class of 200 opening the timeline in the same minute.

Run from the repository root:  .venv/bin/python bench/load.py [--clients 200] [--sweep]

Starts the production server as ``make run`` does (``python -m timeline_app
serve``, waitress) and the Dash development server (``app.run(debug=False)``)
on loopback, each with the shipped dataset and with a generated 10,000-event
file, and replays a browser's first visit for N concurrent clients:

1. what a real browser sends on first load is captured once per dataset with
   headless Chromium (selenium's performance log): the page, ``/_dash-layout``,
   ``/_dash-dependencies`` and every initial ``/_dash-update-component`` with
   its exact body (chained and clientside-triggered callbacks included);
2. each client (asyncio, one keep-alive connection, like a browser tab's
   first connection) replays that sequence ``--visits`` times, one request
   after the other, so a "visit" is the whole first load end to end.  The
   static scripts are left out: their URLs are fingerprinted and cached for a
   year, and in production a reverse proxy serves them (``--with-scripts``
   adds them, gzip-accepting, for the curious).

Prints requests/s, p50/p95/p99 per request and per whole visit, errors
(non-2xx, resets, timeouts) and the ratio to the development server; each
setting runs ``--repeat`` times on a fresh server and the median run is shown
(the load generator shares the machine's cores, so single runs are noisy).  Every
run is bounded (``--timeout`` seconds) and only ever talks to 127.0.0.1.
With ``--slow N`` (default 50) each setting is measured again while N
slow clients hold connections from a second before the visits on (trickled
headers, a trickled body, a body shorter than its Content-Length: what a
phone on a bad network or a slowloris sends).  Target on the 2-core
machine: zero errors, p95 of a whole first visit under 1 s with the shipped
dataset, with and without the slow clients.

Without selenium/Chromium (``make venv`` alone), the sequence falls back to
the page, layout and dependencies only, and says so.

``--idle 60`` measures the steady state instead: ``--clients`` pages open and
idle for 60 s, each asking whether the data changed the way a page does
(``--idle-ways``): the Dash-callback poll twice a second that pages sent
before issue 14, and the change notice (``/_timeline/changes``, a 304) at a
reader's and at an editor's pace, read from ``assets/live-notice.js``.  Prints
the server's CPU seconds (from /proc), its share of one core, requests per
second and per page per 10 s, and the load average around the runs.  Target:
under 5 % of one core and at most 1 request per page per 10 s for readers.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # write nothing into the repo, not even __pycache__

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from timeline_app.web.live_view import NOTICE_ROUTE  # noqa: E402

HOST = "127.0.0.1"
FIRST_VISIT_PATHS = ("/", "/_dash-layout", "/_dash-dependencies", "/_dash-update-component")
SWEEP_THREADS = (4, 8, 16, 32)


@dataclass
class Request:
    method: str
    target: str  # path and query
    body: bytes = b""
    content_type: str = ""
    headers: tuple[str, ...] = ()


@dataclass
class Result:
    request_times: list[float] = field(default_factory=list)
    visit_times: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    wall: float = 0.0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


# --- datasets -------------------------------------------------------------------

def write_events(path: Path, count: int, seed: int = 1956) -> Path:
    """``count`` valid events over the shipped categories and articles, quotes included."""
    import csv

    rng = random.Random(seed)
    events_dir = ROOT / "events"
    with open(events_dir / "categories.csv", encoding="utf-8-sig") as f:
        categories = [row["name"] for row in csv.DictReader(f)]
    quotes = {}  # article id -> runs of five words, each found word for word in the article
    for article in sorted((events_dir / "sources").glob("*.txt")):
        body = article.read_text(encoding="utf-8-sig").split("\n", 1)[-1]
        runs = []
        for line in body.splitlines():
            words = line.split(" ")
            runs += [" ".join(words[i:i + 5]) for i in range(0, len(words) - 5, 7)]
        quotes[article.stem] = [r for r in runs if r.strip() == r and "  " not in r]
    names = ("Luxemburg", "Lenin", "Konikow", "Trotsky", "Guevara", "Walesa", "Nagy")
    places = ("Warsaw", "Budapest", "Berlin", "Paris", "Havana", "Gdansk", "Prague")
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "title", "start", "end", "category", "people", "place", "article",
                         "quote", "description"])
        for i in range(count):
            year = rng.randint(1789, 2020)
            kind = rng.random()
            if kind < 0.7:
                start = str(year)
            elif kind < 0.85:
                start = f"{year}-{rng.randint(1, 12):02d}"
            else:
                start = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            end = str(year + rng.randint(1, 30)) if rng.random() < 0.1 else ""
            article = rng.choice(sorted(a for a in quotes if quotes[a]))
            quote = rng.choice(quotes[article])
            writer.writerow([f"event-{i:05d}", f"Event {i} in {rng.choice(places)}", start, end,
                             rng.choice(categories), rng.choice(names), rng.choice(places), article,
                             quote, f"Generated event number {i} for the load benchmark."])
    return path


# --- servers --------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(kind: str, events: Path | None, threads: int | None = None) -> tuple[subprocess.Popen, int]:
    """The production server (``python -m timeline_app serve``) or Dash's development server."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if kind == "serve":
        cmd = [sys.executable, "-m", "timeline_app", "serve", "--host", HOST, "--port", str(port)]
        if threads:
            cmd += ["--threads", str(threads)]
        if events:
            cmd += ["--events", str(events)]
    else:
        code = ("import sys; from timeline_app.web.app import create_app; "
                "create_app(sys.argv[1] or None).run(host=sys.argv[2], port=int(sys.argv[3]), debug=False)")
        cmd = [sys.executable, "-c", code, str(events or ""), HOST, str(port)]
    proc = subprocess.Popen(cmd, cwd=tempfile.gettempdir(), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while True:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                pass
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_server(proc)
                raise SystemExit(f"{kind} server did not start ({' '.join(cmd)})")
            time.sleep(0.1)
    # first request builds lazily prepared state; not part of any measurement
    asyncio.run(_warm(port))
    return proc, port


async def _warm(port: int) -> None:
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        client = await Connection.open(port)
        await client.request(Request("GET", path))
        client.close()


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- what a browser sends on first visit ---------------------------------------

def capture_first_visit(port: int, with_scripts: bool) -> tuple[list[Request], str]:
    """The first-visit requests of headless Chromium, in the order it sent them."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
    except ImportError:
        return fallback_sequence(), "no selenium: page, layout and dependencies only"
    chromium = os.environ.get("DASH_TEST_CHROMEPATH", "/usr/bin/chromium")
    if not (os.access(chromium, os.X_OK) and (shutil.which("chromedriver") or os.access("/usr/bin/chromedriver", os.X_OK))):
        return fallback_sequence(), "no Chromium: page, layout and dependencies only"
    os.environ["PATH"] = f"/usr/bin{os.pathsep}{os.environ.get('PATH', '')}"
    options = Options()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--enable-unsafe-swiftshader", "--window-size=1280,720", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(f"http://{HOST}:{port}/")
        sent: dict[str, dict] = {}
        order: list[str] = []
        quiet_since, deadline = time.monotonic(), time.monotonic() + 90

        def settled() -> bool:
            # the app has started (layout and dependencies fetched) and no request for 3 s
            paths = {urlsplit(r["url"]).path for r in sent.values()}
            started = {"/_dash-layout", "/_dash-dependencies"} <= paths
            return started and time.monotonic() - quiet_since > 3

        while time.monotonic() < deadline and not settled():
            time.sleep(0.25)
            for entry in driver.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message["method"] != "Network.requestWillBeSent":
                    continue
                params = message["params"]
                request_id, request = params["requestId"], params["request"]
                if request.get("hasPostData") and "postData" not in request:
                    try:
                        request["postData"] = driver.execute_cdp_cmd(
                            "Network.getRequestPostData", {"requestId": request_id})["postData"]
                    except Exception:  # noqa: BLE001 - gone already; the body stays unknown
                        pass
                if is_live_poll(request):
                    continue  # ticked by the change notice (live-notice.js) when data changed: not a first visit's
                if request_id not in sent:
                    order.append(request_id)
                    quiet_since = time.monotonic()
                sent[request_id] = request
        if not settled():
            raise SystemExit("the page did not start in Chromium (no /_dash-layout or "
                             "/_dash-dependencies request within 90 s): is the app broken?")
        sequence = []
        for request_id in order:
            request = sent[request_id]
            url = urlsplit(request["url"])
            if url.hostname != HOST:
                continue
            scripted = url.path.startswith(("/_dash-component-suites/", "/assets/"))
            if url.path not in FIRST_VISIT_PATHS and not (with_scripts and scripted):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            body = request.get("postData", "").encode()
            content_type = request.get("headers", {}).get("Content-Type", "")
            sequence.append(Request(request["method"], target, body, content_type))
        callbacks = sum(r.target.startswith("/_dash-update-component") for r in sequence)
        return sequence, f"captured from Chromium: {len(sequence)} requests, {callbacks} callbacks"
    finally:
        driver.quit()


def is_live_poll(request: dict) -> bool:
    """The change notice (timeline_app/web/live_view.py's NOTICE_ROUTE, asked twice a second in the
    editor's view, which a loopback page is) or a callback it ticked: not a first visit's."""
    if urlsplit(request.get("url", "")).path == NOTICE_ROUTE:
        return True
    try:
        changed = json.loads(request.get("postData") or "{}").get("changedPropIds") or []
    except (ValueError, AttributeError):
        return False
    return any(str(prop).startswith("live-poll.") for prop in changed)


def fallback_sequence() -> list[Request]:
    return [Request("GET", "/"), Request("GET", "/_dash-layout"), Request("GET", "/_dash-dependencies")]


# --- the load client -----------------------------------------------------------

class Connection:
    """A minimal HTTP/1.1 keep-alive client (Content-Length and chunked bodies)."""

    def __init__(self, port: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.port, self.reader, self.writer = port, reader, writer
        self.closed = False

    @classmethod
    async def open(cls, port: int) -> "Connection":
        reader, writer = await asyncio.open_connection(HOST, port, limit=1 << 20)
        return cls(port, reader, writer)

    async def request(self, request: Request) -> int:
        head = [f"{request.method} {request.target} HTTP/1.1", f"Host: {HOST}:{self.port}",
                "Accept-Encoding: gzip", "User-Agent: timeline-load-bench", *request.headers]
        if request.method == "POST":
            head += [f"Content-Type: {request.content_type or 'application/json'}",
                     f"Content-Length: {len(request.body)}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + request.body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("closed before the response")
        status = int(status_line.split()[1])
        length, chunked = None, False
        close = status_line.startswith(b"HTTP/1.0")  # e.g. the development server
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection":
                close = value == "close"
        if chunked:
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length is not None:
            await self.reader.readexactly(length)
        else:
            await self.reader.read()
            close = True
        if close:
            self.close()
            self.closed = True
        return status

    def close(self) -> None:
        self.writer.close()


async def client_task(port: int, sequence: list[Request], visits: int, result: Result,
                      start: asyncio.Event, deadline: float, delay: float) -> None:
    await start.wait()
    await asyncio.sleep(delay)
    connection = None
    for _ in range(visits):
        if time.monotonic() > deadline:
            result.error("not run (time limit)")
            return
        visit_start, ok = time.perf_counter(), True
        for request in sequence:
            began = time.perf_counter()
            try:
                if connection is None:
                    connection = await Connection.open(port)
                status = await asyncio.wait_for(connection.request(request),
                                                timeout=max(0.1, deadline - time.monotonic()))
            except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
                result.error(type(exc).__name__)
                connection, ok = None, False
                continue
            except asyncio.TimeoutError:
                result.error("timeout")
                if connection:
                    connection.close()
                connection, ok = None, False
                continue
            if connection.closed:  # the server does not keep connections alive
                connection = None
            result.requests += 1
            result.request_times.append(time.perf_counter() - began)
            if not 200 <= status < 300 and status != 304:
                result.error(f"HTTP {status}")
                ok = False
        if ok:
            result.visit_times.append(time.perf_counter() - visit_start)
    if connection:
        connection.close()


SLOW_KINDS = ("trickled headers", "trickled body", "body shorter than its Content-Length")
SLOW_HEAD = "POST /_dash-update-component HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"


async def slow_client(port: int, kind: str, stop: asyncio.Event, interval: float = 0.5) -> None:
    """A client that never finishes its request (a phone on a bad network, or slowloris).

    "trickled headers" sends a header line one byte per ``interval``, "trickled
    body" a 1 MB body the same way, "body shorter than its Content-Length" ten
    bytes of a 1,000-byte body and then nothing.  When the server closes the
    connection the client opens another, as an attacker would.
    """
    head = SLOW_HEAD.format(host=HOST, port=port)
    if kind == SLOW_KINDS[0]:
        start, drip = head + "X-Slow: ", b"a"
    elif kind == SLOW_KINDS[1]:
        start, drip = head + "Content-Length: 1000000\r\n\r\n", b" "
    else:
        start, drip = head + "Content-Length: 1000\r\n\r\n{\"output\":", b""
    while not stop.is_set():
        try:
            _, writer = await asyncio.open_connection(HOST, port)
        except OSError:
            await asyncio.sleep(interval)
            continue
        try:
            writer.write(start.encode())
            while not stop.is_set():
                if drip:
                    writer.write(drip)
                await writer.drain()
                try:
                    await asyncio.wait_for(stop.wait(), interval)
                except asyncio.TimeoutError:
                    pass
        except OSError:
            pass  # closed by the server: come back
        finally:
            writer.close()


async def run_load(port: int, sequence: list[Request], clients: int, visits: int, timeout: float,
                   spread: float = 0.0, slow: int = 0) -> Result:
    """``clients`` first visits; each client starts at a random moment within ``spread`` seconds.

    With ``slow`` > 0, that many :func:`slow_client` s (the kinds in turn) hold
    their connections from a second before the visits start until they end.
    """
    result = Result()
    start, stop = asyncio.Event(), asyncio.Event()
    slow_tasks = [asyncio.create_task(slow_client(port, SLOW_KINDS[i % len(SLOW_KINDS)], stop))
                  for i in range(slow)]
    if slow:
        await asyncio.sleep(1.0)  # they have connected and sent what they will send
    deadline = time.monotonic() + timeout
    rng = random.Random(200)
    tasks = [asyncio.create_task(client_task(port, sequence, visits, result, start, deadline,
                                             rng.uniform(0, spread)))
             for _ in range(clients)]
    await asyncio.sleep(0.05)
    began = time.perf_counter()
    start.set()  # everyone at once: the QR code went up
    await asyncio.gather(*tasks)
    result.wall = time.perf_counter() - began
    stop.set()
    await asyncio.gather(*slow_tasks)
    return result


# --- steady state: pages open and idle -------------------------------------------

IDLE_WAYS = ("dash-poll", "notice-reader", "notice-editor")
"""How an idle page asks whether the data changed: the Dash-callback poll twice a second (before
issue 14), and the change notice (timeline_app/web/live_view.py) at a reader's and an editor's pace."""
NOTICE_ROUTE = "/_timeline/changes"
IDLE_TIMEOUT = 10.0
"""Seconds one request of an idle page may take (a request in flight at the end finishes)."""


def poll_request(state: dict) -> Request:
    """The live-reload poll's callback request (timeline_app/web/live_view.py) for a page in ``state``."""
    outputs = [("timeline-source", "data"), ("timeline-ready", "data"), ("live-state", "data"), ("live-show", "data")]
    body = {"output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..",
            "outputs": [{"id": i, "property": p} for i, p in outputs],
            "inputs": [{"id": "live-poll", "property": "n_intervals", "value": 1},
                       {"id": "preview-back", "property": "n_clicks", "value": 0}],
            "state": [{"id": "live-state", "property": "data", "value": state},
                      {"id": "timeline-ready", "property": "data", "value": None}],
            "changedPropIds": ["live-poll.n_intervals"]}
    return Request("POST", "/_dash-update-component", json.dumps(body).encode())


async def idle_request(port: int, way: str) -> tuple[Request, float]:
    """What an up-to-date idle page sends, and how many seconds apart."""
    if way == IDLE_WAYS[0]:
        # The page's state as its first tick records it: later ticks answer 204.
        recorded = (await _json(port, poll_request({})))["response"]["live-state"]["data"]
        return poll_request(recorded), 0.5
    seen = await _etag(port)
    return Request("GET", NOTICE_ROUTE, headers=(f"If-None-Match: {seen}",)), _notice_pace(way)


def _notice_pace(way: str) -> float:
    """The pages' own pace (assets/live-notice.js): the bench must not choose a kinder one."""
    text = (ROOT / "assets" / "live-notice.js").read_text(encoding="utf-8")
    name = "READER_MS" if way == IDLE_WAYS[1] else "EDITOR_MS"
    value = text.split(f"const {name} = ", 1)[1].split(";", 1)[0]
    return int(value.replace("_", "")) / 1000


async def _json(port: int, request: Request) -> dict:
    import urllib.request

    def fetch():
        req = urllib.request.Request(f"http://{HOST}:{port}{request.target}", data=request.body or None,
                                     method=request.method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as response:
            return json.loads(response.read())
    return await asyncio.to_thread(fetch)


async def _etag(port: int) -> str:
    import urllib.request

    def fetch():
        with urllib.request.urlopen(f"http://{HOST}:{port}{NOTICE_ROUTE}", timeout=30) as response:
            return response.headers["ETag"]
    return await asyncio.to_thread(fetch)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def idle_page(port: int, request: Request, pace: float, result: Result, stop: float,
                    rng: random.Random) -> None:
    """One open page: asks every ``pace`` seconds (first at a random moment within one pace)."""
    connection = None
    wake = time.monotonic() + rng.uniform(0, pace)
    while True:
        await asyncio.sleep(max(0.0, wake - time.monotonic()))
        if time.monotonic() >= stop:
            break
        wake += pace
        began = time.perf_counter()
        try:
            if connection is None:
                connection = await Connection.open(port)
            status = await asyncio.wait_for(connection.request(request), timeout=IDLE_TIMEOUT)
        except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError, asyncio.TimeoutError) as exc:
            result.error(type(exc).__name__)
            connection = None
            continue
        if connection.closed:
            connection = None
        result.requests += 1
        result.request_times.append(time.perf_counter() - began)
        if status not in (200, 204, 304):
            result.error(f"HTTP {status}")
    if connection:
        connection.close()


async def run_idle(proc: subprocess.Popen, port: int, way: str, pages: int, seconds: float) -> dict:
    """``pages`` idle pages for ``seconds``: the server's CPU seconds and the requests per second."""
    request, pace = await idle_request(port, way)
    result, rng = Result(), random.Random(14)
    cpu = cpu_seconds(proc.pid)
    began = time.perf_counter()
    stop = time.monotonic() + seconds
    await asyncio.gather(*(idle_page(port, request, pace, result, stop, rng) for _ in range(pages)))
    result.wall = time.perf_counter() - began
    used = cpu_seconds(proc.pid) - cpu
    p50, p95, _ = (x * 1000 for x in percentiles(result.request_times))
    return {"way": way, "pages": pages, "seconds": result.wall, "cpu s": used,
            "cpu %": 100 * used / result.wall, "req/s": result.requests / result.wall,
            "req/page/10s": 10 * result.requests / result.wall / pages, "p50": p50, "p95": p95,
            "errors": dict(result.errors)}


def idle_main(pages: int, seconds: float, ways: list[str]) -> int:
    load = os.getloadavg()
    print(f"{pages} pages open and idle for {seconds:g} s, shipped dataset, serve (waitress, defaults); "
          f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, {os.cpu_count()} CPUs", flush=True)
    rows = []
    for way in ways:
        proc, port = start_server("serve", None)
        try:
            rows.append(asyncio.run(run_idle(proc, port, way, pages, seconds)))
        finally:
            stop_server(proc)
    print("| how an idle page asks | server CPU s | CPU % of one core | requests/s | requests/page/10 s "
          "| p50 ms | p95 ms | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['way']} | {r['cpu s']:.1f} | {r['cpu %']:.1f} | {r['req/s']:.1f} | {r['req/page/10s']:.2f} "
              f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['errors'] or 0} |")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 1 if any(r["errors"] for r in rows) else 0


# --- report ---------------------------------------------------------------------

def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        value = values[0] if values else float("nan")
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def row(server: str, dataset: str, result: Result, dev: Result | None) -> dict:
    p50, p95, p99 = (x * 1000 for x in percentiles(result.request_times))
    v50, v95, v99 = (x * 1000 for x in percentiles(result.visit_times))
    rps = result.requests / result.wall if result.wall else 0.0
    line = {"server": server, "dataset": dataset, "req/s": rps, "p50": p50, "p95": p95, "p99": p99,
            "visit p50": v50, "visit p95": v95, "visit p99": v99,
            "errors": sum(result.errors.values()), "visits done": len(result.visit_times),
            "error kinds": dict(result.errors)}
    if dev is not None and dev.wall:
        dev_rps = dev.requests / dev.wall
        dev_v95 = percentiles(dev.visit_times)[1] * 1000
        line["x dev req/s"] = rps / dev_rps if dev_rps else float("nan")
        line["x dev visit p95"] = v95 / dev_v95 if dev_v95 == dev_v95 and dev_v95 else float("nan")
    return line


def print_table(rows: list[dict]) -> None:
    header = ("server", "dataset", "req/s", "p50 ms", "p95 ms", "p99 ms", "visit p50", "visit p95",
              "visit p99", "errors", "visits done", "req/s vs dev", "visit p95 vs dev")
    keys = ("server", "dataset", "req/s", "p50", "p95", "p99", "visit p50", "visit p95", "visit p99",
            "errors", "visits done", "x dev req/s", "x dev visit p95")
    widths = [max(len(h), 12) for h in header]
    widths[0], widths[1] = 30, 10
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in rows:
        cells = []
        for key, width in zip(keys, widths):
            value = line.get(key, "")
            if isinstance(value, float):
                value = f"{value:.2f}x" if key.startswith("x dev") else f"{value:.0f}"
            cells.append(str(value).ljust(width))
        print("| " + " | ".join(cells) + " |")
    for line in rows:
        if line["error kinds"]:
            print(f"  {line['server']} / {line['dataset']}: {line['error kinds']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--visits", type=int, default=1, help="first visits per client, one after the other")
    parser.add_argument("--spread", type=float, default=0.0,
                        help="clients arrive at random moments within this many seconds (0: all at once)")
    parser.add_argument("--events", type=int, default=10_000, help="size of the generated dataset")
    parser.add_argument("--threads", default="",
                        help="serve --threads settings to measure, e.g. 4,16 (default: serve's own)")
    parser.add_argument("--sweep", action="store_true",
                        help="measure --threads " + ",".join(map(str, SWEEP_THREADS)) + " (how the default was chosen)")
    parser.add_argument("--datasets", default="shipped,generated")
    parser.add_argument("--no-dev", action="store_true", help="skip the development server")
    parser.add_argument("--with-scripts", action="store_true", help="also fetch the page's scripts")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run, at most")
    parser.add_argument("--slow", type=int, default=50,
                        help="also measure with this many slow clients holding connections (0: skip)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per setting; the table shows the median run (by visit p95)")
    parser.add_argument("--idle", type=float, default=0.0, metavar="SECONDS",
                        help="instead: --clients pages open and idle this long (e.g. 60), server CPU and requests/s")
    parser.add_argument("--idle-ways", default=",".join(IDLE_WAYS),
                        help="how the idle pages ask, among: " + ", ".join(IDLE_WAYS))
    args = parser.parse_args(argv)
    if args.idle:
        return idle_main(args.clients, args.idle, [w.strip() for w in args.idle_ways.split(",") if w.strip()])
    configs: tuple[int | None, ...] = (SWEEP_THREADS if args.sweep
                                       else tuple(int(t) for t in args.threads.split(",") if t) or (None,))
    workdir = Path(tempfile.mkdtemp(prefix="timeline-load-"))
    rows = []
    try:
        datasets = {}
        for name in args.datasets.split(","):
            if name == "shipped":
                datasets["shipped"] = None
            elif name == "generated":
                datasets[f"{args.events // 1000}k"] = write_events(workdir / "events.csv", args.events)
        print(f"{args.clients} clients x {args.visits} first visit(s) each, arriving "
              + (f"within {args.spread:g} s" if args.spread else "all at once")
              + f"; {os.cpu_count()} CPUs, loopback; serve --threads "
              + ", ".join(str(c or "default") for c in configs), flush=True)
        for dataset, events in datasets.items():
            proc, port = start_server("serve", events, configs[0])
            try:
                sequence, how = capture_first_visit(port, args.with_scripts)
            finally:
                stop_server(proc)
            print(f"[{dataset}] first visit {how}: "
                  + ", ".join(r.target.split("?")[0] for r in sequence), flush=True)
            def measure(kind: str, threads: int | None = None, slow: int = 0) -> Result:
                """The median of ``--repeat`` runs, each on a fresh server."""
                runs = []
                for _ in range(max(1, args.repeat)):
                    proc, port = start_server(kind, events, threads)
                    try:
                        runs.append(asyncio.run(run_load(port, sequence, args.clients, args.visits,
                                                         args.timeout, args.spread, slow)))
                    finally:
                        stop_server(proc)
                runs.sort(key=lambda r: (sum(r.errors.values()), percentiles(r.visit_times)[1]))
                median = runs[len(runs) // 2]
                if any(r.errors for r in runs):  # never hide an error behind a median
                    median = max(runs, key=lambda r: sum(r.errors.values()))
                print(f"  {kind} {threads or ''}{f' + {slow} slow' if slow else ''}: visit p95 of each run "
                      + ", ".join(f"{percentiles(r.visit_times)[1] * 1000:.0f} ms" for r in runs), flush=True)
                return median

            dev = None
            if not args.no_dev:
                dev = measure("dev")
                rows.append(row("dash dev server", dataset, dev, None))
            for threads in configs:
                name = f"serve --threads {threads}" if threads else "serve"
                rows.append(row(name, dataset, measure("serve", threads), dev))
                if args.slow:
                    rows.append(row(f"{name} + {args.slow} slow", dataset,
                                    measure("serve", threads, args.slow), dev))
        print()
        print_table(rows)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    failed = [r for r in rows if r["server"].startswith("serve") and r["errors"]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
