"""WSGI entry point: ``gunicorn timeline_app.wsgi:server``.

The events file can be chosen with the TIMELINE_EVENTS environment variable
(default: the shipped ``events/events.csv``).
"""

import os

from .web.app import create_app

app = create_app(os.environ.get("TIMELINE_EVENTS") or None)
server = app.server
