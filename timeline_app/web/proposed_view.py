"""The card of a selected proposed row: what ``propose`` drafted for an article, to copy into events.csv.

The proposed layer (``proposed=1``, assets/timeline-proposed.js) draws the
rows the events route computes per data version
(:func:`timeline_app.extract.propose.propose_uncovered`), filtered in the
browser by the events' own rule: category chips, search box, Person and
Place pickers (by the names the proposer filled in) and ``article=`` apply
to a draft as to an event, so a filter hides the same rows on both layers
(docs/editing.md, "A new article, live").  Selecting one
fills this card in the browser, as text nodes only: its title, date, article
and quote, and the row exactly as events.csv holds it (CSV-quoted on the
server by Python's :mod:`csv`) in a read-only box, with a "Copy as CSV row"
button.  The app writes nothing: the editor pastes the row into the file.
"""

from __future__ import annotations

from dash import Dash, html

from . import ids


def proposed_card() -> html.Aside:
    """The empty card, hidden until a proposed mark is selected."""
    return html.Aside([
        html.H3("Proposed event (not in events.csv)", className="proposed-heading"),
        html.P(className="proposed-title"),
        html.P(className="proposed-date"),
        html.P(className="proposed-article"),
        html.Blockquote(className="proposed-quote"),
        html.Label("The row for events.csv", htmlFor=ids.PROPOSED_CSV, className="proposed-label"),
        html.Textarea(id=ids.PROPOSED_CSV, readOnly=True, rows=3, className="proposed-csv"),
        html.Button("Copy as CSV row", id=ids.PROPOSED_COPY, type="button", className="proposed-copy"),
        html.Button("Close", type="button", className="proposed-close"),
        html.P(className="proposed-status", role="status"),
    ], id=ids.PROPOSED_CARD, className="proposed-card", hidden=True, **{"aria-label": "Proposed event"})


def register(app: Dash) -> None:
    """Append the card to the layout (the browser fills it; no callback)."""
    app.layout.children.append(proposed_card())
