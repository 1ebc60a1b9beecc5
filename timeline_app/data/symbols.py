"""The marker symbols plotly.js draws, as data, so the data layer can check a category's symbol.

Plotly numbers its symbols: shape ``n`` is ``n``, its ``-open`` variant
``n + 100``, ``-dot`` ``n + 200`` and ``-open-dot`` ``n + 300``, and it takes
either the name or the number (also written as a string).  The list is
pinned to plotly's own validator by ``tests/test_symbols.py``, so a plotly
upgrade that adds or drops a symbol fails there, not in a browser.
"""

from __future__ import annotations

_FOUR = ("", "-open", "-dot", "-open-dot")
_TWO = ("", "-open")

SHAPES = (
    *((name, _FOUR) for name in (
        "circle", "square", "diamond", "cross", "x", "triangle-up", "triangle-down", "triangle-left",
        "triangle-right", "triangle-ne", "triangle-se", "triangle-sw", "triangle-nw", "pentagon", "hexagon",
        "hexagon2", "octagon", "star", "hexagram", "star-triangle-up", "star-triangle-down", "star-square",
        "star-diamond", "diamond-tall", "diamond-wide")),
    *((name, _TWO) for name in (
        "hourglass", "bowtie", "circle-cross", "circle-x", "square-cross", "square-x", "diamond-cross",
        "diamond-x", "cross-thin", "x-thin", "asterisk")),
    ("hash", _FOUR),
    *((name, _TWO) for name in (
        "y-up", "y-down", "y-left", "y-right", "line-ew", "line-ns", "line-ne", "line-nw", "arrow-up",
        "arrow-down", "arrow-left", "arrow-right", "arrow-bar-up", "arrow-bar-down", "arrow-bar-left",
        "arrow-bar-right", "arrow", "arrow-wide")),
)
"""Each shape in plotly's order (its position is its number) with the variants it has."""


def _symbols() -> frozenset[str]:
    names = set()
    for number, (shape, variants) in enumerate(SHAPES):
        for step, suffix in enumerate(_FOUR):
            if suffix in variants:
                names.update((shape + suffix, str(number + 100 * step)))
    return frozenset(names)


MARKER_SYMBOLS = _symbols()
"""Every value plotly accepts as a marker symbol, as text (names and numbers)."""
