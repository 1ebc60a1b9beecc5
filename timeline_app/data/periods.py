"""The gazetteer of named periods: "World War Two", "the Civil War", "NEP".

``events/periods.csv`` (columns ``name,aliases,start,end,description``) lists
periods that histories name instead of dating.  Aliases are separated by
"; ".  ``start``/``end`` are any date :func:`timeline_app.dates.parse_date`
reads ("1939", "1917-11-07", "73 BC", "1760~"); ``end`` may be empty for a
period that fits in its start.  Matching a name in text is case-sensitive,
so an alias such as "the Civil War" is capitalised on purpose.

The file has two readers with one implementation (:func:`_read_periods`):
:func:`load_periods`, the extractor's lenient one, and :func:`check_periods`,
the editors' strict one.  They used to be two copies of the same loop (in
two modules) and could drift apart, so that a row the checker
accepts is read differently by the extractor; now both see the same rows
turned into the same :class:`Period`, and differ only in which they keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .csvfile import Table, read_rows
from .dates import DateParseError, HistoricalDate, parse_date
from .problems import Problem

COLUMNS = ("name", "aliases", "start", "end", "description")
REQUIRED = ("name", "start")


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
    """The usable periods of a gazetteer CSV, in file order (the extractor's reader).

    Rows without a name, and rows the CSV reader marks unusable, are left
    out; a period whose dates do not parse is kept here and skipped by the
    extractor (``Period.span`` raises for it), so that one bad row never
    stops extraction.  :func:`check_periods` is the reader that reports it.
    """
    return [period for period, _valid in _read_periods(path)[0]]


def check_periods(path: Path | str, data: bytes | None = None,
                  name: str | None = None) -> tuple[list[Period], list[Problem]]:
    """The valid periods of a gazetteer CSV, in file order, and every problem.

    Editors need to hear about a row the extractor would quietly skip (a
    date that does not read, an end before the start, a name used twice),
    on its line and the way events are reported; so this keeps only the
    periods with no error and returns the problems, sorted by line.
    ``data``/``name`` read an upload instead of the file at ``path``.
    """
    entries, problems = _read_periods(path, data, name)
    return [period for period, valid in entries if valid], problems


def _read_periods(path: Path | str, data: bytes | None = None, name: str | None = None
                  ) -> tuple[list[tuple[Period, bool]], list[Problem]]:
    """Every named, readable row as (Period, valid), and the file's problems.

    The one implementation behind :func:`load_periods` and
    :func:`check_periods`.  ``valid`` is False for a row with an error.
    When the header lacks a required column the rows are not checked (the
    header problem says it all) and none is valid.
    """
    table = read_rows(path, required=REQUIRED, known=COLUMNS, data=data, name=name)
    checked = all(c in table.header for c in REQUIRED)
    entries: list[tuple[Period, bool]] = []
    named: dict[str, int] = {}  # every name and alias -> the line that uses it
    for line, row in table.rows:
        if line in table.bad_lines:
            continue
        before = table.errors
        aliases = split_aliases(row.get("aliases", ""))
        if checked:
            _check_row(table, line, row, aliases, named)
        if not row.get("name"):
            continue  # reported by _check_row when checked
        period = Period(name=row["name"], aliases=aliases, start=row.get("start", ""),
                        end=row.get("end", ""), description=row.get("description", ""))
        entries.append((period, checked and table.errors == before))
    return entries, table.sorted_problems()


def _check_row(table: Table, line: int, row: dict[str, str], aliases: tuple[str, ...],
               named: dict[str, int]) -> None:
    """Report the row's missing name, repeated names and unreadable or reversed dates."""
    if not row["name"]:
        table.report(line, "name", "the period has no name", "write the name as histories use it")
    for column, text in [("name", row["name"])] + [("aliases", a) for a in aliases]:
        if text in named:
            table.report(line, column, f"'{text}' already names the period on line {named[text]}",
                         "keep each name and alias on one row only")
        elif text:
            named[text] = line
    start = _date(table, line, row, "start")
    end = _date(table, line, row, "end") if row.get("end") else None
    if start and end and end.upper < start.lower:
        table.report(line, "end", f"the end ({end.label}) is before the start ({start.label})",
                     "swap start and end, or correct the year")


def _date(table: Table, line: int, row: dict[str, str], column: str) -> HistoricalDate | None:
    """The period's date read as the extractor reads it (English forms and EDTF)."""
    if not row[column]:
        table.report(line, column, f"the {column} date is empty", "give at least a year, e.g. 1917")
        return None
    try:
        return parse_date(row[column])
    except DateParseError as exc:
        table.report(line, column, str(exc), exc.hint)
        return None
