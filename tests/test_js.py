"""The browser's JavaScript under node: its unit tests (tests/js/) and its parity with the Python.

The rules both sides apply are pinned here over tables generated from the Python,
so neither copy can drift:

* day numbers: ``timeline-calendar.js`` toDay/fromDay against ``data/daycount.py``;
* year labels: its yearLabel against ``data/dates.py``'s year_label;
* days in the address: its formatDay against ``view/url_state.py``'s format_day;
* plain-year dates: ``timeline-data.js``'s decode against ``view/figure.py``'s plain_years;
* the filter and in-view rule: ``timeline-data.js``'s shown and inView against
  ``view/visible.py``'s VisibleEvents (the table and the exports).

The node tests run with ``node --test`` (Debian's nodejs, installed by ``make
test``; no npm packages); the table reaches them as a JSON file named by
``TIMELINE_PARITY``.  Run alone (``node --test tests/js/*.test.js``), they
skip the parity tests and run the rest.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline_app.data.catalog import build_catalog
from timeline_app.data.dataset import load_dataset
from timeline_app.data.dates import year_label
from timeline_app.data.daycount import from_ordinal, to_ordinal
from timeline_app.data.paths import EVENTS_CSV
from timeline_app.data.validate import dataset_folder_for
from timeline_app.view.figure import plain_years, timeline_payload
from timeline_app.view.url_state import MAX_YEAR, MIN_YEAR, ViewState, format_day, store_data
from timeline_app.view.visible import VisibleEvents

JS_TESTS = Path(__file__).resolve().parent / "js"
NODE_TIMEOUT_S = 120


def days_table(rng: random.Random) -> list:
    """[day, [year, month, day], format_day] for the edges of the calendar and random days."""
    edges = [(y, m, d) for y in (-9999, -401, -400, -100, -1, 0, 1, 4, 100, 1582, 1600, 1900, 1970, 2000, 9999)
             for m, d in ((1, 1), (2, 28), (2, 29), (3, 1), (12, 31))
             if not (m == 2 and d == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)))]
    days = {to_ordinal(day) for day in edges}
    days.update(rng.randint(to_ordinal((MIN_YEAR, 1, 1)), to_ordinal((MAX_YEAR, 12, 31))) for _ in range(3000))
    days.update(range(-800, 800))
    return [[n, list(from_ordinal(n)), format_day(n)] for n in sorted(days)]


def views(catalog, rng: random.Random, count: int) -> list:
    """Random filter sets and ranges, with the positions VisibleEvents shows for each."""
    visible = VisibleEvents(catalog)
    names = list(catalog.categories)
    words = [w for e in catalog.events for w in (e.title + " " + e.date_label).split()]
    lo, hi = catalog.span
    out = []
    for _ in range(count):
        query = rng.choice(["", "", rng.choice(words)[1:4], rng.choice(words).upper(), " war ", "zz"])
        state = ViewState(
            categories=tuple(rng.sample(names, rng.randint(0, len(names)))) if rng.random() < 0.4 else None,
            people=tuple(rng.sample(catalog.people, min(len(catalog.people), rng.randint(0, 2))))
            if rng.random() < 0.3 else (),
            places=tuple(rng.sample(catalog.places, min(len(catalog.places), rng.randint(0, 2))))
            if rng.random() < 0.3 else (),
            query=query.strip(),
            article=rng.choice([*catalog.articles, "no-such-article"]) if rng.random() < 0.2 else None,
        )
        shown = None
        if rng.random() < 0.8:
            a, b = sorted(rng.uniform(lo - 1000, hi + 1000) for _ in range(2))
            shown = [round(a), round(b)]
        view = store_data(state)
        out.append({"view": view, "shown": shown, "expected": visible(view, shown)})
    return out


def dataset_table(catalog, rng: random.Random) -> dict:
    payload = timeline_payload(catalog)
    del payload["figure"]  # the look: not what the rules read
    return {"payload": payload, "plain": [plain_years(e) for e in catalog.events],
            "views": views(catalog, rng, 300)}


def parity_table(ancient_events_file: Path) -> dict:
    rng = random.Random(20261202)
    datasets = [build_catalog(load_dataset(EVENTS_CSV.parent, EVENTS_CSV)),
                build_catalog(load_dataset(dataset_folder_for(ancient_events_file), ancient_events_file))]
    return {
        "days": days_table(rng),
        "years": [[y, year_label(y)] for y in [*range(-300, 301), MIN_YEAR, MAX_YEAR, -65_000_000]],
        "datasets": [dataset_table(catalog, rng) for catalog in datasets],
    }


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if not found:
        pytest.fail("node is missing: `make test` installs Debian's nodejs (apt-get install nodejs)")
    return found


def test_javascript_unit_and_parity_tests_pass_under_node(node, ancient_events_file, tmp_path):
    table = tmp_path / "parity.json"
    table.write_text(json.dumps(parity_table(ancient_events_file)), encoding="utf-8")
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.js"))  # node 18-22 all take files
    assert files, JS_TESTS
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True,
                            timeout=NODE_TIMEOUT_S, env={**os.environ, "TIMELINE_PARITY": str(table)})
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "# fail 0" in report and "# skipped 0" in report, report
