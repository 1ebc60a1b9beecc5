"""The server never writes to the dataset.

The app is built and every route exercised (pages, scripts, assets, layout,
dependencies, every server callback, hostile and write-method requests) while
a Python audit hook records any write-mode open, rename, delete, truncate or
chmod under the events folder; afterwards every file is byte-identical with
the same mtime, and no file was added or removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline_app.data.paths import EVENTS_DIR
from timeline_app.web.app import create_app

CALLBACK = "/_dash-update-component"
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
MUTATING_EVENTS = {"os.remove", "os.rename", "os.replace", "os.truncate", "os.chmod", "os.chown",
                   "os.utime", "os.mkdir", "os.rmdir", "os.link", "os.symlink", "shutil.rmtree",
                   "shutil.move", "shutil.copyfile"}

_watch: dict[str, object] = {"root": None, "writes": []}


def _audit(event: str, args: tuple) -> None:
    root = _watch["root"]
    if root is None or not (event == "open" or event in MUTATING_EVENTS):
        return
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
                  (isinstance(flags, int) and flags & WRITE_FLAGS)
        if not writing:
            return
        paths = [path]
    else:
        paths = [a for a in args if isinstance(a, (str, bytes, os.PathLike))]
    for path in paths:
        try:
            resolved = Path(os.fsdecode(path)).resolve()
        except (TypeError, ValueError, OSError):
            continue
        if resolved == root or root in resolved.parents:
            _watch["writes"].append((event, str(resolved)))


sys.addaudithook(_audit)  # audit hooks cannot be removed: it is idle unless a root is watched


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under ``folder``: sha256, size, mtime in ns."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            result[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size, stat.st_mtime_ns)
    return result


class Links(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.urls: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            if attrs.get(key, "").startswith("/"):
                self.urls.append(attrs[key])


def dependency_items(deps: list[dict], value=None):
    items = []
    for dep in deps:
        component_id = dep["id"]
        if component_id.startswith("{"):
            items.append([])  # pattern-matching ALL: no such components on the page
        else:
            items.append({"id": component_id, "property": dep["property"], "value": value})
    return items


def output_items(output: str):
    outputs = output[2:-2].split("...") if output.startswith("..") else [output]
    items = []
    for item in outputs:
        component_id, prop = item.rsplit(".", 1)
        items.append([] if component_id.startswith("{") else {"id": component_id, "property": prop})
    return items if output.startswith("..") else items[0]


def exercise_every_route(app) -> dict[str, int]:
    """GET every page, script, asset and data route; POST every callback; try writes."""
    client = app.server.test_client()
    seen: dict[str, int] = {}
    page = client.get("/")
    seen["/"] = page.status_code
    paths = ["/_dash-layout", "/_dash-dependencies", "/_favicon.ico", "/_reload-hash",
             "/some/deep/link?event=x", "/events.csv", "/events/events.csv",
             "/assets/../events/events.csv", "/static/x"]
    paths += Links(page.get_data(as_text=True)).urls
    for rule in app.server.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments:
            paths.append(rule.rule)
    for path in dict.fromkeys(paths):
        seen[path] = client.get(path).status_code
    deps = client.get("/_dash-dependencies").get_json()
    for spec in deps:
        if spec.get("clientside_function"):
            continue
        for value in (None, "x", {"a": [1, 2]}):
            body = {"output": spec["output"], "outputs": output_items(spec["output"]),
                    "inputs": dependency_items(spec["inputs"], value),
                    "state": dependency_items(spec["state"], value), "changedPropIds": []}
            seen[f"POST {spec['output'][:40]} {value!r}"] = client.post(CALLBACK, json=body).status_code
    for method in ("PUT", "DELETE", "PATCH", "POST"):
        for path in ("/", "/events.csv", "/_dash-layout", "/assets/x.csv", "/events/events.csv"):
            seen[f"{method} {path}"] = client.open(path, method=method, data=b"id,title\n").status_code
    return seen


@pytest.fixture()
def watch():
    def start(folder: Path):
        _watch["root"], _watch["writes"] = folder.resolve(), []
        return _watch["writes"]

    yield start
    _watch["root"] = None


def test_the_audit_hook_sees_writes(tmp_path, watch):
    """The detector works: a write under the watched folder is recorded."""
    writes = watch(tmp_path)
    (tmp_path / "x.csv").write_text("id\n")
    os.replace(tmp_path / "x.csv", tmp_path / "y.csv")
    events = [event for event, _ in writes]
    assert events[0] == "open" and "os.rename" in events  # os.replace audits as os.rename


@pytest.mark.parametrize("which", ["shipped", "copy"])
def test_serving_never_writes_to_the_dataset(tmp_path, watch, which):
    if which == "shipped":
        folder, events_file = EVENTS_DIR, None
    else:
        folder = tmp_path / "events"
        shutil.copytree(EVENTS_DIR, folder)
        events_file = folder / "events.csv"
    before = snapshot(folder)
    assert "events.csv" in before
    writes = watch(folder)
    app = create_app(events_file)
    seen = exercise_every_route(app)
    assert writes == []
    assert snapshot(folder) == before
    # the exercise did reach the app: pages and callbacks answered, writes refused
    assert seen["/"] == 200 and seen["/_dash-layout"] == 200
    callbacks = {k: v for k, v in seen.items() if k.startswith("POST ") and not k.startswith("POST /")}
    assert callbacks and any(v in (200, 204) for v in callbacks.values()), callbacks
    assert all(v < 500 for v in callbacks.values()), callbacks
    refused = {k: v for k, v in seen.items() if k.split()[0] in ("PUT", "DELETE", "PATCH")
               or k.startswith("POST /")}
    assert all(v in (404, 405) for v in refused.values()), refused
    client = app.server.test_client()
    for path in ("/events.csv", "/events/events.csv", "/assets/../events/events.csv"):
        assert b"id,title,start" not in client.get(path).get_data()


def test_no_route_accepts_writes():
    """Only the callback route takes a body; every other route is GET/HEAD/OPTIONS."""
    app = create_app()
    for rule in app.server.url_map.iter_rules():
        methods = set(rule.methods) - {"HEAD", "OPTIONS"}
        if rule.rule == CALLBACK:
            assert methods == {"POST"}
        else:
            assert methods == {"GET"}, (rule.rule, methods)
