"""The filter controls: category chips (also the colour legend), person, place, search.

Only the controls live here.  Their counts and options are filled in by the
browser from the event data (``assets/timeline-filters.js``), so the names of
thousands of people are not sent twice; the person and place pickers list
only the names matching what the reader types.  The filtering itself happens
there too, when the timeline is drawn.
"""

from __future__ import annotations

from dash import dcc, html

from ..data.catalog import Catalog
from ..view.glyphs import TURNED, glyph, shape_of
from . import ids

SEARCH_DEBOUNCE_SECONDS = 0.3


def category_chip(name: str, label: str, colour: str, symbol: str) -> html.Button:
    return html.Button(
        [html.Span(glyph(symbol), className="glyph turned" if shape_of(symbol) in TURNED else "glyph",
                   style={"color": colour}, **{"aria-hidden": "true"}),
         html.Span(label, className="chip-label"),
         html.Span(id=ids.pattern(ids.CAT_COUNT, name), className="chip-count")],
        id=ids.pattern(ids.CAT_CHIP, name), n_clicks=0, className="chip on",
        title=f"Show or hide {label}",
    )


def filter_controls(catalog: Catalog) -> html.Section:
    chips = [category_chip(c.name, c.label, c.colour, c.symbol) for c in catalog.categories.values()]
    return html.Section([
        html.Div(chips, className="chips", role="group", **{"aria-label": "Categories (legend and filter)"}),
        html.Div([
            html.Label("Search events", htmlFor=ids.SEARCH, className="visually-hidden"),
            dcc.Input(id=ids.SEARCH, type="search", placeholder="Search titles, people, places…",
                      debounce=SEARCH_DEBOUNCE_SECONDS, className="search", value=""),
            html.Div(dcc.Dropdown(id=ids.PERSON_FILTER, multi=True, options=[], value=[],
                                  placeholder="Person"), className="picker"),
            html.Div(dcc.Dropdown(id=ids.PLACE_FILTER, multi=True, options=[], value=[],
                                  placeholder="Place"), className="picker"),
            # assets/timeline-proposed.js flips proposed=1/0 in the address, as the eras switch does.
            html.Button("Proposed", id=ids.PROPOSED_TOGGLE, className="proposed-toggle", type="button",
                        title="Show the events propose drafts for the articles' dates no event covers yet "
                              "(dashed, not in events.csv)", **{"aria-pressed": "false"}),
        ], className="pickers"),
    ], className="filters", **{"aria-label": "Filters"})
