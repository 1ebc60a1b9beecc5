"""The one route serving the timeline's events: ``/_timeline/events.json?v=VERSION``.

The events travel outside Dash's state on purpose: ``dcc.Store`` deep-compares
its data whenever Dash re-renders it (for instance when the reader panel adds
its links), which takes seconds at 100k events.  The browser fetches each
version once (``assets/timeline-render.js``) and keeps it; the stores only
hold its URL.  Each version carries the rows ``propose`` drafts for the
articles' uncovered dates (``proposed``: made once per version by
:class:`.proposed_view.Drafts`, drawn only when the reader turns the layer
on, never written anywhere).

A version is ``STAMP-DIGEST``: the data's :attr:`~timeline_app.data.live.Snapshot.stamp`
(when its files last changed, the same in every server process) and a hash
of the JSON.  The digest makes a versioned URL cacheable for good; the stamp
lets any process tell which of two versions is newer, so a page never goes
back to older data than it has drawn (``live_view.py``).

* ``?v=VERSION`` of the current version, or of one replaced less than
  :data:`GRACE_SECONDS` ago (a page told of it just before a save): its JSON,
  cached for good.  Older versions are a 404, so an event an editor deleted
  stops being public moments after the save, not at the next restart.  A
  newer version than this process has (another worker noticed a save
  first) makes it look at the files now.  Never other data under a
  version's URL.
* No ``v``: a redirect to the current version.  The layout is the same bytes
  for every visitor (``server/route_cache.py``), so it names this URL: a new
  page draws the data as it is now, and deleted events stop being public as
  soon as the file is saved.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict

from dash import Dash
from flask import Response, redirect, request

from ..data.catalog import Catalog
from ..data.live import LiveDataset, Snapshot
from ..extract.propose import ProposedRow
from ..view.figure import timeline_payload
from .proposed_view import Drafts

ROUTE = "/_timeline/events.json"
KEEP_PUBLISHED = 8
"""Versions kept at most (the current one and those replaced within the grace period)."""
GRACE_SECONDS = 10.0
"""How long a replaced version is still served: a page told of it fetches it within a poll or two."""
MAX_VERSION_CHARS = 64


def encode(catalog: Catalog, proposed: list[ProposedRow] | tuple = ()) -> bytes:
    """The JSON the browser draws from: the one encoding of a catalog (and its proposed rows) for the browser."""
    return json.dumps(timeline_payload(catalog, proposed), separators=(",", ":"), ensure_ascii=False).encode()


def digest(body: bytes) -> str:
    """The content half of a version."""
    return hashlib.sha256(body).hexdigest()[:16]


def stamp_of(version) -> int | None:
    """The stamp half of a version string, or None when ``version`` is not one."""
    head, dash, tail = str(version or "").partition("-")
    return int(head) if dash and head.isdigit() and tail else None


def version_in(url) -> str | None:
    """The version a data URL names (``ROUTE?v=VERSION``), or None."""
    head, _, version = str(url or "").partition("?v=")
    return version if head == ROUTE and stamp_of(version) is not None else None


class EventsRoute:
    """Encodes each snapshot once and serves the last :data:`KEEP_PUBLISHED` versions."""

    def __init__(self, live: LiveDataset, drafts: Drafts, *, clock=time.monotonic):
        self.live = live
        self.drafts = drafts
        self.clock = clock
        self._lock = threading.Lock()
        self._published: OrderedDict[str, tuple[bytes, float | None]] = OrderedDict()
        """Version -> (JSON, when it was replaced, None for the current one)."""
        self._last: tuple[Catalog, str] | None = None
        """The last catalog encoded and its version (kept snapshots share their catalog)."""

    def version(self, snapshot: Snapshot) -> str:
        """``snapshot``'s version, its JSON made and published on first use."""
        last = self._last
        if last is not None and last[0] is snapshot.catalog:
            return last[1]
        body = encode(snapshot.catalog, self.drafts.rows(snapshot))
        version = f"{snapshot.stamp}-{digest(body)}"
        now = self.clock()
        with self._lock:
            for old, (old_body, replaced) in list(self._published.items()):
                if replaced is None and old != version:
                    self._published[old] = (old_body, now)
            self._published[version] = (body, None)
            self._published.move_to_end(version)
            while len(self._published) > KEEP_PUBLISHED:
                self._published.popitem(last=False)
            self._last = (snapshot.catalog, version)
        return version

    def source(self, snapshot: Snapshot) -> dict:
        """What ``timeline-source`` holds for ``snapshot``: its URL and its event count."""
        return {"url": f"{ROUTE}?v={self.version(snapshot)}", "count": len(snapshot.catalog)}

    def body(self, version: str) -> bytes | None:
        """The JSON of a version still served, after looking at the files when it is not (yet) known."""
        if version not in self._published and (stamp_of(version) or 0) > self.live.current().stamp:
            self.version(self.live.look_now())  # newer than ours: another process saw a save first
        body, replaced = self._published.get(version, (None, None))
        if replaced is not None and self.clock() - replaced > GRACE_SECONDS:
            return None
        return body

    def serve(self) -> Response:
        wanted = request.args.get("v", "")[:MAX_VERSION_CHARS]
        if not wanted:
            response = redirect(self.source(self.live.current())["url"], code=302)
            response.headers["Cache-Control"] = "no-store"
            return response
        body = self.body(wanted) if stamp_of(wanted) is not None else None
        if body is None:
            response = Response("This version of the events is no longer served; reload the page.\n",
                                status=404, mimetype="text/plain")
            response.headers["Cache-Control"] = "no-store"
            return response
        response = Response(body, mimetype="application/json")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def register(app: Dash, live: LiveDataset, drafts: Drafts) -> EventsRoute:
    """Add the route to ``app``'s server; the layout names :data:`ROUTE`, the poll a version of it,
    and the page preloads it (:mod:`.preload`)."""
    route = EventsRoute(live, drafts)
    app.server.add_url_rule(ROUTE, "timeline_events", route.serve)
    return route
