"""WSGI entry point for another WSGI server: ``waitress-serve timeline_app.wsgi:server``.

Settings come from the same TIMELINE_* environment variables as ``serve``
(``timeline_app/server/settings.py``); a bad one stops the import with its
one-line message.  Only the app's settings apply here (events file, frame
ancestors, image sites, body limit, file cap): address, threads and connections are the
other server's to set.
"""

from .server.settings import apply_to_process, load_settings
from .web.app import create_app

settings = load_settings()
apply_to_process(settings)
app = create_app(settings.events, frame_ancestors=settings.frame_ancestors,
                 max_body_bytes=settings.max_body_bytes, media_origins=settings.media_origins)
server = app.server
