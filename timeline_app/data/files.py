"""Reading editors' files safely, and writing the CLI's outputs without losing one.

Every reader of the app (CSV tables, source articles) goes through
:func:`read_file`, so a file on disk can never freeze or exhaust the server
or show what lies outside the dataset: only regular files are read (a FIFO
would block forever, ``/dev/zero`` would never end), at most
:func:`max_file_bytes` of them, and, given a ``root`` folder, only when the
file really lies in it (a link from ``events.csv`` to ``/etc/passwd`` is
refused, not shown to every visitor).  Whatever is wrong comes back as one
:class:`~timeline_app.data.problems.Problem`, never as an exception.

Every file a command writes goes through :func:`replacing`: written to a
temporary file in the same folder, then renamed over the target, so an
interrupted or failed command leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .problems import Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The default size cap of one file read (events, categories, periods, an article): 64 MiB.

About 600,000 events; what :func:`set_max_file_bytes` changes for the process."""

TIME_BUDGET_SECONDS = 30.0
"""The default time one file may take to check (see :class:`~timeline_app.data.csvfile.Table`)."""

_limit = {"max_bytes": MAX_FILE_BYTES}


def max_file_bytes() -> int:
    """The size cap now in force (:data:`MAX_FILE_BYTES` unless set)."""
    return _limit["max_bytes"]


def set_max_file_bytes(max_bytes: int) -> None:
    """Set the size cap of every later read, for the whole process (the server's setting)."""
    if max_bytes < 1:
        raise ValueError("the size cap must be at least 1 byte")
    _limit["max_bytes"] = max_bytes


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"




def read_file(path: Path | str, name: str | None = None, root: Path | str | None = None,
              max_bytes: int | None = None) -> tuple[bytes | None, Problem | None]:
    """(the file's bytes, None), or (None, the problem saying why it was not read).

    ``name`` is how problems name the file (default: the path as given).
    With ``root``, a file whose real location (links followed) is outside
    that folder is refused.  The file is opened without blocking and
    checked to be a regular file before a byte is read, and reading stops
    one byte past ``max_bytes`` (default: :func:`max_file_bytes`).
    """
    name = name or str(path)
    limit = max_bytes or max_file_bytes()

    def problem(message: str, hint: str) -> tuple[None, Problem]:
        return None, Problem(name, 1, "(file)", message, hint)

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if root is not None:
        path, base = os.path.realpath(path), os.path.realpath(root)
        if os.path.commonpath([path, base]) != base:
            return problem("the file is a link to a place outside the dataset folder, so it is not read",
                           "put the file itself (not a link to it) in the dataset folder")
        flags |= os.O_NOFOLLOW  # opened where it was checked to be, not through a link made since
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return problem(f"the file cannot be read: {exc.strerror or exc}",
                       "check the file name, that the file exists and that it is readable")
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return problem(f"this is {_kind(info.st_mode)}, not a file, so it is not read",
                           "give the path of a file" if stat.S_ISDIR(info.st_mode) else "put a regular file here")
        if info.st_size > limit:
            return problem(_too_big(info.st_size, limit), _TOO_BIG_HINT)
        try:
            data = f.read(limit + 1)
        except OSError as exc:
            return problem(f"the file cannot be read: {exc.strerror or exc}", "check the disk and the file")
    if len(data) > limit:  # it grew while being read
        return problem(_too_big(len(data), limit), _TOO_BIG_HINT)
    return data, None


_TOO_BIG_HINT = "split the file, or raise the size cap (see docs/editing.md)"


def _too_big(size: int, limit: int) -> str:
    return f"the file is too big to read ({size:,} bytes or more; the cap is {limit:,} bytes)"


class OutputError(Exception):
    """An output that cannot be written; the message is one line for the terminal."""


@contextlib.contextmanager
def replacing(path: Path | str, force: bool = False) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write to; renamed over ``path`` on success.

    Raises :class:`OutputError` before anything is written when the folder
    is missing or not writable, or when ``path`` exists and ``force`` is
    not set; if the body raises, the temporary file is removed and
    ``path`` is untouched.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist; create it or choose another output")
    if path.is_dir():
        raise OutputError(f"{path}: this is a folder; give a file name for the output")
    if path.exists() and not force:
        raise OutputError(f"{path}: the file exists; add --force to overwrite it, or choose another output")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {folder}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
