/*
 * Label placement (assets/timeline-labels.js) as a pure function: over many
 * random datasets, views and selections, labels never overlap one another,
 * stay inside the plot and number at most the cap.  Widths come from a fixed
 * width per character instead of a canvas.
 */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./assets.js');

const LABEL_HEIGHT = 16; // 2 x LABEL_HALF_HEIGHT at the normal size (timeline-labels.js)

/* A small seeded generator, so a failure names a case that can be run again. */
function random(seed) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Revolution', 'of', 'the', 'War', 'Treaty', 'Battle', 'Siege', 'Rising', 'Congress', 'Strike',
  'Wałęsa', 'Łódź', 'a', 'long', 'name', 'that', 'goes', 'on', 'and', 'on'];

/* Event columns as timeline_app/view/figure.py's event_columns sends them. */
function payload(rnd, n) {
  const categories = ['war', 'uprising', 'treaty', 'death', 'life'].map((name) => ({ name, label: name }));
  const starts = Array.from({ length: n }, () => Math.floor(rnd() * 40000) - 20000).sort((a, b) => a - b);
  const spans = [];
  const lives = [];
  const length = starts.map((_, i) => {
    const r = rnd();
    if (r < 0.15) {
      spans.push(i);
      if (r < 0.05) lives.push([i, lives.length % 3]);
      return 1 + Math.floor(rnd() * 8000);
    }
    return r < 0.5 ? 1 : r < 0.8 ? 30 : 365;
  });
  const title = starts.map(() => Array.from({ length: 1 + Math.floor(rnd() * 7) },
    () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' '));
  return {
    categories, people: [], places: [], life: 'life',
    events: {
      count: n, id: starts.map((_, i) => 'e' + i),
      start: starts.map((s, i) => (i ? s - starts[i - 1] : s)), length,
      category: starts.map((_, i) => (lives.some(([j]) => j === i) ? 4 : Math.floor(rnd() * 4))),
      title, date: starts.map(() => 'a date'), people: starts.map(() => []), places: starts.map(() => []),
      spans, lives, fuzzy: [],
    },
  };
}

/* Widths as a canvas would give them, roughly: a fixed width per character, bold wider. */
const type = (px) => ({ px, measure: (text, bold) => Math.ceil(text.length * px * (bold ? 0.68 : 0.6)) + 6 });

function place(rnd, d, px, plotW, plotH) {
  const s = lib.data.shown(d, {});
  const R = lib.traces.rows(d, s);
  const lo = -20000 + rnd() * 30000;
  const range = [lo, lo + 30 + rnd() * rnd() * 60000];
  const plot = { l: 0, t: 0, w: plotW, h: plotH };
  const unit = plot.h / (R.height + 0.2);
  const ya = { l2p: (y) => (y + 0.1) * unit }; // the y axis runs downwards from -0.1
  const selected = rnd() < 0.5 && s.idx.length ? s.idx[Math.floor(rnd() * s.idx.length)] : null;
  const placed = lib.labels.labels(d, s, R, range, plot, selected, type(px), unit, ya, null);
  return { placed, plot, selected, range, R, ya };
}

function overlap(a, b, height) {
  return a.left < b.right && b.left < a.right && a.top < b.top + height && b.top < a.top + height;
}

/* Whether the leader g passes through the box (left, right, top, bottom), shrunk by half a pixel. */
function crossesBox(g, box) {
  let [t0, t1] = [0, 1];
  const dx = g.x1 - g.x0;
  const dy = g.y1 - g.y0;
  for (const [p, q] of [[-dx, g.x0 - (box.left + 0.5)], [dx, box.right - 0.5 - g.x0],
    [-dy, g.y0 - (box.top + 0.5)], [dy, box.bottom - 0.5 - g.y0]]) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  return t0 < t1;
}

/* The distance from point (x, y) to the leader g. */
function distance(g, x, y) {
  const dx = g.x1 - g.x0;
  const dy = g.y1 - g.y0;
  const t = Math.max(0, Math.min(1, ((x - g.x0) * dx + (y - g.y0) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(g.x0 + t * dx - x, g.y0 + t * dy - y);
}

test('labels never overlap, stay in the plot and keep to the cap', () => {
  let total = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const rnd = random(seed);
    const d = lib.data.decode(payload(rnd, 5 + Math.floor(rnd() * 400)));
    for (const px of [11, 26]) {
      const plotW = rnd() < 0.3 ? 300 + rnd() * 300 : 700 + rnd() * 1200;
      const { placed, plot, selected, range, R, ya } = place(rnd, d, px, plotW, 250 + rnd() * 500);
      const cap = plot.w < lib.labels.NARROW_PX ? lib.labels.MAX_LABELS_NARROW : lib.labels.MAX_LABELS;
      const height = LABEL_HEIGHT * px / lib.labels.FONT_PX;
      const where = 'seed ' + seed + ', ' + px + ' px';
      assert.ok(placed.length <= cap, where + ': ' + placed.length + ' labels');
      for (const p of placed) {
        assert.ok(p.left >= 0 && p.right <= plot.w + 0.5 && p.left < p.right, where + ': outside ' + JSON.stringify(p));
        assert.equal(p.selected, p.i === selected, where);
      }
      // No label (but the selected one, which may) hides a mark's centre, its own included; no
      // leader passes through another event's mark or any label but its own.
      const k = plot.w / (range[1] - range[0]);
      for (const p of placed.filter((q) => !q.selected)) {
        for (const i of lib.data.shown(d, {}).idx) {
          const y = ya.l2p(R.y(i));
          const xs = d.kind[i] === 1 ? [d.start[i], d.end[i]] : [(d.start[i] + d.end[i]) / 2];
          for (const x of xs.map((day) => (day - range[0]) * k)) {
            assert.ok(!(p.left < x && x < p.right && p.top < y && y < p.top + height),
              where + ': ' + p.text + ' covers the mark of ' + i);
            assert.ok(!p.leader || i === p.i || distance(p.leader, x, y) > 2,
              where + ': the leader of ' + p.text + ' crosses the mark of ' + i);
            // A label moved to another line keeps well clear of that line's marks (16 px at 11 px).
            const clear = 16 * (px / 11) - 0.5;
            const onItsLine = y > p.top - 5 * (px / 11) && y < p.top + height + 5 * (px / 11);
            const drawn = x >= 0 && x <= plot.w;
            assert.ok(!p.leader || i === p.i || !onItsLine || !drawn || x < p.left - clear || x > p.right + clear,
              where + ': ' + p.text + ' moved next to the mark of ' + i);
          }
        }
        for (const q of placed) {
          assert.ok(!p.leader || q === p || !crossesBox(p.leader, { ...q, bottom: q.top + height }),
            where + ': the leader of ' + p.text + ' crosses the label ' + q.text);
        }
      }
      for (let a = 0; a < placed.length; a++) {
        for (let b = a + 1; b < placed.length; b++) {
          assert.ok(!overlap(placed[a], placed[b], height),
            where + ': ' + JSON.stringify([placed[a], placed[b]].map(({ i, text, left, right, top }) => ({ i, text, left, right, top }))));
        }
      }
      total += placed.length;
    }
  }
  assert.ok(total > 5000, 'the cases place labels at all: ' + total);
});

test('the selected event is labelled, once, whenever its mark or span is on screen', () => {
  let checked = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const rnd = random(seed);
    const d = lib.data.decode(payload(rnd, 20 + Math.floor(rnd() * 300)));
    const { placed, plot, selected, range } = place(rnd, d, 11, 600 + rnd() * 1000, 400);
    if (selected === null) continue;
    const mid = (d.start[selected] + d.end[selected]) / 2;
    const onScreen = d.kind[selected] === 1 ? d.end[selected] >= range[0] && d.start[selected] <= range[1]
      : mid >= range[0] && mid <= range[1];
    const labels = placed.filter((p) => p.i === selected);
    assert.equal(labels.length, onScreen ? 1 : 0, 'seed ' + seed);
    if (onScreen) assert.ok(labels[0].selected && labels[0].left >= 0 && labels[0].right <= plot.w + 0.5, 'seed ' + seed);
    checked += onScreen;
  }
  assert.ok(checked > 30, 'cases with the selection on screen: ' + checked);
});

test("a life's name sits just above its bar, however far apart the rows are", () => {
  // Issue 15 point 7: the name floated ~60 px above its bar when few rows shared a tall plot.
  const d = lib.data.decode({
    categories: [{ name: 'war', label: 'war' }, { name: 'life', label: 'life' }], people: [], places: [], life: 'life',
    events: {
      count: 2, id: ['rosa', 'war'], start: [0, 100], length: [20000, 1], category: [1, 0],
      title: ['Rosa Luxemburg', 'A war'], date: ['1871-1919', '1900'], people: [[], []], places: [[], []],
      spans: [0], lives: [[0, 0]], fuzzy: [],
    },
  });
  const s = lib.data.shown(d, {});
  const R = lib.traces.rows(d, s);
  for (const [px, height] of [[11, 300], [11, 900], [22, 1000]]) {
    const unit = height / (R.height + 0.2);
    const ya = { l2p: (y) => (y + 0.1) * unit };
    const placed = lib.labels.labels(d, s, R, [-1000, 22000], { l: 0, t: 0, w: 800, h: height }, null, type(px),
      unit, ya, null);
    const name = placed.find((p) => p.i === 0);
    const gap = ya.l2p(R.y(0)) - (name.top + LABEL_HEIGHT * (px / 11));
    assert.ok(gap >= 4 * (px / 11) && gap <= 12 * (px / 11), `label ${px} px, plot ${height} px: ${gap} px above the bar`);
  }
});

/* A dataset of point events given as [day, category, title] (and spans as [day, category, title, days]). */
function dataset(rows) {
  const categories = ['war', 'uprising', 'treaty', 'death'].map((name) => ({ name, label: name }));
  const sorted = [...rows].sort((p, q) => p[0] - q[0]);
  return lib.data.decode({
    categories, people: [], places: [], life: 'life',
    events: {
      count: sorted.length, id: sorted.map((_, i) => 'e' + i),
      start: sorted.map((r, i) => (i ? r[0] - sorted[i - 1][0] : r[0])), length: sorted.map((r) => r[3] || 1),
      category: sorted.map((r) => r[1]), title: sorted.map((r) => r[2]), date: sorted.map(() => 'a date'),
      people: sorted.map(() => []), places: sorted.map(() => []),
      spans: sorted.flatMap((r, i) => (r[3] ? [i] : [])), lives: [], fuzzy: [],
    },
  });
}

function placeAll(d, plotW, plotH, range, selected = null) {
  const s = lib.data.shown(d, {});
  const R = lib.traces.rows(d, s);
  const unit = plotH / (R.height + 0.2);
  const ya = { l2p: (y) => (y + 0.1) * unit };
  return lib.labels.labels(d, s, R, range, { l: 0, t: 0, w: plotW, h: plotH }, selected, type(11), unit, ya, null);
}

const LONG = 'The general strike of the workers councils spreads to every city of the land';

test('whole titles when they fit, however long (no cap on the characters)', () => {
  const d = dataset([[0, 0, LONG], [50, 1, 'Short']]);
  const placed = placeAll(d, 1200, 200, [-10, 1000]);
  assert.deepEqual(placed.map((p) => p.text).sort(), [LONG, 'Short'].sort());
  assert.ok(placed.every((p) => !p.leader), 'beside their marks, no leader');
});

test('a label with no room beside its mark is stacked above or below it, whole, with a leader', () => {
  // Two marks 10 px apart on one row, rows with nothing in the way above and below.
  const d = dataset([[0, 0, 'x'], [100, 1, LONG], [110, 1, 'Second long title on the same row'], [900, 2, 'y']]);
  const placed = placeAll(d, 1000, 240, [-100, 900]);
  const first = placed.find((p) => p.text === LONG);
  const second = placed.find((p) => p.text === 'Second long title on the same row');
  assert.ok(first && second, JSON.stringify(placed));
  const stacked = [first, second].filter((p) => p.leader);
  assert.ok(stacked.length, 'one of them leaves its line, joined by a leader');
  for (const p of stacked) {
    assert.ok(p.left <= p.leader.x1 && p.leader.x1 <= p.right, 'the leader ends on its label');
    assert.ok([p.top, p.top + LABEL_HEIGHT].some((y) => Math.abs(p.leader.y1 - y) < 0.01), 'the leader reaches the label');
  }
  assert.ok(!overlap(first, second, LABEL_HEIGHT));
});

test('a title with no room near its mark goes farther, whole, its leader slanted past what is in the way', () => {
  // Marks of the same day straight above and below, and neighbours close on its own line: the
  // title fits neither beside its mark nor straight above or below it.
  const title = 'The general strike of the workers councils spreads';
  const d = dataset([[500, 0, 'Above'], [500, 1, title], [500, 2, 'Below'], [470, 1, 'Left'], [530, 1, 'Right one']]);
  const placed = placeAll(d, 800, 80, [0, 800]);
  const label = placed.find((p) => p.i === d.title.indexOf(title));
  assert.ok(label && label.text === title && label.leader, JSON.stringify(placed));
  const g = label.leader;
  assert.ok(g.x0 !== g.x1, 'slanted');
  assert.ok(label.left <= g.x1 && g.x1 <= label.right && [label.top, label.top + LABEL_HEIGHT].includes(g.y1),
    'the leader ends on its label');
  const R = lib.traces.rows(d, lib.data.shown(d, {}));
  const markY = (R.y(label.i) + 0.1) * (80 / (R.height + 0.2)); // as placeAll's y axis has it
  const markX = (d.start[label.i] + d.end[label.i]) / 2; // a pixel a day
  assert.ok(Math.abs(Math.hypot(g.x0 - markX, g.y0 - markY) - 5) < 0.01, "and starts at its mark's rim");
  for (const p of placed) assert.ok(p === label || !crossesBox(g, { ...p, bottom: p.top + LABEL_HEIGHT }), p.text);
});

test('the selected label is whole where no place near its mark has room for it', () => {
  // A mark boxed in as above; a span starting near the plot's right edge.
  const boxed = 'The general strike of the workers councils spreads';
  const late = 'A long title of a span that starts near the right edge';
  const d = dataset([[500, 0, 'Above'], [500, 1, boxed], [500, 2, 'Below'], [470, 1, 'Left'], [530, 1, 'Right one'],
    [700, 3, late, 30]]);
  const R = lib.traces.rows(d, lib.data.shown(d, {}));
  const y = (i) => (R.y(i) + 0.1) * (80 / (R.height + 0.2)); // as placeAll's y axis has it
  for (const title of [boxed, late]) {
    const i = d.title.indexOf(title);
    const label = placeAll(d, 800, 80, [0, 800], i).find((p) => p.i === i);
    assert.ok(label && label.selected && label.text === title && label.left >= 0 && label.right <= 800.5,
      JSON.stringify(label));
    // Moved off rather than laid over the boxed mark's neighbours.
    for (const j of [0, 4].filter((j) => j !== i)) {
      const x = (d.start[j] + d.end[j]) / 2;
      assert.ok(!(label.left < x && x < label.right && label.top < y(j) && y(j) < label.bottom), d.title[j]);
    }
  }
});

test("a leader's line is drawn from its mark to its label, and read back for the export", () => {
  for (const g of [{ x0: 10, y0: 50, x1: 10, y1: 20 }, { x0: 10, y0: 50, x1: 40, y1: 20 }, { x0: 10, y0: 20, x1: -5, y1: 60 }]) {
    const style = lib.labels.leaderStyle(g);
    const angle = (Number((/rotate\(([-\d.]+)deg\)/.exec(style.transform) || [0, 0])[1]) * Math.PI) / 180;
    const [x, y, h] = [style.left, style.top, style.height].map(parseFloat);
    // The box hangs down from (left, top) and is turned about that end.
    const ends = [[x, y], [x - h * Math.sin(angle), y + h * Math.cos(angle)]];
    // leaderEnds (the export's) reads the same two ends back.
    const read = lib.labels.leaderEnds(style);
    for (const [ex, ey] of [[g.x0, g.y0], [g.x1, g.y1]]) {
      assert.ok(ends.some(([px, py]) => Math.hypot(px - ex, py - ey) < 0.05), JSON.stringify({ g, style }));
      assert.ok([[read[0], read[1]], [read[2], read[3]]].some(([px, py]) => Math.hypot(px - ex, py - ey) < 0.05));
    }
  }
});

test('a title is still cut with "…" when no place has room for it whole', () => {
  const d = dataset([[0, 0, LONG], [60, 0, 'Next'], [30, 1, 'a'], [45, 1, 'b'], [20, 2, 'c'], [50, 2, 'd']]);
  const placed = placeAll(d, 300, 60, [-10, 80]);
  const cut = placed.find((p) => p.i === d.title.indexOf(LONG));
  assert.ok(cut && cut.text.endsWith('…') && LONG.startsWith(cut.text.slice(0, -1)), JSON.stringify(placed));
});

test('placement at 100k events stays bounded: few widths measured, the cap kept', () => {
  const rnd = random(7);
  const d = lib.data.decode({ ...payload(rnd, 100000), figure: { data: [] } });
  const s = lib.data.shown(d, {});
  const R = lib.traces.rows(d, s);
  const plot = { l: 0, t: 0, w: 1300, h: 600 };
  const unit = plot.h / (R.height + 0.2);
  const ya = { l2p: (y) => (y + 0.1) * unit };
  for (const range of [[-20000, 20000], [0, 400]]) {
    const kept = lib.traces.traces(d, s, R, range, plot.w).kept;
    let measured = 0;
    const counting = { px: 11, measure: (text, bold) => { measured += 1; return type(11).measure(text, bold); } };
    d.labelPx = null;
    const placed = lib.labels.labels(d, s, R, range, plot, null, counting, unit, ya, kept);
    assert.ok(placed.length > 0 && placed.length <= lib.labels.MAX_LABELS, String(placed.length));
    assert.ok(measured < 20 * lib.labels.MAX_LABELS, 'widths measured: ' + measured);
  }
});
