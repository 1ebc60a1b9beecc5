"""Events back to CSV: what the app offers for download and the TimelineJS import writes.

The file goes to editors' spreadsheets, so every cell that a spreadsheet
would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) gets an
apostrophe in front (:func:`~timeline_app.csvfile.guard_cell`).  That covers
BC dates too: ``-0072`` is written ``'-0072`` so a spreadsheet keeps it as
text instead of turning it into the number -72, and the loader takes the
apostrophe off again, so an exported file loads to the same events.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from .csvfile import guard_cell
from .dataset import COLUMNS, LIST_SEPARATOR, MEDIA_COLUMNS, Event


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text (no BOM) with every cell guarded against formulas.

    Lines end in CRLF, as RFC 4180 has it: with a bare LF the csv module
    leaves a cell holding a lone CR unquoted, and the file does not read
    back.  When offering the text for download to spreadsheet users, encode
    it as ``utf-8-sig``: Excel reads UTF-8 without BOM in the local code page.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([guard_cell(h) for h in header])
    writer.writerows([guard_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def event_cells(event: Event, extra_columns: Sequence[str] = ()) -> list[str]:
    """One event as the cells of an events.csv row, dates as the editor wrote them."""
    cells = {
        "id": event.id, "title": event.title, "start": event.start.text,
        "end": event.end.text if event.end else "", "category": event.category,
        "people": f"{LIST_SEPARATOR} ".join(event.people),
        "place": f"{LIST_SEPARATOR} ".join(event.place),
        "article": event.article, "quote": event.quote, "description": event.description,
        **dict(event.extra),
    }
    media = event.media
    if media is not None:
        cells.update(zip(MEDIA_COLUMNS, (media.src, media.alt, media.credit, media.caption)))
    return [cells.get(c, "") for c in (*COLUMNS, *extra_columns)]


def events_to_csv(events: Iterable[Event]) -> str:
    """An events.csv for ``events``, extra columns after the standard ones: the image's
    columns when an event has one, then the columns the timeline does not use."""
    events = list(events)
    extra_columns = [*(MEDIA_COLUMNS if any(e.media for e in events) else ()),
                     *dict.fromkeys(c for e in events for c, _ in e.extra)]
    return rows_to_csv([*COLUMNS, *extra_columns], (event_cells(e, extra_columns) for e in events))
