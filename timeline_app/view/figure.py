"""Events -> the timeline figure: its look (a ``go.Figure``) and its data, kept apart.

The browser draws the timeline from two things this module builds:

* :func:`build_figure` - a ``go.Figure`` holding the whole look (axes, fonts,
  WebGL traces with their colours, symbols, widths and hover text template)
  but no points.  Each trace names its role in ``meta``.
* :func:`event_columns` - every event once, as compact columns (day numbers,
  small integers, the title and the date as written).  This is all that goes
  over the wire per event; ``assets/timeline-traces.js`` fills the figure's
  traces from it, filtered and laid out for the current view, so filtering,
  selecting and zooming never resend a figure (zooming does not even redraw
  the traces' data: labels are an HTML layer over the plot).

The x axis is numeric: days since 1970-01-01 (:mod:`timeline_app.daycount`)
for any era, with tick labels written by the browser ("73 BC", "1956",
"Oct 1956"), because plotly.js date axes cannot label BC years.

No Dash here: this is plain Plotly and data.
"""

from __future__ import annotations

import plotly.graph_objects as go

from collections.abc import Sequence

from ..data.catalog import LIFE_CATEGORY, Catalog, build_catalog, is_fuzzy
from ..data.dataset import Dataset, Event
from ..data.dates import year_label
from ..extract.propose import ProposedRow

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HOVER = "<b>%{text}</b><br>%{hovertext}<extra></extra>"
"""Title, then the date as written ("1980-81"); the browser fills text and hovertext."""

FADED = "rgba(90, 90, 90, 0.25)"
SPAN_COLOUR = "rgba(70, 70, 70, 0.55)"
LIFE_WIDTH = 9
SPAN_WIDTH = 6
MARKER_SIZE = 11
UNCERTAIN_DOT = 4

ROLE_EXTENTS = "extents"
ROLE_LIVES = "lives"
ROLE_SPANS = "spans"
ROLE_UNCERTAIN = "uncertain"
ROLE_PROPOSED = "proposed"
PROPOSED_COLOUR = "#6b4fa3"
MARKS_PREFIX = "marks:"


def marks_role(category: str) -> str:
    return MARKS_PREFIX + category


PLOT_CONFIG = {
    "scrollZoom": True, "displaylogo": False, "doubleClick": "autosize", "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "pan2d", "autoScale2d", "resetScale2d", "toImage"],
}
"""Wheel zooms, drag pans (the page's own pan, timeline-interact.js: no plotly.js dragmode, and no
toolbar button for plotly.js's slower one), double-click fits everything."""


def build_figure(catalog: Catalog) -> go.Figure:
    """The timeline's look: empty WebGL traces, one per role, and the axes.

    Every trace has one style, never one per point: plotly.js converts
    per-point colours and symbols on each redraw, about a second per 100k
    points, while a uniform trace redraws in tens of milliseconds.  So the
    marks are one trace per category (its colour and symbol), and lines are
    three traces: the faded extent of what a date may mean ("1956" covers the
    year, "c. 1893" 1892-1894), lives on their lanes in the life colour, and
    other spans in one neutral colour (their ends are marked in their
    category's trace).  A white dot on top hollows out the marks of
    approximate or uncertain dates.
    """
    fig = go.Figure(layout=go.Layout(template=go.layout.Template()))
    life = catalog.categories.get(LIFE_CATEGORY)
    fig.add_trace(go.Scattergl(meta=ROLE_EXTENTS, mode="lines", hoverinfo="skip", showlegend=False,
                               line=dict(color=FADED, width=SPAN_WIDTH)))
    fig.add_trace(go.Scattergl(meta=ROLE_LIVES, mode="lines", hoverinfo="skip", showlegend=False,
                               line=dict(color=life.colour if life else SPAN_COLOUR, width=LIFE_WIDTH)))
    fig.add_trace(go.Scattergl(meta=ROLE_SPANS, mode="lines", hoverinfo="skip", showlegend=False,
                               line=dict(color=SPAN_COLOUR, width=SPAN_WIDTH)))
    for category in catalog.categories.values():
        fig.add_trace(go.Scattergl(
            meta=marks_role(category.name), name=category.label, mode="markers", showlegend=False,
            hovertemplate=HOVER,
            marker=dict(size=MARKER_SIZE, color=category.colour, symbol=category.symbol,
                        line=dict(color="white", width=1)),
        ))
    fig.add_trace(go.Scattergl(meta=ROLE_UNCERTAIN, mode="markers", hoverinfo="skip", showlegend=False,
                               marker=dict(size=UNCERTAIN_DOT, color="white", symbol="circle")))
    # Proposed rows (not yet in events.csv): one hollow, dashed trace, filled only when asked for.
    fig.add_trace(go.Scattergl(meta=ROLE_PROPOSED, name="Proposed", mode="lines+markers", showlegend=False,
                               hovertemplate="<b>Proposed: %{text}</b><br>%{hovertext}<extra></extra>",
                               line=dict(color=PROPOSED_COLOUR, width=2, dash="dash"),
                               marker=dict(size=MARKER_SIZE, color="white", symbol="circle-open",
                                           line=dict(color=PROPOSED_COLOUR, width=2))))
    fig.update_layout(
        font=dict(family=FONT, size=12, color="#222"),
        margin=dict(l=170, r=16, t=24, b=34), dragmode=False, hovermode="closest",
        hoverdistance=12, showlegend=False, paper_bgcolor="white", plot_bgcolor="white",
        hoverlabel=dict(bgcolor="white", bordercolor="#888", font=dict(family=FONT, size=13, color="#111")),
        xaxis=dict(type="linear", showgrid=True, gridcolor="#ececec", zeroline=False, showline=True,
                   linecolor="#999", ticks="outside", tickcolor="#999", ticklen=4,
                   tickmode="array", tickvals=[], ticktext=[], range=list(catalog.span),
                   # The labels the graph's edge would cut are hidden by the page, which knows their
                   # places and widths; plotly.js would measure each one at every draw (timeline-render.js).
                   ticklabeloverflow="allow"),
        # The rows' labels lie within the plot's height, the range being the rows': none is ever past
        # the graph's edge, yet plotly.js would measure every label once per label to find out.
        yaxis=dict(type="linear", fixedrange=True, zeroline=False, showgrid=True, gridcolor="#f0f0f0",
                   tickmode="array", tickvals=[], ticktext=[], ticks="", autorange=False,
                   tickfont=dict(size=11, color="#555"), ticklabeloverflow="allow"),
    )
    return fig


def event_columns(catalog: Catalog) -> dict:
    """Every event as compact columns, in catalog order (sorted by start).

    ``start`` is delta-encoded (each value minus the previous start), which
    keeps day numbers of a dense century to one or two digits; ``length`` is
    the day count the date covers.  ``date`` is the date as written, or ""
    where it reads as plain years ("1956", "1879–1953") that the browser
    writes itself from the day numbers.  ``id`` names each event: the
    browser selects by it, a position means nothing outside this payload.
    People and places are indices into
    the ``people``/``places`` name lists.  Rare properties are sparse lists of
    positions: ``spans``; ``lives`` as [position, lane]; ``fuzzy`` as
    [position, whisker days before, after].
    """
    names = list(catalog.categories)
    category_index = {name: i for i, name in enumerate(names)}
    person_index = {name: i for i, name in enumerate(catalog.people)}
    place_index = {name: i for i, name in enumerate(catalog.places)}
    article_index = {name: i for i, name in enumerate(catalog.articles)}
    starts, previous = [], 0
    for extent in catalog.extents:
        starts.append(extent.start - previous)
        previous = extent.start
    pairs = list(zip(catalog.events, catalog.extents))
    return {
        "count": len(catalog),
        "id": [e.id for e in catalog.events],
        "start": starts,
        "length": [x.end - x.start for x in catalog.extents],
        "category": [category_index[e.category] for e in catalog.events],
        "title": [e.title for e in catalog.events],
        "date": ["" if e.date_label == plain_years(e) else e.date_label for e in catalog.events],
        "people": [[person_index[p] for p in e.people] for e in catalog.events],
        "places": [[place_index[p] for p in e.place] for e in catalog.events],
        "article": [article_index.get(e.article, -1) for e in catalog.events],
        "spans": [i for i, e in enumerate(catalog.events) if e.is_span],
        "lives": [[i, lane] for i, lane in sorted(catalog.lanes.items())],
        "fuzzy": [[i, x.start - x.outer_start, x.outer_end - x.end]
                  for i, (e, x) in enumerate(pairs) if is_fuzzy(e)],
    }


def plain_years(event: Event) -> str:
    """The date in years only, as the browser writes it when ``date`` is "" (timeline-data.js, pinned by test_js)."""
    first, last = event.start.lower[0], event.last.upper[0]
    return year_label(first) if not event.is_span else f"{year_label(first)}–{year_label(last)}"


def proposed_part(catalog: Catalog, rows: Sequence[ProposedRow]) -> dict:
    """The proposed rows as the browser draws them: columns like the events' (against ``catalog``'s
    categories and articles), the names only drafts have, and per row its article, quote and events.csv line.

    A draft's people and places index ``catalog``'s name lists followed by the names only
    drafts have (``people``, ``places``; the browser joins them): a Person or Place filter
    names only the catalog's, and the browser filters the drafts by the events' rule
    (assets/timeline-proposed.js), which ignores a name its lists lack; a picked person
    no draft names must hide every draft, not switch the filter off for them.
    """
    line = {r.event.id: r.csv for r in rows}
    proposed = build_catalog(Dataset(events=[r.event for r in rows], problems=[], articles=catalog.articles,
                                     categories=catalog.categories))
    known_people, known_places = set(catalog.people), set(catalog.places)
    new_people = [p for p in proposed.people if p not in known_people]
    new_places = [p for p in proposed.places if p not in known_places]
    proposed.people, proposed.places = [*catalog.people, *new_people], [*catalog.places, *new_places]
    return {"events": event_columns(proposed), "people": new_people, "places": new_places,
            "article": [e.article for e in proposed.events], "quote": [e.quote for e in proposed.events],
            "csv": [line[e.id] for e in proposed.events]}


def timeline_payload(catalog: Catalog, proposed: Sequence[ProposedRow] = ()) -> dict:
    """What the browser's timeline store holds: the look, the events, the name lists and the
    proposed rows (drawn only when the reader turns them on)."""
    return {
        "figure": dict(build_figure(catalog).to_plotly_json(), config=PLOT_CONFIG),
        "events": event_columns(catalog),
        "categories": [dict(name=c.name, label=c.label, colour=c.colour, symbol=c.symbol)
                       for c in catalog.categories.values()],
        "life": LIFE_CATEGORY,
        "people": catalog.people,
        "places": catalog.places,
        "articles": list(catalog.articles),
        "eras": [list(era) for era in catalog.eras],
        "proposed": proposed_part(catalog, proposed),
    }
