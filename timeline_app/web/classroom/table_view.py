"""The table view: the events the timeline shows, as an accessible, sortable table.

A screen-reader or keyboard user reads the timeline here.  The table lists
the events in view, the same ones the timeline draws: those that pass the
filters (the ``view`` store) and fall in the range on screen (the
``shown-range`` store, written by the browser after each draw), of the
data the page drew (an upload preview's too, ``current.py``).  It follows
every zoom, pan and filter change while it is open (the browser asks for
rows only then: a closed table costs the server nothing, which matters when
a class of 200 opens the page at once); the browser marks the selected event's
row (without redrawing the table, so the keyboard focus stays), and a
row's button selects its event (through the ``key-select`` store, like the
arrow keys), so the reader opens it.

Which events are in view is :class:`timeline_app.view.visible.VisibleEvents`'s
to say, as for the exports and the view callback.

The table is a plain ``<table>``: a caption that counts the rows, column
headers that are sort buttons (``aria-sort`` on the header), one row per
event with its number in date order, its date as written, title (the
button, and under it a thumbnail of the event's image, if it has one),
category (colour and marker symbol, as on the timeline) and source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html

from ...data.catalog import Catalog
from ...data.dataset import Event
from ...view.glyphs import glyph
from ...view.visible import VisibleEvents
from .. import ids
from ..clientside import clientside
from ..current import CurrentData
from ..reader import media_image

MAX_ROWS = 500
"""Rows drawn at most (the caption says how many more are in view); the CSV has them all."""

COLUMNS = (
    ("number", "#"),
    ("date", "Date"),
    ("title", "Event"),
    ("category", "Category"),
    ("source", "Source"),
)
SORT_KEYS = frozenset(key for key, _ in COLUMNS)
SORT_BUTTON = {"type": "table-sort", "index": ALL}
SORT_HEADER = {"type": "table-th", "index": ALL}


@dataclass(frozen=True)
class Sort:
    key: str = "number"
    descending: bool = False

    @classmethod
    def from_store(cls, data) -> Sort:
        if isinstance(data, dict) and data.get("key") in SORT_KEYS:
            return cls(data["key"], bool(data.get("descending")))
        return cls()

    def clicked(self, key: str) -> Sort:
        """A click on a header: that column ascending, or the other way if it already sorts."""
        return Sort(key, not self.descending) if key == self.key else Sort(key, False)

    def store(self) -> dict:
        return {"key": self.key, "descending": self.descending}


# ---------------------------------------------------------------------------
# Components


def category_cell(catalog: Catalog, name: str) -> list:
    category = catalog.categories.get(name)
    if category is None:
        return [name]
    return [html.Span(glyph(category.symbol), className="glyph", style={"color": category.colour},
                      **{"aria-hidden": "true"}),
            " ", category.label]


def source_title(catalog: Catalog, position: int) -> str:
    event = catalog.events[position]
    article = catalog.articles.get(event.article)
    return article.title if article else event.article


def sort_key(catalog: Catalog, key: str):
    events = catalog.events
    if key == "title":
        return lambda item: (events[item[1]].title.casefold(), item[0])
    if key == "category":
        def category(item):
            found = catalog.categories.get(events[item[1]].category)
            return ((found.label if found else events[item[1]].category).casefold(), item[0])
        return category
    if key == "source":
        return lambda item: (source_title(catalog, item[1]).casefold(), item[0])
    return lambda item: item[0]  # number and date: date order


def table_rows(catalog: Catalog, positions: Sequence[int], sort: Sort) -> list:
    """The rows, sorted; the selected event's row is marked in the browser (assets/classroom-table.js)."""
    numbered = sorted(enumerate(positions, 1), key=sort_key(catalog, sort.key), reverse=sort.descending)
    rows = []
    for number, position in numbered[:MAX_ROWS]:
        event = catalog.events[position]
        rows.append(html.Tr([
            html.Td(str(number), className="num"),
            html.Td(event.date_label, className="date"),
            html.Th([html.Button(event.title, className="table-select", n_clicks=0,
                                 title="Select this event and read its article", **{"data-id": event.id}),
                     thumbnail(event)], scope="row"),
            html.Td(category_cell(catalog, event.category), className="category"),
            html.Td(source_title(catalog, position), className="source"),
        ]))
    return rows


def thumbnail(event: Event):
    """A small copy of the event's image (the browser scales it, assets/classroom.css), or None."""
    media = event.media
    return media_image(media, "table-thumb") if media and media.shown else None


def caption(count: int, total: int) -> str:
    if count == 0:
        return "No events in view. Zoom out or change the filters."
    shown = f"first {MAX_ROWS} of {count}" if count > MAX_ROWS else str(count)
    return (f"Events in view: {shown} ({total} in the dataset). Sort with the column headers; "
            f"a title's button selects the event and opens its article.")


def header_cell(key: str, label: str) -> html.Th:
    return html.Th(html.Button([label, html.Span(id={"type": "table-arrow", "index": key}, className="arrow",
                                                 **{"aria-hidden": "true"})],
                               id={"type": "table-sort", "index": key}, n_clicks=0, className="sort",
                               title=f"Sort by {label if key != 'number' else 'number (date order)'}"),
                   id={"type": "table-th", "index": key}, scope="col", className=f"col-{key}",
                   **{"aria-sort": "ascending" if key == "number" else "none"})


def table_panel() -> html.Section:
    return html.Section([
        html.H2("Events in view", id="table-heading", className="panel-heading"),
        html.Div(html.Table([
            html.Caption(id="table-caption"),
            html.Thead(html.Tr([header_cell(key, label) for key, label in COLUMNS])),
            html.Tbody(id="table-body"),
        ], id="events-table", className="events-table"), className="table-scroll"),
    ], id="table-panel", className="cr-panel table-panel", hidden=True,
        **{"aria-labelledby": "table-heading"})


def toolbar_button() -> html.Button:
    return html.Button("Table", id="table-toggle", n_clicks=0, className="cr-button",
                       title="Show the events in view as a table",
                       **{"aria-expanded": "false", "aria-controls": "table-panel",
                          "aria-label": "Table of the events in view"})


def stores() -> list:
    return [dcc.Store(id="table-sort", data=Sort().store()), dcc.Store(id="table-query")]


# ---------------------------------------------------------------------------
# Callbacks


class TableView:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.visible = VisibleEvents(catalog)

    def update(self, query, _clicks, sort_data):
        """Dash callback; ``query`` is the view's filters and range (``table-query``, written by the browser
        only while the table is open and only when those change, so selecting an event does not redraw it)."""
        query = query if isinstance(query, dict) else {}
        view, shown_range = query.get("view"), query.get("range")
        sort = Sort.from_store(sort_data)
        trigger = ctx.triggered_id
        if isinstance(trigger, dict) and trigger.get("type") == "table-sort" and trigger.get("index") in SORT_KEYS:
            sort = sort.clicked(trigger["index"])
        positions = self.visible(view, shown_range)
        aria = ["none"] * len(COLUMNS)
        arrows = [""] * len(COLUMNS)
        keys = [o["id"]["index"] for o in ctx.outputs_list[2]]
        for n, key in enumerate(keys):
            if key == sort.key:
                aria[n] = "descending" if sort.descending else "ascending"
                arrows[n] = " ▼" if sort.descending else " ▲"
        return (table_rows(self.catalog, positions, sort), caption(len(positions), len(self.catalog)),
                aria, arrows, sort.store())


def register(app: Dash, current: CurrentData) -> None:
    view = current.per_version(TableView)
    app.callback(
        output=[Output("table-body", "children"), Output("table-caption", "children"),
                Output(SORT_HEADER, "aria-sort"), Output({"type": "table-arrow", "index": ALL}, "children"),
                Output("table-sort", "data")],
        inputs=dict(query=Input("table-query", "data"), _clicks=Input(SORT_BUTTON, "n_clicks")),
        state=dict(sort_data=State("table-sort", "data"), drawn=State(ids.TIMELINE_READY, "data")),
        prevent_initial_call=True,
    )(view.callback("update"))
    clientside(app, "classroom", "tableQuery", Output("table-query", "data"),
               Input("view", "data"), Input("shown-range", "data"), Input("table-panel", "hidden"))
    clientside(app, "classroom", "markRow", Input("selected", "data"))
    clientside(app, "classroom", "togglePanel", Output("table-panel", "hidden"),
               Output("table-toggle", "aria-expanded"),
               Input("table-toggle", "n_clicks"), State("table-panel", "hidden"), prevent_initial_call=True)
