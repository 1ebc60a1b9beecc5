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

import logging
from collections import Counter

from dash import Dash, html

from ..data.catalog import Catalog
from ..data.live import LiveDataset, Snapshot
from ..extract.propose import ProposedRow, propose_uncovered
from . import ids

log = logging.getLogger(__name__)


class Drafts:
    """The proposed rows of the live data, made once per version and read twice: the events route
    sends them to the browser (the layer), the article index counts them per article (an article
    with no events yet says how many drafts it has)."""

    def __init__(self, live: LiveDataset):
        self.live = live
        self._last: tuple[Catalog, list[ProposedRow]] | None = None
        """The last version's catalog (the key: one per version) and its rows."""

    def rows(self, snapshot: Snapshot) -> list[ProposedRow]:
        """The proposals for the snapshot's articles; none if the proposer fails, which must
        never keep the events themselves from being served."""
        last = self._last
        if last is not None and last[0] is snapshot.catalog:
            return last[1]
        try:
            rows = propose_uncovered(snapshot.dataset, self.live.folder)
        except Exception:  # noqa: BLE001 - the events are served whatever the articles hold
            log.exception("proposing rows for %s failed", self.live.folder)
            rows = []
        self._last = (snapshot.catalog, rows)
        return rows

    def per_article(self, snapshot: Snapshot, catalog: Catalog) -> Counter[str]:
        """Drafts per article id for ``catalog`` when it is the snapshot's (the live data); none
        for other data (a preview draws no proposed layer)."""
        if catalog is not snapshot.catalog:
            return Counter()
        return Counter(r.event.article for r in self.rows(snapshot))


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
