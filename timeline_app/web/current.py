"""The data one request sees: a snapshot of the live dataset, taken once per request.

Every callback answered in one request (Dash may batch several) reads the
same :class:`~timeline_app.data.live.Snapshot`, so a reload landing
mid-request never mixes two versions; the next request sees the new one.
Feature objects that index the data (the view controller, the lesson, the
table) are made once per version by :class:`PerVersion`, never patched in
place when a reload lands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from flask import g, has_request_context

from ..data.catalog import Catalog
from ..data.live import LiveDataset, Snapshot

T = TypeVar("T")


class CurrentData:
    """The request's snapshot of ``live`` (outside a request: the current one)."""

    def __init__(self, live: LiveDataset):
        self.live = live
        self._key = f"timeline_snapshot_{id(self)}"

    def snapshot(self) -> Snapshot:
        if not has_request_context():
            return self.live.current()
        snapshot = g.get(self._key)
        if snapshot is None:
            snapshot = self.live.current()
            setattr(g, self._key, snapshot)
        return snapshot

    def per_version(self, make: Callable[[Catalog], T]) -> PerVersion[T]:
        return PerVersion(self, make)


class PerVersion(Generic[T]):
    """``make(catalog)`` for the request's catalog, made once per catalog."""

    def __init__(self, current: CurrentData, make: Callable[[Catalog], T]):
        self.current = current
        self.make = make
        self._made: tuple[Catalog, T] | None = None

    def __call__(self) -> T:
        catalog = self.current.snapshot().catalog
        made = self._made
        if made is None or made[0] is not catalog:
            made = (catalog, self.make(catalog))
            self._made = made  # one assignment: threads see the old pair or the new one
        return made[1]

    def callback(self, name: str) -> Callable:
        """A Dash callback calling method ``name`` of the request's object."""

        def call(*args, **kwargs):
            return getattr(self(), name)(*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        return call
