"""Exports of the current view: PNG and SVG images, the events as CSV, a printed handout.

* PNG and SVG: drawn in the browser by plotly.js (``Plotly.downloadImage``,
  ``assets/classroom-export.js``) from the figure on screen, with the title,
  the date range and a sources caption added above and below it.  The
  server supplies those texts in the ``export-meta`` store when a button
  asks for them (``export-request``): nothing is computed for a view
  nobody exports, so zooming and filtering cost the server nothing.
* CSV: the events in view (the table's, :class:`~timeline_app.view.visible.VisibleEvents`,
  of the data the page drew, an upload preview's too)
  through the data engineer's :func:`timeline_app.export.events_to_csv`,
  which neutralises spreadsheet formulas; UTF-8 with a BOM for Excel.
* Print: ``assets/print.css`` makes an A4 landscape handout: title and
  range, the timeline as an image (drawn like the PNG export when the
  Print button is used; the live graph otherwise), then the events in view
  numbered, each with its date and a "Source:" line, filled in when the
  Print button asks.  Printed from the browser's menu without it, the list
  is left out (it may be of another view) and a line says to use the
  button.  The handout section built here is hidden on screen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dash import Dash, Input, Output, State, dcc, html, no_update

from ...data.catalog import Catalog
from ...data.dates import year_label
from ...data.daycount import from_ordinal
from ...data.export import events_to_csv
from ...view.url_state import from_store
from ...view.visible import VisibleEvents, shown_bounds
from .. import ids
from ..clientside import clientside
from ..current import CurrentData
from ..reader import media_figure
from .table_view import MAX_ROWS, source_title

MAX_CAPTION_SOURCES = 6
"""Article titles named in an image's caption; more are counted ("and 3 more")."""

EXPORT_KINDS = frozenset({"png", "svg", "print"})
"""What the toolbar's buttons ask the server to prepare (the CSV is its own callback)."""

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9_-]+")


def toolbar_buttons() -> list:
    return [
        html.Button("PNG", id="export-png", n_clicks=0, className="cr-button",
                    title="Download the current view as a PNG image",
                    **{"aria-label": "Download the current view as a PNG image"}),
        html.Button("SVG", id="export-svg", n_clicks=0, className="cr-button",
                    title="Download the current view as an SVG image",
                    **{"aria-label": "Download the current view as an SVG image"}),
        html.Button("CSV", id="export-csv", n_clicks=0, className="cr-button",
                    title="Download the events in view as a CSV file",
                    **{"aria-label": "Download the events in view as a CSV file"}),
        html.Button("Print", id="print-handout", n_clicks=0, className="cr-button",
                    title="Print an A4 handout: the timeline and the events in view with their sources",
                    **{"aria-label": "Print a handout of the current view"}),
    ]


def handout(title: str) -> html.Section:
    """The printed handout: hidden on screen, shown by print.css."""
    return html.Section([
        html.H1(title, className="handout-title"),
        html.P(id="handout-range", className="handout-range"),
        html.Img(id="handout-figure", className="handout-figure", alt=""),
        html.H2("Events", className="handout-heading"),
        html.Ol(id="handout-list", className="handout-list"),
        html.P(id="handout-note", className="handout-note"),
        html.P("For a numbered list of the events in view with their sources, print with the timeline's "
               "Print button.", className="handout-hint"),
    ], id="handout", className="handout", **{"aria-hidden": "true"})


def stores(title: str) -> list:
    return [dcc.Store(id="export-request"), dcc.Store(id="export-meta", data={"title": title}),
            dcc.Download(id="csv-download")]


def year_of(day: float) -> str:
    return year_label(from_ordinal(int(day))[0])


def range_text(bounds: tuple[float, float] | None, positions: Sequence[int], catalog: Catalog) -> str:
    """"1860 to 2000" for the range on screen (or the events' years when there is none)."""
    if bounds is None:
        if not positions:
            return ""
        extents = catalog.extents
        bounds = (min(extents[p].start for p in positions), max(extents[p].end - 1 for p in positions))
    first, last = year_of(bounds[0]), year_of(bounds[1])
    return first if first == last else f"{first} to {last}"


def sources(catalog: Catalog, positions: Sequence[int]) -> list[str]:
    """Titles of the articles the events in view come from, first mention first."""
    return list(dict.fromkeys(source_title(catalog, p) for p in positions))


def sources_caption(titles: Sequence[str]) -> str:
    if not titles:
        return ""
    named = "; ".join(titles[:MAX_CAPTION_SOURCES])
    more = len(titles) - MAX_CAPTION_SOURCES
    return f"Sources: {named}" + (f"; and {more} more" if more > 0 else "")


def filters_text(view) -> str:
    state = from_store(view)
    parts = []
    if state.categories is not None:
        parts.append("categories: " + ", ".join(state.categories))
    if state.people:
        parts.append("people: " + ", ".join(state.people))
    if state.places:
        parts.append("places: " + ", ".join(state.places))
    if state.query:
        parts.append(f"search: “{state.query}”")
    if state.article:
        parts.append(f"article: {state.article}")
    return "; ".join(parts)


def handout_items(catalog: Catalog, positions: Sequence[int]) -> list:
    items = []
    for number, position in enumerate(positions[:MAX_ROWS], 1):
        event = catalog.events[position]
        items.append(html.Li([
            html.Span(f"{number}.", className="handout-number"), " ",
            html.Span(event.date_label, className="handout-date"), " ",
            html.Span(event.title, className="handout-event"),
            html.Span(f"Source: {source_title(catalog, position)}", className="handout-source"),
            media_figure(event, "handout-media"),
        ]))
    return items


class ExportView:
    def __init__(self, catalog: Catalog, title: str):
        self.catalog = catalog
        self.title = title
        self.visible = VisibleEvents(catalog)

    def prepare(self, request):
        """Dash callback: the texts for the export a button asked for and the handout's list.

        ``request`` is ``{"kind": "png"|"svg"|"print", "query": {"view", "range"}, "at": ms}``
        (``assets/classroom-export.js``); the reply echoes ``kind`` and ``at`` so the browser
        knows which request it answers.
        """
        if not isinstance(request, dict) or request.get("kind") not in EXPORT_KINDS:
            return no_update, no_update, no_update, no_update
        query = request.get("query") if isinstance(request.get("query"), dict) else {}
        view, shown_range = query.get("view"), query.get("range")
        positions = self.visible(view, shown_range)
        bounds = shown_bounds(shown_range, from_store(view))
        span = range_text(bounds, positions, self.catalog)
        count = f"{len(positions)} event" + ("" if len(positions) == 1 else "s")
        subtitle = " · ".join(filter(None, [span, count, filters_text(view)]))
        at = request.get("at") if isinstance(request.get("at"), (int, float)) else None
        meta = {"title": self.title, "subtitle": subtitle, "range": span,
                "caption": sources_caption(sources(self.catalog, positions)), "count": len(positions),
                "filename": self.filename(span), "kind": request["kind"], "at": at,
                # The listed events' ids in the list's order: the handout's picture numbers their marks.
                "ids": [self.catalog.events[p].id for p in positions[:MAX_ROWS]] if request["kind"] == "print" else []}
        note = ""
        if len(positions) > MAX_ROWS:
            note = f"The first {MAX_ROWS} of {len(positions)} events in view are listed; zoom in to list the rest."
        elif not positions:
            note = "No events in view."
        return meta, subtitle, handout_items(self.catalog, positions), note

    def filename(self, span: str) -> str:
        slug = _UNSAFE_FILENAME.sub("-", span.replace(" to ", "-")).strip("-")
        return "timeline" + (f"-{slug}" if slug else "")

    def csv(self, clicks, view, shown_range):
        """Dash callback: the events in view as a CSV download."""
        if not clicks:
            return no_update
        positions = self.visible(view, shown_range)
        text = events_to_csv(self.catalog.events[p] for p in positions)
        span = range_text(shown_bounds(shown_range, from_store(view)), positions, self.catalog)
        return dcc.send_bytes(text.encode("utf-8-sig"), self.filename(span) + ".csv", type="text/csv")


def register(app: Dash, current: CurrentData, title: str) -> None:
    export = current.per_version(lambda catalog: ExportView(catalog, title))
    app.callback(output=Output("csv-download", "data"), inputs=dict(clicks=Input("export-csv", "n_clicks")),
                 state=dict(view=State("view", "data"), shown_range=State("shown-range", "data"),
                            drawn=State(ids.TIMELINE_READY, "data")),
                 prevent_initial_call=True)(export.callback("csv"))

    app.callback(output=[Output("export-meta", "data"), Output("handout-range", "children"),
                         Output("handout-list", "children"), Output("handout-note", "children")],
                 inputs=dict(request=Input("export-request", "data")),
                 state=dict(drawn=State(ids.TIMELINE_READY, "data")),
                 prevent_initial_call=True)(export.callback("prepare"))
    clientside(app, "classroom", "requestExport", Output("export-request", "data"),
               Input("export-png", "n_clicks"),
               Input("export-svg", "n_clicks"), Input("print-handout", "n_clicks"),
               State("view", "data"), State("shown-range", "data"), prevent_initial_call=True)
    clientside(app, "classroom", "runExport", Input("export-meta", "data"), prevent_initial_call=True)
    clientside(app, "classroom", "noteView", Input("view", "data"), Input("shown-range", "data"))
