"""An event's image: a file in the dataset's ``media/`` folder, with its alt text, credit and caption.

The image is served to every visitor, so only what is surely an image of a
known type is ever served: a file inside ``media/`` (no ``..``, no absolute
path, no link leading out, checked by :func:`~timeline_app.data.files.read_file`),
named with an image extension, whose first bytes are that type's signature,
and at most :data:`MAX_MEDIA_BYTES` long.  A web address (``https://...``)
is refused: the page's Content-Security-Policy lets images come only from
the app itself, so the browser would not show it anyway, and a remote image
would tell a third party who reads which event.

Problems with an image are warnings, not errors: the event stands on its
quote, so it stays on the timeline, shown without the image until the
problem is fixed (``check --strict`` fails on them).  No image is shown
without alt text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .files import read_file

FOLDER = "media"
"""The images' folder, in the dataset folder beside ``events.csv``."""
MAX_MEDIA_BYTES = 5 * 1024 * 1024
"""The largest image served (5 MiB): enough for a portrait, not for a server's memory."""

TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
         ".webp": "image/webp"}
"""The image types shown, by extension, and the Content-Type they are served with."""
_SIGNATURES = {"image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",),
               "image/gif": (b"GIF87a", b"GIF89a"), "image/webp": (b"RIFF",)}


COLUMNS = ("media", "media_alt", "media_credit", "media_caption")
"""The optional events.csv columns of an event's image."""


@dataclass(frozen=True)
class Media:
    """An event's image as written: ``src`` is its path inside ``media/`` (forward slashes).

    Kept whole even when it cannot be shown (``shown`` False: its problem says
    why), so an export or a TimelineJS import writes back what the editor wrote.
    """

    src: str
    alt: str
    credit: str = ""
    caption: str = ""
    shown: bool = False


def media_type(name: str, data: bytes) -> str | None:
    """The Content-Type of an image file named ``name`` holding ``data``, or None when it is not
    one: the extension must be a known type and the bytes must start with that type's signature."""
    kind = TYPES.get(PurePosixPath(name).suffix.lower())
    if kind is None or not data.startswith(_SIGNATURES[kind]):
        return None
    if kind == "image/webp" and data[8:12] != b"WEBP":
        return None
    return kind


def read_media(folder: Path | str, src: str) -> tuple[bytes, str] | None:
    """(bytes, Content-Type) of the image ``src`` of the dataset ``folder``, or None when
    :func:`media_problem` would refuse it: what the media route serves."""
    path = _path(folder, src)
    if path is None:
        return None
    data, problem = read_file(path, src, root=Path(folder) / FOLDER, max_bytes=MAX_MEDIA_BYTES)
    kind = media_type(src, data) if data is not None else None
    return (data, kind) if kind else None


def media_problem(folder: Path | str, src: str) -> tuple[str, str] | None:
    """(message, fix) saying why ``src`` cannot be shown, or None when it can.

    ``src`` is the cell as written: a path inside ``media/`` of the dataset ``folder``.
    """
    if src.lower().startswith(("http://", "https://", "//")):
        return (f"the image '{src[:80]}' is a web address; the timeline shows only images in "
                f"{FOLDER}/, so this event is shown without it",
                f"download the image (if its licence allows), put it in events/{FOLDER}/ and write its "
                "file name here, with its credit in media_credit")
    path = _path(folder, src)
    if path is None:
        return (f"the image '{src[:80]}' is not a file name inside {FOLDER}/",
                f"write the file's name as it is in events/{FOLDER}/, e.g. lenin.jpg")
    if PurePosixPath(src).suffix.lower() not in TYPES:
        return (f"'{src[:80]}' is not an image the timeline shows",
                "use a PNG, JPEG, GIF or WebP file (.png, .jpg, .jpeg, .gif, .webp)")
    data, problem = read_file(path, src, root=Path(folder) / FOLDER, max_bytes=MAX_MEDIA_BYTES)
    if problem is not None:
        if not os.path.lexists(path):
            return (f"there is no file '{src}' in {FOLDER}/",
                    f"put the image in events/{FOLDER}/, or correct the file name")
        return (f"the image '{src}' cannot be shown: {problem.message}",
                f"use an image file of at most {MAX_MEDIA_BYTES:,} bytes, in events/{FOLDER}/ itself (not a link)")
    if media_type(src, data) is None:
        return (f"the file '{src}' is not the image its name says "
                f"({PurePosixPath(src).suffix.lower()})",
                "save the image again in that format, or rename it to its real type")
    return None


def _path(folder: Path | str, src: str) -> Path | None:
    """The file ``src`` names in the media folder, or None when it names none there
    (empty, absolute, with a drive, a backslash, ``..`` or a control character such as NUL)."""
    parts = PurePosixPath(src).parts
    if (not src.isprintable() or "\\" in src or ":" in src or src.startswith("/") or ".." in parts):
        return None
    return Path(folder, FOLDER, *parts)
