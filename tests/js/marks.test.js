/* take (assets/timeline-marks.js): the SVG path's event marks reach plotly.js with nothing to draw
   (the page draws them), and an export gets plotly.js's own back. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./assets.js');

/* A stand-in for Plotly.filledMarkerPath: a shape for filled symbols, null for open ones. */
const shapeOf = (symbol, size) => (String(symbol).endsWith('-open') ? null : `shape ${symbol} ${size}`);
const mark = (meta, marker = {}, type = 'scatter') => ({ meta, type, mode: 'markers', x: [1], y: [0.5], customdata: [0],
  marker: { color: 'red', size: 11, symbol: 'diamond', line: { color: 'white', width: 1 }, ...marker } });

test("the SVG path's marks and uncertain dots are the page's: plotly.js draws none of them", () => {
  const given = [mark('marks:war'), { ...mark('uncertain', { color: 'white', size: 5, symbol: 'circle' }), customdata: undefined }];
  const drawn = lib.marks.take(given, shapeOf);
  assert.deepEqual(drawn.map((t) => t.mode), ['none', 'none']);
  drawn.forEach((t, k) => {
    assert.deepEqual({ ...t, mode: 'markers' }, given[k], 'the rest as given: hover, click and the tests read it');
    assert.equal(lib.marks.plotlyOf(t), given[k], 'an export draws it with plotly.js');
  });
});

test('plotly.js keeps the WebGL path, the bars, proposals, outline symbols and per-point styles', () => {
  const kept = [
    mark('marks:war', {}, 'scattergl'),
    { meta: 'spans', type: 'scatter', mode: 'lines', x: [1, 2, null], y: [0.5, 0.5, null], line: { color: 'red', width: 6 } },
    mark('proposed', { symbol: 'circle-open' }),
    mark('marks:death', { symbol: 'cross-open' }),
    mark('marks:war', { color: ['red'] }),
    mark('marks:war', { size: [11] }),
    mark('marks:war', { symbol: ['diamond'] }),
    mark('marks:war', { line: { color: ['white'], width: 1 } }),
  ];
  const drawn = lib.marks.take(kept, shapeOf);
  drawn.forEach((t, k) => {
    assert.equal(t, kept[k]);
    assert.equal(lib.marks.plotlyOf(t), t);
  });
});
