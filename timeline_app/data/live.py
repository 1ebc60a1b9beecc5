"""The dataset as it is on disk now: reloaded when an editor saves a file.

:class:`LiveDataset` holds one immutable :class:`Snapshot` (the dataset, its
catalog and its problems) and swaps it for a new one when the watched files
change: ``events.csv`` (or the events file the app was given),
``categories.csv``, ``periods.csv`` and every ``sources/*.txt``.  A change is
noticed by each file's (mtime_ns, size), looked at no more often than every
:data:`CHECK_SECONDS`, by whoever calls :meth:`LiveDataset.current` (the
app's one-second poll), so no thread runs in the background.

The rule for a reload (what keeps a half-written file off the screen):

* the last good data is KEPT, and the problems of the new load shown, when
  the events file is missing, cannot be read, is empty or has a header error
  (any error in column ``(file)`` or ``(header)``), when it yields no event
  at all although the last good data had some, when the files changed while
  they were being read, or when the events file does not end with a line
  break (a save in progress) and has not yet stayed unchanged for
  :data:`SETTLE_SECONDS`;
* otherwise the new data is TAKEN: rows with errors are left out and listed,
  as the ``check`` command and the first load do.

:meth:`LiveDataset.current` never raises.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from ..view.figure import timeline_payload
from .catalog import Catalog, build_catalog
from .dataset import Dataset, load_dataset
from .problems import Problem

CHECK_SECONDS = 0.5
"""Look at the files' signatures at most this often."""
SETTLE_SECONDS = 1.0
"""An events file without a final line break is taken once unchanged this long."""

KEEP_PUBLISHED = 8
"""Versions still served by digest, for pages that were told of one just before a reload."""

KEEP_COLUMNS = ("(file)", "(header)")

Signature = tuple[tuple[str, int, int], ...]


def payload_body(catalog: Catalog) -> bytes:
    """The JSON the browser draws from, exactly as :mod:`timeline_app.event_data` encodes it."""
    return json.dumps(timeline_payload(catalog), separators=(",", ":"), ensure_ascii=False).encode()


def body_digest(body: bytes) -> str:
    """The version in the data's URL (the same hash as :mod:`timeline_app.event_data`)."""
    return hashlib.sha256(body).hexdigest()[:16]


@dataclass(frozen=True)
class Snapshot:
    """One complete version of the data, never changed once made."""

    version: int
    """Bumped whenever the data or the problems change."""
    dataset: Dataset
    catalog: Catalog
    problems: tuple[Problem, ...]
    """What is wrong now: the shown data's problems, or those of the load that was refused."""
    kept: bool = False
    """True when the files on disk were refused and this is the last good data."""
    _body: list = field(default_factory=list, repr=False, compare=False)

    @property
    def body(self) -> bytes:
        """The timeline payload as JSON, made on first use."""
        if not self._body:
            self._body.append(payload_body(self.catalog))
        return self._body[0]

    @property
    def digest(self) -> str:
        return body_digest(self.body)


class LiveDataset:
    """The current good dataset of a folder, reloaded when its files change."""

    def __init__(self, folder: Path | str, events_file: Path | str | None = None, *,
                 check_seconds: float = CHECK_SECONDS, settle_seconds: float = SETTLE_SECONDS,
                 clock=time.monotonic):
        self.folder = Path(folder)
        self.events_file = Path(events_file) if events_file else self.folder / "events.csv"
        self.check_seconds = check_seconds
        self.settle_seconds = settle_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._publish_lock = threading.Lock()
        self._checked = float("-inf")
        self._signature: Signature | None = None
        self._pending: tuple[Signature, float] | None = None
        """A signature seen without a final line break, and since when."""
        self._listeners: list = []
        self._published: OrderedDict[str, bytes] = OrderedDict()
        signature = self.signature()
        dataset = self._load()
        self._snapshot = Snapshot(1, dataset, build_catalog(dataset), tuple(dataset.problems))
        self._signature = signature if signature == self.signature() else None  # changed while loading
        self._checked = self.clock()

    # -- reading -------------------------------------------------------------

    def current(self) -> Snapshot:
        """The snapshot to show, after reloading if the files changed; never raises."""
        now = self.clock()
        if now - self._checked < self.check_seconds:
            return self._snapshot
        if not self._lock.acquire(blocking=False):
            return self._snapshot  # another thread is reloading: show what we have
        try:
            if self.clock() - self._checked >= self.check_seconds:
                self._refresh()
                self._checked = self.clock()
        except Exception as exc:  # noqa: BLE001 - the app must stay up whatever the files hold
            self._keep([Problem(str(self.events_file), 1, "(file)", f"the data could not be reloaded: {exc!r}")])
        finally:
            self._lock.release()
        return self._snapshot

    @property
    def catalog(self) -> "LiveCatalog":
        """A stand-in for :class:`Catalog` that always reads the current snapshot's."""
        return LiveCatalog(self)

    def publish(self, snapshot: Snapshot) -> str:
        """Keep ``snapshot``'s JSON servable by its digest (the last few versions); return the digest."""
        digest = snapshot.digest
        with self._publish_lock:
            self._published[digest] = snapshot.body
            self._published.move_to_end(digest)
            while len(self._published) > KEEP_PUBLISHED:
                self._published.popitem(last=False)
        return digest

    def published(self, digest: str) -> bytes | None:
        """The JSON of a recently published version, or None."""
        return self._published.get(digest)

    def on_change(self, listener) -> None:
        """Call ``listener(snapshot)`` after each new snapshot (from the reloading thread)."""
        self._listeners.append(listener)

    def watched(self) -> list[Path]:
        sources = self.folder / "sources"
        try:
            articles = sorted(sources.glob("*.txt"))
        except OSError:
            articles = []
        return [self.events_file, self.folder / "categories.csv", self.folder / "periods.csv", sources,
                *articles]

    def signature(self) -> Signature:
        items = []
        for path in self.watched():
            try:
                st = path.stat()
                items.append((str(path), st.st_mtime_ns, st.st_size))
            except OSError:
                items.append((str(path), -1, -1))
        return tuple(items)

    # -- reloading -------------------------------------------------------------

    def _load(self) -> Dataset:
        try:
            return load_dataset(self.folder, self.events_file)
        except Exception as exc:  # noqa: BLE001
            return Dataset(events=[], problems=[Problem(str(self.events_file), 1, "(file)",
                                                         f"the file cannot be read: {exc}")])

    def _refresh(self) -> None:
        before = self.signature()
        if before == self._signature:
            return
        dataset = self._load()
        after = self.signature()
        if after != before:
            return  # written while we read: try again at the next check
        old = self._snapshot
        reason = self._refusal(dataset, before)
        if reason is None:
            self._pending = None
            self._signature = before
            self._swap(Snapshot(old.version + 1, dataset, build_catalog(dataset), tuple(dataset.problems)))
            return
        if reason != "settling":
            self._signature = before  # refused for good: wait for the next change
        if reason == "settling":
            reason = "the events file does not end with a line break (it may still be being saved)"
        note = Problem(str(self.events_file), 1, "(file)",
                       f"the timeline still shows the last good data because {reason}",
                       "save the file again once it is complete and correct")
        self._keep([note, *dataset.problems])

    def _refusal(self, dataset: Dataset, signature: Signature) -> str | None:
        """Why the new load must not replace the last good data, or None to take it."""
        old = self._snapshot
        if not old.dataset.events:
            return None  # nothing good to keep
        file_errors = [p for p in dataset.problems if p.is_error and p.column in KEEP_COLUMNS]
        if file_errors:
            return "a file is missing, unreadable, empty or has a broken header"
        if not dataset.events:
            return "the new files give no event at all"
        if not self._ends_with_newline():
            now = self.clock()
            if self._pending is None or self._pending[0] != signature:
                self._pending = (signature, now)
            if now - self._pending[1] < self.settle_seconds:
                return "settling"
        return None

    def _ends_with_newline(self) -> bool:
        try:
            with open(self.events_file, "rb") as f:
                f.seek(0, 2)
                if f.tell() == 0:
                    return True
                f.seek(-1, 2)
                return f.read(1) in (b"\n", b"\r")
        except OSError:
            return True

    def _keep(self, problems: list[Problem]) -> None:
        old = self._snapshot
        if old.kept and old.problems == tuple(problems):
            return
        self._swap(Snapshot(old.version + 1, old.dataset, old.catalog, tuple(problems), kept=True,
                            _body=old._body))

    def _swap(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        for listener in self._listeners:
            try:
                listener(snapshot)
            except Exception:  # noqa: BLE001
                pass


class LiveCatalog:
    """Reads as the live dataset's current :class:`Catalog` (for callbacks holding a catalog).

    Within one request it keeps reading the catalog it read first, so a
    callback never mixes two versions when a reload lands mid-request.
    """

    def __init__(self, live: LiveDataset):
        object.__setattr__(self, "_live", live)

    def _catalog(self) -> Catalog:
        from flask import g, has_request_context

        if not has_request_context():
            return self._live.current().catalog
        pinned = g.setdefault("_live_catalogs", {})
        key = id(self._live)
        if key not in pinned:
            pinned[key] = self._live.current().catalog
        return pinned[key]

    def __getattr__(self, name):
        return getattr(self._catalog(), name)

    def __len__(self) -> int:
        return len(self._catalog())
