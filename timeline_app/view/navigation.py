"""Where the zoom buttons and event links move the timeline, in day numbers.

Pure arithmetic, so the Dash callbacks stay thin and this is tested alone.
"""

from __future__ import annotations

from ..data.catalog import Extent
from ..data.daycount import from_ordinal, to_ordinal

UNIT_YEARS = {"century": 100, "decade": 10, "year": 1}
EDGE = 0.02
"""Margin added each side of a window, so marks on its edges stay visible."""


def padded(start: int, end: int) -> tuple[int, int]:
    pad = max(1, round((end - start) * EDGE))
    return start - pad, end + pad


def unit_window(unit: str, day: int) -> tuple[int, int]:
    """The calendar century, decade or year holding ``day`` (e.g. the 1950s), padded.

    Windows follow astronomical years, so the BC decade holding 73 BC
    (year -72) is years -80..-71.
    """
    years = UNIT_YEARS[unit]
    first = from_ordinal(day)[0] // years * years
    return padded(to_ordinal((first, 1, 1)), to_ordinal((first + years, 1, 1)))


def focus_day(shown: tuple[int, int], selected: Extent | None) -> int:
    """What a zoom button zooms on: the selected event if it is in view, else the middle."""
    if selected is not None and shown[0] <= selected.middle <= shown[1]:
        return selected.middle
    return (shown[0] + shown[1]) // 2


def focus_range(shown: tuple[int, int], extent: Extent, only_if_hidden: bool = False) -> tuple[int, int]:
    """A range showing the event: centred on it at the current zoom, widened if it is longer.

    With ``only_if_hidden`` a visible event leaves the range as it is, so
    stepping through events with the keyboard does not jerk the view.
    """
    start, end = shown
    if only_if_hidden and start <= extent.start and extent.end <= end:
        return shown
    width = max(end - start, round((extent.outer_end - extent.outer_start) * (1 + 4 * EDGE)))
    low = extent.middle - width // 2
    return low, low + width
