"""The filter controls: category chips (also the colour legend), person, place, search.

Only the controls live here.  Their counts and options are filled in by the
browser from the event data (``assets/timeline-render.js``), so the names of
thousands of people are not sent twice; the person and place pickers list
only the names matching what the reader types.  The filtering itself happens
there too, when the timeline is drawn.
"""

from __future__ import annotations

from dash import dcc, html

from ..data.catalog import Catalog

GLYPHS = {
    "circle": "●", "diamond": "◆", "star": "★", "triangle-up": "▲", "triangle-down": "▼",
    "hexagon": "⬢", "x": "✖", "square": "■", "pentagon": "⬟", "bowtie": "⧓",
    "star-diamond": "✦", "cross": "✚", "hourglass": "⧓",
}
"""Text stand-ins for plotly marker symbols, so a chip shows the mark it filters.

Each must be in a font every reader has (DejaVu Sans on Debian covers them
all; tests/test_app_glyphs_labels.py checks Chromium draws each): the black
hourglass ⧗ is in none of them and showed as an empty box, so the exile
category uses plotly's "bowtie" (⧓).  "hourglass" keeps the same glyph,
turned upright in the chips (TURNED)."""

TURNED = {"hourglass"}
"""Symbols whose glyph is drawn turned a quarter (class ``glyph turned``)."""

SEARCH_DEBOUNCE_SECONDS = 0.3


def category_chip(name: str, label: str, colour: str, symbol: str) -> html.Button:
    shape = symbol.removesuffix("-open")
    return html.Button(
        [html.Span(GLYPHS.get(shape, "●"), className="glyph turned" if shape in TURNED else "glyph",
                   style={"color": colour}, **{"aria-hidden": "true"}),
         html.Span(label, className="chip-label"),
         html.Span(id={"type": "cat-count", "index": name}, className="chip-count")],
        id={"type": "cat-chip", "index": name}, n_clicks=0, className="chip on",
        title=f"Show or hide {label}",
    )


def filter_controls(catalog: Catalog) -> html.Section:
    chips = [category_chip(c.name, c.label, c.colour, c.symbol) for c in catalog.categories.values()]
    return html.Section([
        html.Div(chips, className="chips", role="group", **{"aria-label": "Categories (legend and filter)"}),
        html.Div([
            html.Label("Search events", htmlFor="search", className="visually-hidden"),
            dcc.Input(id="search", type="search", placeholder="Search titles, people, places…",
                      debounce=SEARCH_DEBOUNCE_SECONDS, className="search", value=""),
            html.Div(dcc.Dropdown(id="person-filter", multi=True, options=[], value=[],
                                  placeholder="Person"), className="picker"),
            html.Div(dcc.Dropdown(id="place-filter", multi=True, options=[], value=[],
                                  placeholder="Place"), className="picker"),
        ], className="pickers"),
    ], className="filters", **{"aria-label": "Filters"})
