"""Text stand-ins for the categories' plotly marker symbols (chips, table, legend).

A category chip or a table cell shows the mark its events have on the
timeline, as a character: the look of a category, next to the figure that
draws it, for any part of the page to use.
"""

from __future__ import annotations

GLYPHS = {
    "circle": "●", "diamond": "◆", "star": "★", "triangle-up": "▲", "triangle-down": "▼",
    "hexagon": "⬢", "x": "✖", "square": "■", "pentagon": "⬟", "bowtie": "⧓",
    "star-diamond": "✦", "cross": "✚", "hourglass": "⧓",
}
"""Text stand-ins for plotly marker symbols, so a chip shows the mark it filters.

Each must be in a font every reader has (DejaVu Sans on Debian covers them
all; tests/test_app_glyphs_labels.py checks Chromium draws each): the black
hourglass ⧗ is in none of them and showed as an empty box, so the exile
category uses plotly's "bowtie" (⧓).  "hourglass" keeps the same glyph,
turned upright in the chips (TURNED)."""

TURNED = {"hourglass"}
"""Symbols whose glyph is drawn turned a quarter (class ``glyph turned``)."""

DEFAULT_GLYPH = "●"


def shape_of(symbol: str) -> str:
    """The shape a symbol draws, its hollow ``-open`` variant included."""
    return symbol.removesuffix("-open")


def glyph(symbol: str) -> str:
    """The character standing for ``symbol`` (a dot for shapes without one)."""
    return GLYPHS.get(shape_of(symbol), DEFAULT_GLYPH)
