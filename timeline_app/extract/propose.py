"""Draft event rows for the dated mentions of an article that no event covers yet.

The parsing drafts and the editor curates: for every date mention the
extractor finds and no event's quote contains (see :mod:`.coverage`),
``python -m timeline_app propose`` writes one row in the events.csv columns:

* ``start``/``end`` from the mention's EDTF value (a span is split in two);
* ``quote``: the shortest clause around the date that reads on its own
  (:func:`.clauses.clause_span`), copied exactly;
* ``title``: that clause without its date, at most 70 characters;
* ``category``: the category whose cue words (``categories.csv``, column
  ``cues``) weigh most in the clause; a cue of several words weighs as many,
  a tie goes to the cue nearest the date, and a clause without cues gets the
  dataset's commonest category;
* ``people``: names the dataset already has, the article's subject ("Who was
  Rosa Luxemburg?", or the person whose lifespan opens the article) when
  the clause names them or says "she"/"he", and names given a lifespan;
* ``place``: places the dataset already has, and those of ``places.csv``;
* a lifespan after a name, "Eleanor Marx (1855-1898)", is a life event.

Mentions are not proposed when an editor marked them in ``not-events.csv``,
when they stand in the article's title line, or when the words just before
them are a cue of ``not-event-cues.csv`` ("since the 1860s", "as early as
the 1840s": how long something lasted, not a happening).

Everything is read from data files, so editors extend it without touching
code.  No Dash imports.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..data.categories import Category
from ..data.csvfile import read_rows
from ..data.dataset import COLUMNS, LIST_SEPARATOR, Dataset, Event, load_dataset, slugify
from ..data.problems import Problem
from ..data.sources import Article, read_article_file, read_sources
from ..data.validate import load_upload
from .clauses import clause_span, draft_title, sentence_span
from .coverage import NOT_EVENTS_FILE, ArticleCoverage, NotEvent, article_coverage, load_not_events
from .extractor import Mention, _sentence_bounds, extract_article
from .phrases import Found, PhraseIndex, Words, found_between, words_of

PLACES_FILE = "places.csv"
PLACE_COLUMNS = ("name", "aliases")
NOT_EVENT_CUES_FILE = "not-event-cues.csv"
NOT_EVENT_CUE_COLUMNS = ("cue", "reason")
LIFE_CATEGORY = "life"
"""The category of a lifespan, "(1871-1919)", when categories.csv has it."""

_SUBJECT_TITLE = re.compile(r"Who (?:was|were|is) (.+?)\??$")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'.\u2019-]*\s+){0,4}[A-Z][\w'.\u2019-]*)\s*\(\s*$")
_OPENING_WORDS = frozenset("in on at by for from with the a an when after before during while and but "
                           "as of to then".split())
"""Capitalised at a sentence's start, yet not part of the name before a lifespan."""
_SEASON_CODE = re.compile(r"\d{4}-2[1-4](?!\d)")
_OPENING_PRONOUN = re.compile(r"(?:She|He)\b")
"""A title opening "She ..." in a biography names its subject instead."""
_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e)\b")


@dataclass(frozen=True)
class Proposal:
    """One drafted events.csv row (cells by column name), and the mention it rests on."""

    row: dict[str, str]
    mention: Mention

    def cells(self) -> list[str]:
        """The row's cells in :data:`~timeline_app.data.dataset.COLUMNS` order."""
        return [self.row.get(c, "") for c in COLUMNS]


@dataclass(frozen=True)
class Finds:
    """What :meth:`Vocabulary.find` found in a text, each list in text order."""

    cues: list[Found]
    people: list[Found]
    places: list[Found]

    def between(self, start: int, end: int) -> Finds:
        return Finds(found_between(self.cues, start, end), found_between(self.people, start, end),
                     found_between(self.places, start, end))


@dataclass
class Vocabulary:
    """What the proposer knows, all of it read from the dataset folder."""

    categories: dict[str, Category]
    people: tuple[str, ...] = ()
    places: dict[str, str] = field(default_factory=dict)
    """Every name or alias -> the place name the dataset writes."""
    not_event_cues: tuple[str, ...] = ()
    fallback: str = ""
    taken_ids: set[str] = field(default_factory=set)
    suffixes: dict[str, int] = field(default_factory=dict)
    """The last number added to each id slug (see :func:`_unique`)."""
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._cues = PhraseIndex(((cue, c.name) for c in self.categories.values() for cue in c.cues), True)
        self._people = PhraseIndex(((name, name) for name in self.people), False)
        self._places = PhraseIndex(self.places.items(), False)
        self._not_event_rx = re.compile(
            r"(?<![\w'])(?:" + "|".join(map(_cue_regex, self.not_event_cues)) + r")\s+(?:the\s+)?$", re.I) \
            if self.not_event_cues else None

    def find(self, words: Words) -> Finds:
        """Cues, known people and places among ``words`` (an article's, found once for all its clauses)."""
        return Finds(list(self._cues.find(words)), list(self._people.find(words)),
                     list(self._places.find(words)))

    def category(self, cues: Iterable[Found], fallback: str = "", date_at: int = 0) -> str:
        """The category whose ``cues`` weigh most (see the module docstring)."""
        weights: Counter[str] = Counter()
        nearest: dict[str, int] = {}
        for hit in cues:
            weights[hit.value] += hit.words
            distance = abs(hit.start - date_at)
            nearest[hit.value] = min(nearest.get(hit.value, distance), distance)
        if not weights:
            return fallback or self.fallback
        return max(weights, key=lambda name: (weights[name], -nearest[name]))

    def reads_as_background(self, text: str, start: int, clause_start: int) -> bool:
        """Do the words just before the date make it a duration, not a happening ("since the 1860s")?"""
        return bool(self._not_event_rx and self._not_event_rx.search(text, clause_start, start))


def _cue_regex(cue: str) -> str:
    words = cue.rstrip("*")
    rx = r"\s+".join(map(re.escape, words.split()))
    return rx + (r"[\w'\u2019-]*" if cue.endswith("*") else "")


def load_vocabulary(dataset: Dataset, folder: Path | str) -> Vocabulary:
    """The proposer's vocabulary: the dataset's categories, people, places and ids, and the cue files."""
    folder = Path(folder)
    problems: list[Problem] = []
    places = {p: p for e in dataset.events for p in e.place}
    table = _optional_table(folder / PLACES_FILE, ("name",), PLACE_COLUMNS, problems)
    for line, row in table:
        places.setdefault(row["name"], row["name"])
        for alias in filter(None, map(str.strip, row.get("aliases", "").split(LIST_SEPARATOR))):
            places.setdefault(alias, row["name"])
    cues = tuple(row["cue"].lower() for _, row in
                 _optional_table(folder / NOT_EVENT_CUES_FILE, ("cue",), NOT_EVENT_CUE_COLUMNS, problems)
                 if row["cue"])
    counts = Counter(e.category for e in dataset.events if e.category != LIFE_CATEGORY)
    fallback = counts.most_common(1)[0][0] if counts else next(iter(dataset.categories), "")
    return Vocabulary(categories=dataset.categories,
                      people=tuple(dict.fromkeys(p for e in dataset.events for p in e.people)),
                      places=places, not_event_cues=cues, fallback=fallback,
                      taken_ids={e.id for e in dataset.events}, problems=problems)


def _optional_table(path: Path, required: tuple[str, ...], known: tuple[str, ...],
                    problems: list[Problem]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        return []
    table = read_rows(path, required=required, known=known)
    problems.extend(table.problems)
    if any(c not in table.header for c in required):
        return []
    return [(line, row) for line, row in table.rows if line not in table.bad_lines]


# --------------------------------------------------------------------------
# Proposing


@dataclass
class ArticleProposals:
    """What ``propose`` made of one article."""

    coverage: ArticleCoverage
    proposals: list[Proposal] = field(default_factory=list)
    background: list[Mention] = field(default_factory=list)
    """Mentions left out by a not-event cue."""
    in_title: list[Mention] = field(default_factory=list)


def article_subject(article: Article, mentions: Sequence[Mention], starts: list[int] | None = None) -> str:
    """Whom a biography is about: "Who was Rosa Luxemburg?", or the lifespan opening the body."""
    asked = _SUBJECT_TITLE.match(article.title)
    if asked:
        return asked.group(1).strip()
    body_start = len(article.text) - len(article.body)
    first = next((m for m in mentions if m.char_start >= body_start), None)
    if first is not None:
        name = _lifespan_name(article.text, first)
        if name and sentence_span(article.text, first.char_start, first.char_end, starts)[0] <= body_start:
            return name
    return ""


def _lifespan_name(text: str, mention: Mention) -> str:
    """"Eleanor Marx" for the mention "1855-1898" in "Eleanor Marx (1855-1898)"; else ""."""
    if "/" not in mention.edtf or not text.startswith(")", mention.char_end):
        return ""
    name = _NAME_BEFORE.search(text, max(0, mention.char_start - 80), mention.char_start)
    words = name.group(1).split() if name else []
    while len(words) > 1 and words[0].lower() in _OPENING_WORDS:
        words.pop(0)                      # "When Rosa Luxemburg (1871-1919) ...": not "When"
    return " ".join(words)


def propose_article(article: Article, mentions: Sequence[Mention], vocabulary: Vocabulary,
                    quotes: Iterable[tuple[str, str]] = (), not_events: Iterable[NotEvent] = ()
                    ) -> ArticleProposals:
    """Proposals for the mentions of ``article`` that no quote covers and no editor marked.

    ``quotes`` are (event id, quote) of the events citing the article.  New
    ids are added to ``vocabulary.taken_ids``, so ids stay unique across
    articles and never repeat the dataset's.
    """
    result = ArticleProposals(article_coverage(article, mentions, quotes, not_events))
    text = article.text
    title_end = text.find("\n") if "\n" in text else 0
    starts = _sentence_bounds(text)
    subject = article_subject(article, mentions, starts)
    lifespans = {m: _lifespan_name(text, m) for m in mentions}
    known_people = tuple(name for name in dict.fromkeys([subject, *lifespans.values()]) if name)
    finds = vocabulary.find(words_of(text))
    # A clause without cues takes the category whose cues weigh most in the whole article.
    theme = vocabulary.category(finds.between(len(text) - len(article.body), len(text)).cues)
    for status in result.coverage.missing:
        m = status.mention
        if m.char_start < title_end:
            result.in_title.append(m)
            continue
        q_start, q_end = clause_span(text, m.char_start, m.char_end, starts)
        if vocabulary.reads_as_background(text, m.char_start, q_start):
            result.background.append(m)
            continue
        quote = text[q_start:q_end]
        result.proposals.append(_proposal(article, m, quote, finds.between(q_start, q_end), theme,
                                          vocabulary, subject, lifespans[m], known_people))
    return result


def _proposal(article: Article, m: Mention, quote: str, finds: Finds, theme: str, vocabulary: Vocabulary,
              subject: str, lifespan_of: str, known_people: Sequence[str]) -> Proposal:
    start, end = date_cells(m)
    people = tuple(dict.fromkeys([*(hit.value for hit in finds.people),
                                  *(name for name in known_people if name in quote)]))
    if subject and subject not in people and _PRONOUN.search(quote):
        people = (subject, *people)
    if lifespan_of:
        title, category = lifespan_of, (LIFE_CATEGORY if LIFE_CATEGORY in vocabulary.categories
                                        else vocabulary.category(finds.cues, theme, m.char_start))
        people = tuple(dict.fromkeys((lifespan_of, *people)))
        slug = f"{slugify(lifespan_of)}-life"
    else:
        title = draft_title(quote, m.expression)
        if subject and _OPENING_PRONOUN.match(title):
            title = draft_title(subject + title[_OPENING_PRONOUN.match(title).end():], "")
        category = vocabulary.category(finds.cues, theme, m.char_start)
        slug = _slug(title, m.lower)
    joined = f"{LIST_SEPARATOR} "
    return Proposal({"id": _unique(slug or article.id, vocabulary.taken_ids, vocabulary.suffixes),
                     "title": title, "start": start, "end": end, "category": category,
                     "people": joined.join(people),
                     "place": joined.join(dict.fromkeys(hit.value for hit in finds.places)),
                     "article": article.id, "quote": quote, "description": ""}, m)


def date_cells(m: Mention) -> tuple[str, str]:
    """(start, end) cells for a mention: its EDTF, a span split in two.

    "autumn 1886" has the EDTF season code 1886-23, which the date parser
    (like an editor) reads as the years 1886 to 1923, as it reads "1918-21";
    a season is written as the words of the text instead, which read as meant.
    """
    if _SEASON_CODE.search(m.edtf):
        return m.expression, ""
    start, _, end = m.edtf.partition("/")
    return start, end


ID_WORDS = 6
"""An id is the title's first words and the year: 'her-father-died-1883'."""


def _slug(title: str, year: int) -> str:
    words = slugify(" ".join(title.split()[:ID_WORDS])).split("-")[:ID_WORDS]
    year_part = str(year) if year > 0 else f"{1 - year}-bc"
    if words and words[-1] == year_part:
        words.pop()
    return "-".join(filter(None, [*words, year_part]))


def _unique(slug: str, taken: set[str], tried: dict[str, int]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``, ... when taken; the chosen id is then taken too.

    ``tried`` remembers the last suffix tried per slug, so a slug repeated
    many times (a generated text) costs no more than a new one.
    """
    candidate, n = slug, tried.get(slug, 1)
    if n > 1:
        candidate = f"{slug}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    tried[slug] = n
    taken.add(candidate)
    return candidate


def propose(articles: Iterable[Article], dataset: Dataset, vocabulary: Vocabulary,
            not_events: Sequence[NotEvent] = (), periods: Sequence = ()) -> list[ArticleProposals]:
    """:func:`propose_article` for each article, against the events of ``dataset``."""
    quotes: dict[str, list[tuple[str, str]]] = {}
    for e in dataset.events:
        quotes.setdefault(e.article, []).append((e.id, e.quote))
    periods = tuple(periods)
    return [propose_article(a, extract_article(a.id, a.text, periods, title=a.title), vocabulary,
                            quotes.get(a.id, ()), not_events)
            for a in articles]


@dataclass
class ProposeRun:
    """``propose`` over a file or folder: per-article results and every problem met."""

    results: list[ArticleProposals]
    problems: list[Problem]

    @property
    def proposals(self) -> list[Proposal]:
        return [p for r in self.results for p in r.proposals]


def read_input(path: Path | str) -> tuple[list[Article], list[Problem]]:
    """The article at ``path``, or every ``*.txt`` article in the folder ``path`` (size-capped reads)."""
    path = Path(path)
    if path.is_dir():
        sources = read_sources(path)
        return list(sources.articles.values()), sources.problems
    article, problems = read_article_file(path)
    return ([article] if article else []), problems


def propose_path(path: Path | str, folder: Path | str, events_file: Path | str | None = None,
                 periods: Sequence = ()) -> ProposeRun:
    """Proposals for the articles at ``path`` against the dataset in ``folder``."""
    folder = Path(folder)
    articles, problems = read_input(path)
    dataset = load_dataset(folder, events_file)
    vocabulary = load_vocabulary(dataset, folder)
    known = {**dataset.articles, **{a.id: a for a in articles}}
    not_events, mark_problems = load_not_events(folder / NOT_EVENTS_FILE, known)
    results = propose(articles, dataset, vocabulary, not_events, periods)
    return ProposeRun(results, problems + vocabulary.problems + mark_problems)


def csv_text(rows: Iterable[Sequence[str]], header: bool = True) -> str:
    """Rows as events CSV text (the events.csv columns, quoted by :mod:`csv`): what an editor pastes
    into events.csv, a downloaded file (``header``) or one row copied from the timeline."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


@dataclass(frozen=True)
class ProposedRow:
    """One proposed row drawn on the timeline: its event, its quote and the row as CSV (no line break)."""

    event: Event
    csv: str


def propose_uncovered(dataset: Dataset, folder: Path | str) -> list[ProposedRow]:
    """The proposals for every article's dated mentions that no event covers, as events to draw.

    What the live server shows as the "proposed" layer: the articles of
    ``dataset`` (``sources/*.txt``, a new one included as soon as the live
    dataset reloads) against its events, with the folder's vocabulary and
    marks, exactly as ``propose`` would write them.  The rows are checked as
    an uploaded events CSV, so only rows that would load are drawn.  Nothing
    is written anywhere: the editor copies a row into events.csv.
    """
    folder = Path(folder)
    vocabulary = load_vocabulary(dataset, folder)
    not_events, _ = load_not_events(folder / NOT_EVENTS_FILE, dataset.articles)
    proposals = [p for r in propose(dataset.articles.values(), dataset, vocabulary, not_events, dataset.periods)
                 for p in r.proposals]
    events, _ = load_upload(csv_text(p.cells() for p in proposals).encode("utf-8"), "proposed rows",
                            dataset.articles, dataset.categories, periods=dataset.periods)
    lines = {p.row["id"]: csv_text([p.cells()], header=False).rstrip("\n") for p in proposals}
    return [ProposedRow(e, lines[e.id]) for e in events]
