"""What is wrong with an editor's file, said so that they can fix it.

Every loader reports problems as :class:`Problem` values instead of raising,
so one bad row never hides the good ones and the CLI, the loader and the app
all say the same thing in the same words.
"""

from __future__ import annotations

import re
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

    @property
    def count(self) -> int:
        """How many problems this line stands for (more for :class:`Unlisted`)."""
        return 1

    @property
    def error_count(self) -> int:
        return int(self.is_error)

    def __str__(self) -> str:
        label = "warning: " if self.severity == WARNING else ""
        text = f"{self.file}:{self.line}: {self.column}: {label}{self.message}"
        if self.hint:
            text += f"; fix: {self.hint}"
        return " ".join(text.splitlines())  # one problem, one line, whatever a cell held


MAX_PROBLEMS = 200
"""Problems listed per file; the rest are counted in one :class:`Unlisted` line.

A broken file can have a problem on every line: listing half a million of
them helps nobody and once occupied a server thread for most of a minute."""


@dataclass(frozen=True)
class Unlisted(Problem):
    """The one line standing for the problems of a file past :data:`MAX_PROBLEMS`."""

    errors: int = 0
    warnings: int = 0

    @classmethod
    def of(cls, file: str, line: int, errors: int, warnings: int) -> "Unlisted":
        total = errors + warnings
        return cls(file, line, "(more)",
                   f"{plural(total, 'more problem')} ({plural(errors, 'error')}, {plural(warnings, 'warning')}), "
                   f"the first on this line, are not listed (only the first {MAX_PROBLEMS} are)",
                   "fix the problems listed and check the file again", ERROR if errors else WARNING,
                   errors, warnings)

    @property
    def count(self) -> int:
        return self.errors + self.warnings

    @property
    def error_count(self) -> int:
        return self.errors


def count_errors(problems: Iterable[Problem]) -> int:
    """Errors among ``problems``, those counted in an :class:`Unlisted` line included."""
    return sum(p.error_count for p in problems)


def count_problems(problems: Iterable[Problem]) -> int:
    """Problems, those counted in an :class:`Unlisted` line included."""
    return sum(p.count for p in problems)


def plural(n: int, noun: str) -> str:
    """'1 error', '2 errors', '1,000 events': a count and its noun in agreement."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


LISTED = 10
"""How many names :func:`listed` spells out."""


def listed(names: list[str]) -> str:
    """``names`` joined by commas, the first :data:`LISTED` of them and how many more.

    A header of 10,000 unknown columns is one warning, not one 109 KB line.
    """
    shown_names = ", ".join(names[:LISTED])
    return shown_names + (f" and {len(names) - LISTED:,} more" if len(names) > LISTED else "")


CLOSE_NAMES = 3
"""How many names an unknown category's "did you mean ...?" offers at most."""
CATEGORY_CUTOFF = 0.62
"""How close an unknown category must be to a name to be offered ('rebellion' to 'revolution');
a little looser than for articles and dates, since the names are few, but not so loose that
'weather' (0.6) gets 'war'."""


def close_matches(word: str, options: Iterable[str], n: int = 1, cutoff: float = 0.65) -> list[str]:
    """Up to ``n`` options ``word`` was most likely meant to be, best first, for "did you mean ...?".

    Case is ignored, so 'Strike' finds 'strike'; only options with the same
    first letter count, since typing slips rarely hit the first letter and
    'weather' should not suggest 'death'.  Of several close options only those
    about as close as the best are offered ('rebellion': 'revolution' or
    'repression'), so a plain slip ('strke') gets its one answer.  Called only
    once something failed to match: difflib is slow next to a dict lookup.
    """
    import difflib

    options = list(options)
    word = word.lower()
    by_key = {option.lower(): option for option in options if option[:1].lower() == word[:1]}
    close = difflib.get_close_matches(word, list(by_key), n=n, cutoff=cutoff)
    if close:
        best = difflib.SequenceMatcher(None, word, close[0]).ratio()
        return [by_key[key] for key in close
                if difflib.SequenceMatcher(None, word, key).ratio() >= best - 0.1]
    # A compound ('general-strike', 'Peasant Uprising') is most likely one of the options it
    # holds; its last word usually names the kind (a general strike is a strike).
    parts = [part for part in re.split(r"[\W_]+", word) if len(part) > 2]
    if len(parts) < 2:
        return []
    return next(filter(None, (close_matches(part, options, n, cutoff) for part in reversed(parts))), [])


def closest(word: str, options: Iterable[str]) -> str | None:
    """The one option ``word`` was most likely meant to be (:func:`close_matches`), or None."""
    return next(iter(close_matches(word, options)), None)


def did_you_mean(names: list[str]) -> str:
    """"did you mean 'a', 'b' or 'c'?" for the close names of :func:`close_matches`."""
    quoted = [f"'{name}'" for name in names]
    return "did you mean " + (", ".join(quoted[:-1]) + " or " if len(quoted) > 1 else "") + quoted[-1] + "?"


def shown(value: str, limit: int = 60) -> str:
    """A cell's value quoted for a message: one line, at most ``limit`` characters."""
    flat = " ".join(value.split())
    if len(flat) > limit:
        flat = flat[:limit - 1] + "…"
    return f"'{flat}'"
