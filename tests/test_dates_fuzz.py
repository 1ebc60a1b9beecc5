"""Property tests: the date parser only ever raises DateParseError, and EDTF round-trips."""

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.data import daycount
from timeline_app.data.dates import DateParseError, describe, parse_date

years = st.integers(min_value=-9999, max_value=9999)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_text_parses_or_raises_date_parse_error(text):
    try:
        date = parse_date(text)
    except DateParseError as exc:
        assert str(exc) and exc.hint
    else:
        assert daycount.to_ordinal(date.lower) <= daycount.to_ordinal(date.upper)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A(c\. |the early |the )?-?\d{1,4}(s| BC| AD|-\d{2}|/\d{4}|~|\?)?\Z"))
def test_date_like_text_parses_or_raises_date_parse_error(text):
    try:
        parse_date(text)
    except DateParseError:
        pass


@st.composite
def edtf_dates(draw):
    year = draw(years)
    form = draw(st.sampled_from(["year", "month", "day", "season", "interval"]))
    qualifier = draw(st.sampled_from(["", "~", "?", "%"]))
    y = f"-{abs(year):04d}" if year < 0 else f"{year:04d}"
    if form == "year":
        return y + qualifier
    if form == "month":
        return f"{y}-{draw(st.integers(1, 12)):02d}{qualifier}"
    if form == "season":  # winter runs into the next year, so not in 9999
        return f"{y}-{draw(st.integers(21, 24 if year < 9999 else 23))}{qualifier}"
    if form == "day":
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, daycount.days_in_month(year, month)))
        return f"{y}-{month:02d}-{day:02d}{qualifier}"
    end = draw(st.integers(year, 9999))
    e = f"-{abs(end):04d}" if end < 0 else f"{end:04d}"
    return f"{y}/{e}"


@settings(max_examples=500, deadline=None)
@given(edtf_dates())
def test_canonical_edtf_round_trips(text):
    date = parse_date(text)
    again = parse_date(date.edtf)
    assert (again.lower, again.upper, again.edtf) == (date.lower, date.upper, date.edtf)
    assert (again.approximate, again.uncertain) == (date.approximate, date.uncertain)
    assert describe(date)


@settings(max_examples=300, deadline=None)
@given(years)
def test_bc_and_ad_words_agree_with_astronomical_years(year):
    words = f"{1 - year} BC" if year <= 0 else f"AD {year}"
    assert parse_date(words).lower == (year, 1, 1)
