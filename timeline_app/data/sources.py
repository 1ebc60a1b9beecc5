"""The source articles every event links back to.

One article is one UTF-8 text file in ``events/sources/``: its first line is
the title, then the body exactly as written.  The file name (without
``.txt``) is the article's id, so adding an article is adding a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    """The whole file: title line, blank line, body.  Offsets point into it."""

    @property
    def body(self) -> str:
        return self.text.split("\n", 1)[1].lstrip("\n") if "\n" in self.text else ""


def read_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8-sig")
    return Article(id=path.stem, title=text.split("\n", 1)[0].strip(), text=text)


def load_articles(folder: Path | str) -> dict[str, Article]:
    """Every ``*.txt`` article in ``folder``, by id, in name order."""
    return {p.stem: read_article(p) for p in sorted(Path(folder).glob("*.txt"))}
