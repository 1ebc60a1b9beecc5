"""The page: header, zoom bar, filters, the timeline and the reader panel.

Besides the visible parts it holds the stores the callbacks talk through:

* ``timeline-source``: where the browser fetches every event once (the
  compact columns of :func:`timeline_app.view.figure.timeline_payload`,
  served by :mod:`.events_route`, outside Dash's state); ``timeline-ready``
  is set by the browser when they have arrived, with the version's URL;
* ``view``: range, filters and the selected event id (what the URL holds),
  plus ``rev``, bumped when the app (not the reader's mouse) moves the range;
* ``selected``: the selected event's id, for the reader and the highlight (the browser
  finds its position in the data it drew);
* ``shown-range``: the range actually drawn, written by the browser;
* ``graph-range``, ``graph-click``, ``key-select``: what the reader did on
  the timeline (zoom or pan, a click on an event or its label, an event
  picked with the keyboard or in the table, by id), written by the browser.

The timeline itself is a plain ``div``: the browser draws the plotly.js
graph into it (assets/timeline-render.js) instead of going through
``dcc.Graph``, whose figure property would carry every event through Dash's
state on each zoom.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import dcc, html

from ..data.catalog import Catalog
from ..data.title_card import TitleCard
from . import ids
from .classroom.panels import classroom_panels, classroom_toolbar
from .classroom.presentation import title_card
from .filters import filter_controls
from .reader import empty_reader

ZOOM_BUTTONS = (
    ("all", "All", "Fit every event the filters show"),
    ("century", "Century", "Show the century around the selected event or the middle of the view"),
    ("decade", "Decade", "Show the decade around the selected event or the middle of the view"),
    ("year", "Year", "Show the year around the selected event or the middle of the view"),
    ("reset", "Reset", "Clear filters and selection and show everything"),
)

KEY_HELP = "Drag to pan, wheel or pinch to zoom. With the timeline focused: ← → step through events, + − zoom, Esc closes the article."


def zoom_bar() -> html.Nav:
    """The zoom buttons, then the eras switch (assets/timeline-eras.js: it sets eras=1 in the address)."""
    return html.Nav([*(html.Button(label, id=ids.pattern(ids.ZOOM, unit), n_clicks=0, title=hint,
                                   className=f"zoom zoom-{unit}")
                       for unit, label, hint in ZOOM_BUTTONS),
                     html.Button("Eras", id="eras-toggle", className="eras-toggle", type="button",
                                 title="Show the named periods (World War Two, Cold War, ...) as bands behind the rows",
                                 **{"aria-pressed": "false"})],
                    className="zoom-bar", **{"aria-label": "Zoom"})


def build_layout(catalog: Catalog, title: str, source: dict, card: TitleCard | None = None,
                 drafts: Mapping[str, int] | None = None) -> html.Div:
    """The page; ``source`` names the events' URL (:data:`.events_route.ROUTE`, the current version)
    and the version ``catalog`` is (``built``: a page drawing another asks for a fresh article index);
    ``card`` is the dataset's title card, shown in the reader's place in presentation mode;
    ``drafts`` the proposed rows per article id, for the article index."""
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.TIMELINE_SOURCE, data=source),
        dcc.Store(id=ids.TIMELINE_READY),
        dcc.Store(id=ids.VIEW),
        dcc.Store(id=ids.SELECTED),
        dcc.Store(id=ids.SHOWN_RANGE),
        dcc.Store(id=ids.GRAPH_RANGE),
        dcc.Store(id=ids.GRAPH_CLICK),
        dcc.Store(id=ids.KEY_SELECT),
        html.Header([
            html.H1(title),
            html.P(id=ids.SHOWN_COUNT, className="shown-count", role="status"),
            classroom_toolbar(),
        ], className="top"),
        zoom_bar(),
        filter_controls(catalog),
        html.Main([
            html.Div([
                html.Div([html.Div(id=ids.TIMELINE_PLOT, className="timeline-plot"),
                          html.Div(id=ids.TIMELINE_LABELS, className="timeline-labels")],
                         id=ids.TIMELINE, className="timeline-graph"),
                html.P(KEY_HELP, className="key-help"),
            ], id=ids.TIMELINE_PANE, className="timeline-pane", tabIndex="0",
                **{"aria-label": "Timeline. " + KEY_HELP}),
            html.Aside([
                html.Button("×", id=ids.READER_CLOSE, n_clicks=0, className="reader-close",
                            title="Close the article", **{"aria-label": "Close the article"}),
                title_card(card),
                html.Div(empty_reader(catalog, drafts or {}), id=ids.READER_BODY, className="reader-body"),
            ], id=ids.READER, className="reader", **{"aria-label": "Article", "aria-live": "polite"}),
        ], className="workspace"),  # the page's one main landmark: the timeline and the reader
        classroom_panels(title),
    ], className="app")
