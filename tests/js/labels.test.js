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
  return { placed, plot, selected, range };
}

function overlap(a, b, height) {
  return a.left < b.right && b.left < a.right && a.top < b.top + height && b.top < a.top + height;
}

test('labels never overlap, stay in the plot and keep to the cap', () => {
  let total = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const rnd = random(seed);
    const d = lib.data.decode(payload(rnd, 5 + Math.floor(rnd() * 400)));
    for (const px of [11, 26]) {
      const plotW = rnd() < 0.3 ? 300 + rnd() * 300 : 700 + rnd() * 1200;
      const { placed, plot, selected } = place(rnd, d, px, plotW, 250 + rnd() * 500);
      const cap = plot.w < lib.labels.NARROW_PX ? lib.labels.MAX_LABELS_NARROW : lib.labels.MAX_LABELS;
      const height = LABEL_HEIGHT * px / lib.labels.FONT_PX;
      const where = 'seed ' + seed + ', ' + px + ' px';
      assert.ok(placed.length <= cap, where + ': ' + placed.length + ' labels');
      for (const p of placed) {
        assert.ok(p.left >= 0 && p.right <= plot.w + 0.5 && p.left < p.right, where + ': outside ' + JSON.stringify(p));
        assert.equal(p.selected, p.i === selected, where);
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
