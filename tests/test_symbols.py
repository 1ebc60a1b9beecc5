"""The data layer's list of marker symbols is plotly's, and categories are checked against it."""

from __future__ import annotations

import plotly.graph_objects as go

from timeline_app.data.categories import load_categories
from timeline_app.data.symbols import MARKER_SYMBOLS


def test_marker_symbols_are_plotlys():
    plotly_values = go.scattergl.Marker()._get_validator("symbol").values
    assert MARKER_SYMBOLS == {str(value) for value in plotly_values}


def test_every_listed_symbol_is_drawn_by_plotly():
    for symbol in MARKER_SYMBOLS:
        go.scattergl.Marker(symbol=symbol)  # raises ValueError for a symbol plotly does not know


def test_an_unknown_symbol_is_a_warning_with_a_hint():
    data = b"name,label,colour,symbol\na,A,#000000,Triangle Up\nb,B,#000000,blob\nc,C,#000000,bowtie-open\n"
    categories, problems = load_categories("categories.csv", data=data)
    assert [c.symbol for c in categories.values()] == ["circle", "circle", "bowtie-open"]
    assert "did you mean 'triangle-up'?" in str(problems[0]) and "blob" in str(problems[1])
