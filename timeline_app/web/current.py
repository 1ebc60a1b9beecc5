"""The data one request sees: a snapshot of the live dataset, taken once per request.

Every callback answered in one request (Dash may batch several) reads the
same :class:`~timeline_app.data.live.Snapshot`, so a reload landing
mid-request never mixes two versions; the next request sees the new one.
Feature objects that index the data (the view controller, the lesson, the
table) are made once per version by :class:`PerVersion`, never patched in
place when a reload lands.

An editor's upload preview (``live_view.py``) or a pasted text
(``paste_view.py``) is drawn instead of the shipped data, its events inline
in ``timeline-source``; the callback that made it also keeps its catalog
here, in :class:`Previews`, under the key that ``timeline-ready`` then names.
Every callback about the drawn events (view, reader, table, lesson, exports,
share) takes ``timeline-ready`` (the view and the reader ``timeline-drawn``,
its copy that changes only with other data) as ``drawn`` and works on the
catalog it names (:meth:`CurrentData.catalog`): in a preview, an id means the previewed
event, never the shipped one that happens to share it.  Sending the events
back with each callback would cost a preview's whole payload per click; the
server keeps the last few instead (one process serves the app, see
``serve.py``).  A preview no longer kept resolves to :data:`GONE`, no events,
and the reader says to pick the file again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from flask import g, has_request_context

from ..data.catalog import Catalog
from ..data.live import LiveDataset, Snapshot

T = TypeVar("T")

MAX_PREVIEWS = 4
"""Previews kept at most: an editor trying a few files, or a few editors at once."""
MAX_PREVIEW_EVENTS = 50_000
"""Events kept at most over all previews (the newest preview is kept whatever its size)."""
GONE = Catalog(events=[], extents=[], categories={}, articles={})
"""What a preview no longer kept resolves to: no event, so no id means a wrong one."""


def preview_key(drawn) -> str | None:
    """The preview ``timeline-ready`` names (``{"key", "count"}``), or None for the shipped data (``{"url"}``)."""
    key = drawn.get("key") if isinstance(drawn, dict) else None
    return key if isinstance(key, str) and key else None


class Previews:
    """The catalogs of the last previews drawn, by key: least recently used first out, bounded in number and size."""

    def __init__(self, entries: int = MAX_PREVIEWS, events: int = MAX_PREVIEW_EVENTS):
        self.entries = entries
        self.events = events
        self._lock = threading.Lock()
        self._held: OrderedDict[str, Catalog] = OrderedDict()

    def add(self, key: str, catalog: Catalog) -> None:
        with self._lock:
            self._held[key] = catalog
            self._held.move_to_end(key)
            while len(self._held) > 1 and (len(self._held) > self.entries
                                           or sum(map(len, self._held.values())) > self.events):
                self._held.popitem(last=False)

    def get(self, key: str) -> Catalog | None:
        with self._lock:
            catalog = self._held.get(key)
            if catalog is not None:
                self._held.move_to_end(key)
            return catalog


class CurrentData:
    """The request's snapshot of ``live`` (outside a request: the current one)."""

    def __init__(self, live: LiveDataset):
        self.live = live
        self.previews = Previews()
        self._key = f"timeline_snapshot_{id(self)}"

    def snapshot(self) -> Snapshot:
        if not has_request_context():
            return self.live.current()
        snapshot = g.get(self._key)
        if snapshot is None:
            snapshot = self.live.current()
            setattr(g, self._key, snapshot)
        return snapshot

    def catalog(self, drawn=None) -> Catalog:
        """The catalog of the events the page drew: the preview ``drawn`` names, else the request's snapshot's."""
        key = preview_key(drawn)
        if key is None:
            return self.snapshot().catalog
        return self.previews.get(key) or GONE

    def per_version(self, make: Callable[[Catalog], T]) -> PerVersion[T]:
        return PerVersion(self, make)


class PerVersion(Generic[T]):
    """``make(catalog)`` for the catalog a callback concerns, made once per catalog.

    It keeps one object per catalog still in use: the shipped version and the previews kept.
    """

    def __init__(self, current: CurrentData, make: Callable[[Catalog], T]):
        self.current = current
        self.make = make
        self._lock = threading.Lock()
        self._made: OrderedDict[int, tuple[Catalog, T]] = OrderedDict()

    def __call__(self, drawn=None) -> T:
        catalog = self.current.catalog(drawn)
        with self._lock:
            made = self._made.get(id(catalog))
            if made is not None:
                self._made.move_to_end(id(catalog))
        if made is None or made[0] is not catalog:
            made = (catalog, self.make(catalog))  # outside the lock: a big catalog does not hold up the others
            with self._lock:
                self._made[id(catalog)] = made
                self._made.move_to_end(id(catalog))
                while len(self._made) > self.current.previews.entries + 1:
                    self._made.popitem(last=False)
        return made[1]

    def callback(self, name: str) -> Callable:
        """A Dash callback calling method ``name`` of the object for the data ``drawn`` names
        (its keyword argument, ``timeline-ready``; without it the shipped data)."""

        def call(*args, drawn=None, **kwargs):
            return getattr(self(drawn), name)(*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        return call
