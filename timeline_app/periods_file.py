"""Validation of ``events/periods.csv``, the gazetteer editors extend.

:func:`timeline_app.periods.load_periods` is the extractor's lenient reader
(it keeps a period whose dates do not read and skips it later).  Editors
need to hear about that row, on its line, before the extractor quietly
ignores it; so this module reads the same file with the same
:class:`~timeline_app.periods.Period` and reports every problem the way
events are reported.
"""

from __future__ import annotations

from pathlib import Path

from .csvfile import Table, read_rows
from .dates import DateParseError, HistoricalDate, parse_date
from .periods import COLUMNS, Period, split_aliases
from .problems import Problem

REQUIRED = ("name", "start")


def load_periods(path: Path | str, data: bytes | None = None,
                 name: str | None = None) -> tuple[list[Period], list[Problem]]:
    """The valid periods of a gazetteer CSV, in file order, and every problem."""
    table = read_rows(path, required=REQUIRED, known=COLUMNS, data=data, name=name)
    periods: list[Period] = []
    if any(c not in table.header for c in REQUIRED):
        return periods, table.problems
    named: dict[str, int] = {}  # every name and alias -> the line that uses it
    for line, row in table.rows:
        if line in table.bad_lines:
            continue
        before = len(table.problems)
        if not row["name"]:
            table.report(line, "name", "the period has no name", "write the name as histories use it")
        aliases = split_aliases(row.get("aliases", ""))
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
        if any(p.is_error for p in table.problems[before:]):
            continue
        periods.append(Period(name=row["name"], aliases=aliases, start=row["start"],
                              end=row.get("end", ""), description=row.get("description", "")))
    return periods, sorted(table.problems, key=lambda p: p.line)


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
