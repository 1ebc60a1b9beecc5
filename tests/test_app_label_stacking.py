"""Labels stacked in the free space around their rows (assets/timeline-labels.js), and the hover tooltip above them.

The shipped 29 events at the default view: how many labels show the whole
title, with no two label boxes overlapping and no label box over a mark's
centre; and plotly's hover tooltip drawn above the label layer.
"""

from __future__ import annotations

import pytest

from test_app_timeline import overlapping

# Label boxes, leader lines and every mark's centre (viewport pixels), with the titles.
SCENE = """
const gd = document.querySelector('#timeline .js-plotly-plot'), fl = gd._fullLayout, box = gd.getBoundingClientRect();
const d = window.timelineLib.current.d, marks = [];
for (const t of gd._fullData) if (String(t.meta).startsWith('marks:'))
  for (let k = 0; k < t.x.length; k++) marks.push({x: box.left + fl._size.l + fl.xaxis.l2p(t.x[k]),
    y: box.top + fl._size.t + fl.yaxis.l2p(t.y[k]), index: t.customdata[k]});
const rect = (el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
return {
  titles: d.title.slice(), marks,
  labels: [...document.querySelectorAll('#timeline-labels .tl-label')].map(l => ({...rect(l), text: l.textContent,
    index: Number(l.dataset.index)})),
  leaders: [...document.querySelectorAll('#timeline-labels .tl-leader')].map(rect),
};
"""


def full_titles(scene: dict) -> int:
    return sum(label["text"] == scene["titles"][label["index"]] for label in scene["labels"])


def check_scene(scene: dict) -> None:
    """No label overlaps another, covers a mark's centre (its own included) or a leader line."""
    labels = scene["labels"]
    assert labels and overlapping(labels) == []
    for label in labels:
        covered = [m for m in scene["marks"] if label["left"] < m["x"] < label["right"]
                   and label["top"] < m["y"] < label["bottom"]]
        assert covered == [], (label["text"], covered)
        crossed = [line for line in scene["leaders"] if label["left"] < line["left"] < label["right"] - 0.5
                   and label["top"] < line["bottom"] - 0.5 and line["top"] < label["bottom"] - 0.5]
        assert crossed == [], (label["text"], crossed)


@pytest.mark.parametrize("query, width, height, at_least", [
    ("", 1280, 720, 0.65),
    ("", 1920, 1080, 0.8),
    ("?present=1", 1920, 1080, 0.4),
])
def test_labels_show_whole_titles_where_there_is_room(page, query, width, height, at_least):
    page.open(query, width=width, height=height)
    scene = page.js(SCENE)
    check_scene(scene)
    whole = full_titles(scene)
    print(f"{query or 'default'} {width}x{height}: {len(scene['labels'])} labels, {whole}/{len(scene['titles'])}"
          f" whole titles, {len(scene['leaders'])} stacked with a leader")
    assert len(scene["titles"]) == 29
    assert whole >= at_least * len(scene["titles"]), [label["text"] for label in scene["labels"]]
    assert page.duo.get_logs() == []


@pytest.mark.xfail(strict=True, reason="issue 15 point 6 asks 80 % at 1280x720; the placement reaches 69 %")
def test_most_whole_titles_at_1280x720(page):
    page.open()
    scene = page.js(SCENE)
    assert full_titles(scene) >= 0.8 * len(scene["titles"])


def test_the_hover_tooltip_is_drawn_above_the_labels(page):
    page.open()
    # A mark whose own label starts right of it: the tooltip opens over that label.
    title = "Serfdom abolished in Russia"
    actions = page.pointer()
    actions.pointer_action.move_to_location(*map(int, page.mark_point(title)))
    actions.perform()
    page.wait("document.querySelector('.hoverlayer .hovertext')", message="the tooltip")
    # Hit testing follows paint order; labels and plotly's svgs let the mouse through, so
    # they take it for this one synchronous look only.
    top = page.js("""
        const tip = document.querySelector('.hoverlayer .hovertext').getBoundingClientRect();
        const under = [...document.querySelectorAll('#timeline-labels .tl-label')].map(l => l.getBoundingClientRect())
          .filter(r => r.left < tip.right && tip.left < r.right && r.top < tip.bottom && tip.top < r.bottom);
        const style = document.createElement('style');
        style.textContent = '#timeline-labels, #timeline-labels *, .hoverlayer, .hoverlayer * { pointer-events: auto !important; }';
        document.head.appendChild(style);
        const at = (x, y) => { const el = document.elementFromPoint(x, y); return !!(el && el.closest('.hoverlayer')); };
        const points = [[(tip.left + tip.right) / 2, (tip.top + tip.bottom) / 2]].concat(under.map(r =>
          [(Math.max(r.left, tip.left) + Math.min(r.right, tip.right)) / 2,
           (Math.max(r.top, tip.top) + Math.min(r.bottom, tip.bottom)) / 2]));
        const result = {under: under.length, topmost: points.map(([x, y]) => at(x, y))};
        style.remove();
        return result;
    """)
    assert top["under"] >= 1, "the tooltip lies over a label (else the test shows nothing)"
    assert all(top["topmost"]), top
    assert page.duo.get_logs() == []
