"""What is wrong with an editor's file, said so that they can fix it.

Every loader reports problems as :class:`Problem` values instead of raising,
so one bad row never hides the good ones and the CLI, the loader and the app
all say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
"""Something the editor wrote is not used: a row left off the timeline, a column ignored."""
WARNING = "warning"
"""Everything was used, but something needs the editor's attention."""


@dataclass(frozen=True)
class Problem:
    """One problem at one place: ``FILE:LINE: column: message; fix: hint``.

    ``line`` is the physical line of the file where the row starts (1 for
    problems with the file as a whole); ``column`` is the header name as the
    editor wrote it, or ``(file)``, ``(header)`` or ``(row)``.  Warnings say
    so after the column, as compilers do, so a reader can tell them apart.
    """

    file: str
    line: int
    column: str
    message: str
    hint: str = ""
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        label = "warning: " if self.severity == WARNING else ""
        text = f"{self.file}:{self.line}: {self.column}: {label}{self.message}"
        if self.hint:
            text += f"; fix: {self.hint}"
        return " ".join(text.splitlines())  # one problem, one line, whatever a cell held


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(p.is_error for p in problems)


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option ``word`` was most likely meant to be, for "did you mean ...?".

    Case is ignored, so 'Strike' finds 'strike'; only options with the same
    first letter count, since typing slips rarely hit the first letter and
    'weather' should not suggest 'death'.  Called only once something failed
    to match: difflib is slow next to a dict lookup.
    """
    import difflib

    word = word.lower()
    by_key = {option.lower(): option for option in options if option[:1].lower() == word[:1]}
    close = difflib.get_close_matches(word, list(by_key), n=1, cutoff=0.65)
    return by_key[close[0]] if close else None


def shown(value: str, limit: int = 60) -> str:
    """A cell's value quoted for a message: one line, at most ``limit`` characters."""
    flat = " ".join(value.split())
    if len(flat) > limit:
        flat = flat[:limit - 1] + "…"
    return f"'{flat}'"
