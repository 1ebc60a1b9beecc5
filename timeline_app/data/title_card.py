"""The dataset's title card: the title and description of its ``datapackage.json``.

Presentation mode and lessons open on it, as TimelineJS opens on its title
slide, before the first event.  A folder without the file, or with one that
is not JSON holding text there, has no title card; the timeline itself never
depends on it, so nothing is reported (``check`` validates the events).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .files import read_file

PACKAGE_FILE = "datapackage.json"
MAX_PACKAGE_BYTES = 256 * 1024
MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 2000


@dataclass(frozen=True)
class TitleCard:
    title: str
    description: str


def read_title_card(folder: Path | str) -> TitleCard | None:
    """The title card of the dataset in ``folder``, or None when its datapackage.json has no title."""
    data, problem = read_file(Path(folder) / PACKAGE_FILE, root=folder, max_bytes=MAX_PACKAGE_BYTES)
    if problem is not None:
        return None
    try:
        package = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(package, dict):
        return None
    title, description = (_text(package.get(key), limit)
                          for key, limit in (("title", MAX_TITLE_CHARS), ("description", MAX_DESCRIPTION_CHARS)))
    return TitleCard(title, description) if title else None


def _text(value, limit: int) -> str:
    """One line of at most ``limit`` characters, or "" for anything but text."""
    if not isinstance(value, str):
        return ""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
