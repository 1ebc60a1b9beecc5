"""Every setting of the server in one place: ``serve``'s options and the TIMELINE_* variables.

Each setting has one environment variable, one ``serve`` option, a default
and a description; the README's settings table lists exactly these
(``tests/test_settings.py`` checks it).  An option given on the command line
wins over the variable, the variable over the default.  Values are parsed
once, when the server starts (``serve.py``, ``wsgi.py``), by the one parser
of each setting, so a bad value is the same one-line error wherever it comes
from: which variable or option, what is wrong, what would do.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.files import MAX_FILE_BYTES, set_max_file_bytes

PREFIX = "TIMELINE_"


class SettingError(ValueError):
    """A setting's value that cannot be used; the message is one line for the terminal."""


@dataclass(frozen=True)
class Setting:
    name: str
    """Attribute of :class:`Settings`; the option is ``--name-with-dashes``."""
    env: str
    default: Any
    shown_default: str
    """The default as the README and ``--help`` show it."""
    parse: Callable[[str], Any]
    """Text (from the environment or the command line) to value; raises ValueError with the reason."""
    what: str

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


def _events_file(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise ValueError(f"{text} is a folder; give the events file in it, e.g. {path / 'events.csv'}")
    if not path.is_file():
        raise ValueError(f"{text}: no such events file")
    return path


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise ValueError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            raise ValueError(f"{value} is out of range ({low} to {high if high is not None else 'any'})")
        return value

    return parse


def _host(text: str) -> str:
    if not text.strip() or any(c.isspace() for c in text.strip()):
        raise ValueError(f"{text!r} is not a host name or address")
    return text.strip()


# 'self', or a scheme + host (optionally a leading "*." and a port), as CSP
# source expressions allow; nothing that could end the directive (";", ",").
_ORIGIN = re.compile(r"'self'|https?://(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?")


def origins(value: str | Sequence[str]) -> tuple[str, ...]:
    """Origins allowed to embed the page (separated by spaces or commas), validated as CSP source expressions."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    origins = tuple(v.strip().rstrip("/") for v in value if v.strip())
    for origin in origins:
        if origin not in ("self", "'self'") and not _ORIGIN.fullmatch(origin):
            raise ValueError(f"{origin!r} is not an origin like https://lms.example.org "
                             f"(origins are separated by spaces)")
    return tuple("'self'" if o in ("self", "'self'") else o for o in origins)


def media_origins(value: str | Sequence[str]) -> tuple[str, ...]:
    """Sites events' images may come from: :func:`origins` without ``'self'`` (the app's own
    images are always allowed, from ``events/media/``)."""
    allowed = origins(value)
    if "'self'" in allowed:
        raise ValueError("'self' is always allowed (images in events/media/); give other sites only, "
                         "like https://upload.wikimedia.org")
    return allowed


SETTINGS: tuple[Setting, ...] = (
    Setting("events", "TIMELINE_EVENTS", None, "the shipped `events/events.csv`", _events_file,
            "events file to serve; its folder holds `categories.csv`, `periods.csv` and `sources/`"),
    Setting("host", "TIMELINE_HOST", "127.0.0.1", "127.0.0.1", _host,
            "address to listen on; `0.0.0.0` for every network of the machine"),
    Setting("port", "TIMELINE_PORT", 8050, "8050", _whole_number(1, 65535), "TCP port to listen on"),
    Setting("threads", "TIMELINE_THREADS", 8, "8", _whole_number(1, 256),
            "threads running the app; requests reach them only once they have fully arrived"),
    Setting("connection_limit", "TIMELINE_CONNECTION_LIMIT", 4000, "4000", _whole_number(16),
            "open connections held at once (idle and slow ones included); "
            "more wait until one closes"),
    Setting("frame_ancestors", "TIMELINE_FRAME_ANCESTORS", (), "none", origins,
            "origins allowed to embed the page in a frame, e.g. `https://moodle.example.school`; "
            "by default nobody may"),
    Setting("media_origins", "TIMELINE_MEDIA_ORIGINS", (), "none", media_origins,
            "sites events' images may come from besides `events/media/`, e.g. `https://upload.wikimedia.org`; "
            "the page's Content-Security-Policy allows exactly these, and by default an image's web address "
            "is a warning and is not shown"),
    Setting("max_body_bytes", "TIMELINE_MAX_BODY_BYTES", 1024 * 1024, "1048576", _whole_number(1024),
            "largest request body; bigger ones get 413 before they are read"),
    Setting("max_file_bytes", "TIMELINE_MAX_FILE_BYTES", MAX_FILE_BYTES, str(MAX_FILE_BYTES),
            _whole_number(1024),
            "largest dataset file read (events, categories, periods, an article); "
            "a bigger one is a problem in the problems panel, not read"),
)
BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The parsed value of every entry of :data:`SETTINGS` (same names, same order)."""

    events: Path | None
    host: str
    port: int
    threads: int
    connection_limit: int
    frame_ancestors: tuple[str, ...]
    media_origins: tuple[str, ...]
    max_body_bytes: int
    max_file_bytes: int


def apply_to_process(settings: Settings) -> None:
    """The settings that hold for the whole process, not one app: the dataset file cap (data/files.py)."""
    set_max_file_bytes(settings.max_file_bytes)


def add_options(parser: argparse.ArgumentParser) -> None:
    """One option per setting; left as text (default None) so :func:`load_settings` parses it."""
    for setting in SETTINGS:
        parser.add_argument(setting.option, dest=setting.name, default=None, metavar=setting.name.upper(),
                            help=f"{_plain(setting.what)} (default: {_plain(setting.shown_default)}; "
                                 f"environment: {setting.env})")


def load_settings(options: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Every setting: the option if given (not None), else the variable if set (not empty), else the default.

    Raises :class:`SettingError` with a one-line message for the first bad value.
    """
    options = options or {}
    environ = os.environ if environ is None else environ
    values = {}
    for setting in SETTINGS:
        given = options.get(setting.name)
        if given is not None:
            values[setting.name] = _parse(setting, str(given), setting.option)
        elif environ.get(setting.env, "").strip():
            values[setting.name] = _parse(setting, environ[setting.env], setting.env)
        else:
            values[setting.name] = setting.default
    return Settings(**values)


def from_environment(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """One setting from the environment, else its default: for apps built without ``serve``."""
    environ = os.environ if environ is None else environ
    setting = BY_NAME[name]
    text = environ.get(setting.env, "")
    return _parse(setting, text, setting.env) if text.strip() else setting.default


def unknown_variables(environ: Mapping[str, str] | None = None) -> list[str]:
    """TIMELINE_* variables that are no setting (a typo, or TIMELINE_WORKERS of the gunicorn days)."""
    environ = os.environ if environ is None else environ
    known = {s.env for s in SETTINGS}
    return sorted(name for name in environ if name.startswith(PREFIX) and name not in known)


def _parse(setting: Setting, text: str, where: str) -> Any:
    try:
        return setting.parse(text)
    except ValueError as exc:
        raise SettingError(f"{where}: {exc}; {_plain(setting.what)} "
                           f"(default: {_plain(setting.shown_default)})") from None


def _plain(markdown: str) -> str:
    return markdown.replace("`", "")

