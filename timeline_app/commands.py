"""What the command-line sub-commands do: read files, print problems, write outputs.

Each function backs one sub-command of ``cli.py`` and returns its exit
status, so the commands are testable without a shell.  This is the only
module that prints to the terminal; the layers below return values and
problems.  Two rules hold for every command:

* Text from a file never reaches the terminal raw: :func:`say` escapes
  control characters, so a cell holding ``ESC[2J`` cannot clear the screen
  or hide the error lines around it.
* Every file a command writes goes through :func:`write_output`: an
  existing file is replaced only with ``--force``, never by an output with
  no rows when it has some, and always atomically (a temporary file in the
  same folder, then a rename), so a failed command loses nothing.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .data.categories import load_categories
from .data.csvfile import read_rows
from .data.dataset import COLUMNS, load_dataset
from .data.export import events_to_csv, rows_to_csv
from .data.files import OutputError, replacing
from .data.paths import EVENTS_CSV, EVENTS_DIR, SOURCES_DIR
from .data.problems import Problem, count_errors, count_problems, plural
from .data.sources import date_header, read_article_file, read_sources
from .data.timelinejs import load_timelinejs
from .data.validate import check_file, dataset_folder_for
from .extract.coverage import NOT_EVENTS_FILE, dataset_coverage
from .extract.extractor import Mention, _as_tuple, default_periods, extract_article, write_mentions_csv
from .extract.propose import propose_path

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (a line break and a tab are kept) and the bidirectional overrides."""


def escaped(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\u202e``)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(*parts: object, err: bool = False) -> None:
    """Print ``parts`` (text from files among them) with control characters escaped."""
    print(escaped(" ".join(map(str, parts))), file=sys.stderr if err else sys.stdout)


def write_output(out: Path | str, write: Callable[[Path], None], rows: int, force: bool) -> str | None:
    """Write a command's output file by ``write(temporary_path)``; None, or the one-line refusal.

    The one way a command writes a file (see the module's rules).  ``rows``
    is how many rows (events, mentions) the output holds.
    """
    path = Path(out)
    if rows == 0 and path.is_file():
        existing = read_rows(path, required=(), known=())
        if existing.rows:
            return (f"{out}: nothing was written: the output has no rows and would replace a file with "
                    f"{plural(len(existing.rows), 'row')}")
    try:
        with replacing(path, force=force) as temporary:
            write(temporary)
    except OutputError as exc:
        return str(exc)
    return None


def check_command(path: str | None, strict: bool = False, coverage: bool = False,
                  media_origins: tuple[str, ...] = ()) -> int:
    """Print one line per problem; exit status 0 when there is no error (or, strict, no problem).

    Events' images may come from the web ``media_origins`` (the server's setting) too.

    With ``coverage``, also list every dated mention of the dataset's
    articles; one neither on the timeline nor marked not an event fails the check.
    """
    file = Path(path) if path else EVENTS_CSV
    problems, loaded = check_file(file, media_origins)
    missing = 0
    if coverage:
        mark_problems, missing = coverage_report(file)
        problems = problems + mark_problems
    for problem in problems:
        say(problem)
    errors, total = count_errors(problems), count_problems(problems)
    say(f"{file}: {loaded}, {plural(errors, 'error')}, {plural(total - errors, 'warning')}", err=True)
    return 1 if errors or missing or (strict and problems) else 0


def coverage_report(events_file: Path) -> tuple[list[Problem], int]:
    """Print each article's dated mentions: on the timeline, marked not an event, or missing.

    Returns the problems of not-events.csv and the number of missing mentions.
    """
    folder = dataset_folder_for(events_file)
    articles, problems = dataset_coverage(load_dataset(folder, events_file), folder, default_periods())
    for article in articles:
        name = f"{folder.name}/sources/{article.article.id}.txt"
        say(f"{name}: {plural(len(article.mentions), 'dated mention')}, {len(article.covered)} on the "
            f"timeline, {len(article.marked)} marked not events, {len(article.missing)} missing "
            f"({article.percent:.0f} %)")
        for m in article.mentions:
            where = f"  {name}:{m.line}: '{m.mention.expression}'"
            if m.events:
                say(f"{where} on the timeline: {', '.join(m.events)}")
            elif m.reason:
                say(f"{where} not an event: {m.reason}")
            else:
                say(f"{where} NOT on the timeline; fix: add an event whose quote contains it "
                    f"(python -m timeline_app propose {name}), or mark it in {folder.name}/{NOT_EVENTS_FILE}")
    return problems, sum(len(article.missing) for article in articles)


def propose_command(path: Path | str, out: Path | str | None = None, force: bool = False,
                    events: Path | str | None = None) -> int:
    """``python -m timeline_app propose PATH [--out FILE.csv] [--force] [--events FILE]``.

    Writes the proposed rows as an events CSV, to standard output without ``--out``.
    """
    began = time.perf_counter()
    events_file = Path(events) if events else EVENTS_CSV
    if not events_file.is_file():
        say(f"propose: --events {events_file}: no events file there (a mention is proposed unless an "
            f"event of this file covers it); give the path of an events CSV", err=True)
        return 2
    run = propose_path(path, dataset_folder_for(events_file), events_file, default_periods())
    for problem in run.problems:
        say(problem, err=True)
    if not run.results and count_errors(run.problems):
        return 2
    data = rows_to_csv(COLUMNS, (p.cells() for p in run.proposals))
    if out:
        refusal = write_output(out, lambda temporary: temporary.write_bytes(data.encode("utf-8")),
                               len(run.proposals), force)
        if refusal:
            say(f"propose: {refusal}", err=True)
            return 1
    else:
        # Redirected, the file's bytes exactly; on a terminal, article text cannot drive it.
        sys.stdout.write(escaped(data.replace("\r\n", "\n")) if sys.stdout.isatty() else data)
    count = {kind: sum(len(getattr(r.coverage, kind)) for r in run.results) for kind in ("covered", "marked")}
    background = sum(len(r.background) for r in run.results)
    in_titles = sum(len(r.in_title) for r in run.results)
    say(f"propose: {plural(len(run.proposals), 'event')} proposed from {plural(len(run.results), 'article')} "
        f"({count['covered']} mentions already on the timeline, {count['marked']} marked not events, "
        f"{background} left out as background, {in_titles} in titles){f' -> {out}' if out else ''} "
        f"({time.perf_counter() - began:.2f} s)", err=True)
    return 0


def import_command(path: str, out: str, default_category: str = "", force: bool = False) -> int:
    """``python -m timeline_app import-timelinejs FILE --out FILE [--category NAME] [--force]``.

    Writes the good events as an events.csv (checked against the shipped
    categories and articles), prints one line per problem, and exits 1 when
    a row could not be imported or the output was not written.
    """
    if Path(out).resolve() == Path(path).resolve():
        say(f"{out}: the output would overwrite the sheet; choose another --out", err=True)
        return 1
    categories = load_categories(EVENTS_DIR / "categories.csv")[0]
    events, problems = load_timelinejs(path, read_sources(SOURCES_DIR).articles, categories,
                                       default_category=default_category)
    for problem in problems:
        say(problem)
    refusal = write_output(out, lambda temporary: temporary.write_text(events_to_csv(events), encoding="utf-8"),
                           len(events), force)
    if refusal:
        say(refusal, err=True)
        return 1
    errors, total = count_errors(problems), count_problems(problems)
    say(f"{out}: {plural(len(events), 'event')} written; {plural(errors, 'error')}, "
        f"{plural(total - errors, 'warning')}", err=True)
    return 1 if errors else 0


def extract_command(path: Path | str, out: Path | str, force: bool = False,
                    document_date: str | None = None) -> int:
    """``python -m timeline_app extract PATH --out FILE.csv [--force] [--date YYYY-MM-DD]``; returns the exit code.

    Expressions that have no base (no earlier date, no document date) are
    written with an empty ``edtf``: the editor sees them, with no guessed value.
    """
    began = time.perf_counter()
    day = None
    if document_date is not None:
        day, _ = date_header(f"date: {document_date}\n")     # the header line's rule, for the option
        if day is None:
            say(f"extract: --date {document_date!r} is not a day; write it as YYYY-MM-DD, e.g. 2013-03-22",
                err=True)
            return 2
    path = Path(path)
    if path.is_dir():
        sources = read_sources(path)
        articles, problems = list(sources.articles.values()), sources.problems
    elif path.exists():
        article, problems = read_article_file(path)
        articles = [article] if article else []
    else:
        say(f"extract: no article file or folder at {path}", err=True)
        return 2
    for problem in problems:
        say(problem, err=True)
    gazetteer = _as_tuple(default_periods())
    mentions: list[Mention] = []
    for a in articles:
        mentions.extend(extract_article(a.id, a.text, gazetteer, title=a.title, document_date=day,
                                        unresolved=True))
    refusal = write_output(out, lambda temporary: write_mentions_csv(mentions, temporary), len(mentions), force)
    if refusal:
        say(f"extract: {refusal}", err=True)
        return 1
    seconds = time.perf_counter() - began
    say(f"extract: {plural(len(mentions), 'date mention')} in {plural(len(articles), 'article')} from {path} "
        f"-> {out} ({seconds:.2f} s)", err=True)
    return 1 if count_errors(problems) else 0

