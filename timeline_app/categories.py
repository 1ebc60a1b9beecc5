"""Event categories (name, label, colour, marker symbol) as editable data.

Categories live in ``events/categories.csv`` so editors can add one without
touching code; the symbol makes categories tell apart by more than colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .csvfile import read_rows
from .problems import Problem

COLUMNS = ("name", "label", "colour", "symbol")
_HEX = re.compile(r"#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    colour: str
    symbol: str


def load_categories(path: Path | str) -> tuple[dict[str, Category], list[Problem]]:
    table = read_rows(path, required=("name", "label", "colour"), known=COLUMNS)
    categories: dict[str, Category] = {}
    problems = list(table.problems)
    for line, row in table.rows:
        name = row.get("name", "")
        if not name:
            problems.append(Problem(table.path, line, "name", "the category has no name",
                                    "give it a short lowercase name such as 'strike'"))
            continue
        if name in categories:
            problems.append(Problem(table.path, line, "name", f"category '{name}' is defined twice",
                                    "keep one row per category"))
            continue
        colour = row.get("colour", "")
        if not _HEX.match(colour):
            problems.append(Problem(table.path, line, "colour", f"'{colour}' is not a colour",
                                    "write it as #RRGGBB, e.g. #0072B2", severity="warning"))
            colour = "#777777"
        categories[name] = Category(name, row.get("label") or name.capitalize(), colour,
                                    row.get("symbol") or "circle")
    return categories, problems
