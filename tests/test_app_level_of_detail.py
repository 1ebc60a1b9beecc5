"""Level of detail: with more events than the screen has pixels, draw what the scale can show.

Above LOD_EVENTS shown events (assets/timeline-traces.js) the WebGL traces
hold the events near the view, one mark per row and pixel column, and are
refilled when a zoom changes the scale.  These tests check both halves of
that promise: far fewer points than events are drawn, and still every event
in view has a mark on its row within LOD_COLUMN_PX (3) pixels of its date,
well under a mark's 11 px.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import pytest

from timeline_app.data.daycount import to_ordinal

EVENTS_FILE = "many_events_file"
N_EVENTS = 30_000
CATEGORIES = ("activism", "revolution", "uprising", "strike", "war", "founding", "regime", "reform",
              "exile", "repression", "death")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@pytest.fixture(scope="module")
def many_events_file(tmp_path_factory, repo_root) -> Path:
    """30,000 events in 1800-1999: years, months, days, a few spans."""
    folder = tmp_path_factory.mktemp("many")
    shutil.copy(repo_root / "events" / "categories.csv", folder / "categories.csv")
    (folder / "sources").mkdir()
    (folder / "sources" / "many.txt").write_text("Many events\n\nGenerated rows.\n", encoding="utf-8")
    rng = random.Random(7)
    path = folder / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "title", "start", "end", "category", "article", "quote"])
        for i in range(N_EVENTS):
            year = rng.randint(1800, 1997)
            kind = rng.random()
            start = (f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}" if kind < 0.4
                     else f"{rng.choice(MONTHS)} {year}" if kind < 0.7 else str(year))
            end = str(year + rng.randint(1, 2)) if kind > 0.95 else ""
            writer.writerow([f"e{i}", f"Event {i}", start, end, CATEGORIES[i % len(CATEGORIES)], "many",
                             "Generated"])
    return path


# Marks drawn, and the events in view that have no mark on their row within 3 px of their date.
COVERAGE = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const { d, s, R } = window.timelineLib.current;
const xa = gd._fullLayout.xaxis;
const [lo, hi] = xa.range;
const drawn = new Set();
let marks = 0;
for (const t of gd._fullData) {
  if (!String(t.meta).startsWith('marks:')) continue;
  marks += t.x.length;
  for (let k = 0; k < t.x.length; k++) drawn.add(t.meta + '|' + t.y[k] + '|' + Math.round(xa.l2p(t.x[k])));
}
let inView = 0;
let missing = 0;
for (const i of s.idx) {
  const xs = d.kind[i] === 1 ? [d.start[i], d.end[i]] : [(d.start[i] + d.end[i]) / 2];
  for (const x of xs) {
    if (x < lo || x > hi) continue;
    inView += 1;
    const key = 'marks:' + d.categories[d.cat[i]].name + '|' + R.y(i) + '|';
    const px = Math.round(xa.l2p(x));
    if (![-3, -2, -1, 0, 1, 2, 3].some((dx) => drawn.has(key + (px + dx)))) missing += 1;
  }
}
return { marks, inView, missing, width: xa._length, rows: R.count, refines: window.timelineStatus.refines };
"""


def test_everything_in_view_is_drawn_with_a_mark_per_pixel_at_most(page):
    page.open()
    whole = page.js(COVERAGE)
    assert whole["inView"] >= N_EVENTS
    assert whole["missing"] == 0, whole
    # Three screens' worth (the view and a margin each side), one mark per row and 3 px.
    assert whole["marks"] <= 3 * whole["rows"] * whole["width"] / 3 + whole["rows"], whole
    assert whole["marks"] < N_EVENTS / 2, whole


def test_zooming_in_refills_the_marks_for_the_new_scale(page):
    page.open()
    before = page.js(COVERAGE)
    page.relayout(to_ordinal((1900, 1, 1)), to_ordinal((1910, 1, 1)))
    decade = page.js(COVERAGE)
    assert decade["refines"] > before["refines"], "the zoom changed the scale: the traces were refilled"
    assert decade["missing"] == 0, decade
    assert 1000 < decade["inView"] < N_EVENTS / 10
    # A pan within the margin keeps the traces; one beyond it refills them.
    page.relayout(to_ordinal((1903, 1, 1)), to_ordinal((1913, 1, 1)))
    assert page.js(COVERAGE)["refines"] == decade["refines"]
    page.relayout(to_ordinal((1950, 1, 1)), to_ordinal((1960, 1, 1)))
    far = page.js(COVERAGE)
    assert far["refines"] > decade["refines"] and far["missing"] == 0, far
    assert page.duo.get_logs() == []
