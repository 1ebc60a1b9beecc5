"""Requests no browser would send get a 4xx, never a 500 or a stack trace.

The table below is run against a small app with every kind of callback the
guard in ``timeline_app.server.security`` has to understand (plain, multi-output,
pattern-matching, clientside, with State); the real app's own callbacks get
property-based hostile values built from its ``/_dash-dependencies``.
"""

from __future__ import annotations

import gc
import io
import json
import logging
import os
import socket
import sys
import time

import pytest
from dash import ALL, Dash, Input, Output, State, dcc, html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import EnvironBuilder

from timeline_app.server.security import MAX_JSON_DEPTH, harden

CALLBACK = "/_dash-update-component"
JSON = "application/json"
LIMIT = 64 * 1024


def make_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Graph(id="g", figure={"data": [], "layout": {}}),
        dcc.Dropdown(id="dd", options=["a", "b", "boom"], value="a"),
        html.Div(id="a"), html.Div(id="b"), html.Div(id="c"), html.Div(id="d"),
        html.Button("1", id={"type": "btn", "index": 1}),
        html.Button("2", id={"type": "btn", "index": 2}),
    ])

    @app.callback(Output("g", "figure"), Input("g", "relayoutData"), State("dd", "value"))
    def zoom(relayout, category):
        start = (relayout or {}).get("xaxis.range[0]", "1900")
        year = int(str(start)[:4])
        return {"data": [], "layout": {"title": {"text": f"{category} from {year}"}}}

    @app.callback(Output("a", "children"), Output("b", "children"), Input("dd", "value"))
    def both(value):
        if value == "boom":
            return 1 / 0, ""  # a genuine server bug, not bad input
        return f"a:{value}", f"b:{value}"

    @app.callback(Output("c", "children"), Input({"type": "btn", "index": ALL}, "n_clicks"))
    def clicks(n_clicks):
        return str(sum(n or 0 for n in n_clicks))

    @app.callback(Output({"type": "btn", "index": ALL}, "children"), Input("c", "children"))
    def labels(total):
        return [f"{total} ({i})" for i in (1, 2)]  # the page has two buttons

    app.clientside_callback("function (v) { return v; }", Output("d", "children"),
                            Input("a", "children"))
    return harden(app, max_body_bytes=LIMIT)


@pytest.fixture(scope="module")
def guarded_app() -> Dash:
    """The small app above (conftest's ``app`` is the real one)."""
    return make_app()


@pytest.fixture()
def guarded_client(guarded_app):
    return guarded_app.server.test_client()


def zoom_body(**changes):
    body = {
        "output": "g.figure",
        "outputs": {"id": "g", "property": "figure"},
        "inputs": [{"id": "g", "property": "relayoutData", "value": {"xaxis.range[0]": "1956-01-01"}}],
        "changedPropIds": ["g.relayoutData"],
        "state": [{"id": "dd", "property": "value", "value": "a"}],
    }
    body.update(changes)
    return body


def both_body(value="a", **changes):
    body = {
        "output": "..a.children...b.children..",
        "outputs": [{"id": "a", "property": "children"}, {"id": "b", "property": "children"}],
        "inputs": [{"id": "dd", "property": "value", "value": value}],
        "changedPropIds": ["dd.value"],
    }
    body.update(changes)
    return body


def clicks_body(items=None, **changes):
    if items is None:
        items = [{"id": {"index": i, "type": "btn"}, "property": "n_clicks", "value": i} for i in (1, 2)]
    body = {
        "output": "c.children",
        "outputs": {"id": "c", "property": "children"},
        "inputs": [items],
        "changedPropIds": ['{"index":1,"type":"btn"}.n_clicks'],
    }
    body.update(changes)
    return body


def nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(CALLBACK, data=data, content_type=content_type)


def assert_no_trace(response):
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and 'File "' not in text and "site-packages" not in text, text[:500]


def labels_body(count=2, **changes):
    body = {
        "output": '{"index":["ALL"],"type":"btn"}.children',
        "outputs": [{"id": {"index": i, "type": "btn"}, "property": "children"} for i in range(1, count + 1)],
        "inputs": [{"id": "c", "property": "children", "value": "3"}],
        "changedPropIds": ["c.children"],
    }
    body.update(changes)
    return body


# --- the well-formed requests pass (else the table below proves nothing) ---

@pytest.mark.parametrize("body", [zoom_body(), both_body(), clicks_body(),
                                  clicks_body(items=[]),
                                  zoom_body(inputs=[{"id": "g", "property": "relayoutData"}]),
                                  labels_body()],
                         ids=["zoom", "multi-output", "pattern-all", "pattern-all-empty", "no-value",
                              "pattern-all-output"])
def test_well_formed_callback_requests_are_answered(guarded_client, body):
    response = post(guarded_client, body)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["response"]


HOSTILE = {
    # not JSON at all
    "text/plain": ("hello", "text/plain"),
    "form": ("output=g.figure", "application/x-www-form-urlencoded"),
    "multipart": ("--x\r\n\r\n--x--", "multipart/form-data; boundary=x"),
    "no content type": (json.dumps(zoom_body()), None),
    "truncated JSON": ('{"output": "g.figure", "inputs": [', JSON),
    "invalid UTF-8": (b'{"output": "\xff\xfe"}', JSON),
    "empty body": ("", JSON),
    "JSON null": ("null", JSON),
    "JSON number": ("42", JSON),
    "JSON string": ('"g.figure"', JSON),
    "JSON list": (json.dumps([zoom_body()]), JSON),
    "huge integer": ('{"output": ' + "9" * 5000 + "}", JSON),
    # unknown ids and callbacks
    "empty object": ({}, JSON),
    "unknown output": (zoom_body(output="nope.children"), JSON),
    "output of a clientside callback": ({**zoom_body(), "output": "d.children"}, JSON),
    "output is a number": (zoom_body(output=7), JSON),
    "output is a list": (zoom_body(output=["g.figure"]), JSON),
    "output is an object": (zoom_body(output={"id": "g"}), JSON),
    "very long output": (zoom_body(output="x" * 50_000), JSON),
    "unknown input id": (zoom_body(inputs=[{"id": "secret", "property": "relayoutData", "value": 1}]), JSON),
    "unknown input property": (zoom_body(inputs=[{"id": "g", "property": "figure", "value": {}}]), JSON),
    "unknown state id": (zoom_body(state=[{"id": "x", "property": "value", "value": "a"}]), JSON),
    "unknown output id": (zoom_body(outputs={"id": "h", "property": "figure"}), JSON),
    "unknown changed prop": (zoom_body(changedPropIds=["other.value"]), JSON),
    # wrong shapes and types
    "inputs missing": ({k: v for k, v in zoom_body().items() if k != "inputs"}, JSON),
    "inputs an object": (zoom_body(inputs={"id": "g", "property": "relayoutData"}), JSON),
    "inputs too many": (zoom_body(inputs=zoom_body()["inputs"] * 2), JSON),
    "inputs empty": (zoom_body(inputs=[]), JSON),
    "input item a string": (zoom_body(inputs=["g.relayoutData"]), JSON),
    "input item extra key": (zoom_body(inputs=[{"id": "g", "property": "relayoutData", "x": 1}]), JSON),
    "input id a number": (zoom_body(inputs=[{"id": 5, "property": "relayoutData"}]), JSON),
    "input id an object": (zoom_body(inputs=[{"id": {"id": "g"}, "property": "relayoutData"}]), JSON),
    "input property a list": (zoom_body(inputs=[{"id": "g", "property": ["relayoutData"]}]), JSON),
    "state missing": ({k: v for k, v in zoom_body().items() if k != "state"}, JSON),
    "state an object": (zoom_body(state={"id": "dd"}), JSON),
    "outputs missing": ({k: v for k, v in zoom_body().items() if k != "outputs"}, JSON),
    "outputs a list for one output": (zoom_body(outputs=[{"id": "g", "property": "figure"}]), JSON),
    "outputs an object for two": (both_body(outputs={"id": "a", "property": "children"}), JSON),
    "outputs swapped": (both_body(outputs=both_body()["outputs"][::-1]), JSON),
    "changedPropIds a string": (zoom_body(changedPropIds="g.relayoutData"), JSON),
    "changedPropIds numbers": (zoom_body(changedPropIds=[1, 2]), JSON),
    "changedPropIds too many": (zoom_body(changedPropIds=["g.relayoutData"] * 50), JSON),
    "parsedChangedPropsIds an object": (zoom_body(parsedChangedPropsIds={}), JSON),
    "pattern item not a list": (clicks_body(inputs=[{"id": {"index": 1, "type": "btn"},
                                                     "property": "n_clicks"}]), JSON),
    "pattern id extra key": (clicks_body(items=[{"id": {"index": 1, "type": "btn", "x": 1},
                                                 "property": "n_clicks"}]), JSON),
    "pattern id wrong type": (clicks_body(items=[{"id": {"index": 1, "type": "other"},
                                                  "property": "n_clicks"}]), JSON),
    "pattern wildcard an object": (clicks_body(items=[{"id": {"index": {"$gt": 0}, "type": "btn"},
                                                       "property": "n_clicks"}]), JSON),
    "pattern id a string": (clicks_body(items=[{"id": "btn", "property": "n_clicks"}]), JSON),
    # values of a type the component never sends: the callback raises, 400 not 500
    "relayoutData a string": (zoom_body(inputs=[{"id": "g", "property": "relayoutData", "value": "x"}]), JSON),
    "relayoutData a list": (zoom_body(inputs=[{"id": "g", "property": "relayoutData", "value": [1]}]), JSON),
    "relayoutData bad range": (zoom_body(inputs=[{"id": "g", "property": "relayoutData",
                                                  "value": {"xaxis.range[0]": "abcd"}}]), JSON),
    "n_clicks strings": (clicks_body(items=[{"id": {"index": 1, "type": "btn"}, "property": "n_clicks",
                                             "value": "many"}]), JSON),
    "pattern output: fewer components than the page has": (labels_body(count=0), JSON),
    "pattern output: more components than the page has": (labels_body(count=5), JSON),
    "pattern output: not a list": (labels_body(outputs={"id": {"index": 1, "type": "btn"},
                                                        "property": "children"}), JSON),
    # nesting
    "value nested beyond the limit": (zoom_body(state=[{"id": "dd", "property": "value",
                                                                  "value": nested(MAX_JSON_DEPTH)}]), JSON),
    "100k brackets": ("[" * 100_000 + "]" * 100_000, JSON),
    "100k open objects": ('{"a":' * 100_000, JSON),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_callback_request_is_refused_with_4xx(guarded_client, name):
    body, content_type = HOSTILE[name]
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    response = guarded_client.post(CALLBACK, data=data, content_type=content_type)
    assert 400 <= response.status_code < 500, (response.status_code, response.get_data(as_text=True))
    assert_no_trace(response)


def test_nesting_up_to_the_limit_is_accepted(guarded_client):
    body = zoom_body(state=[{"id": "dd", "property": "value", "value": nested(MAX_JSON_DEPTH - 3)}])
    assert post(guarded_client, body).status_code == 200


def test_genuine_server_bug_is_500_without_a_stack_trace(guarded_client, caplog):
    response = post(guarded_client, both_body(value="boom"))
    assert response.status_code == 500
    assert_no_trace(response)
    assert any("ZeroDivisionError" in r.getMessage() for r in caplog.records)  # but it is logged


def test_werkzeug_debugger_is_off(guarded_app):
    assert guarded_app.server.debug is False
    assert post(guarded_app.server.test_client(), both_body(value="boom")).status_code == 500


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", CALLBACK, "/_dash-layout", "/assets/x.css", "/events.csv"])
def test_no_route_accepts_writes(guarded_client, method, path):
    response = guarded_client.open(path, method=method, data="x")
    assert response.status_code in (404, 405)
    if response.status_code == 405:
        assert method not in response.headers["Allow"]
    assert_no_trace(response)


def test_method_not_allowed_names_the_allowed_ones(guarded_client):
    response = guarded_client.open("/_dash-layout", method="DELETE")
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    assert response.headers["Content-Security-Policy"] and response.mimetype == "text/plain"


def test_reload_hash_lists_no_installed_packages(client):
    response = client.get("/_reload-hash")
    assert response.status_code == 404
    assert b"packages" not in response.get_data() and b"plotly" not in response.get_data()


def test_callback_route_runs_callbacks_only_on_post(guarded_client):
    response = guarded_client.get(CALLBACK, query_string={"output": "g.figure"})
    # Dash's catch-all route answers every other GET with the page itself.
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert b'"response"' not in response.get_data()


@pytest.mark.parametrize("path", [
    "/assets/../events/events.csv", "/assets/%2e%2e/events/events.csv",
    "/_dash-component-suites/dash/../../events/events.csv",
    "/_dash-component-suites/timeline_app/data/paths.py",
    "/_dash-component-suites/timeline_app.vendor/__init__.py",
    "/_dash-component-suites/os/path.py",
    "/_dash-component-suites/dash/dash.py",
    "/static/../timeline_app/server/security.py",
])
def test_no_file_outside_the_served_ones(client, path):
    response = client.get(path)
    body = response.get_data()
    assert b"id,title,start" not in body and b"import " not in body
    assert response.status_code in (200, 404) or 400 <= response.status_code < 500
    if response.status_code == 200:  # the catch-all route: the page itself
        assert body.lstrip().startswith(b"<!DOCTYPE html>")


# --- oversized bodies: refused before they are read --------------------------

class Tripwire(io.RawIOBase):
    """A request body that counts what the application reads of it."""

    def __init__(self, size: int):
        self.size, self.taken = size, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.size - self.taken)
        buffer[:n] = b" " * n
        self.taken += n
        return n


def call_wsgi(app, environ):
    status = []
    body = b"".join(app.server.wsgi_app(environ, lambda s, h, e=None: status.append(s)))
    return int(status[0].split()[0]), body


@pytest.mark.parametrize("path", [CALLBACK, "/", "/_dash-layout"])
def test_declared_oversized_body_is_refused_unread(guarded_app, path):
    environ = EnvironBuilder(path=path, method="POST", content_type="application/json").get_environ()
    stream = Tripwire(10**12)
    environ.update({"CONTENT_LENGTH": str(10**12), "wsgi.input": stream})
    status, body = call_wsgi(guarded_app, environ)
    assert status == 413 and stream.taken == 0
    assert b"Traceback" not in body


def test_body_just_under_the_limit_is_read(guarded_app):
    payload = json.dumps(zoom_body(state=[{"id": "dd", "property": "value", "value": "a"}])).encode()
    payload += b" " * (LIMIT - len(payload))
    environ = EnvironBuilder(path=CALLBACK, method="POST", content_type="application/json",
                             data=payload).get_environ()
    status, _ = call_wsgi(guarded_app, environ)
    assert status == 200


def test_chunked_oversized_body_is_cut_off_at_the_limit(guarded_app):
    environ = EnvironBuilder(path=CALLBACK, method="POST", content_type="application/json").get_environ()
    stream = Tripwire(10**9)
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": stream, "wsgi.input_terminated": True,
                    "HTTP_TRANSFER_ENCODING": "chunked"})
    status, _ = call_wsgi(guarded_app, environ)
    assert status == 413
    assert stream.taken <= LIMIT + 64 * 1024


class InvalidChunkSize(Exception):
    """What gunicorn's chunk reader raises for chunk size ``zz`` (not an OSError)."""


class BrokenChunks(io.RawIOBase):
    """A chunked body whose framing breaks: the WSGI server's input raises when read."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise InvalidChunkSize("zz")


def test_malformed_chunked_body_is_400_without_a_traceback(guarded_app, caplog):
    environ = EnvironBuilder(path=CALLBACK, method="POST", content_type=JSON).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": BrokenChunks(), "wsgi.input_terminated": True,
                    "HTTP_TRANSFER_ENCODING": "chunked"})
    with caplog.at_level(logging.INFO):
        status, body = call_wsgi(guarded_app, environ)
    assert status == 400 and b"malformed" in body
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def test_production_server_refuses_oversized_upload_without_reading_it(production_server):
    """The server as `make run` starts it: a 1 TB upload is answered 413 at once."""
    port = production_server(TIMELINE_MAX_BODY_BYTES=str(LIMIT))
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        started = time.monotonic()
        sock.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n"
                     b'{"output": ')
        reply = sock.recv(65536)
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        assert time.monotonic() - started < 5
        assert b"Traceback" not in reply
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:  # still serving
        sock.sendall(b"GET /_dash-layout HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")


# --- the real app's callbacks, fed hostile values -----------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children,
                                                                       max_size=4),
    max_leaves=12,
)


WILDCARDS = (["ALL"], ["ALLSMALLER"], ["MATCH"])


def prop_id(component_id, prop: str) -> str:
    """``id.property`` as dash-renderer writes it (pattern ids as sorted, compact JSON)."""
    if isinstance(component_id, dict):
        component_id = json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return f"{component_id}.{prop}"


def draw_dependency(draw, raw_id: str, prop: str, with_value: bool = True):
    """One declared dependency as the browser could send it, with a hostile value."""
    def item(component_id):
        item = {"id": component_id, "property": prop}
        if with_value:
            item["value"] = draw(json_values)
        return item

    if not raw_id.startswith("{"):
        return item(raw_id)
    pattern = json.loads(raw_id)

    def concrete():
        return {k: draw(st.integers(-3, 3) | st.text(max_size=8)) if v in WILDCARDS else v
                for k, v in pattern.items()}

    if ["MATCH"] in pattern.values():
        return item(concrete())
    return [item(concrete()) for _ in range(draw(st.integers(0, 3)))]


@pytest.fixture(scope="module")
def server_callbacks(client):
    """The real app's server-side callbacks, as its ``/_dash-dependencies`` lists them."""
    deps = client.get("/_dash-dependencies").get_json()
    return [d for d in deps if not d.get("clientside_function")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_real_app_callbacks_never_answer_hostile_values_with_5xx(app, server_callbacks, data):
    """Well-formed requests to the app's own callbacks, with any JSON as values: never a 5xx."""
    callbacks = server_callbacks
    if not callbacks:
        pytest.skip("the app has no server-side callback yet")
    spec = data.draw(st.sampled_from(callbacks))
    output = spec["output"]
    multi = output.startswith("..")
    outputs = [draw_dependency(data.draw, *o.rsplit(".", 1), with_value=False)
               for o in (output[2:-2].split("...") if multi else [output])]
    inputs = [draw_dependency(data.draw, d["id"], d["property"]) for d in spec["inputs"]]
    state = [draw_dependency(data.draw, d["id"], d["property"]) for d in spec["state"]]
    sent = [i for group in inputs for i in (group if isinstance(group, list) else [group])]
    changed = data.draw(st.lists(st.sampled_from([prop_id(i["id"], i["property"]) for i in sent]),
                                 max_size=2, unique=True)) if sent else []
    body = {"output": output, "outputs": outputs if multi else outputs[0], "inputs": inputs,
            "changedPropIds": changed}
    if state:
        body["state"] = state
    response = post(app.server.test_client(), body)
    assert response.status_code < 500, (body, response.get_data(as_text=True)[:300])
    assert_no_trace(response)


# --- memory stays bounded ------------------------------------------------------

@pytest.fixture()
def quiet_security_log():
    logger = logging.getLogger("timeline_app.server.security")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # 10,000 warnings would be kept by pytest's log capture
    yield
    logger.setLevel(level)


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_memory_stays_bounded_over_10000_requests(guarded_app, quiet_security_log):
    """10,000 callback requests, most of them hostile: no Python object or RSS growth.

    Requests go straight to the WSGI app (no test-client overhead);
    ``sys.getallocatedblocks`` counts every live Python allocation, so a leak
    of one object per request shows as thousands of blocks.
    """
    bodies = [
        (zoom_body(), JSON, 200),
        (zoom_body(output="nope.children"), JSON, 400),
        (zoom_body(inputs=[{"id": "g", "property": "relayoutData", "value": "x"}]), JSON, 400),
        (both_body(value="boom"), JSON, 500),
        ("[" * 5000, JSON, 400),
        ("x" * 2000, "text/plain", 415),
        (clicks_body(), JSON, 200),
    ]
    requests = []
    for body, content_type, expected in bodies:
        data = (body if isinstance(body, str) else json.dumps(body)).encode()
        environ = EnvironBuilder(path=CALLBACK, method="POST", content_type=content_type,
                                 data=data).get_environ()
        requests.append((environ, data, expected))
    statuses = []

    def burst(n):
        for i in range(n):
            template, data, expected = requests[i % len(requests)]
            environ = dict(template, **{"wsgi.input": io.BytesIO(data)})
            chunks = guarded_app.server.wsgi_app(environ,
                                                 lambda status, headers, exc=None: statuses.append(status))
            b"".join(chunks)
            getattr(chunks, "close", lambda: None)()
            assert int(statuses.pop()[:3]) == expected

    burst(700)  # warm-up: caches and lazily built state settle
    gc.collect()
    blocks, rss = sys.getallocatedblocks(), rss_bytes()
    burst(9300)
    gc.collect()
    grown_blocks, grown_rss = sys.getallocatedblocks() - blocks, rss_bytes() - rss
    assert grown_blocks < 1500, f"{grown_blocks} more Python objects after 9,300 requests"
    assert grown_rss < 16 * 1024 * 1024, f"RSS grew by {grown_rss / 2**20:.1f} MiB"
