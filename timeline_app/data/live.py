"""The dataset as it is on disk now: reloaded when an editor saves a file.

:class:`LiveDataset` holds one immutable :class:`Snapshot` (the dataset, its
catalog and its problems) and swaps it for a new one when the watched files
change: ``events.csv`` (or the events file the app was given),
``categories.csv``, ``periods.csv``, every ``sources/*.txt`` and the ``media/``
folder (an image added to it or removed).  A change is
noticed by each file's :func:`file_signature` (mode, inode, size, mtime and
ctime, and the content's hash for small files: a ``chmod`` or a same-size
rewrite within one clock tick counts too), looked at no more often than every
:data:`CHECK_SECONDS`, by whoever calls :meth:`LiveDataset.current` (the
app's poll), so no thread runs in the background.

Several server processes each hold a :class:`LiveDataset` of the same
folder.  :attr:`Snapshot.stamp` (the newest ctime of the files the data was
read from) orders their snapshots the same way in every process, so a page
can refuse data older than what it has drawn.  Encoding a snapshot for the
browser belongs to the layers above (``web/events_route.py``).

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
import logging
import os
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, build_catalog
from .dataset import Dataset, load_dataset, visitor_name
from .media import FOLDER as MEDIA_FOLDER
from .problems import Problem

log = logging.getLogger(__name__)

CHECK_SECONDS = 0.5
"""Look at the files' signatures at most this often."""
SETTLE_SECONDS = 1.0
"""An events file without a final line break is taken once unchanged this long."""

KEEP_COLUMNS = ("(file)", "(header)")

HASH_MAX_BYTES = 256 * 1024
"""Files up to this size also sign with their content's hash (reading them is cheap)."""

FileSignature = tuple
Signature = tuple[FileSignature, ...]


def file_signature(path: Path) -> FileSignature:
    """What identifies one state of ``path``: more than (mtime, size), so a ``chmod`` or a
    same-size rewrite within one mtime tick is a change too; a missing file is ``(path,)``."""
    try:
        st = os.stat(path)
    except OSError:
        return (str(path),)
    signed = (str(path), st.st_mode, st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if not stat.S_ISREG(st.st_mode) or st.st_size > HASH_MAX_BYTES:
        return signed
    try:  # non-blocking: a FIFO put in the file's place since the stat must not hang the poll
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as f:
            content = f.read(HASH_MAX_BYTES + 1) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError as exc:
        return (*signed, f"unreadable: {exc.errno}")
    return (*signed, hashlib.sha256(content).hexdigest())


def stamp_of(signature: Signature) -> int:
    """The newest change time (ctime, ns) in ``signature``: the same in every process reading those files."""
    return max((item[6] for item in signature if len(item) > 6), default=0)


def has_file_errors(dataset: Dataset) -> bool:
    """A file is missing, unreadable, empty or has a broken header."""
    return any(p.is_error and p.column in KEEP_COLUMNS for p in dataset.problems)


def is_broken(dataset: Dataset) -> bool:
    """A load that never replaces good data: a file error, or no event at all."""
    return not dataset.events or has_file_errors(dataset)


def data_stamp(dataset: Dataset, signature: Signature) -> int:
    """The stamp of data read from files in ``signature``: 0 for a broken load, older than any good one.

    A process started while the files are broken has nothing better to show,
    but pages that drew good data from another process must not take it.
    """
    return 0 if is_broken(dataset) else stamp_of(signature)


@dataclass(frozen=True)
class Snapshot:
    """One complete version of the data, never changed once made."""

    version: int
    """This process's count of snapshots: bumped whenever the data or the problems change."""
    stamp: int
    """When the shown data's files last changed (ctime, ns): orders snapshots across processes."""
    dataset: Dataset
    catalog: Catalog
    problems: tuple[Problem, ...]
    """What is wrong now: the shown data's problems, or those of the load that was refused."""
    kept: bool = False
    """True when the files on disk were refused and this is the last good data."""


class LiveDataset:
    """The current good dataset of a folder, reloaded when its files change."""

    def __init__(self, folder: Path | str, events_file: Path | str | None = None, *,
                 check_seconds: float = CHECK_SECONDS, settle_seconds: float = SETTLE_SECONDS,
                 clock=time.monotonic, media_origins: tuple[str, ...] = ()):
        self.folder = Path(folder)
        self.media_origins = media_origins
        """Sites the events' images may come from besides media/ (the server's setting)."""
        self.events_file = Path(events_file) if events_file else self.folder / "events.csv"
        self.check_seconds = check_seconds
        self.settle_seconds = settle_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._checked = float("-inf")
        self._signature: Signature | None = None
        self._pending: tuple[Signature, float] | None = None
        """A signature seen without a final line break, and since when."""
        signature = self.signature()
        dataset = self._load()
        self._snapshot = Snapshot(1, data_stamp(dataset, signature), dataset, build_catalog(dataset),
                                  tuple(dataset.problems))
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
            log.exception("reloading %s failed", self.events_file)
            self._keep([self._note(f"the data could not be reloaded ({type(exc).__name__}; the server log has "
                                   f"the details)", "save the files again; if this stays, tell the server's keeper")])
        finally:
            self._lock.release()
        return self._snapshot

    def look_now(self) -> Snapshot:
        """The snapshot after looking at the files now, whenever they were last looked at.

        For a request naming a version this process has not seen yet: another
        process noticed a save that this one would notice only at its next check.
        """
        with self._lock:
            self._checked = float("-inf")
        return self.current()

    def watched(self) -> list[Path]:
        sources = self.folder / "sources"
        try:
            articles = sorted(sources.glob("*.txt"))
        except OSError:
            articles = []
        # media/ itself: an image added or removed there changes what the events can show
        return [self.events_file, self.folder / "categories.csv", self.folder / "periods.csv", sources,
                *articles, self.folder / MEDIA_FOLDER]

    def signature(self) -> Signature:
        return tuple(file_signature(path) for path in self.watched())

    # -- reloading -------------------------------------------------------------

    def _load(self) -> Dataset:
        try:
            return load_dataset(self.folder, self.events_file, media_origins=self.media_origins)
        except Exception as exc:  # noqa: BLE001
            log.exception("loading %s failed", self.events_file)
            return Dataset(events=[], problems=[self._note(f"the file cannot be read ({type(exc).__name__}; "
                                                           f"the server log has the details)",
                                                           "check the file and save it again")])

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
            self._swap(Snapshot(old.version + 1, data_stamp(dataset, before), dataset, build_catalog(dataset),
                                tuple(dataset.problems)))
            return
        if reason != "settling":
            self._signature = before  # refused for good: wait for the next change
        if reason == "settling":
            reason = "the events file does not end with a line break (it may still be being saved)"
        note = self._note(f"the timeline still shows the last good data because {reason}",
                          "save the file again once it is complete and correct")
        self._keep([note, *dataset.problems])

    def _refusal(self, dataset: Dataset, signature: Signature) -> str | None:
        """Why the new load must not replace the last good data, or None to take it."""
        old = self._snapshot
        if not old.dataset.events:
            return None  # nothing good to keep
        if has_file_errors(dataset):
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

    def _note(self, message: str, hint: str) -> Problem:
        """A problem about the events file as a whole, named as visitors may see it."""
        return Problem(visitor_name(self.folder, self.events_file), 1, "(file)", message, hint)

    def _ends_with_newline(self) -> bool:
        try:  # non-blocking, regular files only: a FIFO swapped in since the load must not hang the poll
            fd = os.open(self.events_file, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            return True
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
                return True
            f.seek(-1, os.SEEK_END)
            return f.read(1) in (b"\n", b"\r")

    def _keep(self, problems: list[Problem]) -> None:
        old = self._snapshot
        if old.kept and old.problems == tuple(problems):
            return
        self._swap(Snapshot(old.version + 1, old.stamp, old.dataset, old.catalog, tuple(problems), kept=True))

    def _swap(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot  # one assignment: readers see the old snapshot or the new one
