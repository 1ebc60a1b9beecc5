"""``propose`` against the hand-made gold set, and its speed over 1,000 generated articles.

Run from the repository root:  .venv/bin/python bench/propose.py

Prints, by the judging rules of tests/gold/proposals/README.md (counted by
tests/proposal_scoring.py, as the tests count): recall (gold events proposed
with the right dates and article), category accuracy, precision, then the
gold rows missed (with the reason when the extractor found no such date)
and the proposals kept by no gold row.  Targets (issue 13): recall >= 0.90,
category >= 0.70, precision >= 0.80, and 1,000 articles of 2 KB in < 5 s.
The generated articles are written to a temporary folder and removed.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True          # write nothing into the repo, not even __pycache__

import random  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from proposal_scoring import GOLD_ARTICLES, GOLD_EVENTS, GOLD_NOT_EVENTS, read_csv, score  # noqa: E402

from timeline_app.data.dataset import COLUMNS  # noqa: E402
from timeline_app.data.export import rows_to_csv  # noqa: E402
from timeline_app.data.paths import EVENTS_CSV, EVENTS_DIR  # noqa: E402
from timeline_app.extract import extractor  # noqa: E402
from timeline_app.extract.extractor import default_periods, extract_path  # noqa: E402
from timeline_app.extract.propose import propose_path  # noqa: E402

ARTICLES = 1000
ARTICLE_BYTES = 2048
TARGETS = {"recall": 0.90, "category": 0.70, "precision": 0.80, "seconds": 5.0}


def gold_figures() -> None:
    run = propose_path(GOLD_ARTICLES, EVENTS_DIR, EVENTS_CSV, default_periods())
    proposals = [dict(zip(COLUMNS, p.cells())) for p in run.proposals]
    gold, not_events = read_csv(GOLD_EVENTS), read_csv(GOLD_NOT_EVENTS)
    result = score(proposals, gold, not_events)
    found = {(m.article, m.expression) for m in extract_path(GOLD_ARTICLES)}
    print(f"gold: {result.gold} events in 5 articles; {result.proposed} proposals")
    print(f"recall     {result.recall:.3f}  ({len(result.matched)}/{result.gold})   target >= {TARGETS['recall']}")
    right = sum(g['category'] == p['category'] for g, p in result.matched)
    print(f"category   {result.category:.3f}  ({right}/{result.gold})   target >= {TARGETS['category']}")
    print(f"precision  {result.precision:.3f}  ({len(result.matched)}/{result.proposed})   "
          f"target >= {TARGETS['precision']}")
    print("gold events not proposed:")
    for g in result.unmatched_gold:
        why = "the extractor does not find this date" if (g["article"], g["mention"]) not in found \
            else "proposed with other dates or quote"
        print(f"  {g['article']}: {g['mention']!r} ({g['start']}/{g['end']}): {why}")
    print("proposals no gold row keeps:")
    for group, rows in (("a listed not-event", result.unmatched_not_events), ("other", result.unmatched_other)):
        for p in rows:
            print(f"  [{group}] {p['article']}: {p['start']}/{p['end']} {p['quote'][:70]!r}")
    print("wrong categories:")
    for g, p in result.matched:
        if g["category"] != p["category"]:
            print(f"  {g['article']}: {g['mention']!r}: proposed {p['category']}, gold {g['category']}")


def generated_articles(folder: Path, count: int, size: int) -> None:
    """``count`` articles of about ``size`` bytes, sentences of the gold articles with shifted years."""
    sentences = []
    for path in sorted(GOLD_ARTICLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 2)[2]
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()]
    rng = random.Random(13)
    for i in range(count):
        shift = rng.randrange(-300, 100)
        text = f"Generated article {i}\n\n"
        while len(text.encode("utf-8")) < size:
            sentence = rng.choice(sentences)
            text += re.sub(r"\b1[89]\d\d\b", lambda m: str(int(m.group()) + shift), sentence) + " "
        (folder / f"generated-{i:04d}.txt").write_text(text.strip() + "\n", encoding="utf-8")


def speed() -> None:
    """Wall time of ``propose`` (the target), and the processor time of it and of extraction alone.

    On a shared machine the wall time grows with the others' load; the
    processor time does not, and tells the extractor's share from the proposer's.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated_articles(folder, ARTICLES, ARTICLE_BYTES)
        periods = default_periods()
        extract_cpu = time.process_time()
        extract_path(folder, periods)
        extract_cpu = time.process_time() - extract_cpu
        extractor.clear_caches()
        began, cpu = time.perf_counter(), time.process_time()
        run = propose_path(folder, EVENTS_DIR, EVENTS_CSV, periods)
        rows_to_csv(COLUMNS, (p.cells() for p in run.proposals))
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(f"speed: {ARTICLES} articles of {ARTICLE_BYTES} bytes -> {len(run.proposals)} proposals "
          f"in {seconds:.2f} s   target < {TARGETS['seconds']} s")
    print(f"       processor time {cpu:.2f} s, of which the extractor alone takes {extract_cpu:.2f} s")


if __name__ == "__main__":
    gold_figures()
    speed()
