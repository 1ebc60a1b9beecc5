"""The loaded dataset, indexed the way the app looks things up.

The browser knows events only by their position in :attr:`Catalog.events`
(sorted by date), so the server and the browser must agree on that order;
this module is where it is decided.  It also holds the lookups the app's
callbacks need (id -> position, events of an article or of a person) and each
event's extent as plain day numbers (:mod:`timeline_app.daycount`), the unit
of the timeline's x axis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .categories import Category
from .dataset import Dataset, Event
from .dates import parse_date
from .daycount import to_ordinal
from .sources import Article

LIFE_CATEGORY = "life"
"""Events of this category that have an end are lifespans, drawn on lanes of their own."""

MAX_LIFE_LANES = 12
"""More lanes than this would squeeze the other rows; later lives then share the freest lane."""

LANE_GAP_DAYS = 5 * 365
"""A life starts a lane only this long after the previous one there ended, leaving room for its name."""


@dataclass(frozen=True)
class Extent:
    """An event's stretch of time in day numbers, end exclusive.

    ``start``/``end`` cover what the date says (all of 1956 for "1956");
    ``outer_start``/``outer_end`` widen it for approximate or uncertain dates.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int

    @property
    def middle(self) -> int:
        return (self.start + self.end) // 2


def extent_of(event: Event) -> Extent:
    last = event.last
    return Extent(start=to_ordinal(event.start.lower), end=to_ordinal(last.upper) + 1,
                  outer_start=to_ordinal(event.start.outer_lower),
                  outer_end=to_ordinal(last.outer_upper) + 1)


def is_life(event: Event) -> bool:
    return event.category == LIFE_CATEGORY and event.is_span


def is_fuzzy(event: Event) -> bool:
    """Approximate or uncertain at either end: drawn hollow, with whiskers."""
    return any(d is not None and (d.approximate or d.uncertain) for d in (event.start, event.end))


@dataclass
class Catalog:
    events: list[Event]
    extents: list[Extent]
    categories: dict[str, Category]
    articles: dict[str, Article]
    index: dict[str, int] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    lanes: dict[int, int] = field(default_factory=dict)
    """Position of each life -> its lane (0 = top)."""
    by_article: dict[str, list[int]] = field(default_factory=dict)
    by_person: dict[str, list[int]] = field(default_factory=dict)
    eras: list[tuple[str, int, int]] = field(default_factory=list)
    """The named periods as (name, first day, day after the last), by start: the era bands."""

    def __len__(self) -> int:
        return len(self.events)

    def find(self, event_id: str | None) -> int | None:
        return self.index.get(event_id) if event_id else None

    @property
    def span(self) -> tuple[int, int]:
        """First and last day (exclusive) any event reaches, whiskers included."""
        if not self.extents:
            today = to_ordinal((2000, 1, 1))
            return today - 365 * 50, today + 365 * 50
        return (min(x.outer_start for x in self.extents), max(x.outer_end for x in self.extents))


def build_catalog(dataset: Dataset) -> Catalog:
    """Sort the events by date and build every lookup the app uses."""
    extents = {e.id: extent_of(e) for e in dataset.events}
    events = sorted(dataset.events, key=lambda e: (extents[e.id].start, extents[e.id].end,
                                                   e.title, e.id))
    catalog = Catalog(events=events, extents=[extents[e.id] for e in events],
                      categories=dataset.categories, articles=dataset.articles)
    catalog.index = {e.id: i for i, e in enumerate(events)}
    catalog.people = sorted({p for e in events for p in e.people}, key=str.casefold)
    catalog.places = sorted({p for e in events for p in e.place}, key=str.casefold)
    for i, event in enumerate(events):
        catalog.by_article.setdefault(event.article, []).append(i)
        for person in event.people:
            catalog.by_person.setdefault(person, []).append(i)
    catalog.eras = eras_of(dataset.periods)
    catalog.lanes = pack_lanes([(i, catalog.extents[i]) for i, e in enumerate(events) if is_life(e)])
    return catalog


def eras_of(periods) -> list[tuple[str, int, int]]:
    """(name, first day, day after the last) of each period, by start; an approximate end
    ("1500~") is taken at its plain value, as the gazetteer gives it."""
    eras = []
    for period in periods:
        first = parse_date(period.start)
        last = parse_date(period.end) if period.end.strip() else first
        eras.append((period.name, to_ordinal(first.lower), to_ordinal(last.upper) + 1))
    return sorted(eras, key=lambda era: (era[1], era[2], era[0]))


def pack_lanes(lives: list[tuple[int, Extent]]) -> dict[int, int]:
    """Greedy interval packing: each life takes the first lane free by its start.

    Lives that do not overlap share a lane, so a hundred people who lived in
    different centuries need few lanes.  Past :data:`MAX_LIFE_LANES` a life
    goes to the lane that frees up first and may overlap there (the label
    placer in the browser keeps their names apart).
    """
    lane_end: list[int] = []
    lanes: dict[int, int] = {}
    for position, extent in sorted(lives, key=lambda item: item[1].start):
        free = next((n for n, end in enumerate(lane_end) if end + LANE_GAP_DAYS <= extent.start), None)
        if free is None and len(lane_end) < MAX_LIFE_LANES:
            lane_end.append(extent.end)
            free = len(lane_end) - 1
        elif free is None:
            free = min(range(len(lane_end)), key=lane_end.__getitem__)
        lane_end[free] = max(lane_end[free], extent.end)
        lanes[position] = free
    return lanes
