"""Proleptic Gregorian day arithmetic for any astronomical year.

``datetime`` stops at year 1 and pandas timestamps at 1677, but the timeline
reaches back to 73 BC and beyond.  These few functions give every day a plain
integer (days since 1970-01-01, negative before it) so dates of any era can be
ordered, padded and measured with ordinary integer maths.  Years are
astronomical: 1 BC is year 0, 73 BC is year -72.

The day-number conversions follow the well-known civil-calendar algorithm
published by Howard Hinnant (public domain description of the maths).
"""

from __future__ import annotations

Day = tuple[int, int, int]
"""(astronomical year, month 1-12, day 1-31)."""

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    """Gregorian leap-year rule, extended to year 0 and below."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def is_valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def to_ordinal(day: Day) -> int:
    """Days since 1970-01-01 for a (year, month, day) of any era."""
    y, m, d = day
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def from_ordinal(n: int) -> Day:
    """Inverse of :func:`to_ordinal`."""
    n += 719468
    era = n // 146097
    doe = n - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return (yoe + era * 400 + (m <= 2), m, d)


def add_months(day: Day, months: int) -> Day:
    """Shift by whole months, clamping the day to the target month's length."""
    y, m, d = day
    index = y * 12 + (m - 1) + months
    y, m = divmod(index, 12)
    m += 1
    return (y, m, min(d, days_in_month(y, m)))


def end_of_month(year: int, month: int) -> Day:
    return (year, month, days_in_month(year, month))
