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
from ..data.title_card import read_title_card
from ..data.validate import dataset_folder_for
from ..server.asset_cache import cache_fingerprinted_assets
from ..server.compress import enable_gzip
from ..server.page_scripts import without_legacy_polyfill
from ..server.route_cache import cache_fixed_routes
from ..server.security import harden
from ..server.settings import from_environment
from . import callbacks, events_route, live_view, media_route, paste_view, preload, proposed_view
from .classroom import panels as classroom
from .current import CurrentData
from .layout import build_layout

TITLE = "Workers' history timeline"


def create_app(events_file: Path | str | None = None, *,
               frame_ancestors: str | Sequence[str] | None = None,
               max_body_bytes: int | None = None,
               media_origins: Sequence[str] | None = None) -> Dash:
    """A Dash app serving ``events_file`` (default: the shipped dataset).

    Rows with problems are left off (and counted on stderr), as the
    ``check`` command reports them.  ``None`` for a setting: from the
    environment, else its default.
    """
    events_file = Path(events_file) if events_file else EVENTS_CSV
    origins = from_environment("media_origins") if media_origins is None else tuple(media_origins)
    # reloads when editors save (data/live.py)
    live = LiveDataset(dataset_folder_for(events_file), events_file, media_origins=origins)
    snapshot = live.current()
    if snapshot.problems:
        print(f"{events_file}: {len(snapshot.problems)} problems, run `python -m timeline_app check` "
              f"for details", file=sys.stderr)
    current = CurrentData(live)  # every callback of a request reads one snapshot
    # suppress_callback_exceptions: the reader's event links appear only once an event is selected.
    app = Dash(__name__, assets_folder=str(ROOT / "assets"), title=TITLE, update_title=None,
               suppress_callback_exceptions=True, serve_locally=True)
    drafts = proposed_view.Drafts(live)  # the proposed rows, made once per version (route and article index)
    route = events_route.register(app, live, drafts)
    # The layout is the same bytes for everyone (route_cache): it names the data's URL, not a version,
    # and which version its article index shows ("built", encoded now, not in the first visitor's request).
    app.layout = build_layout(snapshot.catalog, TITLE,
                              {"url": events_route.ROUTE, "built": route.source(snapshot)["url"]},
                              read_title_card(dataset_folder_for(events_file)),
                              drafts.per_article(snapshot, snapshot.catalog))
    media_route.register(app, live)
    callbacks.register(app, current, drafts)
    classroom.register(app, current, TITLE)
    live_view.register(app, current, route, max_body_bytes)  # problems panel, reload poll, upload preview
    paste_view.register(app, current)  # any text as a timeline (after live_view: it draws as its preview does)
    proposed_view.register(app)  # the card of a selected proposed row (assets/timeline-proposed.js)
    without_legacy_polyfill(app)  # plotly.js runs with the browser's own trim and parseInt
    preload.preload(app)  # the events and the lazy components' code, asked for with the scripts
    cache_fixed_routes(app)  # layout and callbacks are complete now; serialise them once
    enable_gzip(app.server)
    cache_fingerprinted_assets(app.server, app.get_asset_url(""))
    # --- security hardening (timeline_app/server/security.py): keep this the last step,
    # after every callback, so the CSP hashes cover every inline script.
    return harden(app, frame_ancestors=frame_ancestors, max_body_bytes=max_body_bytes, media_origins=origins)
