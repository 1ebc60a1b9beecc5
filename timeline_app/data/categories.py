"""Event categories (name, label, colour, marker symbol) as editable data.

Categories live in ``events/categories.csv`` so editors can add one without
touching code; the symbol makes categories tell apart by more than colour.
A bad colour or symbol must not take the figure down (plotly refuses unknown
symbols), so each is checked here against :mod:`.symbols` (plotly's list as
data) and replaced by a default with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .csvfile import Table, read_rows
from .problems import WARNING, Problem, shown
from .symbols import MARKER_SYMBOLS

COLUMNS = ("name", "label", "colour", "symbol", "cues")
REQUIRED = ("name", "label", "colour")
DEFAULT_COLOUR = "#777777"
DEFAULT_SYMBOL = "circle"
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}$")
_CUE = re.compile(r"[^\W\d_][\w' -]*\*?$")
_SYMBOL_HINT = "use a plotly marker symbol such as circle, square, diamond, triangle-up, star, hexagon, x"


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    colour: str
    """Always #RRGGBB."""
    symbol: str
    cues: tuple[str, ...] = ()
    """Words that suggest the category in a sentence (``propose`` guesses from them)."""


def _colour(value: str) -> str | None:
    """``value`` as #RRGGBB, or None if it is not a hex colour."""
    if not _HEX.match(value):
        return None
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.upper()


def load_categories(path: Path | str, data: bytes | None = None,
                    name: str | None = None) -> tuple[dict[str, Category], list[Problem]]:
    """The categories of a CSV file by name, in file order, and every problem."""
    table = read_rows(path, required=REQUIRED, known=COLUMNS, data=data, name=name)
    categories: dict[str, Category] = {}
    lines: dict[str, int] = {}
    cue_owners: dict[str, str] = {}
    if any(c not in table.header for c in ("name", "colour")):
        return categories, table.problems
    for line, row in table.rows:
        if line in table.bad_lines:
            continue
        key = row["name"]
        if not key:
            table.report(line, "name", "the category has no name",
                         "give it a short lowercase name such as 'strike'")
            continue
        if key in categories:
            table.report(line, "name", f"category '{key}' is already defined on line {lines[key]}",
                         "keep one row per category")
            continue
        colour = _colour(row["colour"])
        if colour is None:
            table.report(line, "colour", f"{shown(row['colour'])} is not a colour; it is drawn grey",
                         "write it as #RRGGBB, e.g. #0072B2", WARNING)
            colour = DEFAULT_COLOUR
        label = row.get("label", "")
        if not label:
            label = key.capitalize()
            if "label" in table.header:
                    table.report(line, "label", f"the label is empty; the legend shows '{label}'",
                             "write the name the legend should show", WARNING)
        symbol = _symbol(table, line, row.get("symbol", "") or DEFAULT_SYMBOL)
        cues = _cues(table, line, row.get("cues", ""), cue_owners, key)
        categories[key] = Category(key, label, colour, symbol, cues)
        lines[key] = line
    return categories, table.sorted_problems()


def _cues(table: Table, line: int, cell: str, owners: dict[str, str], key: str) -> tuple[str, ...]:
    """The cell's semicolon-separated cues, lowercased; a malformed or repeated cue is left out."""
    cues = []
    for cue in (" ".join(c.split()).lower() for c in cell.split(";")):
        if not cue:
            continue
        if not _CUE.match(cue):
            table.report(line, "cues", f"{shown(cue)} is not a cue; it is not used",
                         "write words, e.g. 'strike; walkout; walked out' ('strik*' for any ending)", WARNING)
        elif cue in owners:
            table.report(line, "cues", f"'{cue}' is already a cue of '{owners[cue]}'; it is not used here",
                         "give each cue to one category", WARNING)
        else:
            owners[cue] = key
            cues.append(cue)
    return tuple(cues)


def _symbol(table: Table, line: int, symbol: str) -> str:
    if symbol in MARKER_SYMBOLS:
        return symbol
    spelled = "-".join(symbol.lower().replace("_", " ").split())
    hint = f"did you mean '{spelled}'?" if spelled in MARKER_SYMBOLS else _SYMBOL_HINT
    table.report(line, "symbol", f"{shown(symbol)} is not a marker symbol; it is drawn as a circle",
                 hint, WARNING)
    return DEFAULT_SYMBOL
