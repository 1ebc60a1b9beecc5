"""The historical date model: one type for every date the timeline shows.

History texts date things as "23 October 1956", "the early 1920s", "c. 1893",
"73 BC" or "the later years of the 19th century".  None of these is a
``datetime``: each is a stretch of time with a lower and an upper bound, a
precision (what unit the writer spoke in) and qualifiers (approximate,
uncertain).  :class:`HistoricalDate` holds exactly that, with the Library of
Congress Extended Date/Time Format (EDTF) as its canonical written form.

:func:`parse_date` reads EDTF and plain English.  The common forms go through
compiled regular expressions (microseconds); the rest of EDTF goes to the
``edtf`` library (milliseconds, pyparsing) and full dates in other languages to
``dateparser``, both cached.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import daycount
from .daycount import Day

MIN_YEAR = -9999
MAX_YEAR = 9999
"""plotly.js draws astronomical years -9999..9999; so does the model."""

HISTORY_LANGUAGES = ("en", "pl", "de", "hu", "ru", "es")
"""Languages of the histories this app is built for (dateparser codes)."""

FORMS_HINT = (
    "write it as e.g. 1956, October 1956, 23 October 1956, autumn 1956, 1918-21, "
    "1920s, the early 1920s, the 19th century, c. 1893, 73 BC, or EDTF such as "
    "1956-10-23, 1918/1921, 192X, 1893~, -0072"
)


class DateParseError(ValueError):
    """Raised for text that is not a date the model can represent.

    ``hint`` says how to write it instead, for editors' error messages.
    """

    def __init__(self, message: str, hint: str = FORMS_HINT):
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class HistoricalDate:
    """A stretch of historical time.

    ``lower``/``upper`` are the first and last day covered (inclusive,
    astronomical years).  ``outer_lower``/``outer_upper`` widen them for
    approximate or uncertain dates, so a figure can draw "c. 1893" as a core
    with whiskers.  ``text`` is the wording the date came from.
    """

    lower: Day
    upper: Day
    precision: str
    edtf: str
    text: str
    approximate: bool = False
    uncertain: bool = False
    outer_lower: Day | None = None
    outer_upper: Day | None = None
    written_as_edtf: bool = False

    def __post_init__(self) -> None:
        if self.outer_lower is None or self.outer_upper is None:
            lo, hi = _padded(self.lower, self.upper, self.precision,
                             self.approximate or self.uncertain)
            object.__setattr__(self, "outer_lower", lo)
            object.__setattr__(self, "outer_upper", hi)

    @property
    def lower_year(self) -> int:
        return self.lower[0]

    @property
    def upper_year(self) -> int:
        return self.upper[0]

    @property
    def is_interval(self) -> bool:
        return "/" in self.edtf

    @property
    def label(self) -> str:
        """The date for people: as written, unless it was written as EDTF.

        "1980-81" stays "1980-81"; an editor's "-0072" is shown as "73 BC".
        """
        if self.written_as_edtf or not self.text:
            return describe(self)
        return self.text


def year_label(year: int) -> str:
    """'73 BC' for astronomical year -72, '1956' for 1956."""
    return f"{1 - year} BC" if year <= 0 else str(year)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
_SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


def describe(date: HistoricalDate) -> str:
    """A plain-English rendering of a date, BC years as 'N BC'."""
    lo, hi = date.lower, date.upper
    p = date.precision
    if date.is_interval and p in ("year", "decade", "century") and lo[0] <= 0 and hi[0] <= 0:
        core = f"{1 - lo[0]}–{1 - hi[0]} BC"
    elif date.is_interval:
        core = f"{_describe_point(lo, p)}–{_describe_point(hi, p)}"
    elif p == "season":
        season = _SEASON_NAMES[int(date.edtf.rstrip("~?%")[-2:])]
        core = f"{season} {year_label(lo[0])}"
    elif p == "decade":
        core = f"{_decade_label(lo[0])}"
    elif p == "century":
        core = _century_label(lo[0])
    else:
        core = _describe_point(lo, p)
    if date.approximate and date.uncertain:
        return f"c. {core}?"
    if date.approximate:
        return f"c. {core}"
    if date.uncertain:
        return f"{core}?"
    return core


def _describe_point(day: Day, precision: str) -> str:
    y, m, d = day
    if precision == "day":
        return f"{d} {_MONTH_NAMES[m - 1]} {year_label(y)}"
    if precision in ("month", "season"):
        return f"{_MONTH_NAMES[m - 1]} {year_label(y)}"
    return year_label(y)


def _decade_label(year: int) -> str:
    if year <= 0:
        return f"{1 - year - 9}s BC"
    return f"{year}s"


def _century_label(year: int) -> str:
    n = (year // 100) + 1 if year > 0 else (-year) // 100 + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century" + (" BC" if year <= 0 else "")


# --------------------------------------------------------------------------
# Bounds helpers

def _year_bounds(y1: int, y2: int | None = None) -> tuple[Day, Day]:
    return (y1, 1, 1), (y2 if y2 is not None else y1, 12, 31)


_PAD_MONTHS = {"day": 0, "month": 1, "season": 1, "year": 12, "decade": 24, "century": 120}


def _padded(lower: Day, upper: Day, precision: str, fuzzy: bool) -> tuple[Day, Day]:
    """Outer bounds of an approximate date: one unit of its precision each side.

    A day widens by a day, a month by a month, a year by a year, a decade by
    two years and a century by ten: enough for a figure to show the date as
    soft without claiming a range the writer never meant.
    """
    if not fuzzy:
        return lower, upper
    if precision == "day":
        return (daycount.from_ordinal(daycount.to_ordinal(lower) - 1),
                daycount.from_ordinal(daycount.to_ordinal(upper) + 1))
    months = _PAD_MONTHS[precision]
    lo = daycount.add_months(lower, -months)
    hi = daycount.add_months((upper[0], upper[1], 1), months)
    return lo, daycount.end_of_month(hi[0], hi[1])


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError(
            f"year {year_label(year)} in {text!r} is outside the range the timeline can draw",
            "use a year between 9999 BC and AD 9999",
        )


def _edtf_year(year: int) -> str:
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


# --------------------------------------------------------------------------
# Plain-English fast paths

_MONTHS = {name.lower(): i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update({name.lower()[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
_MONTHS.update({"sept": 9})
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}

_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_RE = r"(?P<year>\d{1,5})"
_ERA_RE = r"(?:\s*(?P<era>BCE|BC|B\.C\.(?:E\.?)?|B\.C|CE|AD|A\.D\.?|C\.E\.?))?"

_APPROX_PREFIX = re.compile(
    r"^(?:circa|approximately|approx\.|about|around|ca\.|c\.|ca(?=[\s\d])|c(?=[\s\d]))\s*", re.I)
_UNCERTAIN_PREFIX = re.compile(r"^(?:probably|possibly|perhaps)\s+", re.I)
_LEADING_WORDS = re.compile(r"^(?:in|on|during|since|by|the)\s+", re.I)
_AD_PREFIX = re.compile(r"^(?:AD|A\.D\.|CE)\s*(?=\d)", re.I)

_FULL_YEAR = re.compile(_YEAR_RE + _ERA_RE + r"$", re.I)
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+" + _YEAR_RE + _ERA_RE + r"$", re.I)
_MONTH_DAY_YEAR = re.compile(
    _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR_RE + _ERA_RE + r"$", re.I)
_MONTH_YEAR = re.compile(_MONTH_RE + r",?\s+(?:of\s+)?" + _YEAR_RE + _ERA_RE + r"$", re.I)
_SEASON_YEAR = re.compile(
    r"(?:the\s+)?(?P<part>early|mid|late)?[\s-]*(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
    + _YEAR_RE + r"(?:-(?P<next>\d{2}))?" + _ERA_RE + r"$", re.I)
_YEAR_RANGE = re.compile(
    r"(?P<y1>\d{1,4})\s*(?P<era1>BCE|BC|AD|CE)?\s*(?:-|/|to|until|till)\s*(?P<y2>\d{1,4})" + _ERA_RE + r"$", re.I)
_BETWEEN = re.compile(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$", re.I)
_FROM_TO = re.compile(r"(?:from\s+)?(?P<a>.+?)\s+(?:to|until|till|-)\s+(?P<b>.+)$", re.I)
_PART = r"(?:(?P<part>early|mid|middle|late|later|first half of|second half of|" \
        r"beginning of|start of|end of|early years of|later years of|last years of|" \
        r"closing years of|first years of)(?:\s+|-)(?:the\s+)?)?"
_PART_OF_YEAR = re.compile(
    r"(?:the\s+)?(?P<part>early|mid|middle|late|beginning of|start of|end of)(?:\s+|-)" + _YEAR_RE + _ERA_RE + r"$",
    re.I)
_DECADE = re.compile(
    r"(?:the\s+)?" + _PART + r"(?:(?P<full>\d{3})0|'?(?P<short>\d)0)'?s" + _ERA_RE + r"$", re.I)
_CENTURY = re.compile(
    r"(?:the\s+)?" + _PART + r"(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<word>[a-z-]+))[\s-]+century" + _ERA_RE + r"$",
    re.I)

# Which part of a decade or century each phrase covers, in percent of it:
# "the early 1920s" is 1920-1923, "the later years of the 19th century" 1867-1899.
_EARLY, _MID, _LATE = (0, 33), (34, 66), (67, 100)
_PARTS = {
    None: (0, 100),
    "early": _EARLY, "first years of": _EARLY, "early years of": _EARLY,
    "beginning of": (0, 10), "start of": (0, 10),
    "mid": _MID, "middle": _MID,
    "late": _LATE, "later": _LATE, "later years of": _LATE, "last years of": _LATE,
    "closing years of": _LATE, "end of": (90, 100),
    "first half of": (0, 49), "second half of": (50, 100),
}


def _is_bc(era: str | None) -> bool:
    return bool(era) and era.upper().replace(".", "").startswith("B")


def _astronomical(year: int, era: str | None) -> int:
    return 1 - year if _is_bc(era) else year


def _date(lower: Day, upper: Day, precision: str, edtf: str, text: str) -> HistoricalDate:
    _check_year(lower[0], text)
    _check_year(upper[0], text)
    if daycount.to_ordinal(upper) < daycount.to_ordinal(lower):
        raise DateParseError(f"{text!r} ends before it starts",
                             "put the earlier date first, e.g. 1918-21 or 73-71 BC")
    return HistoricalDate(lower=lower, upper=upper, precision=precision, edtf=edtf, text=text)


def _year_date(year: int, text: str) -> HistoricalDate:
    lo, hi = _year_bounds(year)
    return _date(lo, hi, "year", _edtf_year(year), text)


def _parse_day(m: re.Match, text: str) -> HistoricalDate:
    year = _astronomical(int(m["year"]), m["era"])
    month = _MONTHS[m["month"].lower()]
    day = int(m["day"])
    if not daycount.is_valid_day(year, month, day):
        raise DateParseError(f"{text!r} is not a day of the calendar",
                             f"{_MONTH_NAMES[month - 1]} has {daycount.days_in_month(year, month)} days")
    return _date((year, month, day), (year, month, day), "day",
                 f"{_edtf_year(year)}-{month:02d}-{day:02d}", text)


def _parse_month(m: re.Match, text: str) -> HistoricalDate:
    year = _astronomical(int(m["year"]), m["era"])
    month = _MONTHS[m["month"].lower()]
    return _date((year, month, 1), daycount.end_of_month(year, month), "month",
                 f"{_edtf_year(year)}-{month:02d}", text)


def _season_date(year: int, code: int, text: str) -> HistoricalDate:
    first, last = _SEASON_MONTHS[code]
    end_year = year + 1 if last < first else year
    edtf = f"{_edtf_year(year)}-{code}"
    if _is_abbreviated_range(edtf):
        edtf = f"{_edtf_year(year)}-{first:02d}/{_edtf_year(end_year)}-{last:02d}"
    return _date((year, first, 1), daycount.end_of_month(end_year, last), "season", edtf, text)


def _parse_season(m: re.Match, text: str) -> HistoricalDate:
    """"autumn 1956", "the winter of 1920-21", "late autumn 1926" (approximate)."""
    year = _astronomical(int(m["year"]), m["era"])
    code = _SEASONS[m["season"].lower()]
    if m["next"] and (code != 24 or _expand_short_end(year, m["next"]) != year + 1):
        raise DateParseError(f"{text!r}: only a winter runs from one year into the next",
                             "write e.g. 'the winter of 1920-21' or 'autumn 1920'")
    date = _season_date(year, code, text)
    return _qualified(date, approximate=True, uncertain=False) if m["part"] else date


def _expand_short_end(y1: int, y2_text: str) -> int:
    """'1918-21' -> 1921, '1898-05' -> 1905: an abbreviated end shares the start's century."""
    y2 = int(y2_text)
    if len(y2_text) >= len(str(y1)) or len(y2_text) > 2:
        return y2
    base = y1 - y1 % (10 ** len(y2_text))
    candidate = base + y2
    return candidate if candidate >= y1 else candidate + 10 ** len(y2_text)


def _parse_year_range(m: re.Match, text: str) -> HistoricalDate:
    era = m["era"] or m["era1"]
    bc = _is_bc(era)
    if bc:
        # "73-71 BC": both ends BC, written as counted down.
        y1, y2 = 1 - int(m["y1"]), 1 - int(m["y2"])
    else:
        y1 = int(m["y1"])
        y2 = _expand_short_end(y1, m["y2"])
        if _is_bc(m["era1"]) and not bc:
            y1 = 1 - y1
    lo, hi = _year_bounds(y1, y2)
    return _date(lo, hi, "year", f"{_edtf_year(y1)}/{_edtf_year(y2)}", text)


def _fraction_span(first: int, length: int, part: str | None) -> tuple[int, int]:
    a, b = _PARTS[part.lower() if part else None]
    lo = -(-a * length // 100)
    hi = min(length - 1, b * length // 100)
    return first + lo, first + max(lo, hi)


def _parse_part_of_year(m: re.Match, text: str) -> HistoricalDate:
    """"early 1956" is January-April, "mid" May-August, "late" September-December."""
    year = _astronomical(int(m["year"]), m["era"])
    a, b = _PARTS[m["part"].lower()]
    first, last = 1 + -(-a * 12 // 100), max(1, min(12, b * 12 // 100))
    date = _date((year, first, 1), daycount.end_of_month(year, last), "year",
                 f"{_edtf_year(year)}-{first:02d}~/{_edtf_year(year)}-{last:02d}~", text)
    return replace(date, approximate=True, outer_lower=None, outer_upper=None)


def _parse_decade(m: re.Match, text: str) -> HistoricalDate:
    """"the 1920s", "the '30s", "the early 1980s"; "the 1800s" is a century, as readers mean it."""
    bc = _is_bc(m["era"])
    if m["full"] and m["full"].endswith("0") and len(m["full"]) >= 2 and not bc:
        first = int(m["full"]) * 10
        return _span_of(first, 100, m["part"], "century",
                        None if m["part"] else f"{_edtf_year(first)[:2]}XX", text)
    first = int(m["full"]) * 10 if m["full"] else (0 if bc else 1900) + int(m["short"]) * 10
    if bc:
        first = 1 - (first + 9)  # "the 70s BC" = 79-70 BC
    return _span_of(first, 10, m["part"], "decade",
                    f"{_edtf_year(first)[:-1]}X" if first >= 0 and not m["part"] else None, text)


def _parse_century(m: re.Match, text: str) -> HistoricalDate:
    n = int(m["num"]) if m["num"] else _ORDINAL_WORDS.get(m["word"].lower())
    if not n:
        raise DateParseError(f"{text!r} names no century I know")
    if _is_bc(m["era"]):
        first = 1 - n * 100  # 1st century BC = 100 BC .. 1 BC = -99 .. 0
        length = 100
    else:
        first = max(1, (n - 1) * 100)
        length = n * 100 - first
    plain = first % 100 == 0 and first >= 0 and not m["part"]
    return _span_of(first, length, m["part"], "century",
                    f"{_edtf_year(first)[:2]}XX" if plain else None, text)


def _span_of(first: int, length: int, part: str | None, precision: str,
             edtf: str | None, text: str) -> HistoricalDate:
    lo_year, hi_year = _fraction_span(first, length, part)
    approximate = bool(part)
    if edtf is None:
        q = "~" if approximate else ""
        edtf = f"{_edtf_year(lo_year)}{q}/{_edtf_year(hi_year)}{q}"
    lo, hi = _year_bounds(lo_year, hi_year)
    return replace(_date(lo, hi, precision, edtf, text), approximate=approximate,
                   outer_lower=None, outer_upper=None)


_FAST_FORMS = (
    (_FULL_YEAR, lambda m, t: _year_date(_astronomical(int(m["year"]), m["era"]), t)),
    (_DAY_MONTH_YEAR, _parse_day),
    (_MONTH_DAY_YEAR, _parse_day),
    (_MONTH_YEAR, _parse_month),
    (_SEASON_YEAR, _parse_season),
    (_PART_OF_YEAR, _parse_part_of_year),
    (_YEAR_RANGE, _parse_year_range),
    (_DECADE, _parse_decade),
    (_CENTURY, _parse_century),
)


# --------------------------------------------------------------------------
# EDTF

_EDTF_DAY = re.compile(r"(?P<y>-?\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[~?%])?$")
_EDTF_HINT = re.compile(r"^-?\d{4}[-/~?%X]|^Y-?\d|^\[|^\{|^-?\d{2,3}X|^\.\.")


def _parse_simple_edtf(m: re.Match, text: str) -> HistoricalDate:
    year = int(m["y"])
    if m["d"]:
        month, day = int(m["m"]), int(m["d"])
        if not daycount.is_valid_day(year, month, day):
            raise DateParseError(f"{text!r} is not a day of the calendar")
        date = _date((year, month, day), (year, month, day), "day", f"{m['y']}-{m['m']}-{m['d']}", text)
    elif m["m"]:
        month = int(m["m"])
        if 21 <= month <= 24:
            date = _season_date(year, month, text)
        elif 1 <= month <= 12:
            date = _date((year, month, 1), daycount.end_of_month(year, month), "month",
                         f"{m['y']}-{m['m']}", text)
        else:
            raise DateParseError(f"{text!r} has no month {month}")
    else:
        lo, hi = _year_bounds(year)
        date = _date(lo, hi, "year", m["y"], text)
    q = m["q"] or ""
    if q:
        date = _qualified(date, approximate=q in "~%", uncertain=q in "?%")
    return replace(date, written_as_edtf=True)


@functools.lru_cache(maxsize=4096)
def _parse_edtf_library(text: str) -> HistoricalDate:
    """Everything EDTF beyond the simple forms, via the ``edtf`` library."""
    import edtf

    try:
        obj = edtf.parse_edtf(text)
        lower = tuple(obj.lower_strict()[:3])
        upper = tuple(obj.upper_strict()[:3])
    except TypeError as exc:  # open or unknown ends come back as infinities
        raise DateParseError(f"{text!r} has an open or unknown end",
                             "give both ends of the range, e.g. 1956/1989") from exc
    except Exception as exc:  # the library raises EDTFParseException and others
        raise DateParseError(f"{text!r} is not valid EDTF") from exc
    body = re.sub(r"[~?%]", "", text)
    if "XX" in body[:4] or re.match(r"-?\d\dXX", body):
        precision = "century"
    elif re.match(r"-?\d{3}X", body):
        precision = "decade"
    elif re.match(r"-?\d{4}-\d{2}-\d{2}", body.split("/")[0]):
        precision = "day"
    elif re.match(r"-?\d{4}-2[1-4]", body):
        precision = "season"
    elif re.match(r"-?\d{4}-\d{2}", body.split("/")[0]):
        precision = "month"
    else:
        precision = "year"
    date = _date(lower, upper, precision, text, text)
    return replace(date, approximate="~" in text or "%" in text,
                   uncertain="?" in text or "%" in text, written_as_edtf=True,
                   outer_lower=None, outer_upper=None)


# --------------------------------------------------------------------------
# Other languages

@functools.lru_cache(maxsize=16)
def _date_data_parser(languages: tuple[str, ...]):
    import dateparser

    return dateparser.DateDataParser(
        languages=list(languages),
        settings={"PARSERS": ["custom-formats", "absolute-time"],
                  "REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first",
                  "RETURN_AS_TIMEZONE_AWARE": False},
    )


@functools.lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str, languages: tuple[str, ...]) -> HistoricalDate:
    data = _date_data_parser(languages).get_date_data(text)
    when = data.date_obj if data else None
    if when is None:
        raise DateParseError(f"could not read {text!r} as a date")
    period = data.period or "day"
    y, m, d = when.year, when.month, when.day
    if period == "year":
        return _year_date(y, text)
    if period == "month":
        return _date((y, m, 1), daycount.end_of_month(y, m), "month", f"{y:04d}-{m:02d}", text)
    return _date((y, m, d), (y, m, d), "day", f"{y:04d}-{m:02d}-{d:02d}", text)


# --------------------------------------------------------------------------

_STRIP = " \t\r\n.,;:"
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
                         "\u2019": "'", "\u2018": "'"})


def parse_date(text: str, languages: Sequence[str] = ("en",)) -> HistoricalDate:
    """Read one date expression (the whole string) into a :class:`HistoricalDate`.

    Accepts EDTF ("1956-10-23", "1918/1921", "192X", "1893~", "-0072") and
    English ("23 October 1956", "autumn 1956", "1918-21", "(1928-67)",
    "the early 1920s", "the '30s", "the 19th century", "c. 1893", "73-71 BC").
    With more ``languages``, full dates such as "23 października 1956" are read
    by dateparser.  Raises :class:`DateParseError` with a fix hint otherwise.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateParseError("the date is empty")
    original = text.strip()
    return _parse_normalised(original, tuple(languages))


@functools.lru_cache(maxsize=8192)
def _parse_normalised(original: str, languages: tuple[str, ...]) -> HistoricalDate:
    s = " ".join(original.translate(_DASHES).split())
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    try:
        date = None if _is_abbreviated_range(s) else _parse_edtf(s)
        if date is None:
            date = _parse_english(s.strip(_STRIP) or s, languages)
    except DateParseError as exc:
        if str(exc).startswith("could not read"):  # name the date as the editor wrote it
            raise DateParseError(f"could not read {original!r} as a date", exc.hint) from None
        raise
    return _with_text(date, original)


def _with_text(date: HistoricalDate, text: str) -> HistoricalDate:
    """``replace(date, text=text)`` at a tenth of the cost (parsing new dates is hot in big files)."""
    clone = copy.copy(date)
    object.__setattr__(clone, "text", text)
    return clone


_ABBREVIATED = re.compile(r"(\d{4})-(\d{2})$")


def _is_abbreviated_range(s: str) -> bool:
    """'1918-21' is the years 1918-1921 in English, spring 1918 in EDTF.

    English wins when the two digits cannot be a month and read as a later
    year of the same century; so '1956-10' is October 1956, '1956-23' autumn
    1956 and '1980-81' the years 1980-1981.  The date model writes seasons
    that would be misread this way as month intervals (see :func:`_season_date`).
    """
    m = _ABBREVIATED.match(s)
    return bool(m) and int(m[2]) > 12 and int(m[2]) > int(m[1]) % 100


def _parse_edtf(s: str) -> HistoricalDate | None:
    """EDTF, or None when ``s`` does not look like EDTF at all."""
    m = _EDTF_DAY.match(s)
    if m and (len(s) > 4 or s.startswith("-") or m["q"]):
        return _parse_simple_edtf(m, s)
    if s.count("/") == 1:
        parts = [_EDTF_DAY.match(p) for p in s.split("/")]
        if all(parts):
            a, b = (_parse_simple_edtf(p, p[0]) for p in parts)
            return replace(_interval(a, b, s), written_as_edtf=True)
    if _EDTF_HINT.match(s) and not _YEAR_RANGE.match(s):
        return _parse_edtf_library(s)
    return None


def _parse_english(s: str, languages: tuple[str, ...]) -> HistoricalDate:
    approximate = uncertain = False
    while True:
        m = _APPROX_PREFIX.match(s)
        if m and m.end() < len(s):
            approximate, s = True, s[m.end():]
            continue
        m = _UNCERTAIN_PREFIX.match(s) or _LEADING_WORDS.match(s)
        if m:
            uncertain = uncertain or bool(_UNCERTAIN_PREFIX.match(s))
            s = s[m.end():]
            continue
        break
    if s.endswith("?"):
        uncertain, s = True, s[:-1].rstrip()
    s = _AD_PREFIX.sub("", s)
    date = _parse_core(s, languages)
    if approximate or uncertain:
        date = _qualified(date, approximate or date.approximate, uncertain or date.uncertain)
    return date


def _qualified(date: HistoricalDate, approximate: bool, uncertain: bool) -> HistoricalDate:
    q = "%" if approximate and uncertain else "~" if approximate else "?"
    if date.is_interval:
        edtf = "/".join(part.rstrip("~?%") + q for part in date.edtf.split("/"))
    else:
        edtf = date.edtf.rstrip("~?%") + q
    return replace(date, edtf=edtf, approximate=approximate, uncertain=uncertain,
                   outer_lower=None, outer_upper=None)


def _parse_core(s: str, languages: tuple[str, ...]) -> HistoricalDate:
    for pattern, build in _FAST_FORMS:
        m = pattern.match(s)
        if m:
            return build(m, s)
    for pattern in (_BETWEEN, _FROM_TO):
        m = pattern.match(s)
        if m:
            try:
                a = _parse_english(m["a"], languages)
                b = _parse_english(m["b"], languages)
            except DateParseError:
                break
            return _interval(a, b, s)
    if any(lang != "en" for lang in languages) and re.search(r"\d{3,4}", s):
        return _parse_with_dateparser(s, languages)
    raise DateParseError(f"could not read {s!r} as a date")


def _interval(a: HistoricalDate, b: HistoricalDate, text: str) -> HistoricalDate:
    order = "day month season year decade century".split()
    precision = max(a.precision, b.precision, key=order.index)
    edtf = f"{a.edtf.split('/')[0]}/{b.edtf.split('/')[-1]}"
    date = _date(a.lower, b.upper, precision, edtf, text)
    return replace(date, approximate=a.approximate or b.approximate,
                   uncertain=a.uncertain or b.uncertain, outer_lower=None, outer_upper=None)
