"""The layout's JSON, serialised once instead of on every first visit.

Dash turns ``app.layout`` into JSON for each ``/_dash-layout`` request, about
6 ms for ours; when a class of 200 opens the page at once that is most of a
visit's server time (bench/load.py).  Our layout is a fixed component tree:
the data that changes (live reloads, uploads) reaches the page through
stores and routes of their own (``live_view.py``, ``event_data.py``), so the
bytes are the same for every visitor and are kept after the first request.
"""

from __future__ import annotations

import threading

from dash import Dash
from flask import Response

LAYOUT_ROUTE = "_dash-layout"


def cache_layout(app: Dash) -> None:
    """Serve ``/_dash-layout`` from the bytes of its first response; call once the layout is final."""
    server = app.server
    endpoint = app.config.routes_pathname_prefix + LAYOUT_ROUTE
    render = server.view_functions[endpoint]
    kept: dict[str, object] = {}
    lock = threading.Lock()

    def serve_layout():
        with lock:
            if "body" not in kept:
                first = render()
                kept.update(body=first.get_data(), mimetype=first.mimetype)
        return Response(kept["body"], mimetype=kept["mimetype"])

    server.view_functions[endpoint] = serve_layout
