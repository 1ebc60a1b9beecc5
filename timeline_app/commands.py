"""What the command-line sub-commands do: read files, print problems, write outputs.

Each function backs one sub-command of ``cli.py`` and returns its exit
status, so the commands are testable without a shell.  This is the only
module that prints to the terminal; the layers below return values and
problems.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .data.categories import load_categories
from .data.export import events_to_csv
from .data.paths import EVENTS_CSV, EVENTS_DIR, SOURCES_DIR
from .data.problems import count_errors
from .data.sources import load_articles
from .data.timelinejs import load_timelinejs
from .data.validate import check_file
from .extract.extractor import (
    Mention,
    _articles,
    _as_tuple,
    default_periods,
    extract_article,
    write_mentions_csv,
)


def check_command(path: str | None, strict: bool = False) -> int:
    """Print one line per problem; exit status 0 when there is no error (or, strict, no problem)."""
    file = Path(path) if path else EVENTS_CSV
    problems, loaded = check_file(file)
    for problem in problems:
        print(problem)
    errors = count_errors(problems)
    print(f"{file}: {loaded}, {errors} errors, {len(problems) - errors} warnings", file=sys.stderr)
    return 1 if errors or (strict and problems) else 0


def import_command(path: str, out: str, default_category: str = "") -> int:
    """``python -m timeline_app import-timelinejs FILE --out FILE``.

    Writes the good events as an events.csv (checked against the shipped
    categories and articles), prints one line per problem, and exits 1 when
    a row could not be imported.
    """
    if Path(out).resolve() == Path(path).resolve():
        print(f"{out}: the output would overwrite the sheet; choose another --out", file=sys.stderr)
        return 1
    categories = load_categories(EVENTS_DIR / "categories.csv")[0]
    events, problems = load_timelinejs(path, load_articles(SOURCES_DIR), categories,
                                       default_category=default_category)
    for problem in problems:
        print(problem)
    Path(out).write_text(events_to_csv(events), encoding="utf-8")
    errors = count_errors(problems)
    print(f"{out}: {len(events)} events written; {errors} errors, "
          f"{len(problems) - errors} warnings", file=sys.stderr)
    return 1 if errors else 0


def extract_command(path: Path | str, out: Path | str) -> int:
    """``python -m timeline_app extract PATH --out FILE.csv``; returns the exit code."""
    began = time.perf_counter()
    path = Path(path)
    try:
        articles = _articles(path)
    except FileNotFoundError as exc:
        print(f"extract: {exc}", file=sys.stderr)
        return 2
    gazetteer = _as_tuple(default_periods())
    mentions: list[Mention] = []
    for a in articles:
        mentions.extend(extract_article(a.id, a.text, gazetteer, title=a.title))
    write_mentions_csv(mentions, out)
    seconds = time.perf_counter() - began
    print(f"extract: {len(mentions)} date mentions in {len(articles)} articles from {path} "
          f"-> {out} ({seconds:.2f} s)", file=sys.stderr)
    return 0
