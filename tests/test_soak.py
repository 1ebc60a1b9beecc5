"""Editors mid-save: the data files rewritten a thousand times while clients poll.

A writer thread saves valid versions (every title ends in its version
marker, "v17"), invalid ones, half-written files, files truncated to zero
bytes, deletes the file and replaces it by rename, while client threads poll
the real live-view callback through ``/_dash-update-component`` and fetch the
data URL it answers.  No response may be a 5xx, and every set of events a
client gets must carry ONE version marker: the last good version or the new
one, never a mix.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from timeline_app.data.paths import EVENTS_DIR
from timeline_app.web.app import create_app
from timeline_app.web.events_route import digest

HEADER = "id,title,start,end,category,people,place,article,quote,description\n"
REWRITES = 1000
CLIENTS = 2
MARKER = re.compile(r" v(\d+)$")

POLL_OUTPUTS = [("timeline-source", "data"), ("timeline-ready", "data"), ("live-state", "data"),
                ("live-show", "data")]


def version_text(version: int, rng: random.Random) -> str:
    count = rng.randint(3, 40)
    return HEADER + "".join(
        f"ev-{i},Event {i} with a longer title v{version},{1800 + i},,strike,,,,,"
        f"\"a description, with a comma, for row {i}\"\n" for i in range(count))


def poll(client, n: int) -> tuple[int, dict]:
    response = client.post("/_dash-update-component", json={
        "output": "".join(f"..{i}.{p}.." for i, p in POLL_OUTPUTS).replace("....", "..."),
        "outputs": [{"id": i, "property": p} for i, p in POLL_OUTPUTS],
        "inputs": [{"id": "live-poll", "property": "n_intervals", "value": n},
                   {"id": "preview-back", "property": "n_clicks", "value": 0}],
        "state": [{"id": "live-state", "property": "data", "value": {"version": "-1", "problems": ""}},
                  {"id": "timeline-ready", "property": "data", "value": None}],
        "changedPropIds": ["live-poll.n_intervals"]})
    if response.status_code != 200:
        return response.status_code, {}
    return 200, response.get_json()["response"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, target)
    (target / "events.csv").write_text(version_text(0, random.Random(0)), encoding="utf-8")
    return target


def test_soak_editors_mid_save(folder):
    app = create_app(folder / "events.csv")
    live = app.server.extensions["timeline_live"]
    live.check_seconds = 0.005  # reload as often as possible: the harshest case
    live.settle_seconds = 0.5
    events = folder / "events.csv"
    rng = random.Random(1234)
    stop = threading.Event()
    failures: list[str] = []
    stats = {"polls": 0, "fetches": 0, "markers": set(), "problem_panels": 0}
    lock = threading.Lock()

    def writer():
        version = 0
        try:
            for step in range(REWRITES):
                kind = rng.choice(["valid", "valid", "replace", "invalid-header", "row-errors",
                                   "half", "zero", "delete"])
                if kind in ("valid", "replace", "row-errors", "half"):
                    version += 1
                text = version_text(version, rng)
                if kind == "valid":
                    events.write_text(text, encoding="utf-8")
                elif kind == "replace":
                    temp = folder / f".events-{step}.tmp"
                    temp.write_text(text, encoding="utf-8")
                    os.replace(temp, events)
                elif kind == "invalid-header":
                    events.write_text("id,titel,begin\n" + text.split("\n", 1)[1], encoding="utf-8")
                elif kind == "row-errors":
                    events.write_text(text + f"bad-{version},Broken v{version},not a date,,strike,,,,,\n"
                                      f"ok-{version},Unknown v{version},1900,,no-such-category,,,,,\n",
                                      encoding="utf-8")
                elif kind == "half":
                    with open(events, "w", encoding="utf-8") as f:
                        f.write(text[: rng.randint(1, len(text) - 1)])
                elif kind == "zero":
                    events.write_bytes(b"")
                elif kind == "delete":
                    events.unlink(missing_ok=True)
                time.sleep(rng.uniform(0, 0.008))
                if step % 100 == 99:
                    # Now and then a save the editor leaves alone until it is served, so the
                    # readers see several versions however slow the machine is.
                    version += 1
                    events.write_text(version_text(version, rng), encoding="utf-8")
                    deadline = time.monotonic() + 5
                    while time.monotonic() < deadline and not stop.is_set():
                        snapshot = live.current()
                        if not snapshot.kept and _last(snapshot) == version:
                            break
                        time.sleep(0.01)
            events.write_text(version_text(version + 1, rng), encoding="utf-8")
        except Exception as exc:  # noqa: BLE001
            failures.append(f"writer: {exc!r}")
        finally:
            stop.set()

    def client_loop(seed: int):
        client = app.server.test_client()
        n = seed * 1_000_000
        try:
            while not stop.is_set():
                n += 1
                status, body = poll(client, n)
                if status >= 500 or status != 200:
                    failures.append(f"poll status {status}")
                    continue
                source = body["timeline-source"]["data"]
                show = body["live-show"]["data"]
                assert "problem" in show["summary"]
                panel = [show["summary"], *(text for text, _error in show["items"])]
                data = client.get(source["url"])
                if data.status_code != 200:
                    failures.append(f"data status {data.status_code} for {source['url']}")
                    continue
                if digest(data.data) != source["url"].rsplit("-", 1)[1]:
                    failures.append("data served does not match its version")
                titles = data.get_json()["events"]["title"]
                markers = {MARKER.search(t).group(1) if MARKER.search(t) else t for t in titles}
                if len(markers) != 1 or len(titles) != source["count"]:
                    failures.append(f"mixed or partial response: {sorted(markers)[:5]}")
                with lock:
                    stats["polls"] += 1
                    stats["fetches"] += 1
                    stats["markers"] |= markers
                    stats["problem_panels"] += "last good data" in " ".join(panel)
                # A reader's next request comes over the network.  Back-to-back in-process
                # calls would hold the GIL and starve the writer thread (the editor, in life
                # another program), so the soak would measure the test, not the app.
                time.sleep(0.002)
        except Exception as exc:  # noqa: BLE001
            failures.append(f"client {seed}: {exc!r}")

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=client_loop, args=(i,))
                                                    for i in range(CLIENTS)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    unfinished = any(t.is_alive() for t in threads)
    stop.set()  # a soak that overran must not keep loading the machine for the tests after it
    for t in threads:
        t.join(timeout=10)
    assert not unfinished, "the soak did not finish"
    assert failures == [], failures[:10]
    assert stats["polls"] > 50 and len(stats["markers"]) > 5, stats
    assert stats["problem_panels"] > 0, "the panel never said the last good data was kept"
    # Once the editor's last save is complete, everyone sees it.
    time.sleep(0.05)
    final = live.current()
    assert not final.kept and {e.title.rsplit(" ", 1)[1] for e in final.dataset.events} == {f"v{_last(final)}"}
    assert time.monotonic() - started < 60


def _last(snapshot) -> str:
    return max(int(e.title.rsplit("v", 1)[1]) for e in snapshot.dataset.events)
