"""The route serving events' images: ``/_timeline/media/<file>``, from the dataset's ``media/`` folder.

Only what :func:`~timeline_app.data.media.read_media` accepts is served (a
file inside ``media/``, no link leading out, an image type whose bytes match
its name, at most :data:`~timeline_app.data.media.MAX_MEDIA_BYTES`);
anything else is a plain 404 that says nothing of the server's files.  The
Content-Type is the one the bytes were checked to be, and every response
carries ``nosniff`` (``server/security.py``), so a file dressed as an image
is never run as a page.  Images are revalidated on each use (an ETag), since
an editor may replace one under the same name.
"""

from __future__ import annotations

from urllib.parse import quote

from dash import Dash
from flask import Response, request

from ..data.live import LiveDataset
from ..data.media import Media, read_media

ROUTE = "/_timeline/media/"


def media_url(media: Media) -> str:
    """The address of an event's image, for ``img`` elements: this route's, or the web
    address as written (from a site the media_origins setting allows)."""
    return media.src if media.remote else ROUTE + quote(media.src)


def register(app: Dash, live: LiveDataset) -> None:
    """Serve the images of ``live``'s dataset folder."""

    def serve(src: str) -> Response:
        found = read_media(live.folder, src)
        if found is None:
            return Response("404 Not Found: no such image", status=404, mimetype="text/plain")
        data, kind = found
        response = Response(data, mimetype=kind, headers={"Cache-Control": "no-cache"})
        response.add_etag()
        return response.make_conditional(request)

    app.server.add_url_rule(ROUTE + "<path:src>", "timeline_media", serve)
