"""Give relative expressions their values: against the text's reference time or the document date.

The reference time moves with the text (HeidelTime's "narratives"): it is
the latest earlier date of the precision an expression needs, explicit or
itself resolved.  "The next day" needs a day, so in "28 June 1956 ... in
May ... the next day" it counts from 28 June; "two years later" needs only
a year.  A document date (a news report's day) is the base of "yesterday",
"last year", "on Friday"; it is also the base of a month or season named
without a year when there is one (news speak of their own year), with the
tense of the sentence choosing between this year and last: "adopted on 2
August" in a February report is last August, "will meet in March" the
coming one.  Without a base there is no value: the caller reports the
expression with none rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.daycount import Day, from_ordinal, is_valid_day, to_ordinal
from . import vocabulary as v
from .relative import DOC, EITHER, REF, Relative

_EDTF_POINT = re.compile(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[~?]*")


@dataclass(frozen=True)
class Point:
    """A date of year, month or day precision that later expressions can lean on."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Anchor:
    point: Point
    expression: str
    start: int


def point_of(edtf: str) -> Point | None:
    """The anchor an EDTF value gives: '1956-10-23', '1956-10', '-0055', '1917-22' (a year).

    Intervals, decades and centuries anchor nothing: "two years later"
    after "the 1960s" has no year to count from.
    """
    m = _EDTF_POINT.fullmatch(edtf)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None or int(month) > 12:
        return Point(year)
    return Point(year, int(month), int(day) if day else None)


def year_text(year: int) -> str:
    """EDTF year: four digits, astronomical, '-0055' for 56 BC."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def day_text(day: Day) -> str:
    y, m, d = day
    return f"{year_text(y)}-{m:02d}-{d:02d}"


class Reference:
    """The latest anchor of each precision seen so far in a text."""

    def __init__(self) -> None:
        self.year: Anchor | None = None
        self.month: Anchor | None = None
        self.day: Anchor | None = None

    def see(self, edtf: str, expression: str, start: int) -> None:
        point = point_of(edtf)
        if point is None:
            return
        anchor = Anchor(point, expression, start)
        self.year = anchor
        if point.month is not None:
            self.month = anchor
        if point.day is not None:
            self.day = anchor

    def needed(self, rel: Relative) -> Anchor | None:
        """The anchor of the precision ``rel`` counts from."""
        fixed = rel.month is not None or rel.season is not None
        if rel.unit in ("day", "week") and not fixed:
            return self.day
        if rel.unit == "month" and not fixed:
            return self.month
        return self.year


@dataclass(frozen=True)
class Resolved:
    edtf: str
    anchor: str
    """The anchoring expression, 'date:' for the document date, '' for none."""
    anchor_start: int
    """Offset of the anchoring expression (-1 for the document date or none)."""


DOCUMENT_ANCHOR = "date:"


def resolve_relative(rel: Relative, reference: Reference, document: Day | None,
                     future: bool) -> Resolved | None:
    """The value of ``rel``, or None when it has no base in this text."""
    if rel.year is not None:          # "Christmas Day 1921": its own year
        edtf = _from_point(rel, Point(rel.year))
        return None if edtf is None else Resolved(edtf, "", -1)
    base = rel.base
    if base == EITHER:
        base = DOC if document else REF
    anchor = reference.needed(rel) if base == REF else None
    if base == REF and anchor is None and document is not None:
        base = DOC
    if base == DOC:
        if document is None:
            return None
        edtf = _from_document(rel, document, future)
        return None if edtf is None else Resolved(edtf, DOCUMENT_ANCHOR, -1)
    if anchor is None:
        return None
    edtf = _from_point(rel, anchor.point)
    return None if edtf is None else Resolved(edtf, anchor.expression, anchor.start)


def _from_point(rel: Relative, p: Point) -> str | None:
    if rel.unit == "year":
        return year_text(p.year + rel.shift)
    if rel.unit == "season":
        if not rel.follows:
            return f"{year_text(p.year + rel.shift)}-{rel.season}"
        if rel.shift > 0:          # "the following spring": the first after the reference
            year = p.year + (p.month is None or p.month >= v.SEASON_START_MONTH[rel.season])
        else:                      # "the previous winter": the last one ended before it
            year = p.year - (p.month is None or p.month <= v.SEASON_END_MONTH[rel.season])
        return f"{year_text(year)}-{rel.season}"
    if rel.unit == "month":
        if rel.month is not None:
            return f"{year_text(p.year + rel.shift)}-{rel.month:02d}"
        index = p.year * 12 + (p.month - 1) + rel.shift
        return f"{year_text(index // 12)}-{index % 12 + 1:02d}"
    if rel.unit == "day":
        if rel.month is not None:
            day = (p.year + rel.shift, rel.month, rel.day)
            return day_text(day) if is_valid_day(*day) else None
        return day_text(from_ordinal(to_ordinal((p.year, p.month, p.day)) + rel.shift))
    if rel.unit == "week":
        return _week(to_ordinal((p.year, p.month, p.day)), rel.shift)
    return None


def _week(ordinal: int, shift: int) -> str:
    """The Monday-Sunday week ``shift`` weeks from the one holding ``ordinal``, as an EDTF interval."""
    monday = ordinal - _weekday(ordinal) + 7 * shift
    return f"{day_text(from_ordinal(monday))}/{day_text(from_ordinal(monday + 6))}"


def _weekday(ordinal: int) -> int:
    """Monday 0 ... Sunday 6 (1970-01-01, ordinal 0, was a Thursday)."""
    return (ordinal + 3) % 7


def _from_document(rel: Relative, doc: Day, future: bool) -> str | None:
    year, month, _ = doc
    today = to_ordinal(doc)
    if rel.unit == "weekday":
        delta = (rel.weekday - _weekday(today)) % 7
        return day_text(from_ordinal(today + (delta or 7) if future else today - ((-delta) % 7 or 7)))
    if rel.unit == "weekend":
        saturday = today + (5 - _weekday(today)) % 7 if future or rel.shift > 0 \
            else today - ((_weekday(today) - 5) % 7 or 7)
        saturday += 7 * max(rel.shift - 1, 0) if rel.shift > 0 else 0
        return f"{day_text(from_ordinal(saturday))}/{day_text(from_ordinal(saturday + 1))}"
    if rel.unit == "week":
        return _week(today, rel.shift)
    if rel.unit == "year":
        return year_text(year + rel.shift)
    if rel.unit == "season":
        if rel.base == EITHER:          # "the summer" in a report: this year's or last year's
            year = _this_or_last(year, month, v.SEASON_START_MONTH[rel.season], future)
        return f"{year_text(year + rel.shift)}-{rel.season}"
    if rel.unit == "month":
        if rel.month is None:
            index = year * 12 + (month - 1) + rel.shift
            return f"{year_text(index // 12)}-{index % 12 + 1:02d}"
        if rel.follows:       # "last November": the latest before; "next March": the first after
            target = year + (rel.shift if (rel.month >= month if rel.shift < 0 else rel.month <= month) else 0)
            return f"{year_text(target)}-{rel.month:02d}"
        return f"{year_text(_this_or_last(year, month, rel.month, future))}-{rel.month:02d}"
    if rel.unit == "day":
        if rel.month is None:
            return day_text(from_ordinal(today + rel.shift))
        target = year + rel.shift if rel.base == DOC else _this_or_last(year, month, rel.month, future)
        day = (target, rel.month, rel.day)
        return day_text(day) if is_valid_day(*day) else None
    return None


def _this_or_last(year: int, month: int, named: int, future: bool) -> int:
    """A month named without a year in a report: this year's, unless it is still to come and the
    sentence speaks of the past ('adopted on 2 August' in February is last August)."""
    return year - 1 if named > month and not future else year


def speaks_of_future(sentence_before: str) -> bool:
    """Does the clause before an expression point forward ('will visit ... on', 'by')?"""
    words = re.findall(r"[\w']+", sentence_before.lower())
    return bool(words) and (words[-1] == "by" or any(w in v.FUTURE_MARKERS for w in words))

