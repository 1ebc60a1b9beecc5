"""Serves the timeline's event data once, as a fingerprinted JSON file.

The events travel outside Dash's state on purpose: ``dcc.Store`` deep-compares
its data whenever Dash re-renders it (for instance when the reader panel adds
its links), which takes seconds at 100k events.  The browser fetches this file
once (assets/timeline-render.js) and keeps it; the layout only holds its URL.
The URL carries a hash of the content, so the file can be cached for good.
"""

from __future__ import annotations

import hashlib
import json

from flask import Flask, Response, request

from ..data.catalog import Catalog
from ..view.figure import timeline_payload

ROUTE = "/_timeline/events.json"


def register_event_data(server: Flask, catalog: Catalog) -> dict:
    """Add the route to ``server``; return what the layout's ``timeline-source`` store holds."""
    body = json.dumps(timeline_payload(catalog), separators=(",", ":"), ensure_ascii=False).encode()
    version = hashlib.sha256(body).hexdigest()[:16]

    @server.route(ROUTE)
    def timeline_events():
        response = Response(body, mimetype="application/json")
        if request.args.get("v") == version:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    return {"url": f"{ROUTE}?v={version}", "count": len(catalog)}
