"""URL query <-> view state: parsing tables, malformed input, round trips."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.data.daycount import to_ordinal
from timeline_app.view.url_state import (
    DEFAULT,
    ViewState,
    Vocabulary,
    canonical,
    format_day,
    from_store,
    parse_day,
    parse_query,
    store_data,
    to_query,
)

WORDS = Vocabulary(
    categories=("life", "strike", "uprising", "war"),
    people=frozenset({"Joseph Stalin", "Rosa Luxemburg"}),
    places=frozenset({"Russia", "Poland"}),
    events=frozenset({"stalin-life", "east-germany-1953"}),
    articles=frozenset({"joseph-stalin"}),
)
Y1900, Y1960 = to_ordinal((1900, 1, 1)), to_ordinal((1960, 1, 1))


@pytest.mark.parametrize("text, day", [
    ("1956", (1956, 1, 1)),
    ("1956-10", (1956, 10, 1)),
    ("1956-10-23", (1956, 10, 23)),
    ("0800", (800, 1, 1)),
    ("73BC", (-72, 1, 1)),
    ("73 BC", (-72, 1, 1)),
    ("73bc", (-72, 1, 1)),
    ("-0072-03-15", (-72, 3, 15)),
    ("-72", (-72, 1, 1)),
    (" 1381-06 ", (1381, 6, 1)),
])
def test_parse_day(text, day):
    assert parse_day(text) == to_ordinal(day)


@pytest.mark.parametrize("text", ["", "abc", "1956-13", "1956-02-30", "10000", "-10000", "0BC", "12345BC",
                                  "1956-1-1-1", "19 56", "1e3", "NaN", "٣١٢", "--5"])
def test_parse_day_rejects(text):
    assert parse_day(text) is None


@pytest.mark.parametrize("day, text", [
    ((1956, 1, 1), "1956"),
    ((-72, 1, 1), "73BC"),
    ((0, 1, 1), "1BC"),
    ((1956, 10, 1), "1956-10"),
    ((-72, 3, 1), "-0072-03"),
    ((1956, 10, 23), "1956-10-23"),
    ((800, 5, 2), "0800-05-02"),
])
def test_format_day_is_the_shortest_exact_form(day, text):
    assert format_day(to_ordinal(day)) == text
    assert parse_day(text) == to_ordinal(day)


@pytest.mark.parametrize("search, expected", [
    ("", DEFAULT),
    (None, DEFAULT),
    ("?from=1900&to=1960", ViewState(start=Y1900, end=Y1960)),
    ("?cat=strike,uprising", ViewState(categories=("strike", "uprising"))),
    ("?cat=uprising&cat=strike", ViewState(categories=("strike", "uprising"))),  # dataset order
    ("?person=Joseph+Stalin&person=Rosa%20Luxemburg", ViewState(people=("Joseph Stalin", "Rosa Luxemburg"))),
    ("?place=Russia", ViewState(places=("Russia",))),
    ("?q=civil+war", ViewState(query="civil war")),
    ("?event=stalin-life", ViewState(event="stalin-life")),
    ("?article=joseph-stalin", ViewState(article="joseph-stalin")),
    ("?proposed=1", ViewState(proposed=True)),
    ("?proposed=0", ViewState(proposed=False)),
    ("from=1900&to=1960", ViewState(start=Y1900, end=Y1960)),  # no leading "?"
])
def test_parse_query(search, expected):
    assert parse_query(search, WORDS) == expected


@pytest.mark.parametrize("search, expected", [
    ("?from=abc&to=1960", DEFAULT),                     # a bad bound drops the range
    ("?from=1960&to=1900", DEFAULT),                    # reversed
    ("?from=1900&to=1900", DEFAULT),                    # empty
    ("?from=1900", DEFAULT),                            # half a range
    ("?cat=nonsense", DEFAULT),                         # unknown category -> all
    ("?cat=life,strike,uprising,war", DEFAULT),         # every category is the default
    ("?cat=strike,nonsense", ViewState(categories=("strike",))),
    ("?person=Nobody&place=Atlantis", DEFAULT),
    ("?event=no-such-event", DEFAULT),
    ("?article=no-such-article&proposed=yes", DEFAULT),
    ("?q=" + "x" * 500, ViewState(query="x" * 200)),
    ("?q=a%00b%0Ac", ViewState(query="a b c")),
    ("?%%%&&==&from=%zz", DEFAULT),
    ("?from=1900&to=1960&event=<script>", ViewState(start=Y1900, end=Y1960)),
    ("?" + "&".join(f"k{i}=v" for i in range(1000)), DEFAULT),  # too many fields
])
def test_malformed_parts_fall_back_to_defaults(search, expected):
    assert parse_query(search, WORDS) == expected


@pytest.mark.parametrize("state, query", [
    (DEFAULT, ""),
    (ViewState(start=Y1900, end=Y1960), "?from=1900&to=1960"),
    (ViewState(categories=("strike", "uprising")), "?cat=strike%2Cuprising"),
    (ViewState(people=("Joseph Stalin",), query="war", event="stalin-life"),
     "?person=Joseph+Stalin&q=war&event=stalin-life"),
    (ViewState(article="joseph-stalin", event="stalin-life", proposed=False),
     "?article=joseph-stalin&event=stalin-life&proposed=0"),
])
def test_to_query(state, query):
    assert to_query(state) == query
    assert parse_query(query, WORDS) == state


@pytest.mark.parametrize("start, end, expected", [
    ((1903, 5, 17), (2001, 8, 30), "?from=1903-06&to=2001-09"),      # 98 years -> months
    ((1800, 5, 17), (2001, 8, 30), "?from=1800&to=2002"),            # two centuries -> years
    ((1956, 10, 23), (1956, 11, 4), "?from=1956-10-23&to=1956-11-04"),
    ((-80, 3, 3), (-60, 7, 7), "?from=-0080-03&to=-0060-07"),
])
def test_zoomed_ranges_are_rounded_to_a_readable_unit(start, end, expected):
    state = ViewState(start=to_ordinal(start), end=to_ordinal(end))
    assert to_query(state) == expected
    back = parse_query(expected, WORDS)
    assert back == canonical(state)
    width = state.end - state.start
    assert abs(back.start - state.start) <= width / 100 and abs(back.end - state.end) <= width / 100


def test_store_round_trip_and_tolerance():
    state = ViewState(start=1, end=5, categories=("war",), people=("Joseph Stalin",), places=("Russia",),
                      query="q", event="stalin-life", article="joseph-stalin", proposed=True)
    assert from_store(store_data(state)) == state
    assert from_store(store_data(replace(state, proposed=False))).proposed is False
    assert from_store(None) == DEFAULT
    assert from_store({"x0": "1", "x1": True, "cat": "war", "person": None}) == DEFAULT


@given(st.text(max_size=300))
def test_parsing_never_fails(text):
    state = parse_query(text, WORDS)
    assert isinstance(state, ViewState)
    assert parse_query(to_query(state), WORDS) == canonical(state)


@given(st.dictionaries(st.sampled_from(["from", "to", "cat", "person", "place", "q", "event", "x"]),
                       st.text(max_size=40), max_size=8))
def test_any_parameters_parse(params):
    from urllib.parse import urlencode

    state = parse_query("?" + urlencode(params), WORDS)
    assert state.categories is None or set(state.categories) <= set(WORDS.categories)
    assert set(state.people) <= WORDS.people and (state.event is None or state.event in WORDS.events)
