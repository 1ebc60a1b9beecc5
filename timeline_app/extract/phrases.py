"""Finding listed phrases (cue words, names, places) in text, word by word.

A regular expression that alternates a few hundred phrases is tried branch
by branch at every character, which made ``propose`` over 1,000 articles
take 13 s.  Here the text is cut into words once and each word is looked up
in a dict of the phrases that begin with it, so the cost grows with the
text, not with the list.  A phrase ending in ``*`` matches any ending of its
last word ("strik*": strike, strikers); at one place the longest phrase
wins, and found phrases never overlap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

PREFIX_KEY = 3
"""Phrases ending in ``*`` are indexed by the first letters of their first word."""


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    words: int
    value: str


Words = list[tuple[int, int, str]]
"""(start, end, word) of each word of a text, as :func:`words_of` cuts it."""


_WHOLE_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019.-]*\w)?|\d+")


def words_of(text: str) -> Words:
    """The words of ``text``; trailing apostrophes and full stops are not part of a word."""
    return [(m.start(), m.end(), m.group()) for m in _WHOLE_WORD.finditer(text)]


def found_between(found: list[Found], start: int, end: int) -> list[Found]:
    """The phrases of ``found`` (in text order) lying within text[start:end]."""
    first = bisect.bisect_left(found, start, key=_start)
    last = bisect.bisect_left(found, end, first, key=_start)
    return [f for f in found[first:last] if f.end <= end]


def _start(found: Found) -> int:
    return found.start


class PhraseIndex:
    """Phrases -> a value each (a cue's category, a place's dataset name)."""

    def __init__(self, phrases: Iterable[tuple[str, str]], fold_case: bool):
        self.fold = fold_case
        self._exact: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        key_lengths = set()
        for phrase, value in phrases:
            prefix = phrase.endswith("*")
            words = tuple(self._key(w) for _, _, w in words_of(phrase.rstrip("*")))
            if not words:
                continue
            entry = (words, prefix, value)
            if prefix and len(words) == 1:
                key = words[0][:PREFIX_KEY]
                key_lengths.add(len(key))
                self._prefix.setdefault(key, []).append(entry)
            else:
                self._exact.setdefault(words[0], []).append(entry)
        self._key_lengths = sorted(key_lengths)

    def _key(self, word: str) -> str:
        return word.lower() if self.fold else word

    def find(self, words: Words) -> Iterator[Found]:
        """The phrases among ``words``, in text order, the longest at each place."""
        keys = [w.lower() for _, _, w in words] if self.fold else [w for _, _, w in words]
        exact, prefix, short = self._exact, self._prefix, [k for k in self._key_lengths if k < PREFIX_KEY]
        # Most words begin no phrase: one comprehension finds the few that may.
        starts = [i for i, key in enumerate(keys) if key in exact or key[:PREFIX_KEY] in prefix
                  or (short and any(key[:k] in prefix for k in short))]
        free = 0
        for i in starts:
            if i < free:
                continue
            best = self._longest_at(keys, i)
            if best is not None:
                length, value = best
                yield Found(words[i][0], words[i + length - 1][1], length, value)
                free = i + length

    def _longest_at(self, keys: list[str], i: int) -> tuple[int, str] | None:
        word = keys[i]
        candidates = self._exact.get(word) or ()
        for k in self._key_lengths:
            more = self._prefix.get(word[:k])
            if more:
                candidates = [*candidates, *more]
        best = None
        for phrase, prefix, value in candidates:
            n = len(phrase)
            if (best is None or n > best[0]) and i + n <= len(keys) \
                    and all(keys[i + k] == phrase[k] for k in range(1, n - 1)) \
                    and (keys[i + n - 1].startswith(phrase[-1]) if prefix else keys[i + n - 1] == phrase[-1]):
                best = (n, value)
        return best
