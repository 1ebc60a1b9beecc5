"""Validation throughput: ``check`` over a generated 100,000-row events file.

Run from the repository root:  .venv/bin/python bench/check.py [--rows N] [--repeats N]

The file is written to a temporary directory (nothing in the repo) and
validated by the function ``python -m timeline_app check`` uses, against the
shipped categories, periods and articles.  Its rows look like editors' rows:
unique ids, every category, quotes that are in their articles, and dates in
the forms the guide lists in the proportions of a history timeline (years
mostly, a tenth to the month, a tenth to the day, across a millennium);
``--all-days`` dates every row to a different day, the worst case for the
date cache.  Every
50th row carries a mistake (bad date, unknown category, misquote), because
the slow paths (difflib suggestions, quote diagnosis) must stay fast too.
Throughput is the best of N repeats, each with the date caches cleared.
Target: at least 50,000 rows per second.

Then a 1 MB adversarial file (a quote opened on every other line, a
problem on nearly every line) is checked the same way.  Target: under 1 s
(the reader once restarted from the file's start for each run-on quote,
and spent 48 s on 770 KB).

Then the same file is loaded into the app (``create_app``, as ``serve
--events FILE`` does) and opened in headless Chromium with bench/app.py's
browser: how long the server takes to build it, the first painted timeline,
the longest main-thread task while the page loads, the problems panel's
summary, and how soon a frame follows once the page has settled.  Target:
the page never freezes (a frame within 100 ms).  ``--no-app`` skips this
part (it needs selenium and Chromium: ``make test-deps``).
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True          # write nothing into the repo, not even __pycache__

import argparse  # noqa: E402
import calendar  # noqa: E402
import csv  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline_app.data import dates  # noqa: E402
from timeline_app.data.dataset import COLUMNS, load_dataset  # noqa: E402
from timeline_app.data.paths import EVENTS_DIR  # noqa: E402
from timeline_app.data.problems import count_errors, count_problems  # noqa: E402
from timeline_app.data.validate import check_file  # noqa: E402

TARGET = 50_000
ADVERSARIAL_BYTES = 1_000_000
ADVERSARIAL_TARGET_SECONDS = 1.0


def random_date(rng: random.Random, all_days: bool) -> tuple[str, str]:
    """(start, end) in one of the forms editors write, in the proportions of a history timeline.

    Most events are dated to a year; a tenth to the month, a tenth to the
    day.  With ``all_days`` every date is a different day: the worst case.
    """
    year = rng.randint(1000, 2000)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    form = 0.0 if all_days else rng.random()
    if form < 0.05:
        return f"{year}-{month:02d}-{day:02d}", ""
    if form < 0.1:
        return f"{day} {calendar.month_name[month]} {year}", ""
    if form < 0.2:
        return f"{calendar.month_name[month]} {year}", ""
    if form < 0.6:
        return str(year), ""
    if form < 0.8:
        return str(year), str(year + rng.randint(1, 40))
    return rng.choice(["c. 1893", "the early 1920s", "73 BC", "the 19th century", "1918-21",
                       "autumn 1956", "the '30s", "192X", "1893~", "-0072"]), ""


def write_events(path: Path, rows: int, all_days: bool = False, seed: int = 1) -> int:
    """Write the file; the number of distinct date texts in it."""
    rng = random.Random(seed)
    dataset = load_dataset(EVENTS_DIR)
    cited = [(e.article, e.quote) for e in dataset.events]
    categories = list(dataset.categories)
    texts: set[str] = set()
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(rows):
            start, end = random_date(rng, all_days)
            texts.update((start, end))
            article, quote = rng.choice(cited)
            category = categories[i % len(categories)]
            if i % 50 == 49:  # a mistake, of one of three kinds
                start, category, quote = [("Octobr 1956", category, quote), (start, category + "x", quote),
                                          (start, category, quote + " and more")][i // 50 % 3]
            writer.writerow([f"event-{i}", f"Event number {i}", start, end, category,
                             "Rosa Luxemburg; Leo Jogiches", "Poland; Zurich", article, quote,
                             "A description of the event, long enough to look like the real ones do."])
    return len(texts - {""})


def write_adversarial(path: Path, size: int = ADVERSARIAL_BYTES) -> None:
    """An events header, then a quote opened on every other line (``"a`` / ``b,c"``) up to ``size`` bytes.

    Every pair is a run-on quote and a short row: the file the quadratic
    reader spent 48 s on (770 KB), with a problem on nearly every line.
    """
    header = ",".join(COLUMNS) + "\n"
    path.write_text(header + '"a\nb,c"\n' * ((size - len(header)) // 8), encoding="utf-8")


def adversarial(folder: Path, repeats: int) -> None:
    """Print how long ``check`` takes over :func:`write_adversarial`'s file (best of ``repeats``)."""
    path = folder / "adversarial.csv"
    write_adversarial(path)
    best = cpu = float("inf")
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        problems, loaded = check_file(path)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - cpu_started)
    print(f"adversarial: {path.stat().st_size:,} bytes of run-on quotes checked in {best:.2f} s "
          f"({cpu:.2f} s of CPU: on a busy machine the difference is waiting) "
          f"({loaded}; {count_problems(problems):,} problems, {len(problems)} lines listed) "
          f"target under {ADVERSARIAL_TARGET_SECONDS:.0f} s: "
          f"{'met' if best < ADVERSARIAL_TARGET_SECONDS else 'NOT MET'}", flush=True)


def clear_date_caches() -> None:
    for name, obj in vars(dates).items():
        if hasattr(obj, "cache_clear") and "parser" not in name:
            obj.cache_clear()


LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
  .observe({type: 'longtask', buffered: true});
"""
"""Collects the page's long tasks (over 50 ms) from its first script on."""

FROZEN_MS = 100


def app_load(path: Path, rows: int) -> None:
    """Serve the generated file in the app, open it in Chromium, print whether the page froze."""
    try:
        import app as browser_bench  # bench/app.py: its browser and server helpers
    except ImportError as exc:
        print(f"app: skipped ({exc}; run make test-deps)")
        return
    from timeline_app.web.app import create_app

    started = time.perf_counter()
    application = create_app(path)
    built = time.perf_counter() - started
    url, server = browser_bench.serve(application.server)
    driver = browser_bench.browser()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LONG_TASKS})
        paint = browser_bench.load(driver, url)
        browser_bench.settle_ours(driver)
        frame = browser_bench.frame_latency(driver)
        longest, summary = driver.execute_script(
            "return [Math.max(0, ...window.__longTasks),"
            " (document.getElementById('problems-summary') || {}).textContent]")
    finally:
        driver.quit()
        server.shutdown()
    print(f"app: {rows} rows built in {built:.1f} s; first paint {paint:.0f} ms; longest main-thread task "
          f"{longest:.0f} ms; problems panel: {summary!r}; a frame {frame:.0f} ms after settling "
          f"(target under {FROZEN_MS} ms: {'met' if frame < FROZEN_MS else 'NOT MET'})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--all-days", action="store_true",
                        help="date every row to a different day (worst case for the date cache)")
    parser.add_argument("--no-app", action="store_true", help="skip loading the file into the app in Chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.csv"
        distinct = write_events(path, args.rows, args.all_days)
        check_file(path)  # warm up: imports, plotly symbol check, dateparser
        best = float("inf")
        for _ in range(args.repeats):
            clear_date_caches()
            started = time.perf_counter()
            problems, loaded = check_file(path)
            best = min(best, time.perf_counter() - started)
        rate = args.rows / best
        print(f"check: {args.rows} rows ({distinct} distinct dates) in {best:.2f} s = {rate:,.0f} rows/s "
              f"({loaded}; {count_errors(problems)} errors, {count_problems(problems):,} problems) "
              f"target {TARGET:,} rows/s: {'met' if rate >= TARGET else 'NOT MET'}", flush=True)
        adversarial(Path(tmp), args.repeats)
        if not args.no_app:
            app_load(path, args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
