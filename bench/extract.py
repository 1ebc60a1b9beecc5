"""Date extraction: timeline_app.extract.extractor against dateparser.search.search_dates.

Run from the repository root:  .venv/bin/python bench/extract.py [--repeats N]

Both run over the same texts (the ten articles in events/sources and the
held-out paragraphs in tests/gold/unseen) and are scored against the hand
annotations in tests/gold/*.csv with the same exact-span scoring the tests
use (tests/scoring.py).  search_dates returns substrings; they
are placed on the text in order.  Throughput is the best of N repeats; the
extractor is timed cold (its own caches and the date model's result caches
cleared before every repeat).  Nothing is written to disk.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True          # write nothing into the repo, not even __pycache__

import argparse  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):  # the package, and tests/scoring.py shared with the tests
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from scoring import (  # noqa: E402
    Score,
    load_gold,
    score,
    spans_from_mentions,
    spans_from_substrings,
)

from timeline_app.data import dates  # noqa: E402
from timeline_app.data.sources import load_articles  # noqa: E402
from timeline_app.extract import extractor as extract  # noqa: E402

SETS = (
    ("articles", ROOT / "events" / "sources", ROOT / "tests" / "gold" / "articles.csv"),
    ("unseen", ROOT / "tests" / "gold" / "unseen", ROOT / "tests" / "gold" / "unseen.csv"),
    ("narrative", ROOT / "tests" / "gold" / "narrative", ROOT / "tests" / "gold" / "narrative.csv"),
)


def clear_result_caches() -> None:
    """Forget every date read from text so far.

    Kept: loaded parsers (dateparser's own objects, like search_dates keeps
    its language data) and the gazetteer index, which is built once when the
    gazetteer is loaded, not per text.
    """
    extract.clear_caches()
    for name, obj in vars(dates).items():
        if hasattr(obj, "cache_clear") and "parser" not in name:
            obj.cache_clear()


def run_extractor(texts, periods):
    mentions = []
    for article_id, text in texts:
        mentions.extend(extract.extract_article(article_id, text, periods, unresolved=True))
    return mentions


def run_search_dates(texts):
    from dateparser.search import search_dates

    spans = []
    for article_id, text in texts:
        found = search_dates(text, languages=["en"]) or []
        spans.extend(spans_from_substrings(article_id, text, (s for s, _ in found)))
    return spans


def best_time(fn, repeats: int, before=None) -> float:
    best = float("inf")
    for _ in range(repeats):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def row(name: str, s: Score) -> str:
    return (f"  {name:<10} P={s.precision:.3f}  R={s.recall:.3f}  F1={s.f1:.3f}  "
            f"(tp={s.tp:3d} fp={s.fp:3d} fn={s.fn:3d})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timing repeats (best is kept)")
    parser.add_argument("--errors", action="store_true", help="list each system's misses and false hits")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")      # dateparser's deprecation chatter

    periods = tuple(extract.default_periods())
    texts, gold, per_set = [], [], []
    for name, folder, gold_csv in SETS:
        arts = load_articles(folder)
        texts.extend((a.id, a.text) for a in arts.values())
        g = load_gold(gold_csv)
        gold.extend(g)
        per_set.append((name, list(arts)))
    n_chars = sum(len(t) for _, t in texts)
    print(f"{len(texts)} texts, {n_chars} chars, {len(gold)} gold date expressions, "
          f"{len(periods)} gazetteer periods\n")

    # Warm-up (imports, dateparser's language data) outside the timings.
    ours = run_extractor(texts, periods)
    theirs = run_search_dates(texts)

    results = {}
    for system, predicted in (("extract", spans_from_mentions(ours)), ("search_dates", theirs)):
        print(f"{system}:")
        for name, ids in per_set + [("all", [i for i, _ in texts])]:
            s = score(predicted, gold, articles=ids)
            print(row(name, s))
            if system == "extract":
                print(f"  {'':<10} EDTF agreement on matched spans: {s.edtf_agree}/{s.edtf_compared}")
            if args.errors and name == "all" and s.errors():
                print("    " + s.errors().replace("\n", "\n    "))
        results[system] = s

    t_ours = best_time(lambda: run_extractor(texts, periods), args.repeats, before=clear_result_caches)
    t_warm = best_time(lambda: run_extractor(texts, periods), args.repeats)
    t_theirs = best_time(lambda: run_search_dates(texts), max(1, min(args.repeats, 3)))
    print(f"\nthroughput (best of {args.repeats} repeats; search_dates best of "
          f"{max(1, min(args.repeats, 3))}):")
    for system, t in (("extract", t_ours), ("extract warm", t_warm), ("search_dates", t_theirs)):
        print(f"  {system:<13} {len(texts) / t:10.1f} articles/s  {n_chars / t:12.0f} chars/s  "
              f"({t * 1000:.1f} ms for all texts)")
    print("  (extract: cold = date caches cleared before each repeat; warm = kept)")
    print(f"  ratio extract/search_dates: {t_theirs / t_ours:.1f}x cold, {t_theirs / t_warm:.1f}x warm")
    worst_case(args.repeats)
    return 0


def worst_case(repeats: int) -> None:
    """One 100,000-character paragraph without a sentence break holding 12,500 dates.

    Every mention's sentence is that whole paragraph: the shape that made
    the extractor quadratic (target: < 0.5 s).
    """
    text = "Title\n\n" + "in 1956 " * 12_500
    t = best_time(lambda: extract.extract_article("x", text), repeats, before=clear_result_caches)
    n = len(extract.extract_article("x", text))
    print(f"\nworst case: {len(text)} chars in one sentence, {n} dates: {t * 1000:.0f} ms "
          f"(best of {repeats}, cold)")


if __name__ == "__main__":
    sys.exit(main())
