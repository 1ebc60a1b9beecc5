"""Which dated mentions of an article are on the timeline, and which are not.

An event covers a mention when its quote, found in the event's article,
contains the mention: the same words at the same place (the third "1956" of
an article is not covered by a quote around the first).  An editor who
judges that a mention does not date a happening ("since the 1860s",
"historians since the 1980s") lists it in ``events/not-events.csv``
(article, mention, reason), and it counts as marked instead of missing.  The
``mention`` cell follows the same rule as a quote: any occurrence of its
words that contains the date marks it, so "by 1912" marks the "1912" inside
it.

``check --coverage`` prints this per article; ``propose`` drafts events for
the missing mentions only.  No Dash imports.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..data.csvfile import read_rows
from ..data.dataset import Dataset
from ..data.periods import Period
from ..data.problems import WARNING, Problem
from ..data.sources import Article
from .extractor import Mention, extract_article

NOT_EVENTS_FILE = "not-events.csv"
_NEWLINE = re.compile("\n")
NOT_EVENT_COLUMNS = ("article", "mention", "reason")


@dataclass(frozen=True)
class NotEvent:
    """A date mention an editor has judged not to be an event."""

    article: str
    mention: str
    reason: str
    line: int


def load_not_events(path: Path | str, articles: dict[str, Article]) -> tuple[list[NotEvent], list[Problem]]:
    """The marks of ``not-events.csv`` and every problem with them; no file is no marks."""
    if not Path(path).exists():
        return [], []
    table = read_rows(path, required=NOT_EVENT_COLUMNS, known=NOT_EVENT_COLUMNS)
    marks = []
    if any(c not in table.header for c in NOT_EVENT_COLUMNS):
        return marks, table.problems
    for line, row in table.rows:
        if line in table.bad_lines:
            continue
        article = articles.get(row["article"])
        if article is None:
            table.report(line, "article", f"unknown article '{row['article']}'",
                         "write the id of an article: a file name in sources/ without '.txt'")
            continue
        if not row["mention"] or row["mention"] not in article.text:
            table.report(line, "mention", "the mention is not found word for word in the article",
                         f"copy the date and a few words around it from sources/{article.id}.txt")
            continue
        if not row["reason"]:
            table.report(line, "reason", "the reason is empty",
                         "say in a few words why the date is not an event, e.g. 'historiography'", WARNING)
        marks.append(NotEvent(article.id, row["mention"], row["reason"], line))
    return marks, table.problems


def occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``words`` in ``text``, overlapping ones included."""
    spans = []
    at = text.find(words) if words else -1
    while at >= 0:
        spans.append((at, at + len(words)))
        at = text.find(words, at + 1)
    return spans


def _inside(spans: Iterable[tuple[int, int]], mention: Mention) -> bool:
    return any(a <= mention.char_start and mention.char_end <= b for a, b in spans)


@dataclass(frozen=True)
class MentionCoverage:
    """One mention and what covers it: event ids, a not-event reason, or nothing."""

    mention: Mention
    line: int
    events: tuple[str, ...] = ()
    reason: str = ""

    @property
    def missing(self) -> bool:
        return not self.events and not self.reason


@dataclass
class ArticleCoverage:
    article: Article
    mentions: list[MentionCoverage] = field(default_factory=list)

    @property
    def covered(self) -> list[MentionCoverage]:
        return [m for m in self.mentions if m.events]

    @property
    def marked(self) -> list[MentionCoverage]:
        return [m for m in self.mentions if not m.events and m.reason]

    @property
    def missing(self) -> list[MentionCoverage]:
        return [m for m in self.mentions if m.missing]

    @property
    def percent(self) -> float:
        """Covered or marked, of all mentions (100 for an article without dates)."""
        if not self.mentions:
            return 100.0
        return 100.0 * (len(self.mentions) - len(self.missing)) / len(self.mentions)


def article_coverage(article: Article, mentions: Iterable[Mention], quotes: Iterable[tuple[str, str]],
                     not_events: Iterable[NotEvent]) -> ArticleCoverage:
    """Coverage of one article; ``quotes`` are (event id, quote) of the events citing it."""
    text = article.text
    quote_spans = [(event_id, occurrences(text, quote)) for event_id, quote in quotes if quote]
    mark_spans = [(mark.reason or "not an event", occurrences(text, mark.mention))
                  for mark in not_events if mark.article == article.id]
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    result = ArticleCoverage(article)
    for mention in mentions:
        events = tuple(event_id for event_id, spans in quote_spans if _inside(spans, mention))
        reason = next((why for why, spans in mark_spans if _inside(spans, mention)), "")
        line = bisect.bisect_right(line_starts, mention.char_start)
        result.mentions.append(MentionCoverage(mention, line, events, reason))
    return result


def dataset_coverage(dataset: Dataset, folder: Path | str,
                     periods: Sequence[Period] = ()) -> tuple[list[ArticleCoverage], list[Problem]]:
    """Coverage of every article of ``dataset``, and the problems of its ``not-events.csv``."""
    not_events, problems = load_not_events(Path(folder) / NOT_EVENTS_FILE, dataset.articles)
    quotes: dict[str, list[tuple[str, str]]] = {}
    for e in dataset.events:
        quotes.setdefault(e.article, []).append((e.id, e.quote))
    periods = tuple(periods)
    return [article_coverage(a, extract_article(a.id, a.text, periods, title=a.title),
                             quotes.get(a.id, ()), not_events)
            for a in dataset.articles.values()], problems
