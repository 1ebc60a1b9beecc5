"""The gazetteer of named periods: "World War Two", "the Civil War", "NEP".

``events/periods.csv`` (columns ``name,aliases,start,end,description``) lists
periods that histories name instead of dating.  Aliases are separated by
"; ".  ``start``/``end`` are any date :func:`timeline_app.dates.parse_date`
reads ("1939", "1917-11-07", "73 BC", "1760~"); ``end`` may be empty for a
period that fits in its start.  Matching a name in text is case-sensitive,
so an alias such as "the Civil War" is capitalised on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .csvfile import read_rows
from .dates import DateParseError, HistoricalDate, parse_date

COLUMNS = ("name", "aliases", "start", "end", "description")


@dataclass(frozen=True)
class Period:
    name: str
    aliases: tuple[str, ...] = ()
    start: str = ""
    end: str = ""
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, as written in the gazetteer."""
        return (self.name, *self.aliases)

    def span(self) -> tuple[str, int, int]:
        """(EDTF, lower year, upper year) of the period.

        Raises :class:`~timeline_app.dates.DateParseError` when ``start`` or
        ``end`` is not a date.
        """
        first = parse_date(self.start)
        last: HistoricalDate = parse_date(self.end) if self.end.strip() else first
        if not self.end.strip():
            return first.edtf, first.lower_year, first.upper_year
        edtf = f"{first.edtf.split('/')[0]}/{last.edtf.split('/')[-1]}"
        return edtf, first.lower_year, last.upper_year


def split_aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split(";") if a.strip())


def load_periods(path: Path | str) -> list[Period]:
    """The usable periods of a gazetteer CSV, in file order.

    Rows without a name, and rows the CSV reader marks unusable, are left
    out; a period whose dates do not parse is kept here and skipped by the
    extractor (``Period.span`` raises for it).
    """
    table = read_rows(path, required=("name", "start"), known=COLUMNS)
    periods = []
    for line, row in table.rows:
        if line in table.bad_lines or not row.get("name"):
            continue
        periods.append(Period(
            name=row["name"],
            aliases=split_aliases(row.get("aliases", "")),
            start=row.get("start", ""),
            end=row.get("end", ""),
            description=row.get("description", ""),
        ))
    return periods


def period_problems(periods: list[Period]) -> list[str]:
    """One message per period whose start or end cannot be read."""
    problems = []
    for p in periods:
        try:
            p.span()
        except DateParseError as exc:
            problems.append(f"{p.name}: {exc}")
    return problems
