"""Serving: ``python -m timeline_app serve`` and ``gunicorn timeline_app.wsgi:server``, debug off."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


@pytest.fixture
def server(ancient_events_file):
    """Start a server command on a free port; yield its base URL; stop it."""
    started = []

    def start(command: list[str], env: dict | None = None) -> str:
        port = free_port()
        process = subprocess.Popen([arg.replace("{port}", str(port)) for arg in command], cwd=ROOT,
                                   env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        started.append(process)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stdout.read()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the server did not start")

    yield start
    for process in started:
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
    base = server([sys.executable, "-m", "timeline_app", "serve", "--events", str(ancient_events_file),
                   "--port", "{port}", "--workers", "1"])
    check_app(base)


def test_gunicorn_serves_the_wsgi_app(server, ancient_events_file):
    base = server([sys.executable, "-m", "gunicorn", "timeline_app.wsgi:server", "--bind", "127.0.0.1:{port}",
                   "--workers", "1"], env={"TIMELINE_EVENTS": str(ancient_events_file)})
    check_app(base)
    status, layout = get(base + "/_dash-layout")
    assert '"count":4' in layout.replace(' ', ''), "TIMELINE_EVENTS chose the events file"


def test_a_missing_events_file_is_a_plain_error():
    result = subprocess.run([sys.executable, "-m", "timeline_app", "serve", "--events", "/no/such.csv"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "/no/such.csv: no such events file" in result.stderr and "Traceback" not in result.stderr
