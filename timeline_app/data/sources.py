"""The source articles every event links back to.

One article is one UTF-8 text file in ``events/sources/``: its first line is
the title, then the body exactly as written.  The file name (without
``.txt``) is the article's id, so adding an article is adding a file.

Articles are read like every other file (:func:`~timeline_app.data.files.read_file`:
regular files only, size-capped, confined to the dataset folder) and decoded
like CSV files, so an article saved in an old encoding is read with the
same warning editors get for a CSV file, and one article that cannot be
read is one problem naming it while the others load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .csvfile import decode
from .daycount import is_valid_day
from .files import read_file
from .problems import Problem


DATE_HEADER = re.compile(r"date:[ \t]*(\d{4})-(\d{2})-(\d{2})[ \t]*\r?\n")
"""An article may begin with its own date, ``date: YYYY-MM-DD`` (a news report's day)."""


def date_header(text: str) -> tuple[tuple[int, int, int] | None, int]:
    """The document date of an article's ``date:`` first line, if any, and where the title begins.

    The header is metadata: not part of the title, not a date mention.  A
    line that looks like one but holds no real day is left as text.
    """
    m = DATE_HEADER.match(text)
    if not m:
        return None, 0
    day = tuple(int(g) for g in m.groups())
    if not is_valid_day(*day):
        return None, 0
    return day, m.end()


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    """The whole file: title line, blank line, body.  Offsets point into it."""

    @property
    def body(self) -> str:
        """The text after the title line (and after a ``date:`` line before it)."""
        text = self.text[date_header(self.text)[1]:]
        return text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""


@dataclass
class Sources:
    """The articles of a folder, the problems reading them, and what could not be checked."""

    articles: dict[str, Article] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreadable: frozenset[str] = frozenset()
    """Ids of article files that exist but could not be read (their problem says why)."""
    missing: bool = False
    """The folder itself is missing: events' articles cannot be checked at all."""

    def unchecked(self, article_id: str) -> bool:
        """Whether an event citing ``article_id`` cannot be checked (so is not blamed for it)."""
        return self.missing or article_id in self.unreadable


def read_article(path: Path) -> Article:
    """The article in the file at ``path``; raises ValueError (one line) if it cannot be read."""
    article, problems = read_article_file(Path(path))
    if article is None:
        raise ValueError(str(problems[0]))
    return article


def read_article_file(path: Path, name: str | None = None,
                      root: Path | str | None = None) -> tuple[Article | None, list[Problem]]:
    """The article in the file at ``path`` (or None) and the problems reading it."""
    data, problem = read_file(path, name, root)
    if problem:
        return None, [problem]
    text, problems = decode(data, name or str(path), save_as="UTF-8")
    if not text and problems:
        return None, problems
    title = text[date_header(text)[1]:].split("\n", 1)[0].strip()
    return Article(id=path.stem, title=title, text=text), problems


def read_sources(folder: Path | str, root: Path | str | None = None, shown_as: str | None = None) -> Sources:
    """Every ``*.txt`` article in ``folder``, by id in name order; never raises.

    ``shown_as`` is how problems name the folder (default: as given);
    ``root`` confines the articles to that folder (links out are refused).
    """
    folder = Path(folder)
    shown_as = shown_as if shown_as is not None else str(folder)
    if not folder.is_dir():
        return Sources(missing=True, problems=[Problem(
            shown_as, 1, "(file)", "the folder of source articles is missing, so no event's article "
            "or quote can be checked", f"create the folder {shown_as} and put the articles in it")])
    sources = Sources()
    unreadable = set()
    for path in sorted(folder.glob("*.txt")):
        article, problems = read_article_file(path, f"{shown_as}/{path.name}", root)
        sources.problems += problems
        if article is None:
            unreadable.add(path.stem)
        else:
            sources.articles[article.id] = article
    sources.unreadable = frozenset(unreadable)
    return sources


def load_articles(folder: Path | str) -> dict[str, Article]:
    """Every readable ``*.txt`` article in ``folder``, by id, in name order (problems dropped)."""
    return read_sources(folder).articles
