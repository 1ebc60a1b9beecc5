"""The reader's view as a URL query, so a copied link reopens the same view.

``?from=1900&to=1960&cat=strike,uprising&person=Joseph+Stalin&place=Russia&q=war&event=stalin-life``

* ``from``/``to``: the visible range, as a year ("1956", "73BC"), a month
  ("1956-10") or a day ("1956-10-23", "-0072-03-15" in astronomical years).
  Absent: fit every event that passes the filters.
* ``cat``: comma-separated category names; absent means all.
* ``person``/``place``: repeated, one name each.
* ``q``: free-text search.  ``event``: the selected event's id.
* ``article``: only the events of that source article (the article index opens one so).
* ``proposed``: ``1`` draws the rows ``propose`` drafts for the articles'
  uncovered dates, ``0`` hides them; absent, the page decides (on in the
  editor's view, off for readers: assets/timeline-proposed.js).

Parsing never fails: a value that is malformed or unknown to the dataset
falls back to its default on its own, so a mangled link still opens the
timeline (with whatever parts of it were right) and never an error page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from ..data.daycount import from_ordinal, is_valid_day, to_ordinal

MAX_QUERY_LENGTH = 200
MAX_LESSON = 100
MIN_YEAR, MAX_YEAR = -9999, 9999

_BC = re.compile(r"([0-9]{1,4})\s*BC", re.IGNORECASE)
_ISO = re.compile(r"(-?[0-9]{1,4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Vocabulary:
    """The names a URL may use; anything else in it is dropped."""

    categories: tuple[str, ...] = ()
    people: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ViewState:
    """What the reader sees: range, filters and the selected event.

    ``start``/``end`` are day numbers of the visible range (end > start);
    ``None`` for both means "fit what the filters show".  ``categories``
    ``None`` means every category.
    """

    start: int | None = None
    end: int | None = None
    categories: tuple[str, ...] | None = None
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    query: str = ""
    event: str | None = None
    article: str | None = None
    """Only the events of this source article (``article=ID``): the article the index opened."""
    present: bool = False
    """Presentation mode (``present=1``, :mod:`timeline_app.presentation`)."""
    lesson: tuple[str, ...] = ()
    """A teacher's sequence of event ids (``lesson=id1,id2``), in the teacher's order."""
    eras: bool = False
    """The named periods drawn as bands behind the rows (``eras=1``, assets/timeline-eras.js)."""
    proposed: bool | None = None
    """The proposed rows drawn (``proposed=1``) or not (``0``); None: the page's default."""

    def with_range(self, start: int | None, end: int | None) -> ViewState:
        if start is None or end is None or not start < end:
            return replace(self, start=None, end=None)
        return replace(self, start=start, end=end)


DEFAULT = ViewState()


def parse_day(text: str) -> int | None:
    """A day number from "1956", "1956-10", "1956-10-23", "73BC" or "-0072-03-15"; else None."""
    text = text.strip()
    if m := _BC.fullmatch(text):
        year, month, day = 1 - int(m.group(1)), 1, 1
        if year > 0:
            return None
    elif m := _ISO.fullmatch(text):
        year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    else:
        return None
    if not MIN_YEAR <= year <= MAX_YEAR or not is_valid_day(year, month, day):
        return None
    return to_ordinal((year, month, day))


def format_day(day: int) -> str:
    """The shortest of :func:`parse_day`'s forms that names ``day`` exactly.

    "1956" for 1 January 1956, "73BC" for 1 January 73 BC, "1956-10" for
    1 October, else the full day ("-0072-03-15" in astronomical years).
    """
    year, month, dom = from_ordinal(day)
    if month == 1 and dom == 1:
        return f"{1 - year}BC" if year <= 0 else str(year)
    head = f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}"
    return head if dom == 1 else f"{head}-{dom:02d}"


def round_day(day: int, unit: str) -> int:
    """The ``unit`` boundary (start of a year, month or day) nearest to ``day``."""
    if unit == "day":
        return day
    year, month, _ = from_ordinal(day)
    if unit == "year":
        lower, upper = to_ordinal((year, 1, 1)), to_ordinal((year + 1, 1, 1))
    else:
        lower = to_ordinal((year, month, 1))
        upper = to_ordinal((year + (month == 12), month % 12 + 1, 1))
    return lower if day - lower <= upper - day else upper


def range_unit(width_days: int) -> str:
    """Coarsest unit that moves a range's edges by under 1% of its width."""
    if width_days >= 100 * 365:
        return "year"
    if width_days >= 8 * 365:
        return "month"
    return "day"


def _first(values: dict[str, list[str]], key: str) -> str:
    found = values.get(key)
    return found[0] if found else ""


def _known(values: list[str], known) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if value in known:
            seen.setdefault(value)
    return tuple(seen)


def parse_query(search: str | None, vocabulary: Vocabulary) -> ViewState:
    """The view a URL query describes; every bad or unknown part -> its default."""
    try:
        values = parse_qs((search or "").lstrip("?"), keep_blank_values=False, max_num_fields=200)
    except ValueError:
        return DEFAULT
    start, end = parse_day(_first(values, "from")), parse_day(_first(values, "to"))
    wanted = {c.strip() for value in values.get("cat", []) for c in value.split(",")}
    categories = tuple(c for c in vocabulary.categories if c in wanted)
    query = _CONTROL.sub(" ", _first(values, "q")).strip()[:MAX_QUERY_LENGTH]
    event = _first(values, "event").strip()
    article = _first(values, "article").strip()
    return ViewState(
        categories=categories if categories and len(categories) < len(vocabulary.categories) else None,
        people=_known(values.get("person", []), vocabulary.people),
        places=_known(values.get("place", []), vocabulary.places),
        query=query,
        event=event if event in vocabulary.events else None,
        article=article if article in vocabulary.articles else None,
        present=_first(values, "present").strip() == "1",
        lesson=_known([i for value in values.get("lesson", []) for i in value.split(",")],
                      vocabulary.events)[:MAX_LESSON],
        eras=_first(values, "eras").strip() == "1",
        proposed={"1": True, "0": False}.get(_first(values, "proposed").strip()),
    ).with_range(start, end)


def to_query(state: ViewState) -> str:
    """The URL query of a view: "" for the default view, else "?from=...".

    The range is written to the coarsest unit that keeps it within 1% (and
    never empty), so zooming gives links like ``?from=1903&to=1962``.
    """
    pairs: list[tuple[str, str]] = []
    if state.start is not None and state.end is not None:
        start, end = _rounded(state.start, state.end)
        pairs += [("from", format_day(start)), ("to", format_day(end))]
    if state.categories is not None:
        pairs.append(("cat", ",".join(state.categories)))
    pairs += [("person", p) for p in state.people]
    pairs += [("place", p) for p in state.places]
    if state.query:
        pairs.append(("q", state.query))
    if state.article:
        pairs.append(("article", state.article))
    if state.event:
        pairs.append(("event", state.event))
    if state.lesson:
        pairs.append(("lesson", ",".join(state.lesson)))
    if state.present:
        pairs.append(("present", "1"))
    if state.eras:
        pairs.append(("eras", "1"))
    if state.proposed is not None:
        pairs.append(("proposed", "1" if state.proposed else "0"))
    return "?" + urlencode(pairs) if pairs else ""


def canonical(state: ViewState) -> ViewState:
    """``state`` as its URL would reopen it (the range rounded like :func:`to_query`)."""
    if state.start is None or state.end is None:
        return state
    start, end = _rounded(state.start, state.end)
    return replace(state, start=start, end=end)


def _rounded(start: int, end: int) -> tuple[int, int]:
    for unit in (range_unit(end - start), "month", "day"):
        low, high = round_day(start, unit), round_day(end, unit)
        if low < high:
            return low, high
    return start, end


def store_data(state: ViewState) -> dict:
    """The view as the JSON the browser's ``view`` store holds."""
    return {"x0": state.start, "x1": state.end,
            "cat": list(state.categories) if state.categories is not None else None,
            "person": list(state.people), "place": list(state.places), "q": state.query,
            "article": state.article, "event": state.event, "present": state.present, "lesson": list(state.lesson),
            "eras": state.eras, "proposed": state.proposed}


def from_store(data: dict | None) -> ViewState:
    """Inverse of :func:`store_data`, tolerant of a missing or partial store."""
    data = data if isinstance(data, dict) else {}

    def day(key: str) -> int | None:
        value = data.get(key)
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    cat = data.get("cat")
    return ViewState(
        categories=tuple(str(c) for c in cat) if isinstance(cat, list) else None,
        people=tuple(str(p) for p in data.get("person") or ()),
        places=tuple(str(p) for p in data.get("place") or ()),
        query=str(data.get("q") or ""),
        event=str(data["event"]) if data.get("event") else None,
        article=str(data["article"]) if data.get("article") else None,
        present=data.get("present") is True,
        lesson=tuple(str(i) for i in data.get("lesson") or () if isinstance(i, str))[:MAX_LESSON],
        eras=data.get("eras") is True,
        proposed=data.get("proposed") if isinstance(data.get("proposed"), bool) else None,
    ).with_range(day("x0"), day("x1"))
