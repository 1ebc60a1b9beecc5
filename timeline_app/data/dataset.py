"""The curated events dataset: loading and validating ``events/events.csv``.

One implementation serves the ``check`` command, the loader and the app, so
an editor sees the same message wherever a row goes wrong.  A row with an
error is reported and left off the timeline; a row with only warnings is
shown; good rows always load, whatever the rows around them hold.
"""

from __future__ import annotations

import calendar
import contextlib
import gc
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .categories import Category, load_categories
from .csvfile import Table, read_rows
from .dates import (
    HISTORY_LANGUAGES,
    DateParseError,
    HistoricalDate,
    describe,
    parse_date,
)
from .files import TIME_BUDGET_SECONDS, read_file
from .media import COLUMNS as MEDIA_COLUMNS
from .media import ImageRules, Media
from .periods import Period, check_periods
from .problems import CATEGORY_CUTOFF, CLOSE_NAMES, WARNING, Problem, close_matches, closest, did_you_mean, shown
from .sources import Article, read_sources

COLUMNS = ("id", "title", "start", "end", "category", "people", "place", "article", "quote",
           "description")
KNOWN_COLUMNS = (*COLUMNS, *MEDIA_COLUMNS)
"""Every column the loader reads: an events file is written with :data:`COLUMNS`, and with
the image's columns only when an event has an image."""
REQUIRED = ("id", "title", "start", "category")
"""Without these no row can be drawn.  ``article`` is expected too (a warning if absent)."""
LIST_SEPARATOR = ";"
"""Several people or places share one cell, separated by semicolons."""

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SPELT_OUT = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}$")  # spreadsheet-style 23/10/1956
_WORD = re.compile(r"[A-Za-z]+")
_DATE_WORDS = (*calendar.month_name[1:], "spring", "summer", "autumn", "winter", "century",
               "early", "late", "circa", "about", "between")


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    start: HistoricalDate
    end: HistoricalDate | None
    category: str
    people: tuple[str, ...]
    place: tuple[str, ...]
    article: str
    quote: str
    description: str
    line: int
    extra: tuple[tuple[str, str], ...] = ()
    """Columns the timeline does not use, as (column, value), kept for export."""
    media: Media | None = None
    """The event's image (``media``, ``media_alt``, ... columns), if any cell of it is filled."""

    def __init__(self, id: str, title: str, start: HistoricalDate, end: HistoricalDate | None,
                 category: str, people: tuple[str, ...], place: tuple[str, ...], article: str,
                 quote: str, description: str, line: int, extra: tuple[tuple[str, str], ...] = (),
                 media: Media | None = None):
        # Frozen, yet built with one store of all fields instead of the twelve
        # frozen __setattr__ calls dataclass would generate: those are a fifth
        # of the time it takes to load 100,000 events.
        object.__setattr__(self, "__dict__", {
            "id": id, "title": title, "start": start, "end": end, "category": category,
            "people": people, "place": place, "article": article, "quote": quote,
            "description": description, "line": line, "extra": extra,
            "media": media})

    @property
    def last(self) -> HistoricalDate:
        """The date the event ends in: its end, or its start for a point event."""
        return self.end or self.start

    @property
    def is_span(self) -> bool:
        return self.end is not None

    @property
    def date_label(self) -> str:
        """The dates as written: "1879-1953", "1980-81", "c. 1893"."""
        if self.end is None:
            return self.start.label
        return f"{self.start.label}–{self.end.label}"


@dataclass
class Dataset:
    events: list[Event]
    problems: list[Problem]
    articles: dict[str, Article] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    periods: tuple[Period, ...] = ()
    """The folder's named periods (periods.csv), checked; drawn as eras on request."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(filter(None, map(str.strip, cell.split(LIST_SEPARATOR)))) if cell else ()


def slugify(text: str) -> str:
    """An id from a title: lowercase ASCII letters and digits joined by single hyphens.

    Accents are dropped and the letters that have none spelt out, so
    "Solidarność" gives 'solidarnosc' and "Łódź" 'lodz'.
    """
    plain = unicodedata.normalize("NFKD", text.lower().translate(_SPELT_OUT))
    return _NOT_SLUG.sub("-", "".join(ch for ch in plain if not unicodedata.combining(ch))).strip("-")


Unchecked = Callable[[str], bool]
"""Whether an article id cannot be checked (its file is unreadable): events citing it are not blamed."""


def _checked(article_id: str) -> bool:
    return False


def load_events(path: Path | str, articles: dict[str, Article], categories: dict[str, Category],
                data: bytes | None = None, name: str | None = None, root: Path | str | None = None,
                unchecked: Unchecked = _checked, periods: tuple[Period, ...] = (),
                budget: float = TIME_BUDGET_SECONDS, images: ImageRules = ImageRules()
                ) -> tuple[list[Event], list[Problem]]:
    """Read and validate an events CSV (or its ``data``); the good events and every problem.

    ``root`` confines the file to a folder; ``budget`` (seconds) bounds the
    time it may take (see :func:`~timeline_app.data.csvfile.read_rows`).
    ``periods`` (the gazetteer) lets a start or end name a period; ``images``
    says where the events' images may come from.
    """
    with _collector_paused():
        table = read_rows(path, required=REQUIRED, known=KNOWN_COLUMNS, data=data, name=name, root=root,
                          budget=budget)
        if table.header and "article" not in table.header:
            table.report(table.header_line, "(header)",
                         "the header has no 'article' column, so no event links to its source",
                         "add an 'article' column naming each event's article", WARNING)
        return events_from_table(table, articles, categories, unchecked, periods, images)


@contextlib.contextmanager
def _collector_paused():
    """No cyclic garbage collection while a file loads.

    Loading allocates a few objects per cell and frees almost none, which
    makes Python's collector walk every object loaded so far again and again
    (a fifth of the time for 100,000 rows).  Rows hold no reference cycles,
    so nothing is lost by letting the collector resume afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def events_from_table(table: Table, articles: dict[str, Article], categories: dict[str, Category],
                      unchecked: Unchecked = _checked, periods: tuple[Period, ...] = (),
                      images: ImageRules = ImageRules()) -> tuple[list[Event], list[Problem]]:
    """Validate the rows of a table in the events layout (keys from :data:`KNOWN_COLUMNS`).

    Shared by :func:`load_events` and the TimelineJS import, whose table
    labels name the sheet's own columns ("Headline", "Year").
    """
    missing = [c for c in REQUIRED if c not in table.header]
    if missing and table.rows:
        first, last = table.rows[0][0], table.rows[-1][0]
        table.report(table.header_line, "(header)",
                     f"none of the {len(table.rows)} rows (lines {first}-{last}) can be shown "
                     f"without the column(s) {', '.join(missing)}", "add the missing column(s)")
    events: list[Event] = []
    if not missing:
        table.check_rows_read()
        rows = _RowChecker(table, articles, categories, unchecked, periods, images)
        for line, row in table.rows:
            if table.out_of_time(line):
                break
            if line not in table.bad_lines:
                event = rows.event(line, row)
                if event is not None:
                    events.append(event)
    return events, table.sorted_problems()


class _RowChecker:
    """Validates rows one by one, remembering ids, dates and suggestions across rows."""

    def __init__(self, table: Table, articles: dict[str, Article], categories: dict[str, Category],
                 unchecked: Unchecked, periods: tuple[Period, ...] = (),
                 images: ImageRules = ImageRules()):
        self.table = table
        self.images = images
        self.media_problems: dict[str, tuple[str, str] | None] = {}
        """Each image file looked at once per file (many events may show one portrait)."""
        self.periods = {name: p for p in periods for name in p.names}
        """A named period of the gazetteer reads as a date too, as the extractor reads it in text:
        its start in the start column, its end in the end column ("World War Two")."""
        self.articles = articles
        self.unchecked = unchecked
        self.categories = categories
        self.cites = "article" in table.header
        self.id_lines: dict[str, int] = {}
        self.dates: dict[str, HistoricalDate | DateParseError] = {}
        """Each distinct date text read once per file, failures included (they are the slow ones)."""
        self.dates_to_question: set[str] = set()
        """The texts in ``dates`` that need a problem on every row: failures, day-first-or-month-first."""
        self.hints: dict[tuple[str, str], str] = {}
        self.lists: dict[str, tuple[str, ...]] = {}
        """People and places recur from row to row: each cell is split once."""

    def event(self, line: int, row: dict[str, str]) -> Event | None:
        """The row's event, or None when an error keeps it off the timeline."""
        before = self.table.errors
        report = self.table.report
        event_id = row["id"]
        if not event_id:
            report(line, "id", "the id is empty",
                   "give the row a unique id such as 'hungary-1956-revolution'")
        elif event_id in self.id_lines:
            report(line, "id", f"the id '{event_id}' is already used on line {self.id_lines[event_id]}",
                   "give each row its own id, e.g. by adding the year")
        else:
            self.id_lines[event_id] = line
            if not _ID.match(event_id):
                report(line, "id", f"the id {shown(event_id)} is not lowercase letters, digits and hyphens",
                       f"write it as '{slugify(event_id)}'", WARNING)
        title = row["title"]
        if not title:
            report(line, "title", "the title is empty", "give the event a short title")
        start = self._date(line, row["start"], "start")
        end = self._date(line, row["end"], "end") if row.get("end") else None
        if start and end and end.upper < start.lower:
            report(line, "end", f"the end ({end.label}) is before the start ({start.label})",
                   "swap start and end, or correct the year")
        category = row["category"]
        if category not in self.categories:
            report(line, "category", f"unknown category {shown(category)}" if category
                   else "the category is empty", self._hint("category", category))
        article_id = row.get("article", "")
        quote = row.get("quote", "")
        article = self.articles.get(article_id)
        if article is not None:
            if not quote:
                report(line, "quote", "the quote is empty",
                       f"copy the words of sources/{article_id}.txt that date the event", WARNING)
            elif quote not in article.text:
                report(line, "quote", "the quote is not found word for word in the article",
                       _quote_hint(quote, article), WARNING)
        elif article_id and self.unchecked(article_id):
            pass  # the article's own problem says why it could not be read
        elif article_id:
            report(line, "article", f"unknown article {shown(article_id)}", self._hint("article", article_id))
        elif self.cites:
            report(line, "article", "the event cites no source article",
                   "write the id of the article it rests on: a file name in sources/ without '.txt'",
                   WARNING)
        if self.table.errors > before:
            return None
        extra = self.table.extra_columns
        return Event(
            id=event_id, title=title, start=start, end=end, category=category,
            people=self._list(row.get("people", "")), place=self._list(row.get("place", "")),
            article=article_id, quote=quote, description=row.get("description", ""), line=line,
            extra=tuple((c, row[c]) for c in extra) if extra else (), media=self._media(line, row),
        )

    def _media(self, line: int, row: dict[str, str]) -> Media | None:
        """The row's image, ``shown`` only when its file is good and it has alt text; a warning
        otherwise (the event stays on the timeline without it)."""
        src, alt, credit, caption = (row.get(c, "") for c in MEDIA_COLUMNS)
        if not (src or alt or credit or caption):
            return None
        report = self.table.report
        if not src:
            report(line, "media", "there is alt text, a credit or a caption but no image",
                   "write the image's file name (in events/media/) in media, or clear the other media cells",
                   WARNING)
            return Media(src, alt, credit, caption)
        if src not in self.media_problems:
            self.media_problems[src] = self.images.problem(src)
        problem = self.media_problems[src]
        if problem:
            report(line, "media", *problem, WARNING)
        if not alt:
            report(line, "media_alt", "the image has no alt text, so it is not shown",
                   "describe in a few words what the image shows, for readers who cannot see it", WARNING)
        return Media(src, alt, credit, caption, shown=not problem and bool(alt))

    def _list(self, cell: str) -> tuple[str, ...]:
        items = self.lists.get(cell)
        if items is None:
            items = self.lists[cell] = split_list(cell)
        return items

    def _date(self, line: int, text: str, column: str) -> HistoricalDate | None:
        period = self.periods.get(text)
        if period is not None:      # the gazetteer's periods are checked dates (check_periods)
            return parse_date(period.start if column == "start" else period.end, languages=HISTORY_LANGUAGES)
        date = self.dates.get(text)
        if date is not None and text not in self.dates_to_question:
            return date  # the common case: a good date seen before
        if not text:
            self.table.report(line, column, f"the {column} date is empty", "give at least a year, e.g. 1956")
            return None
        if date is None:
            try:
                date = parse_date(text, languages=HISTORY_LANGUAGES)
            except DateParseError as exc:
                date = exc
            self.dates[text] = date
            if isinstance(date, DateParseError) or (text[0].isdigit() and _DAY_MONTH_YEAR.match(text)):
                self.dates_to_question.add(text)
            else:
                return date
        if isinstance(date, DateParseError):
            self.table.report(line, column, str(date), self._hint("date", text))
            return None
        self.table.report(line, column, f"{shown(text)} can be read day-first or month-first; "
                          f"it was read as {describe(date)}",
                          f"write it as {date.edtf} (year-month-day)", WARNING)
        return date

    def _hint(self, column: str, value: str) -> str:
        """The fix for a bad date or an unknown category or article, worked out once per value."""
        key = (column, value)
        if key not in self.hints:
            if column == "date":
                error = self.dates[value]
                hint = _date_hint(value) or error.hint
            else:
                options = self.categories if column == "category" else self.articles
                close = (close_matches(value, options, CLOSE_NAMES, CATEGORY_CUTOFF) if column == "category"
                         else close_matches(value, options)) if value else []
                if close:
                    hint = did_you_mean(close)
                elif column == "category":
                    hint = f"use one of: {', '.join(options)} (or add the category to categories.csv)"
                else:
                    hint = "write the name of a file in sources/ without '.txt'"
            self.hints[key] = hint
        return self.hints[key]


def _date_hint(text: str) -> str:
    """'did you mean ...?' for a misspelt month or season, if the corrected date reads."""
    suggestion = text
    for word in _WORD.findall(text):
        close = closest(word, _DATE_WORDS) if len(word) > 2 else None
        if close and close.lower() != word.lower():
            suggestion = suggestion.replace(word, close)
    if suggestion == text:
        return ""
    try:
        parse_date(suggestion, languages=HISTORY_LANGUAGES)
    except DateParseError:
        return ""
    return f"did you mean '{suggestion}'?"


def _quote_hint(quote: str, article: Article) -> str:
    """Where the quote parts from the article, so the editor knows what to copy."""
    text = article.text
    if " ".join(quote.split()) in " ".join(text.split()):
        return "the words match but the spaces or line breaks differ: copy the quote from the article"
    low, high = 0, len(quote)  # longest prefix of the quote that the article contains
    while low < high:
        mid = (low + high + 1) // 2
        if quote[:mid] in text:
            low = mid
        else:
            high = mid - 1
    source = f"sources/{article.id}.txt"
    if low < 3:
        return f"copy the exact words from {source}"
    return (f"the article has {shown(quote[:low])} but then differs at {shown(quote[low:low + 20])}; "
            f"copy the exact words from {source}")


def load_dataset(folder: Path | str, events_file: Path | str | None = None,
                 names_as_given: bool = False, media_origins: tuple[str, ...] = ()) -> Dataset:
    """The whole dataset folder: categories, periods, source articles and events.

    Never raises for what an editor can get wrong: problems with any of the
    files (periods.csv included, when the folder has one) are in
    ``Dataset.problems``.  No file is read through a link leading out of
    the dataset folder (an events file kept elsewhere: out of its own
    folder).  Problems name the files relative to the dataset folder, as
    visitors may see them; ``names_as_given`` names them by the paths as
    given instead, for the editor at the terminal.  Events' images come
    from the folder's ``media/`` and from the web ``media_origins``.
    """
    folder = Path(folder)
    events_path = Path(events_file) if events_file else folder / "events.csv"
    events_root = folder if _inside(events_path, folder) else events_path.parent

    def shown_as(path: Path) -> str:
        return str(path) if names_as_given else visitor_name(folder, path)

    sources = read_sources(folder / "sources", root=folder, shown_as=shown_as(folder / "sources"))
    categories, problems = _confined(load_categories, folder / "categories.csv", shown_as, folder)
    periods: list[Period] = []
    if (folder / "periods.csv").exists():
        periods, period_problems = _confined(check_periods, folder / "periods.csv", shown_as, folder)
        problems += period_problems
    events, event_problems = load_events(events_path, sources.articles, categories, name=shown_as(events_path),
                                         root=events_root, unchecked=sources.unchecked, periods=tuple(periods),
                                         images=ImageRules(folder, media_origins))
    return Dataset(events=events, problems=sources.problems + problems + event_problems,
                   articles=sources.articles, categories=categories, periods=tuple(periods))


def visitor_name(folder: Path | str, path: Path | str) -> str:
    """How a file is named to visitors: relative to the dataset ``folder`` (``events.csv``,
    ``sources/lenin.txt``), or by its name alone when it lies elsewhere; never the server's path."""
    path = Path(path)
    return os.path.relpath(os.path.abspath(path), os.path.abspath(folder)) if _inside(path, folder) else path.name


def _inside(path: Path, folder: Path | str) -> bool:
    """Whether ``path`` is in ``folder`` as written (links are :func:`read_file`'s concern)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    return relative != os.pardir and not relative.startswith(os.pardir + os.sep)


def _confined(loader, path: Path, shown_as: Callable[[Path], str], root: Path):
    """``loader(path)`` for a file read by :func:`read_file` within ``root``: (loaded, problems)."""
    data, problem = read_file(path, shown_as(path), root)
    if problem:
        return {}, [problem]
    return loader(path, data=data, name=shown_as(path))
