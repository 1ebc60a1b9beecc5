"""The curated events dataset: loading and validating ``events/events.csv``.

One implementation serves the ``check`` command, the loader and the app, so
an editor sees the same message wherever a row goes wrong.  Bad rows are
reported as :class:`~timeline_app.problems.Problem` values and left off the
timeline; good rows always load.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .categories import Category, load_categories
from .csvfile import read_rows
from .dates import HISTORY_LANGUAGES, DateParseError, HistoricalDate, parse_date
from .problems import Problem
from .sources import Article, load_articles

COLUMNS = ("id", "title", "start", "end", "category", "people", "place", "article", "quote",
           "description")
REQUIRED = ("id", "title", "start", "category", "article")
LIST_SEPARATOR = ";"
"""Several people or places share one cell, separated by semicolons."""


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

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def _did_you_mean(value: str, options) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def load_events(path: Path | str, articles: dict[str, Article], categories: dict[str, Category],
                data: bytes | None = None, name: str | None = None) -> tuple[list[Event], list[Problem]]:
    """Read and validate an events CSV; return the good events and every problem."""
    table = read_rows(path, required=REQUIRED, known=COLUMNS, data=data, name=name)
    problems = list(table.problems)
    if any(c not in table.header for c in ("title", "start")):
        return [], problems
    events: list[Event] = []
    seen: dict[str, int] = {}
    for line, row in table.rows:
        row_problems: list[Problem] = []

        def report(column: str, message: str, hint: str = "", severity: str = "error") -> None:
            row_problems.append(Problem(table.path, line, column, message, hint, severity))

        event = _event_from_row(row, line, articles, categories, seen, report, table.extra_columns)
        problems.extend(row_problems)
        if event is not None and line not in table.bad_lines and not any(
                p.severity == "error" for p in row_problems):
            seen[event.id] = line
            events.append(event)
    return events, problems


def _parse(row: dict[str, str], column: str, report) -> HistoricalDate | None:
    try:
        return parse_date(row[column], languages=HISTORY_LANGUAGES)
    except DateParseError as exc:
        report(column, str(exc), exc.hint)
        return None


def _event_from_row(row, line, articles, categories, seen, report, extra_columns) -> Event | None:
    event_id = row.get("id", "")
    if not event_id:
        report("id", "the id is empty", "give the row a unique id such as 'hungary-1956-revolution'")
    elif event_id in seen:
        report("id", f"the id '{event_id}' is already used on line {seen[event_id]}",
               "give each row its own id, e.g. by adding the year")
    title = row.get("title", "")
    if not title:
        report("title", "the title is empty", "give the event a short title")
    start = end = None
    if not row.get("start"):
        report("start", "the start date is empty", "give at least a year, e.g. 1956")
    else:
        start = _parse(row, "start", report)
    if row.get("end"):
        end = _parse(row, "end", report)
    if start and end and end.upper < start.lower:
        report("end", f"the end ({end.label}) is before the start ({start.label})",
               "swap start and end, or correct the year")
    category = row.get("category", "")
    if category not in categories:
        suggestion = _did_you_mean(category, categories) or "use one of: " + ", ".join(categories)
        report("category", f"unknown category '{category}'" if category else "the category is empty",
               suggestion + " (categories are listed in categories.csv)")
    article_id = row.get("article", "")
    article = articles.get(article_id)
    if article is None:
        suggestion = _did_you_mean(article_id, articles) or "use the file name of an article in sources/"
        report("article", f"unknown article '{article_id}'" if article_id else "the article is empty",
               suggestion)
    quote = row.get("quote", "")
    if article is not None and quote and quote not in article.text:
        report("quote", "the quote is not found word for word in the article",
               f"copy the exact words from sources/{article_id}.txt", severity="warning")
    if not (event_id and title and start):
        return None
    return Event(
        id=event_id, title=title, start=start, end=end, category=category,
        people=split_list(row.get("people", "")), place=split_list(row.get("place", "")),
        article=article_id, quote=quote, description=row.get("description", ""), line=line,
        extra=tuple((c, row.get(c, "")) for c in extra_columns),
    )


def load_dataset(folder: Path | str, events_file: Path | str | None = None) -> Dataset:
    """The whole dataset folder: categories, source articles and events."""
    folder = Path(folder)
    articles = load_articles(folder / "sources")
    categories, problems = load_categories(folder / "categories.csv")
    events, event_problems = load_events(events_file or folder / "events.csv", articles, categories)
    return Dataset(events=events, problems=problems + event_problems,
                   articles=articles, categories=categories)
