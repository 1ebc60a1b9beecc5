"""The page, the layout and the callback list, rendered once instead of on every first visit.

Dash renders the page for each ``/`` request, turns ``app.layout`` into JSON
for each ``/_dash-layout`` (about 6 ms for ours) and the callback list for
each ``/_dash-dependencies``; when a
class of 200 opens the page at once that is most of a visit's server time
(bench/load.py).  Both are fixed once the app is built: the data that
changes (live reloads, uploads) reaches the page through stores and routes
of their own (``live_view.py``, ``event_data.py``), so the bytes are the same
for every visitor and are kept after the first request.
"""

from __future__ import annotations

import threading

from dash import Dash
from flask import Response, make_response

FIXED_ROUTES = ("", "_dash-layout", "_dash-dependencies")
"""Relative to the routes prefix: "" is the page itself (its inline scripts carry CSP hashes, no nonce)."""


def cache_fixed_routes(app: Dash) -> None:
    """Serve FIXED_ROUTES from the bytes of their first response; call once layout and callbacks are final."""
    for route in FIXED_ROUTES:
        endpoint = app.config.routes_pathname_prefix + route
        app.server.view_functions[endpoint] = _kept(app.server.view_functions[endpoint])


def _kept(render):
    kept: dict[str, object] = {}
    lock = threading.Lock()

    def serve():
        with lock:
            if "body" not in kept:
                first = make_response(render())  # the page view returns a str
                kept.update(body=first.get_data(), mimetype=first.mimetype)
        return Response(kept["body"], mimetype=kept["mimetype"])

    return serve
