"""Scoring ``propose`` against the hand-made gold set, by the rules of tests/gold/proposals/README.md.

Shared by ``tests/test_propose.py`` and ``bench/propose.py`` so both count
the same way.  A proposal matches a gold row when the article is the same,
the proposal's quote contains the gold mention, and the dates cover the same
first and last day (read with the app's date parser; ~ ? % ignored).
Pairing is one to one, proposals in file order, each taking the first free
gold row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline_app.data.dates import HISTORY_LANGUAGES, parse_date

GOLD = Path(__file__).resolve().parent / "gold"
GOLD_ARTICLES = GOLD / "proposals"
GOLD_EVENTS = GOLD / "proposals.csv"
GOLD_NOT_EVENTS = GOLD / "proposals-not-events.csv"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


_SEASON_CODE = re.compile(r"(-?\d{4})-(2[1-4])([~?%]?)")
_SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}


def _read(value: str):
    """The gold README's EDTF season codes ("1912-23": autumn 1912) read as seasons.

    The app's parser reads "1912-23" as the years 1912 to 1923 (like
    "1918-21"), so a code is read by the season's name, with the same parser.
    """
    season = _SEASON_CODE.fullmatch(value)
    if season:
        value = f"{_SEASONS[season.group(2)]} {season.group(1)}"
    return parse_date(value, languages=HISTORY_LANGUAGES)


def days(start: str, end: str) -> tuple:
    """(first day, last day) of a start/end pair, qualifiers ignored."""
    first = _read(start)
    last = _read(end) if end else first
    return first.lower, last.upper


@dataclass(frozen=True)
class ProposalScore:
    gold: int
    proposed: int
    matched: tuple[tuple[dict, dict], ...]
    """(gold row, proposal row) pairs."""
    unmatched_gold: tuple[dict, ...]
    unmatched_not_events: tuple[dict, ...]
    """Proposals matching no gold row whose quote holds a listed not-event mention."""
    unmatched_other: tuple[dict, ...]

    @property
    def recall(self) -> float:
        return len(self.matched) / self.gold if self.gold else 1.0

    @property
    def category(self) -> float:
        right = sum(g["category"] == p["category"] for g, p in self.matched)
        return right / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return len(self.matched) / self.proposed if self.proposed else 1.0


def score(proposals: Sequence[dict], gold: Sequence[dict], not_events: Sequence[dict]) -> ProposalScore:
    """Match proposals (dicts with the events.csv columns) to gold rows by the README's rules."""
    gold_days = [days(g["start"], g["end"]) for g in gold]
    free = [True] * len(gold)
    matched, not_event_rows, other = [], [], []
    for p in proposals:
        p_days = days(p["start"], p["end"])
        for i, g in enumerate(gold):
            if free[i] and g["article"] == p["article"] and g["mention"] in p["quote"] \
                    and gold_days[i] == p_days:
                free[i] = False
                matched.append((g, p))
                break
        else:
            listed = any(n["article"] == p["article"] and n["mention"] in p["quote"] for n in not_events)
            (not_event_rows if listed else other).append(p)
    return ProposalScore(len(gold), len(proposals), tuple(matched),
                         tuple(g for i, g in enumerate(gold) if free[i]),
                         tuple(not_event_rows), tuple(other))
