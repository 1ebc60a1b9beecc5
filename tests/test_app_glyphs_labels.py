"""Two visual details checked in Chromium: category glyphs are real glyphs, and a selected label never covers its mark.

Glyphs: a character no installed font has is drawn as the font's .notdef box
("tofu").  Each glyph is drawn on a canvas in the font of the element showing
it and compared pixel by pixel with two code points that have no glyph; it
must differ from that box (and show some ink).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.data.categories import load_categories
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.view.figure import MARKER_SIZE
from timeline_app.view.glyphs import GLYPHS

CATEGORIES, _ = load_categories(EVENTS_DIR / "categories.csv")
SCREENSHOTS = Path("/tmp/timeline-screenshots")

# Draws each [text, font-family] on a canvas; reports its ink and whether it is the missing-glyph box.
RENDERS = """
const canvas = document.createElement('canvas');
canvas.width = 96; canvas.height = 96;
const g = canvas.getContext('2d', { willReadFrequently: true });
const draw = (text, family) => {
  g.clearRect(0, 0, 96, 96);
  g.font = '48px ' + family;
  g.fillStyle = '#000';
  g.textBaseline = 'middle';
  g.fillText(text, 16, 48);
  const data = g.getImageData(0, 0, 96, 96).data, alpha = [];
  for (let k = 3; k < data.length; k += 4) alpha.push(data[k]);
  return alpha;
};
const same = (a, b) => a.every((v, k) => v === b[k]);
return arguments[0].map(([text, family]) => {
  const tofu = draw('\\u0378', family), tofu2 = draw('\\u{10FFFD}', family), drawn = draw(text, family);
  return { text, family, ink: drawn.filter((v) => v > 0).length, tofu: same(drawn, tofu) || same(drawn, tofu2),
           tofuConsistent: same(tofu, tofu2) };
});
"""


def renders(page, items: list[list[str]]) -> list[dict]:
    return page.js(RENDERS, items)


def assert_real_glyphs(results: list[dict]) -> None:
    assert results
    assert all(r["tofuConsistent"] for r in results), "the missing-glyph box is one box (the check works)"
    missing = [r["text"] for r in results if r["tofu"] or r["ink"] < 30]
    assert missing == [], f"drawn as an empty box (no font has them): {missing}"


def test_every_category_glyph_renders_in_the_chips_and_the_table(page):
    page.open("?from=1900&to=1960")
    chips = page.js("return [...document.querySelectorAll('.chip .glyph')].map(g =>"
                    " [g.textContent, getComputedStyle(g).fontFamily])")
    assert len(chips) == len(CATEGORIES)
    assert len({text for text, _ in chips}) == len(CATEGORIES), "categories differ by shape, not only colour"
    assert_real_glyphs(renders(page, chips))
    # Every glyph the app knows, not only the shipped categories', in the chips' font.
    family = chips[0][1]
    assert_real_glyphs(renders(page, [[glyph, family] for glyph in sorted(set(GLYPHS.values()))]))
    # Each category's glyph stands for its plotly marker symbol.
    for category in CATEGORIES.values():
        assert category.symbol.removesuffix("-open") in GLYPHS, category
    # The table view's category column.
    page.driver.find_element("id", "table-toggle").click()
    page.wait("document.querySelectorAll('#events-table .glyph').length > 0", message="the table's glyphs")
    cells = page.js("return [...document.querySelectorAll('#events-table .glyph')].map(g =>"
                    " [g.textContent, getComputedStyle(g).fontFamily])")
    assert_real_glyphs(renders(page, [list(c) for c in {tuple(c) for c in cells}]))
    page.driver.find_element("id", "table-toggle").click()
    assert page.duo.get_logs() == []


def point_events(page) -> list[dict]:
    return page.js("const d = window.timelineLib.current.d, out = [];"
                   " for (let i = 0; i < d.title.length; i++) if (d.kind[i] === 0)"
                   "   out.push({index: i, title: d.title[i], day: (d.start[i] + d.end[i]) / 2});"
                   " return out;")


def own_mark(page, index: int) -> dict:
    return page.js(f"""
        const gd = {page.GD}, i = arguments[0], fl = gd._fullLayout, box = gd.getBoundingClientRect();
        const t = gd._fullData.find(t => String(t.meta).startsWith('marks:') && Array.from(t.customdata).includes(i));
        const k = Array.from(t.customdata).indexOf(i);
        return {{x: box.left + fl._size.l + fl.xaxis.l2p(t.x[k]), y: box.top + fl._size.t + fl.yaxis.l2p(t.y[k])}};
    """, index)


def covers(label: dict, mark: dict, radius: float) -> bool:
    return (label["left"] < mark["x"] + radius and mark["x"] - radius < label["right"]
            and label["top"] < mark["y"] + radius and mark["y"] - radius < label["bottom"])


@pytest.mark.parametrize("where", [0.99, 0.97, 0.94, 0.9, 0.85, 0.5, 0.03])
def test_a_selected_label_never_covers_its_own_mark(page, where):
    page.open()
    events = point_events(page)
    # The longest title: its label is the widest, so the hardest to fit at the right edge.
    event = max(events, key=lambda e: len(e["title"]))
    page.js("window.timelineLib.selectEvent(arguments[0])", event["index"])
    page.wait(f"document.querySelector('#timeline-labels .tl-label.selected[data-index=\"{event['index']}\"]')",
              message=f"the selected label of {event['title']}")
    page.settle()
    width = 3650.0  # ten years of days in view, the event at `where` of the width
    page.relayout(event["day"] - where * width, event["day"] + (1 - where) * width)
    assert page.status()["selectedDrawn"] == event["index"]
    label = next(b for b in page.label_boxes() if b["index"] == event["index"])
    mark = own_mark(page, event["index"])
    plot = page.plot_box()
    assert plot["left"] < mark["x"] < plot["right"]
    assert not covers(label, mark, MARKER_SIZE / 2), (event["title"], label, mark)
    assert plot["left"] - 1 <= label["left"] and label["right"] <= plot["right"] + 1, "the label stays in the plot"
    assert label["right"] - label["left"] >= 30, "the label is not squeezed to nothing"
    if where > 0.8:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.driver.save_screenshot(str(SCREENSHOTS / f"selected-label-right-edge-{where}.png"))
    # No other label covers its own mark either.
    for box in page.label_boxes():
        if box["index"] in {e["index"] for e in events}:
            assert not covers(box, own_mark(page, box["index"]), MARKER_SIZE / 2 - 1), box
    assert page.duo.get_logs() == []
