"""The Dash layer's entry point: :func:`create_app` builds an app around a dataset.

Layout, callbacks and the figure live in their own modules (``layout``,
``callbacks``, ``figure``); this factory only wires them to one ``Dash``
instance, so tests and servers can build as many independent apps as they
need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from dash import Dash

from ..data.live import LiveDataset
from ..data.paths import EVENTS_CSV, ROOT
from ..data.validate import dataset_folder_for
from ..server.compress import enable_gzip
from ..server.route_cache import cache_fixed_routes
from ..server.security import harden
from .callbacks import register_callbacks
from .classroom.panels import register_classroom
from .events_route import register_event_data
from .layout import build_layout
from .live_view import register_live_view

TITLE = "Workers' history timeline"


def create_app(events_file: Path | str | None = None, *,
               frame_ancestors: str | Sequence[str] | None = None,
               max_body_bytes: int | None = None) -> Dash:
    """A Dash app serving ``events_file`` (default: the shipped dataset).

    Rows with problems are left off (and counted on stderr), as the
    ``check`` command reports them.
    """
    events_file = Path(events_file) if events_file else EVENTS_CSV
    live = LiveDataset(dataset_folder_for(events_file), events_file)  # reloads when editors save (live_data.py)
    dataset = live.current().dataset
    if dataset.problems:
        print(f"{events_file}: {len(dataset.problems)} problems, run `python -m timeline_app check` "
              f"for details", file=sys.stderr)
    catalog = live.current().catalog
    # suppress_callback_exceptions: the reader's event links appear only once an event is selected.
    app = Dash(__name__, assets_folder=str(ROOT / "assets"), title=TITLE, update_title=None,
               suppress_callback_exceptions=True, serve_locally=True)
    app.layout = build_layout(catalog, TITLE, register_event_data(app.server, catalog))
    controller = register_callbacks(app, live.catalog)  # live.catalog: always the current snapshot's
    live.on_change(lambda _snapshot: controller.__init__(live.catalog))  # refresh its vocabulary
    register_classroom(app, live.catalog, TITLE)
    register_live_view(app, live, max_body_bytes)  # problems panel, reload poll, upload preview
    cache_fixed_routes(app)  # layout and callbacks are complete now; serialise them once
    enable_gzip(app.server)
    # --- security hardening (timeline_app/server/security.py): keep this the last step,
    # after every callback, so the CSP hashes cover every inline script.
    return harden(app, frame_ancestors=frame_ancestors, max_body_bytes=max_body_bytes)
