/* bands (assets/timeline-traces.js): the SVG path draws each bar trace as one filled shape,
   every bar the rectangle its line would cover. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./assets.js');

const line = (meta, x, y, type = 'scatter') => ({ meta, type, mode: 'lines', x, y, line: { color: 'red', width: 6 } });

test('each bar becomes the rectangle its line covers, half the width above and below its row', () => {
  const [bars] = lib.traces.bands([line('spans', [10, 20, null, 30, 35, null], [1.5, 1.5, null, 2.5, 2.5, null])], 12);
  const half = 6 / 2 / 12;
  assert.deepEqual(bars.x, [10, 20, 20, 10, null, 30, 35, 35, 30, null]);
  assert.deepEqual(bars.y, [1.5 - half, 1.5 - half, 1.5 + half, 1.5 + half, null,
    2.5 - half, 2.5 - half, 2.5 + half, 2.5 + half, null]);
  assert.equal(bars.mode, 'none');
  assert.equal(bars.fill, 'toself');
  assert.equal(bars.fillcolor, 'red');
});

test('marks, the WebGL path and an unmeasured plot keep their traces', () => {
  const marks = { meta: 'marks:war', type: 'scatter', mode: 'markers', x: [1], y: [0.5] };
  const gl = line('extents', [1, 2, null], [0.5, 0.5, null], 'scattergl');
  const proposed = { ...line('proposed', [1, 2, null], [3.5, 3.5, null]), mode: 'lines+markers' };
  assert.deepEqual(lib.traces.bands([marks, gl, proposed], 10), [marks, gl, proposed]);
  const svg = [line('lives', [1, 2, null], [0.5, 0.5, null])];
  for (const unit of [0, NaN, -3]) assert.equal(lib.traces.bands(svg, unit), svg);
});

/* traces: a trace with nothing to draw is hidden, so plotly.js does not lay it out at every redraw. */
test('traces hides the traces with nothing to draw and shows the rest', () => {
  const figure = { data: ['extents', 'lives', 'spans', 'marks:war', 'marks:treaty', 'uncertain', 'proposed']
    .map((meta) => ({ meta, type: 'scattergl', mode: 'markers', x: [], y: [] })) };
  const d = lib.data.decode({
    categories: [{ name: 'war', label: 'war' }, { name: 'treaty', label: 'treaty' }], people: [], places: [], life: 'life',
    figure, events: { count: 2, id: ['a', 'b'], start: [0, 100], length: [1, 3000], category: [0, 0], title: ['A', 'B'],
      date: ['x', 'y'], people: [[], []], places: [[], []], spans: [1], lives: [], fuzzy: [] },
  });
  const s = lib.data.shown(d, {});
  const { data } = lib.traces.traces(d, s, lib.traces.rows(d, s), [-10, 4000], 800);
  const visible = Object.fromEntries(data.map((t) => [t.meta, t.visible]));
  assert.deepEqual(visible, { extents: false, lives: false, spans: true, 'marks:war': true, 'marks:treaty': false,
    uncertain: false, proposed: false });
});
