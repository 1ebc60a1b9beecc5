"""An event's image: a file in the dataset's ``media/`` folder, with its alt text, credit and caption.

The image is served to every visitor, so only what is surely an image of a
known type is ever served: a file inside ``media/`` (no ``..``, no absolute
path, no link leading out, checked by :func:`~timeline_app.data.files.read_file`),
named with an image extension, whose first bytes are that type's signature,
and at most :data:`MAX_MEDIA_BYTES` long.  A web address (``https://...``)
is refused unless its origin is one the server allows (the ``media_origins``
setting, none by default, which also opens the page's Content-Security-Policy
``img-src`` to exactly those origins): otherwise the browser would not show it
anyway, and a remote image tells a third party who reads which event.  A
remote image is not fetched by the app, so nothing but its origin is checked.

Problems with an image are warnings, not errors: the event stands on its
quote, so it stays on the timeline, shown without the image until the
problem is fixed (``check --strict`` fails on them).  No image is shown
without alt text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .files import read_file
from .paths import EVENTS_DIR

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
    """An event's image as written: ``src`` is its path inside ``media/`` (forward slashes),
    or a web address.

    Kept whole even when it cannot be shown (``shown`` False: its problem says
    why), so an export or a TimelineJS import writes back what the editor wrote.
    """

    src: str
    alt: str
    credit: str = ""
    caption: str = ""
    shown: bool = False

    @property
    def remote(self) -> bool:
        """Whether ``src`` is a web address (shown only from an allowed origin)."""
        return is_web_address(self.src)


def is_web_address(src: str) -> bool:
    """Whether ``src`` names an image on another site (a protocol-relative ``//host`` too)."""
    return src.lower().startswith(("http://", "https://", "//"))


def allowed_origin(url: str, origins: Sequence[str]) -> bool:
    """Whether ``url`` comes from one of ``origins`` (``https://host[:port]``, or ``https://*.host``
    for its sub-domains), matched as a browser matches a CSP source expression."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.password:
        return False
    for origin in origins:
        scheme, _, rest = origin.lower().partition("://")
        name, _, wanted_port = rest.partition(":")
        if scheme != parts.scheme or (str(port) if port else "") != wanted_port:
            continue
        if host == name or (name.startswith("*.") and host.endswith(name[1:])):
            return True
    return False


@dataclass(frozen=True)
class ImageRules:
    """Where events' images may come from: the ``media/`` folder of the dataset ``folder``
    (the shipped one for a file checked on its own, as its articles are), and the web
    ``origins`` the server allows (its media_origins setting)."""

    folder: Path | str = EVENTS_DIR
    origins: tuple[str, ...] = ()

    def problem(self, src: str) -> tuple[str, str] | None:
        """:func:`media_problem` of ``src`` under these rules."""
        return media_problem(self.folder, src, self.origins)


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


def media_problem(folder: Path | str, src: str, origins: Sequence[str] = ()) -> tuple[str, str] | None:
    """(message, fix) saying why ``src`` cannot be shown, or None when it can.

    ``src`` is the cell as written: a path inside ``media/`` of the dataset
    ``folder``, or a web address from one of ``origins`` (the media_origins setting).
    """
    if is_web_address(src):
        if allowed_origin(src, origins):
            return None
        return (f"the image '{src[:80]}' is a web address from a site the server does not allow; "
                f"this event is shown without it",
                f"download the image (if its licence allows), put it in events/{FOLDER}/ and write its "
                "file name here, with its credit in media_credit; or allow the site with TIMELINE_MEDIA_ORIGINS")
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
