"""Scoring date extraction against hand-annotated gold spans.

Shared by ``tests/test_extract.py`` and ``bench/extract.py`` so both count
the same way.  Strict: a predicted span is a true positive when its
(article, char_start, char_end) equals a gold span exactly.  Relaxed (as
TempEval scores taggers): when it overlaps a gold span, each span used once.
EDTF agreement is counted over the true positives (only where the
prediction has an EDTF).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

@dataclass(frozen=True)
class Span:
    article: str
    start: int
    end: int
    expression: str = ""
    edtf: str | None = None
    kind: str = ""
    """Gold only: explicit, narrative, document or unresolved (empty in the older gold files)."""


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    edtf_agree: int
    edtf_compared: int
    false_positives: tuple[Span, ...] = ()
    false_negatives: tuple[Span, ...] = ()
    edtf_disagreements: tuple[tuple[Span, Span], ...] = ()
    """(gold, predicted) pairs whose EDTF differs."""
    pairs: tuple[tuple[Span, Span], ...] = ()
    """Every matched (gold, predicted) pair."""

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def edtf_agreement(self) -> float:
        return self.edtf_agree / self.edtf_compared if self.edtf_compared else 1.0

    def summary(self) -> str:
        s = (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
             f"(tp={self.tp} fp={self.fp} fn={self.fn})")
        if self.edtf_compared:
            s += f" edtf={self.edtf_agree}/{self.edtf_compared}"
        return s

    def errors(self) -> str:
        """A readable list of what went wrong, for assertion messages."""
        lines = [f"FP {s.article}:{s.start}-{s.end} {s.expression!r}" for s in self.false_positives]
        lines += [f"FN {s.article}:{s.start}-{s.end} {s.expression!r}" for s in self.false_negatives]
        lines += [f"EDTF {g.article}:{g.start} {g.expression!r} gold={g.edtf} got={p.edtf}"
                  for g, p in self.edtf_disagreements]
        return "\n".join(lines)


def load_gold(path: Path | str) -> list[Span]:
    with open(path, newline="", encoding="utf-8") as f:
        return [Span(r["article"], int(r["char_start"]), int(r["char_end"]), r["expression"],
                     r.get("edtf") or None, r.get("kind") or "")
                for r in csv.DictReader(f)]


def score(predicted: Iterable[Span], gold: Iterable[Span],
          articles: Sequence[str] | None = None, relaxed: bool = False) -> Score:
    """Exact-span scoring (overlap with ``relaxed``); ``articles`` restricts both sides to those ids."""
    keep = set(articles) if articles is not None else None
    pred = {(s.article, s.start, s.end): s for s in predicted if keep is None or s.article in keep}
    gold_map = {(s.article, s.start, s.end): s for s in gold if keep is None or s.article in keep}
    matches = _overlapping(pred, gold_map) if relaxed else {k: k for k in pred.keys() & gold_map.keys()}
    agree = compared = 0
    disagreements = []
    pairs = []
    for gkey in sorted(matches):
        g, p = gold_map[gkey], pred[matches[gkey]]
        pairs.append((g, p))
        if g.edtf is None or p.edtf is None:
            continue
        compared += 1
        if g.edtf == p.edtf:
            agree += 1
        else:
            disagreements.append((g, p))
    used = set(matches.values())
    return Score(
        tp=len(matches), fp=len(pred.keys() - used), fn=len(gold_map.keys() - matches.keys()),
        edtf_agree=agree, edtf_compared=compared,
        false_positives=tuple(pred[k] for k in sorted(pred.keys() - used)),
        false_negatives=tuple(gold_map[k] for k in sorted(gold_map.keys() - matches.keys())),
        edtf_disagreements=tuple(disagreements), pairs=tuple(pairs),
    )


def _overlapping(pred: dict, gold: dict) -> dict:
    """Gold key -> predicted key for overlapping spans, each used once, in text order."""
    by_article: dict[str, list] = {}
    for key in sorted(pred):
        by_article.setdefault(key[0], []).append(key)
    matches, used = {}, set()
    for gkey in sorted(gold):
        for pkey in by_article.get(gkey[0], ()):
            if pkey not in used and pkey[1] < gkey[2] and gkey[1] < pkey[2]:
                matches[gkey] = pkey
                used.add(pkey)
                break
    return matches


def spans_from_mentions(mentions: Iterable) -> list[Span]:
    """:class:`timeline_app.extract.Mention` values as scoring spans."""
    return [Span(m.article, m.char_start, m.char_end, m.expression, m.edtf) for m in mentions]


def spans_from_substrings(article: str, text: str, substrings: Iterable[str | tuple[str, str | None]],
                          offset: int = 0) -> list[Span]:
    """Place substrings returned in text order (e.g. by ``search_dates``) on the text.

    Each is looked for from the end of the previous one; a substring not
    found there is looked for from the start of the text, and dropped if it
    is not in the text at all.  An item may be (substring, EDTF value).
    ``offset`` is added to every position (``text`` is a part of the article).
    """
    spans = []
    pos = 0
    for item in substrings:
        sub, value = item if isinstance(item, tuple) else (item, None)
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0 or not sub:
            continue
        spans.append(Span(article, offset + i, offset + i + len(sub), sub, value))
        pos = i + len(sub)
    return spans
