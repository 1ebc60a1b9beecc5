"""What the page asks for while its scripts still load (``<link rel=preload>`` in its head).

A first paint otherwise waits for a chain of requests: the page, its scripts,
the layout and the callbacks (Dash's renderer asks for them once every script
has run), the code of the layout's lazily loaded components (dcc's Dropdown
and Upload come in chunks of their own, asked for only once the layout has
arrived), then the events.  The page names the events' route, Dash's two routes
and those chunks itself, so the browser fetches them alongside the scripts
(assets/timeline-render.js reads the events' address from its link).
"""

from __future__ import annotations

from collections.abc import Iterator

from dash import Dash

from . import events_route, ids

LAZY_CHUNKS = {"Dropdown": "async-dropdown.js", "Upload": "async-upload.js"}
"""The dcc components this app uses that load their code lazily, and the chunk each loads
(tests/test_first_paint.py checks each is served)."""


def _types(component) -> Iterator[str]:
    yield type(component).__name__
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from _types(child)


def chunk_urls(app: Dash) -> list[str]:
    """The lazy chunks the layout's components will ask for."""
    used = set(_types(app.layout))
    prefix = app.config.requests_pathname_prefix
    return [f"{prefix}_dash-component-suites/dash/dcc/{chunk}"
            for name, chunk in sorted(LAZY_CHUNKS.items()) if name in used]


def dash_routes(app: Dash) -> list[str]:
    """What Dash's renderer fetches first once its scripts have run: the layout and the callbacks."""
    prefix = app.config.requests_pathname_prefix
    return [f"{prefix}_dash-layout", f"{prefix}_dash-dependencies"]


def preload(app: Dash) -> None:
    """Name the events, Dash's first fetches and the layout's lazy chunks in the page's head; call
    once the layout is set."""
    links = [f'<link rel="preload" id="{ids.TIMELINE_EVENTS}" href="{events_route.ROUTE}" as="fetch" '
             'crossorigin="anonymous">']
    links += [f'<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous">' for url in dash_routes(app)]
    links += [f'<link rel="preload" href="{url}" as="script">' for url in chunk_urls(app)]
    app.index_string = app.index_string.replace("{%metas%}", "\n        ".join(["{%metas%}", *links]), 1)
