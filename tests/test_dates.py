"""The date model: every form the histories and the editors write."""

import pytest

from timeline_app.data import daycount
from timeline_app.data.dates import (
    DateParseError,
    HistoricalDate,
    describe,
    parse_date,
    year_label,
)

# (expression, edtf, lower, upper, precision, approximate)
CASES = [
    # full dates
    ("23 October 1956", "1956-10-23", (1956, 10, 23), (1956, 10, 23), "day", False),
    ("October 23, 1956", "1956-10-23", (1956, 10, 23), (1956, 10, 23), "day", False),
    ("23rd October 1956", "1956-10-23", (1956, 10, 23), (1956, 10, 23), "day", False),
    ("the 23rd of October 1956", "1956-10-23", (1956, 10, 23), (1956, 10, 23), "day", False),
    ("17 June 1953", "1953-06-17", (1953, 6, 17), (1953, 6, 17), "day", False),
    ("29 February 1904", "1904-02-29", (1904, 2, 29), (1904, 2, 29), "day", False),
    ("13 Dec 1981", "1981-12-13", (1981, 12, 13), (1981, 12, 13), "day", False),
    ("on 14 August 1980", "1980-08-14", (1980, 8, 14), (1980, 8, 14), "day", False),
    # months and seasons
    ("October 1956", "1956-10", (1956, 10, 1), (1956, 10, 31), "month", False),
    ("February 1900", "1900-02", (1900, 2, 1), (1900, 2, 28), "month", False),
    ("Sept. 1939", "1939-09", (1939, 9, 1), (1939, 9, 30), "month", False),
    ("autumn 1956", "1956-23", (1956, 9, 1), (1956, 11, 30), "season", False),
    ("the summer of 1917", "1917-06/1917-08", (1917, 6, 1), (1917, 8, 31), "season", False),
    ("winter 1916", "1916-12/1917-02", (1916, 12, 1), (1917, 2, 28), "season", False),
    ("fall 1968", "1968-23", (1968, 9, 1), (1968, 11, 30), "season", False),
    ("spring 1918", "1918-03/1918-05", (1918, 3, 1), (1918, 5, 31), "season", False),
    ("the late autumn of 1926", "1926-23~", (1926, 9, 1), (1926, 11, 30), "season", True),
    ("the winter of 1920-21", "1920-12/1921-02", (1920, 12, 1), (1921, 2, 28), "season", False),
    ("early 1956", "1956-01~/1956-03~", (1956, 1, 1), (1956, 3, 31), "year", True),
    ("late 1956", "1956-10~/1956-12~", (1956, 10, 1), (1956, 12, 31), "year", True),
    # years
    ("1956", "1956", (1956, 1, 1), (1956, 12, 31), "year", False),
    ("1381", "1381", (1381, 1, 1), (1381, 12, 31), "year", False),
    ("in 1917", "1917", (1917, 1, 1), (1917, 12, 31), "year", False),
    ("AD 800", "0800", (800, 1, 1), (800, 12, 31), "year", False),
    ("800 AD", "0800", (800, 1, 1), (800, 12, 31), "year", False),
    ("1066", "1066", (1066, 1, 1), (1066, 12, 31), "year", False),
    ("73 BC", "-0072", (-72, 1, 1), (-72, 12, 31), "year", False),
    ("1 BC", "0000", (0, 1, 1), (0, 12, 31), "year", False),
    ("44 BCE", "-0043", (-43, 1, 1), (-43, 12, 31), "year", False),
    ("509 B.C.", "-0508", (-508, 1, 1), (-508, 12, 31), "year", False),
    # ranges
    ("1918-21", "1918/1921", (1918, 1, 1), (1921, 12, 31), "year", False),
    ("(1928-67)", "1928/1967", (1928, 1, 1), (1967, 12, 31), "year", False),
    ("1980-81", "1980/1981", (1980, 1, 1), (1981, 12, 31), "year", False),
    ("1989-91", "1989/1991", (1989, 1, 1), (1991, 12, 31), "year", False),
    ("(1879-1953)", "1879/1953", (1879, 1, 1), (1953, 12, 31), "year", False),
    ("1918\u20131921", "1918/1921", (1918, 1, 1), (1921, 12, 31), "year", False),
    ("1898-1905", "1898/1905", (1898, 1, 1), (1905, 12, 31), "year", False),
    ("73-71 BC", "-0072/-0070", (-72, 1, 1), (-70, 12, 31), "year", False),
    ("between 1918 and 1921", "1918/1921", (1918, 1, 1), (1921, 12, 31), "year", False),
    ("from 1945 until 1989", "1945/1989", (1945, 1, 1), (1989, 12, 31), "year", False),
    ("October 1917 to March 1918", "1917-10/1918-03", (1917, 10, 1), (1918, 3, 31), "month", False),
    # decades and centuries
    ("1920s", "192X", (1920, 1, 1), (1929, 12, 31), "decade", False),
    ("the 1990s", "199X", (1990, 1, 1), (1999, 12, 31), "decade", False),
    ("the early 1920s", "1920~/1923~", (1920, 1, 1), (1923, 12, 31), "decade", True),
    ("the mid-1950s", "1954~/1956~", (1954, 1, 1), (1956, 12, 31), "decade", True),
    ("the late 1960s", "1967~/1969~", (1967, 1, 1), (1969, 12, 31), "decade", True),
    ("the '30s", "193X", (1930, 1, 1), (1939, 12, 31), "decade", False),
    ("the 30s", "193X", (1930, 1, 1), (1939, 12, 31), "decade", False),
    ("the 70s BC", "-0078/-0069", (-78, 1, 1), (-69, 12, 31), "decade", False),
    ("the 1800s", "18XX", (1800, 1, 1), (1899, 12, 31), "century", False),
    ("the ’30s", "193X", (1930, 1, 1), (1939, 12, 31), "decade", False),
    ("the 19th century", "18XX", (1800, 1, 1), (1899, 12, 31), "century", False),
    ("the fifth century", "04XX", (400, 1, 1), (499, 12, 31), "century", False),
    ("the 1st century", "0001/0099", (1, 1, 1), (99, 12, 31), "century", False),
    ("the 1st century BC", "-0099/0000", (-99, 1, 1), (0, 12, 31), "century", False),
    ("the later years of the 19th century", "1867~/1899~", (1867, 1, 1), (1899, 12, 31), "century", True),
    ("the first half of the 20th century", "1900~/1949~", (1900, 1, 1), (1949, 12, 31), "century", True),
    ("the end of the 19th century", "1890~/1899~", (1890, 1, 1), (1899, 12, 31), "century", True),
    # qualifiers
    ("c. 1893", "1893~", (1893, 1, 1), (1893, 12, 31), "year", True),
    ("circa 1893", "1893~", (1893, 1, 1), (1893, 12, 31), "year", True),
    ("ca. 1893", "1893~", (1893, 1, 1), (1893, 12, 31), "year", True),
    ("c. AD 46", "0046~", (46, 1, 1), (46, 12, 31), "year", True),
    ("c. 73 BC", "-0072~", (-72, 1, 1), (-72, 12, 31), "year", True),
    ("about 1900", "1900~", (1900, 1, 1), (1900, 12, 31), "year", True),
    # EDTF
    ("1956-10-23", "1956-10-23", (1956, 10, 23), (1956, 10, 23), "day", False),
    ("1956-10", "1956-10", (1956, 10, 1), (1956, 10, 31), "month", False),
    ("1956-23", "1956-23", (1956, 9, 1), (1956, 11, 30), "season", False),
    ("1918/1921", "1918/1921", (1918, 1, 1), (1921, 12, 31), "year", False),
    ("192X", "192X", (1920, 1, 1), (1929, 12, 31), "decade", False),
    ("18XX", "18XX", (1800, 1, 1), (1899, 12, 31), "century", False),
    ("1893~", "1893~", (1893, 1, 1), (1893, 12, 31), "year", True),
    ("-0072", "-0072", (-72, 1, 1), (-72, 12, 31), "year", False),
    ("-0072/-0070", "-0072/-0070", (-72, 1, 1), (-70, 12, 31), "year", False),
    ("1920~/1923~", "1920~/1923~", (1920, 1, 1), (1923, 12, 31), "year", True),
    ("1956-10-23/1956-11-10", "1956-10-23/1956-11-10", (1956, 10, 23), (1956, 11, 10), "day", False),
    ("1950-XX", "1950-XX", (1950, 1, 1), (1950, 12, 31), "year", False),
]


@pytest.mark.parametrize("text, edtf, lower, upper, precision, approximate", CASES)
def test_parse_date(text, edtf, lower, upper, precision, approximate):
    date = parse_date(text)
    assert (date.edtf, date.lower, date.upper, date.precision, date.approximate) == (
        edtf, lower, upper, precision, approximate)
    assert date.text == text
    assert date.lower_year == lower[0] and date.upper_year == upper[0]


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_canonical_edtf_round_trips(text):
    date = parse_date(text)
    again = parse_date(date.edtf)
    assert (again.edtf, again.lower, again.upper) == (date.edtf, date.lower, date.upper)


@pytest.mark.parametrize("text, uncertain, approximate", [
    ("1893?", True, False), ("probably 1893", True, False), ("1893%", True, True), ("1893", False, False),
])
def test_qualifiers(text, uncertain, approximate):
    date = parse_date(text)
    assert (date.uncertain, date.approximate) == (uncertain, approximate)


@pytest.mark.parametrize("text, outer_lower, outer_upper", [
    ("c. 1893", (1892, 1, 1), (1894, 12, 31)),
    ("1893", (1893, 1, 1), (1893, 12, 31)),
    ("the early 1920s", (1918, 1, 1), (1925, 12, 31)),
    ("1956-10-23~", (1956, 10, 22), (1956, 10, 24)),
])
def test_approximate_dates_have_wider_outer_bounds(text, outer_lower, outer_upper):
    date = parse_date(text)
    assert (date.outer_lower, date.outer_upper) == (outer_lower, outer_upper)


@pytest.mark.parametrize("text, label", [
    ("-0072", "73 BC"), ("1980-81", "1980-81"), ("1956-10-23", "23 October 1956"),
    ("1893~", "c. 1893"), ("192X", "1920s"), ("18XX", "19th century"),
    ("-0072/-0070", "73–71 BC"), ("1918/1921", "1918–1921"), ("1956-23", "autumn 1956"),
    ("the early 1920s", "the early 1920s"),
])
def test_label_is_the_wording_or_a_readable_form_of_edtf(text, label):
    assert parse_date(text).label == label


@pytest.mark.parametrize("text, languages, edtf", [
    ("23 października 1956", ("en", "pl"), "1956-10-23"),
    ("13. Juni 1953", ("en", "de"), "1953-06-13"),
    ("1956. október 23.", ("en", "hu"), "1956-10-23"),
    ("25 октября 1917", ("en", "ru"), "1917-10-25"),
    ("8 de octubre de 1967", ("en", "es"), "1967-10-08"),
])
def test_other_languages_through_dateparser(text, languages, edtf):
    assert parse_date(text, languages=languages).edtf == edtf


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"), ("   ", "empty"), ("We", "could not read"), ("may", "could not read"),
    ("now", "could not read"), ("March", "could not read"), ("30 February 1956", "not a day"),
    ("1956-02-30", "not a day"), ("1956-13", "no month"), ("Y-170000", "outside the range"),
    ("1921-1918", "ends before it starts"), ("1956/..", "open or unknown end"),
    ("banana 1956", "could not read"), ("the summer of 1917-18", "only a winter"), ("1200 strikers", "could not read"),
])
def test_bad_dates_raise_with_a_hint(text, fragment):
    with pytest.raises(DateParseError) as info:
        parse_date(text, languages=("en", "pl", "de"))
    assert fragment in str(info.value)
    assert info.value.hint


def test_non_string_is_a_parse_error():
    with pytest.raises(DateParseError):
        parse_date(None)


@pytest.mark.parametrize("year, label", [(-72, "73 BC"), (0, "1 BC"), (1, "1"), (1956, "1956")])
def test_year_label(year, label):
    assert year_label(year) == label


@pytest.mark.parametrize("day", [(-72, 3, 15), (0, 2, 29), (1, 1, 1), (1582, 10, 4), (1676, 12, 31),
                                 (1970, 1, 1), (2000, 2, 29), (9999, 12, 31), (-9999, 1, 1)])
def test_day_ordinals_round_trip(day):
    assert daycount.from_ordinal(daycount.to_ordinal(day)) == day


def test_day_ordinals_are_consecutive_across_year_zero():
    assert daycount.to_ordinal((1, 1, 1)) - daycount.to_ordinal((0, 12, 31)) == 1
    assert daycount.to_ordinal((1970, 1, 1)) == 0


def test_describe_matches_label_for_edtf():
    date = parse_date("-0099/0000")
    assert describe(date) == "100–1 BC"
    assert isinstance(date, HistoricalDate)
