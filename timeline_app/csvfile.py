"""Reading editors' CSV files the way they actually arrive.

Spreadsheets save with a byte-order mark, European ones with semicolons, old
ones in Windows code pages; text editors leave blank lines and ragged rows.
:func:`read_rows` copes with all of that once, for every table the app reads
(events, categories, periods), and turns what it cannot fix into
:class:`~timeline_app.problems.Problem` values with real line numbers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

# After UTF-8: Windows-1250 (Central European: Polish and Hungarian names)
# or Windows-1252 (Western) cover the spreadsheets editors of these histories
# use; Latin-2 differs from 1250 only in rarely used bytes.
_POLISH_HUNGARIAN = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻőűŐŰ")


@dataclass
class Table:
    """The rows of one CSV file, each with the line it starts on."""

    path: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bad_lines: set[int] = field(default_factory=set)
    """Lines whose row cannot be used as it stands (its problem says why)."""


def decode(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """Text of a file in UTF-8 (with or without BOM) or a legacy code page.

    A legacy encoding is read, not refused, with a warning naming it so the
    editor can re-save as UTF-8.
    """
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    # cp1250 where it turns bytes into Polish/Hungarian letters; else cp1252.
    central = data.decode("cp1250", errors="replace")
    if any(ch in _POLISH_HUNGARIAN for ch in central) and "\ufffd" not in central:
        encoding, text = "Windows-1250 (Central European)", central
    else:
        encoding, text = "Windows-1252 (Western)", data.decode("cp1252", errors="replace")
    return text, [Problem(name, 1, "(file)", f"the file is not UTF-8; it was read as {encoding}",
                          "save it as 'CSV UTF-8' so every letter survives", severity="warning")]


def sniff_delimiter(header_line: str) -> str:
    """',' normally; ';' for files saved by European-locale spreadsheets."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_rows(path: Path | str, required: tuple[str, ...], known: tuple[str, ...],
              data: bytes | None = None, name: str | None = None) -> Table:
    """Parse a CSV file (or its ``data``) into a :class:`Table`.

    ``required`` columns must be in the header; columns outside ``known`` are
    kept in the rows and reported once.  Blank lines are skipped; rows with
    too many or too few cells are reported and padded, never dropped.
    """
    name = name or str(path)
    if data is None:
        data = Path(path).read_bytes()
    text, problems = decode(data, name)
    table = Table(path=name, header=[], problems=problems)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if not table.header:
                _read_header(table, cells, start, required, known)
                continue
            table.rows.append((start, _row_dict(table, cells, start)))
    except csv.Error as exc:
        table.problems.append(Problem(name, line, "(file)", f"the CSV cannot be read past here: {exc}",
                                      "check for a stray quote character in this row"))
    if not table.header:
        table.problems.append(Problem(name, 1, "(header)", "the file is empty",
                                      f"start with a header row: {','.join(required)}"))
    return table


def _read_header(table: Table, cells: list[str], line: int,
                 required: tuple[str, ...], known: tuple[str, ...]) -> None:
    table.header = [c.strip().lower() for c in cells]
    missing = [c for c in required if c not in table.header]
    for column in missing:
        table.problems.append(Problem(table.path, line, column, f"the header has no '{column}' column",
                                      f"add a '{column}' column to the first row"))
    table.extra_columns = [c for c in table.header if c and c not in known]
    if table.extra_columns:
        table.problems.append(Problem(
            table.path, line, ", ".join(table.extra_columns),
            "extra column(s) the timeline does not use; their values are kept",
            "rename the column if it was meant to be one of: " + ", ".join(known), severity="warning"))


def _row_dict(table: Table, cells: list[str], line: int) -> dict[str, str]:
    width = len(table.header)
    if len(cells) != width:
        too_many = len(cells) > width
        table.problems.append(Problem(
            table.path, line, "(row)",
            f"the row has {len(cells)} cells but the header has {width}",
            "check for a missing or extra comma, or quote cells that contain commas",
            severity="error" if too_many else "warning"))
        if too_many:
            table.bad_lines.add(line)
    padded = cells[:width] + [""] * (width - len(cells))
    return {column: value.strip() for column, value in zip(table.header, padded)}
