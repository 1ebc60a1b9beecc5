"""Hardening of the Dash server against the requests no browser would send.

:func:`harden` is the last step of :func:`timeline_app.app.create_app`.  It
registers, on the app's Flask server:

* a body-size limit: ``MAX_CONTENT_LENGTH`` plus an early check of the
  ``Content-Length`` header, so an oversized body is refused with 413 before a
  byte of it is read (a chunked body, with no length, is read no further than
  the limit, then refused with 413);
* a guard for ``/_dash-update-component``: the body must be JSON, nested at
  most :data:`MAX_JSON_DEPTH` deep, shaped like what dash-renderer sends, and
  name a server-side callback this app registered, with exactly the inputs,
  state and outputs that callback declared.  Anything else is a 4xx before
  Dash sees it;
* no ``/_reload-hash`` (Dash's hot-reload poll, which lists the installed
  packages) unless Dash's hot reload is on (``app.run(debug=True)``);
* error handlers: no response ever carries a stack trace, a 405 names the
  allowed methods (``Allow``), a body the WSGI server cannot read (a broken
  chunked encoding) is a 400.  An exception a
  callback raises on input that passed the guard is answered 400 when it is
  the kind bad data raises (``TypeError``, ``ValueError``, ``KeyError`` ...)
  or a return value that does not fit the number of pattern-matching outputs
  the request listed, otherwise 500.  A 400 is logged in one line with the place it was raised
  (a hostile client must not flood the log with tracebacks), a 500 with its
  traceback;
* security headers on every response: a Content-Security-Policy without
  ``unsafe-eval`` or inline scripts, ``nosniff``, a Referrer-Policy, and
  ``frame-ancestors`` / ``X-Frame-Options`` allowing embedding only in the
  configured origins (a school learning platform).  Dash's own inline scripts
  (the renderer, inline clientside callbacks) are allowed by their hashes,
  from :meth:`dash.Dash.csp_hashes`, computed per response so callbacks
  registered after :func:`harden` are covered; plotly.js is loaded from its
  strict (eval-free) bundle, :func:`use_strict_plotly`.

Configuration: keyword arguments, else the frame_ancestors and
max_body_bytes settings (``settings.py``: their TIMELINE_* variables, else
their defaults).
"""

from __future__ import annotations

import json
import logging
import os
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dash import Dash
from dash.exceptions import DependencyException, InvalidCallbackReturnValue
from flask import Response, abort, request
from werkzeug.exceptions import HTTPException

from .settings import BY_NAME, from_environment, origins

log = logging.getLogger(__name__)

MAX_JSON_DEPTH = 32
"""Deepest nesting of a callback body; the renderer's own stay under 10."""

CALLBACK_ROUTE = "_dash-update-component"

# What bad data raises inside a callback: answered 400, not 500.
_BAD_INPUT_ERRORS = (TypeError, ValueError, LookupError, AttributeError, OverflowError)

_WILDCARDS = ("ALL", "ALLSMALLER", "MATCH")


class BadCallbackRequest(ValueError):
    """A ``/_dash-update-component`` body this app would never receive from its page."""


def parse_frame_ancestors(value: str | Sequence[str] | None = None) -> tuple[str, ...]:
    """Origins allowed to embed the page; ``None``: the frame_ancestors setting (``settings.py``)."""
    return from_environment("frame_ancestors") if value is None else origins(value)


def parse_max_body_bytes(value: int | str | None = None) -> int:
    """The body limit; ``None``: the max_body_bytes setting (``settings.py``)."""
    return from_environment("max_body_bytes") if value is None else BY_NAME["max_body_bytes"].parse(str(value))


def content_security_policy(script_hashes: Sequence[str], frame_ancestors: Sequence[str],
                            media_origins: Sequence[str] = ()) -> str:
    """The CSP header value: scripts only from this origin or by hash, no eval; images from
    this origin and the ``media_origins`` setting's sites only."""
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *script_hashes]),
        # plotly.js and React set style attributes and plotly.js adds <style>
        # elements at run time: styles need 'unsafe-inline' (scripts do not).
        "style-src 'self' 'unsafe-inline'",
        # plotly.js draws its modebar icons and image export from data:/blob: URLs.
        "img-src " + " ".join(["'self'", "data:", "blob:", *media_origins]),
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors " + (" ".join(frame_ancestors) if frame_ancestors else "'none'"),
    ]
    return "; ".join(directives)


def harden(app: Dash, *, frame_ancestors: str | Sequence[str] | None = None,
           max_body_bytes: int | str | None = None, media_origins: Sequence[str] = ()) -> Dash:
    """Register limits, the callback guard, error handlers and headers on ``app.server``.

    Call it after every callback is registered (the last step of ``create_app``).
    ``None`` for an argument means: from the environment, else the default.
    """
    if getattr(app, "_timeline_hardened", False):
        raise RuntimeError("harden() was already applied to this app")
    app._timeline_hardened = True
    server = app.server
    use_strict_plotly(app)
    ancestors = parse_frame_ancestors(frame_ancestors)
    limit = parse_max_body_bytes(max_body_bytes)
    callback_path = app.config.routes_pathname_prefix + CALLBACK_ROUTE

    server.debug = False  # Werkzeug's debugger would show tracebacks (and a console)
    server.config["MAX_CONTENT_LENGTH"] = limit
    server.config["PROPAGATE_EXCEPTIONS"] = False
    server.config["TRAP_HTTP_EXCEPTIONS"] = False

    if ancestors == ():
        frame_options: str | None = "DENY"
    elif ancestors == ("'self'",):
        frame_options = "SAMEORIGIN"
    else:
        frame_options = None  # X-Frame-Options cannot name origins; CSP frame-ancestors does

    @server.before_request
    def _refuse_oversized_body():
        length = request.content_length
        if length is not None and length > limit:
            abort(413, f"the request body is larger than {limit} bytes")
        if request.path == callback_path and request.method == "POST":
            _check_callback_request(app, limit)

    @server.after_request
    def _security_headers(response: Response) -> Response:
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy(app.csp_hashes(), ancestors, media_origins)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if frame_options:
            headers["X-Frame-Options"] = frame_options
        else:
            headers.pop("X-Frame-Options", None)
        return response

    @server.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        response = _plain(exc.code, f"{exc.code} {exc.name}: {exc.description}")
        for name, value in exc.get_headers():  # e.g. the Allow of a 405
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    reload_hash = app.config.routes_pathname_prefix + "_reload-hash"
    dash_reload_hash = server.view_functions[reload_hash]

    def _reload_hash():
        # Dash's route lists the installed component packages; only its hot reload
        # (a development tool, app.run(debug=True)) needs the route at all.
        if not app._dev_tools.hot_reload:
            abort(404)
        return dash_reload_hash()

    server.view_functions[reload_hash] = _reload_hash

    @server.errorhandler(DependencyException)
    def _unknown_library(exc: DependencyException):
        # /_dash-component-suites/<library>/... for a library the page never loads
        return _plain(404, "404 Not Found: no such file")

    @server.errorhandler(Exception)
    def _unexpected_error(exc: Exception):
        where = _where(exc)
        if request.path == callback_path and (isinstance(exc, _BAD_INPUT_ERRORS)
                                              or _client_miscounted(app, exc)):
            log.warning("callback %s refused its input: %s: %s (at %s)",
                        _callback_name(), type(exc).__name__, exc, where)
            return _plain(400, "400 Bad Request: the callback cannot use this input")
        log.error("%s %s failed: %s: %s (at %s)", request.method, request.path,
                  type(exc).__name__, exc, where, exc_info=exc)  # a server bug: keep the trace
        return _plain(500, "500 Internal Server Error: the server could not answer this request")

    return app


def use_strict_plotly(app: Dash) -> None:
    """Load plotly.js's strict (eval-free) bundle in the page, before dcc.Graph needs it.

    dcc.Graph uses ``window.Plotly`` when a page script already defined it
    and only otherwise fetches the plotly Python package's ``plotly.min.js``,
    whose WebGL code (regl) compiles its draw calls with ``new Function``:
    under a CSP without ``'unsafe-eval'`` every ``scattergl`` trace would fail
    and plotly.js would show "WebGL is not supported".
    """
    from .. import vendor

    app.scripts.append_script({"relative_package_path": vendor.PLOTLY_STRICT,
                               "namespace": vendor.__name__})


def _plain(status: int, text: str) -> Response:
    return Response(text + "\n", status=status, mimetype="text/plain")


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{os.path.basename(last.filename)}:{last.lineno} in {last.name}"


def _client_miscounted(app: Dash, exc: Exception) -> bool:
    """Dash refused the callback's return value because the request listed more or
    fewer components for a pattern-matching (ALL) output than the callback returned.

    Only the browser knows how many components match, so the guard cannot check
    that count; for such callbacks the mismatch is the request's fault.
    """
    if not isinstance(exc, InvalidCallbackReturnValue):
        return False
    body = request.get_json(silent=True, cache=True)
    spec = app.callback_map.get(body.get("output")) if isinstance(body, dict) else None
    return spec is not None and any(d.many for d in _callback_for(spec).outputs)


def _callback_name() -> str:
    body = request.get_json(silent=True, cache=True)
    output = body.get("output") if isinstance(body, dict) else None
    return repr(output)[:200] if isinstance(output, str) else "?"


# ---------------------------------------------------------------------------
# The /_dash-update-component guard


def _check_callback_request(app: Dash, limit: int) -> None:
    """Abort with a 4xx unless the body is a callback request this app's page could send."""
    if not request.is_json:
        abort(415, "callback requests are JSON (Content-Type: application/json)")
    try:
        data = request.get_data(cache=True)  # cached: get_json and Dash parse these bytes
    except HTTPException:
        raise  # 413 past the limit, 400 for a client gone
    except Exception:  # noqa: BLE001 - the WSGI server's input refuses the body (gunicorn: chunk size "zz")
        abort(400, "the request body is malformed (a chunk size that is no hexadecimal number?)")
    if request.content_length is None and len(data) >= limit:
        # A body without Content-Length (chunked) is read no further than the limit.
        abort(413, f"the request body is larger than {limit - 1} bytes")
    try:
        body = request.get_json(silent=True)  # cached: Dash reads the same parsed body
    except RecursionError:
        abort(400, "the JSON is nested too deeply")
    if body is None:
        abort(400, "the body is not valid JSON")
    if json_depth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        abort(400, f"the JSON is nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        check_callback_body(app, body)
    except BadCallbackRequest as exc:
        abort(400, str(exc))


def json_depth(value: Any, stop: int) -> int:
    """Nesting depth of parsed JSON (a scalar is 0), counted no further than ``stop + 1``."""
    depth, level = 0, [value]
    while True:
        containers = [v for v in level if isinstance(v, (dict, list))]
        if not containers:
            return depth
        depth += 1
        if depth > stop:
            return depth
        level = [child for c in containers for child in (c.values() if isinstance(c, dict) else c)]


@dataclass(frozen=True)
class _Dependency:
    """One declared input, state or output: its id (str, or dict for a pattern) and property."""

    id: str | dict
    property: str
    many: bool
    """ALL / ALLSMALLER pattern: the browser sends a list of items."""


@dataclass(frozen=True)
class _Callback:
    inputs: tuple[_Dependency, ...]
    state: tuple[_Dependency, ...]
    outputs: tuple[_Dependency, ...]
    multi: bool
    no_output: bool
    plain_inputs: frozenset[str]
    """``id.property`` of the inputs with plain (string) ids."""


def _dependency(raw_id: Any, prop: str) -> _Dependency:
    component_id: str | dict = raw_id
    if isinstance(raw_id, str) and raw_id.startswith("{"):
        try:
            component_id = json.loads(raw_id)
        except ValueError:
            pass
    wildcards = {_wildcard(v) for v in component_id.values()} if isinstance(component_id, dict) else set()
    return _Dependency(component_id, _clean_property(prop), bool(wildcards & {"ALL", "ALLSMALLER"}))


def _compile(spec: dict) -> _Callback:
    declared = spec.get("output")
    outputs = declared if isinstance(declared, (list, tuple)) else [declared]
    inputs = tuple(_dependency(d["id"], d["property"]) for d in spec.get("inputs", []))
    return _Callback(
        inputs=inputs,
        state=tuple(_dependency(d["id"], d["property"]) for d in spec.get("state", [])),
        outputs=tuple(_dependency(o.component_id_str(), o.component_property)
                      for o in outputs if o is not None),
        multi=isinstance(declared, (list, tuple)),
        no_output=bool(spec.get("no_output")),
        plain_inputs=frozenset(f"{d.id}.{d.property}" for d in inputs if isinstance(d.id, str)),
    )


_compiled: dict[int, tuple[dict, _Callback]] = {}


def _callback_for(spec: dict) -> _Callback:
    """The compiled form of a ``callback_map`` entry, built once per entry."""
    cached = _compiled.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = _compiled[id(spec)] = (spec, _compile(spec))
    return cached[1]


def check_callback_body(app: Dash, body: Any) -> None:
    """Raise :class:`BadCallbackRequest` unless ``body`` matches a registered server callback."""
    if not isinstance(body, dict):
        raise BadCallbackRequest("the body must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str):
        raise BadCallbackRequest("'output' must be a string")
    spec = app.callback_map.get(output)
    if spec is None or "callback" not in spec:
        raise BadCallbackRequest("'output' names no server callback of this app")
    callback = _callback_for(spec)

    inputs = body.get("inputs")
    _check_items("inputs", inputs, callback.inputs, with_value=True)
    _check_items("state", body.get("state", []) or [], callback.state, with_value=True)
    if callback.no_output:
        if body.get("outputs") not in (None, [], {}):
            raise BadCallbackRequest("this callback has no outputs")
    elif callback.multi:
        _check_items("outputs", body.get("outputs"), callback.outputs, with_value=False)
    else:
        _check_group("outputs", body.get("outputs"), callback.outputs[0], with_value=False)

    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise BadCallbackRequest("'changedPropIds' must be a list of strings")
    for prop_id in changed:
        # Pattern-matching ids are sent as JSON text; those are checked via 'inputs'.
        if not prop_id.startswith("{") and prop_id not in callback.plain_inputs:
            raise BadCallbackRequest(f"'changedPropIds' names an input the callback does not have: "
                                     f"{prop_id[:80]!r}")
    if len(changed) > max(1, sum(len(i) if isinstance(i, list) else 1 for i in inputs)):
        raise BadCallbackRequest("'changedPropIds' lists more changes than there are inputs")
    if not isinstance(body.get("parsedChangedPropsIds", []), list):
        raise BadCallbackRequest("'parsedChangedPropsIds' must be a list")


def _wildcard(value: Any) -> str | None:
    if isinstance(value, list) and len(value) == 1 and value[0] in _WILDCARDS:
        return value[0]
    return None


def _id_matches(sent: Any, expected: str | dict) -> bool:
    if isinstance(expected, str):
        return isinstance(sent, str) and sent == expected
    if not isinstance(sent, dict) or sent.keys() != expected.keys():
        return False
    for key, want in expected.items():
        value = sent[key]
        if _wildcard(want):
            if not isinstance(value, (str, int, float, bool)):
                return False
        elif value != want or type(value) is not type(want):
            return False
    return True


def _clean_property(prop: Any) -> Any:
    return prop.split("@", 1)[0] if isinstance(prop, str) else prop


_ITEM_KEYS = frozenset({"id", "property", "value"})
_OUTPUT_KEYS = frozenset({"id", "property"})


def _check_item(what: str, item: Any, dep: _Dependency, with_value: bool) -> None:
    if not isinstance(item, dict):
        raise BadCallbackRequest(f"'{what}' items must be objects with 'id' and 'property'")
    allowed = _ITEM_KEYS if with_value else _OUTPUT_KEYS
    if not item.keys() <= allowed or "id" not in item or "property" not in item:
        raise BadCallbackRequest(f"'{what}' items have only the keys {sorted(allowed)}")
    prop = item["property"]
    if not isinstance(prop, str) or _clean_property(prop) != dep.property:
        raise BadCallbackRequest(f"'{what}' names a property the callback does not use")
    if not _id_matches(item["id"], dep.id):
        raise BadCallbackRequest(f"'{what}' names a component id the callback does not use")


def _check_group(what: str, sent: Any, dep: _Dependency, with_value: bool) -> None:
    """One declared dependency: one item, or a list of them for ALL/ALLSMALLER."""
    if dep.many:
        if not isinstance(sent, list):
            raise BadCallbackRequest(f"'{what}' must hold a list for a pattern-matching dependency")
        for item in sent:
            _check_item(what, item, dep, with_value)
    else:
        _check_item(what, sent, dep, with_value)


def _check_items(what: str, sent: Any, deps: tuple[_Dependency, ...], with_value: bool) -> None:
    if not isinstance(sent, list):
        raise BadCallbackRequest(f"'{what}' must be a list")
    if len(sent) != len(deps):
        raise BadCallbackRequest(f"'{what}' must have {len(deps)} entries, not {len(sent)}")
    for item, dep in zip(sent, deps):
        _check_group(what, item, dep, with_value)
