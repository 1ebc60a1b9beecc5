"""Serving: ``python -m timeline_app serve`` (waitress) and ``timeline_app.wsgi:server``, debug off.

The server is started as a teacher starts it (``make run`` runs ``serve``),
on a free port, and must hold against the clients a school network has:
slow ones, idle ones, a second server on the same machine.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVE = [sys.executable, "-m", "timeline_app", "serve"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode()


@pytest.fixture
def server(tmp_path_factory):
    """Start a server command on a free port; yield its base URL; stop it.

    Its output goes to a file (a pipe nobody reads would stop a chatty
    server); ``start.log(base)`` is what it printed so far.
    """
    started: dict[str, tuple[subprocess.Popen, Path]] = {}

    def start(command: list[str], env: dict | None = None, cwd: Path = ROOT, open_files: int = 0) -> str:
        """``open_files``: the server's open-file limit (soft and hard), as ``ulimit -n`` would set it."""
        port = free_port()
        log = tmp_path_factory.mktemp("server") / "output.txt"
        limit = (lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))) if open_files else None
        with open(log, "w") as output:
            process = subprocess.Popen([arg.replace("{port}", str(port)) for arg in command], cwd=cwd,
                                       env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
                                       stdout=output, stderr=subprocess.STDOUT, preexec_fn=limit)
        base = f"http://127.0.0.1:{port}"
        started[base] = process, log
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return base
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the server did not start")

    start.log = lambda base: started[base][1].read_text()
    yield start
    for process, _ in started.values():
        process.terminate()
        process.wait(timeout=30)


def check_app(base: str) -> None:
    status, page = get(base + "/")
    assert status == 200 and "_dash-config" in page
    config = page.split('id="_dash-config"', 1)[1]
    assert '"ui": false' in config.replace('"ui":false', '"ui": false'), "Dash dev tools (debug) are off"
    status, layout = get(base + "/_dash-layout")
    assert status == 200 and "timeline-source" in layout
    status, _ = get(base + "/?from=abc&event=%3Cx%3E")
    assert status == 200, "a malformed URL is still the page"


def test_serve_command_runs_a_production_server(server, ancient_events_file):
    base = server([*SERVE, "--events", str(ancient_events_file), "--port", "{port}"])
    check_app(base)


def test_another_wsgi_server_serves_the_wsgi_app(server, ancient_events_file):
    base = server([sys.executable, "-m", "waitress", "--listen=127.0.0.1:{port}", "timeline_app.wsgi:server"],
                  env={"TIMELINE_EVENTS": str(ancient_events_file)})
    check_app(base)
    status, events = get(base + "/_timeline/events.json")  # redirected to the current version
    assert status == 200 and json.loads(events)["events"]["count"] == 4, "TIMELINE_EVENTS chose the events file"


def run_serve(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*SERVE, *args], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_a_missing_events_file_is_a_plain_error():
    result = run_serve("--events", "/no/such.csv")
    assert result.returncode == 2
    assert "/no/such.csv: no such events file" in result.stderr and "Traceback" not in result.stderr


def test_an_events_folder_is_named_a_folder(tmp_path):
    result = run_serve("--events", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{tmp_path} is a folder; give the events file in it, e.g. {tmp_path / 'events.csv'}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_busy_port_is_one_line_and_nothing_claims_to_serve(ancient_events_file):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_serve("--events", str(ancient_events_file), "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.strip() == f"127.0.0.1:{port} is in use (another server runs there?); choose another --port"
    assert "Serving" not in result.stdout


@pytest.mark.parametrize("host", ["no-such-host.invalid", "192.0.2.1"])
def test_a_host_that_is_not_this_machine_is_one_line(host):
    result = run_serve("--host", host, "--port", str(free_port()))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"{host}:{result.args[-1]}: no address of this machine has that name; choose another --host (e.g. 127.0.0.1)"]
    assert "Serving" not in result.stdout


def test_a_malformed_chunk_size_is_400_and_no_traceback_in_the_log(server, ancient_events_file):
    base = server([*SERVE, "--events", str(ancient_events_file), "--port", "{port}"])
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"zz\r\n{}\r\n0\r\n\r\n")
        reply = sock.recv(65536)
    assert reply.startswith(b"HTTP/1.1 400"), reply[:200]
    check_app(base)  # still serving
    assert "Traceback" not in server.log(base) and "Error" not in server.log(base)


def test_connections_are_limited_to_what_the_open_file_limit_allows(server, ancient_events_file):
    base = server([*SERVE, "--events", str(ancient_events_file), "--port", "{port}"], open_files=256)
    check_app(base)
    log = server.log(base)
    assert "only 96 connections fit in this process's open-file limit (256); raise it with `ulimit -n`" in log
    assert "(8 threads, up to 96 connections)" in log


def test_two_servers_share_no_file(server, ancient_events_file, tmp_path):
    """Each ``serve`` keeps to itself: no control socket or other file in a shared place.

    HOME and XDG_RUNTIME_DIR (where gunicorn put one control socket for
    every instance), TMPDIR and the working folder are empty folders of the
    test's own, and stay empty while two servers answer.
    """
    places = {name: tmp_path / name for name in ("home", "runtime", "tmp", "cwd")}
    for folder in places.values():
        folder.mkdir()
    env = {"HOME": str(places["home"]), "XDG_RUNTIME_DIR": str(places["runtime"]), "TMPDIR": str(places["tmp"])}
    bases = [server([*SERVE, "--events", str(ancient_events_file), "--port", "{port}"], env=env,
                    cwd=places["cwd"]) for _ in range(2)]
    for base in bases:
        check_app(base)
    assert {name: sorted(p.name for p in folder.rglob("*")) for name, folder in places.items()} == {
        name: [] for name in places}


def test_an_unknown_setting_is_named(ancient_events_file):
    result = run_serve("--events", str(ancient_events_file), "--port", "not-a-port",
                       env={"TIMELINE_WORKERS": "4"})
    assert "TIMELINE_WORKERS is not a setting of serve" in result.stderr
    assert "--port: 'not-a-port' is not a whole number" in result.stderr and result.returncode == 2


# --- slow clients ---------------------------------------------------------------

SLOW_CLIENTS = 24
"""Three times the threads of the old server (gunicorn, 2 workers x 4 threads), each kind of slow client."""
VISITORS = 20
"""Visitors one after the other: a server of several processes must hold in every one."""

SLOW_STARTS = (
    # a header line that never ends
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
    # a body sent one byte at a time
    b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b"Content-Length: 100000\r\n\r\n",
    # a body shorter than its Content-Length, and then nothing
    b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b"Content-Length: 1000\r\n\r\n{\"output\":",
)


def test_a_visitor_is_answered_while_slow_clients_trickle(server, ancient_events_file):
    base = server([*SERVE, "--events", str(ancient_events_file), "--port", "{port}"])
    port = int(base.rsplit(":", 1)[1])
    get(base + "/_dash-layout")  # rendered once and kept: what follows measures the server, not the app
    slow = []
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(0.2):
            for i, sock in enumerate(slow):
                if i % len(SLOW_STARTS) < 2:  # the third kind sends nothing more
                    try:
                        sock.send(b"a" if i % len(SLOW_STARTS) == 0 else b" ")
                    except OSError:
                        pass  # closed by the server: fine too

    dripper = threading.Thread(target=trickle, daemon=True)
    try:
        for i in range(SLOW_CLIENTS):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(SLOW_STARTS[i % len(SLOW_STARTS)])
            slow.append(sock)
        dripper.start()
        time.sleep(1.0)  # every slow client has been accepted and has sent its start
        for visitor in range(VISITORS):  # each on a new connection, wherever the server puts it
            began = time.monotonic()
            status, layout = get(base + "/_dash-layout", timeout=5)
            took = time.monotonic() - began
            assert status == 200 and "timeline-source" in layout
            assert took < 1.0, f"visitor {visitor} waited {took:.1f} s behind {SLOW_CLIENTS} slow clients"
    finally:
        stop.set()
        for sock in slow:
            sock.close()


def test_a_thousand_idle_connections_do_not_stop_a_visitor(server, ancient_events_file):
    base = server([*SERVE, "--events", str(ancient_events_file), "--port", "{port}"])
    port = int(base.rsplit(":", 1)[1])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < 1200:  # this test's own sockets
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(1200, hard), hard))
    idle = []
    try:
        for _ in range(1000):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        began = time.monotonic()
        status, _ = get(base + "/_dash-layout", timeout=5)
        took = time.monotonic() - began
        assert status == 200 and took < 1.0, f"a visitor waited {took:.1f} s behind 1,000 idle connections"
    finally:
        for sock in idle:
            sock.close()
