/*
 * The SVG path's event marks, drawn by the page.
 *
 * plotly.js draws an SVG mark as an element of its own and styles it one by one, twice a draw,
 * parsing its colour each time: at 1,000 events two thirds of the longest task of a page's load
 * (bench/app.py), and again at every zoom.  So in the SVG path (timeline-traces.js) the marks'
 * traces and the uncertain dots reach plotly.js with mode 'none': plotly.js still finds their
 * points for hover and click, and draws none of them.  This draws them, after every draw of
 * plotly.js: in the plot's scatter layer (so a pan slides and clips them with the bars), above
 * plotly.js's traces, one <g> per trace in its colour and outline, one <path> per point in
 * plotly.js's own shape for the trace's symbol (Plotly.filledMarkerPath, the vendored bundle's
 * entry.js).  A trace styled per point, or with a symbol drawn as an outline (open, say), is
 * left to plotly.js.
 *
 *   take(data, shapeOf) -> the traces as plotly.js gets them, the page's marks taken out;
 *   plotlyOf(trace)     -> a trace as plotly.js alone would draw it (an exported image);
 *   draw(gd)            -> the marks for what plotly.js drew last (plotly_afterplot, which
 *                          every draw of plotly.js ends with);
 *   preview(gd)         -> the marks hidden while plotly.js previews a zoom of its own.
 *
 * Loads in the browser (window.timelineLib.marks) and in node (module.exports).
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});
  const SVG = 'http://www.w3.org/2000/svg';

  const taken = new WeakMap(); // trace as drawn -> the trace as given

  const isMarks = (t) => t.type === 'scatter' && (String(t.meta).startsWith('marks:') || t.meta === 'uncertain');
  /* One style for every point: a colour, a size and a symbol, not arrays. */
  const uniform = (m) => !!m && typeof m.color === 'string' && typeof m.size === 'number' && m.size > 0 &&
    (m.symbol === undefined || typeof m.symbol === 'string' || typeof m.symbol === 'number') &&
    (m.opacity === undefined || typeof m.opacity === 'number') && !Array.isArray((m.line || {}).color) &&
    !Array.isArray((m.line || {}).width);

  function take(data, shapeOf) {
    return data.map((t) => {
      if (!isMarks(t) || !uniform(t.marker) || !shapeOf(t.marker.symbol || 'circle', t.marker.size)) return t;
      const drawn = { ...t, mode: 'none' };
      taken.set(drawn, t);
      return drawn;
    });
  }

  const plotlyOf = (trace) => taken.get(trace) || trace;

  /* ---- drawing ------------------------------------------------------------------------------ */

  const LAYER = 'page-marks';

  /* A trace's group: its look set once, its points' paths made when the trace is new. */
  function group(trace, shapeOf) {
    const m = trace.marker;
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('data-meta', String(trace.meta));
    g.setAttribute('fill', m.color);
    const line = m.line || {};
    g.setAttribute('stroke-width', line.width > 0 ? line.width : 0);
    if (line.width > 0) g.setAttribute('stroke', line.color || '#444');
    if (m.opacity !== undefined && m.opacity < 1) g.setAttribute('opacity', m.opacity);
    const shape = document.createElementNS(SVG, 'path');
    shape.setAttribute('d', shapeOf(m.symbol || 'circle', m.size));
    for (let k = 0; k < trace.x.length; k++) g.appendChild(shape.cloneNode());
    g.trace = trace;
    return g;
  }

  /* Each point where plotly.js would put it (c2p, rounded as plotly.js rounds).  A mark's date
     and row are always numbers (timeline-traces.js, traces): no gaps to leave out. */
  function place(g, xa, ya) {
    const { x, y } = g.trace;
    let p = g.firstChild;
    for (let k = 0; k < x.length; k++, p = p.nextSibling) {
      p.setAttribute('transform', `translate(${xa.c2p(x[k])},${ya.c2p(y[k])})`);
    }
  }

  /* plotly.js's hover reaches a point as far past its edge as past a marker of the trace's
     size, and puts the hover label beside it, from the point's radius: a radius its own
     drawing of the markers would set, so it is set here for the points the page draws. */
  function hoverRadius(gd) {
    for (const cd of gd.calcdata || []) {
      const trace = cd[0] && cd[0].trace && taken.get(cd[0].trace._input);
      if (!trace) continue;
      const radius = trace.marker.size / 2;
      for (const di of cd) di.mrc = radius;
    }
  }

  function draw(gd) {
    const fl = gd._fullLayout;
    const scatter = fl && gd.querySelector('.cartesianlayer .overplot .scatterlayer');
    if (!scatter) return;
    hoverRadius(gd);
    let layer = scatter.querySelector(':scope > .' + LAYER);
    if (!layer) {
      layer = document.createElementNS(SVG, 'g');
      layer.setAttribute('class', LAYER);
    }
    // Last, above plotly.js's traces (it appends a trace's group when one comes into view).
    if (layer !== scatter.lastChild) scatter.appendChild(layer);
    layer.removeAttribute('visibility');  // hidden during plotly.js's own zoom (preview)
    // Each trace as given: a react that hands plotly.js the same traces again keeps their marks.
    const traces = (gd.data || []).map((t) => taken.get(t)).filter((t) => t && t.visible !== false && t.x && t.x.length);
    const xa = fl.xaxis;
    const ya = fl.yaxis;
    const view = [xa.range[0], xa.range[1], xa._length, ya.range[0], ya.range[1], ya._length].join();
    const shapeOf = window.Plotly.filledMarkerPath;
    const kept = new Map([...layer.children].map((g) => [g.trace, g]));
    const groups = traces.map((t) => kept.get(t) || group(t, shapeOf));
    if (groups.length === layer.children.length && groups.every((g, k) => layer.children[k] === g) && layer.view === view) {
      return;  // drawn already: the same traces and the same view (a draw of the eras' names, say)
    }
    for (const g of groups) place(g, xa, ya);
    layer.replaceChildren(...groups);
    layer.view = view;
  }

  /* plotly.js's own zoom (a wheel turn over the time axis's labels, a drag of the axis's end)
     previews the new range by scaling the whole plot, and keeps only its own marks round: the
     page's hide until plotly.js draws the range (draw). */
  function preview(gd) {
    const layer = gd.querySelector('.scatterlayer > .' + LAYER);
    if (layer) layer.setAttribute('visibility', 'hidden');
  }

  lib.marks = { take, plotlyOf, draw, preview };
  if (typeof module !== 'undefined') module.exports = lib.marks;
})();
