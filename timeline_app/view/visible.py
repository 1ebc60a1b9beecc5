"""Which events a view shows: the one Python rule of "in view", the browser's twin.

The table, the exports, the printed handout's list (``web/classroom/``) and
the view callback (a selected event the filters hide is deselected) ask it.
It follows the browser's rules (``assets/timeline-data.js``, pinned by
tests/test_js.py): a filter facet passes an event when it names one of its
values, the search text is looked for in "title people places date", a span
is in view when it overlaps the range and a point when its middle lies in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..data.catalog import Catalog
from .url_state import ViewState, from_store


class VisibleEvents:
    """Which events a view shows, computed the way the browser draws them."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._haystack: list[str] | None = None

    def haystack(self) -> list[str]:
        """Lower-case "title people places date" per event, built on first use (one catalog per version)."""
        if self._haystack is None:
            self._haystack = [" ".join((e.title, " ".join(e.people), " ".join(e.place), e.date_label)).lower()
                              for e in self.catalog.events]
        return self._haystack

    def passing(self, state: ViewState) -> list[int]:
        """Positions (date order) of the events the filters let through."""
        passes = self.passes(state)
        return [i for i in range(len(self.catalog.events)) if passes(i)]

    def passes(self, state: ViewState) -> Callable[[int], bool]:
        """Whether the filters let the event at a position through (the view callback asks it of
        the selected event: one the filters hide is deselected, web/callbacks.py)."""
        events = self.catalog.events
        tests = []
        if state.categories is not None:
            categories = set(state.categories)
            tests.append(lambda i: events[i].category in categories)
        if state.people:
            people = set(state.people)
            tests.append(lambda i: not people.isdisjoint(events[i].people))
        if state.places:
            places = set(state.places)
            tests.append(lambda i: not places.isdisjoint(events[i].place))
        if state.article:
            tests.append(lambda i: events[i].article == state.article)
        query = state.query.strip().lower()
        if query:
            hay = self.haystack()
            tests.append(lambda i: query in hay[i])
        return lambda i: all(test(i) for test in tests)

    def in_range(self, positions: Sequence[int], shown: tuple[float, float] | None) -> list[int]:
        if shown is None:
            return list(positions)
        low, high = shown
        events, extents = self.catalog.events, self.catalog.extents
        kept = []
        for i in positions:
            x = extents[i]
            if events[i].is_span:
                if x.end >= low and x.start <= high:
                    kept.append(i)
            elif low <= (x.start + x.end) / 2 <= high:
                kept.append(i)
        return kept

    def __call__(self, view, shown_range) -> list[int]:
        state = from_store(view)
        return self.in_range(self.passing(state), shown_bounds(shown_range, state))


def shown_bounds(shown_range, state: ViewState) -> tuple[float, float] | None:
    """The range on screen: the browser's report, else the view's; None for "everything"."""
    if isinstance(shown_range, (list, tuple)) and len(shown_range) == 2:
        try:
            low, high = float(shown_range[0]), float(shown_range[1])
        except (TypeError, ValueError):
            low = high = None
        if low is not None and low < high:
            return low, high
    if state.start is not None and state.end is not None:
        return float(state.start), float(state.end)
    return None
