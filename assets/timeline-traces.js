/*
 * Rows and traces: where each shown event sits, and the figure's traces filled
 * for the shown events (SVG up to SVG_EVENTS, WebGL above), with a level of
 * detail above LOD_EVENTS (timeline-render.js draws them).
 *
 *   rows    -> lanes for lives, then one row per category, empty rows left out;
 *   traces  -> the four traces filled; up to LOD_EVENTS events once per filter
 *              set (a zoom only moves the WebGL view), above that only what
 *              the scale can show (refilled by timeline-render.js's refine);
 *   bands   -> in the SVG path, each bar trace as one filled shape (the marks are
 *              drawn by the page there: timeline-marks.js).
 *
 * Category names reach plotly.js escaped (timeline-text.js).  Loads in the
 * browser (window.timelineLib.traces) and in node (module.exports).
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});

  /* ---- rows: lives' lanes on top, then categories ------------------------- */
  const LANE_HEIGHT = 1.6;
  const Y_PAD = 0.1; // the y axis reaches this far past the first and the last row

  /* Rows with no shown event are left out.  A lane is taller than a category
     row: its bar sits at the bottom and the person's name above it.  Marks sit
     at y = their row's bottom - 0.5, in axis units (the y axis runs downwards).
     The proposed rows p (timeline-proposed.js), when drawn, have the last row. */
  function rows(d, s, p) {
    const laneUsed = new Uint8Array(d.lanes);
    const catUsed = new Uint8Array(d.categories.length);
    for (const i of s.idx) {
      if (d.lane[i] >= 0) laneUsed[d.lane[i]] = 1;
      else catUsed[d.cat[i]] = 1;
    }
    const laneY = [];
    const catY = [];
    const vals = [];
    const text = [];
    let bottom = 0;
    laneUsed.forEach((used, l) => {
      if (!used) return;
      bottom += LANE_HEIGHT;
      laneY[l] = bottom - 0.5;
      text.push(vals.length ? '' : 'Lives');
      vals.push(bottom - 0.5);
    });
    catUsed.forEach((used, c) => {
      if (!used) return;
      bottom += 1;
      catY[c] = bottom - 0.5;
      text.push(lib.escapeText(d.categories[c].label));
      vals.push(bottom - 0.5);
    });
    const proposed = p && p.n ? p : null;
    if (proposed) {
      bottom += 1;
      text.push('Proposed');
      vals.push(bottom - 0.5);
    }
    const height = Math.max(bottom, 1);
    return {
      count: vals.length, height, vals, text, proposed, proposedY: bottom - 0.5,
      yRange: [height + Y_PAD, -Y_PAD],  // downwards
      unitPx: (plotHeight) => plotHeight / (height + 2 * Y_PAD),  // pixels per axis unit
      y: (i) => (d.lane[i] >= 0 ? laneY[d.lane[i]] : catY[d.cat[i]]),
      isLane: (i) => d.lane[i] >= 0,
      previous: (y) => vals[Math.max(vals.indexOf(y) - 1, 0)],
    };
  }

  /* ---- traces: the figure's traces filled for the shown events ------------- */

  /* Level of detail.  Up to LOD_EVENTS shown events every one is drawn, once
     per filter set, and a zoom only moves the view.  Above that, WebGL time
     grows with the points (seconds per frame at 100k on a software renderer),
     so the traces hold what the view can show: the events within LOD_MARGIN
     screens of it, one mark per row and LOD_COLUMN_PX pixels (a mark is 11 px
     wide, so every event's date still lies under a drawn mark of its row),
     and bars of a row that touch within a pixel merged into one.  A zoom to another scale, or a pan
     past the margin, refills them (refine in onRelayout).  Labels, counts,
     the table and the exports work on the events, not on the traces. */
  const LOD_EVENTS = 5000;
  const LOD_MARGIN = 1;
  const LOD_COLUMN_PX = 3;

  /* The grid a level of detail was made for: the x interval it covers and days per pixel. */
  function gridFor(range, width) {
    const span = range[1] - range[0];
    return { lo: range[0] - LOD_MARGIN * span, hi: range[1] + LOD_MARGIN * span, px: span / Math.max(width, 1) };
  }

  /* Whether the traces must be refilled to show `range` at `width` pixels. */
  function needsDetail(grid, range, width) {
    if (!grid) return false;
    const ratio = (range[1] - range[0]) / Math.max(width, 1) / grid.px;
    return range[0] < grid.lo || range[1] > grid.hi || ratio < 0.67 || ratio > 1.5;
  }

  /* The drawing path, chosen by size.  Up to SVG_EVENTS shown events the traces are SVG
     (plotly.js 'scatter'): no WebGL context to make before the first paint, and every mark
     is there to slide into view during a drag pan (timeline-interact.js).  Above, WebGL
     ('scattergl', as figure.py builds them), whose cost per mark is lower.  Either way the
     same traces hold the same marks at the same positions (tests/test_drawing_path.py); only
     plotly's renderer differs.  The threshold is where the level of detail above starts to
     matter less than the canvas (bench/app.py). */
  const SVG_EVENTS = 2000;

  /* lib.traces.svgEvents may be lowered by a test to draw a small dataset the WebGL way. */
  function drawingType(shownCount) {
    return shownCount <= lib.traces.svgEvents ? 'scatter' : 'scattergl';
  }

  /* The proposed rows on their row: a dashed line between a span's ends, a hollow mark at each
     date; customdata is the row's position among the proposed ones.  Plain arrays: the null
     that breaks the line between rows would read as 0 in a typed array. */
  function proposedLine(p, y) {
    const line = { x: [], y: [], text: [], hovertext: [], customdata: [] };
    const add = (x, i) => {
      line.x.push(x);
      line.y.push(x === null ? null : y);
      line.text.push(i === null ? '' : p.safeTitle[i]);
      line.hovertext.push(i === null ? '' : p.safeDate[i]);
      line.customdata.push(i);
    };
    for (let i = 0; i < p.n; i++) {
      if (p.kind[i] === 1) {
        add(p.start[i], i);
        add(p.end[i], i);
      } else {
        add((p.start[i] + p.end[i]) / 2, i);
      }
      add(null, null);
    }
    return line;
  }

  function traces(d, s, R, range, width) {
    const grid = s.idx.length > LOD_EVENTS ? gridFor(range, width) : null;
    const type = drawingType(s.idx.length);
    if (!grid && d.traceCache && d.traceCache.key === s.key && d.traceCache.rows === R &&
        d.traceCache.type === type) return d.traceCache;
    const newLine = () => ({ x: [], y: [], open: new Map() });
    const lines = { extents: newLine(), lives: newLine(), spans: newLine() };
    const newMarks = () => ({ x: [], y: [], text: [], hovertext: [], customdata: [], seen: new Set() });
    const marks = d.categories.map(newMarks);
    const uncertain = { x: [], y: [], seen: new Set() };
    const rowId = (y) => Math.round(y * 10);
    const segment = (line, a, b, y) => {
      if (grid) {
        a = Math.max(a, grid.lo);
        b = Math.min(b, grid.hi);
        const open = line.open.get(rowId(y));
        if (open !== undefined && a <= line.x[open] + grid.px) { // touches the row's last bar: extend it
          line.x[open] = Math.max(line.x[open], b);
          return;
        }
        line.open.set(rowId(y), line.x.length + 1);
      }
      line.x.push(a, b, null);
      line.y.push(y, y, null);
    };
    /* False when a mark is already drawn at this row and column of LOD_COLUMN_PX pixels. */
    const free = (m, x, y) => {
      if (!grid) return true;
      const key = rowId(y) * 1e6 + Math.floor((x - grid.lo) / (grid.px * LOD_COLUMN_PX));
      if (m.seen.has(key)) return false;
      m.seen.add(key);
      return true;
    };
    let added = false;
    const mark = (i, x, y) => {
      const m = marks[d.cat[i]];
      if (free(m, x, y)) {
        added = true;
        m.x.push(x);
        m.y.push(y);
        m.text.push(d.safeTitle[i]);
        m.hovertext.push(d.safeDate[i]);
        m.customdata.push(i);
      }
      if (d.fuzzy[i] && free(uncertain, x, y)) {
        uncertain.x.push(x);
        uncertain.y.push(y);
      }
    };
    const kept = grid ? [] : null; // the events with a drawn mark, in date order
    for (const i of s.idx) {
      if (grid && (d.ohi[i] < grid.lo || d.olo[i] > grid.hi)) continue;
      added = false;
      const y = R.y(i);
      if (d.ohi[i] - d.olo[i] > 1 && (d.kind[i] === 0 || d.fuzzy[i])) segment(lines.extents, d.olo[i], d.ohi[i], y);
      if (d.kind[i] === 1) {
        segment(R.isLane(i) ? lines.lives : lines.spans, d.start[i], d.end[i], y);
        mark(i, d.start[i], y);
        mark(i, d.end[i], y);
      } else {
        mark(i, (d.start[i] + d.end[i]) / 2, y);
      }
      if (kept && added) kept.push(i);
    }
    // Typed arrays spare plotly.js a conversion pass over every mark.
    const points = ({ x, y, text, hovertext, customdata }) => (text
      ? { x: Float64Array.from(x), y: Float64Array.from(y), text, hovertext, customdata }
      : { x, y });
    const byName = Object.fromEntries(d.categories.map((c, k) => ['marks:' + c.name, marks[k]]));
    const proposed = R.proposed ? proposedLine(R.proposed, R.proposedY) : null;
    // A trace with nothing to draw is hidden: plotly.js would lay out and style it at every redraw.
    const shown = (trace) => ({ ...trace, visible: !!(trace.x && trace.x.length) });
    const data = d.payload.figure.data.map((trace) => {
      if (trace.meta === 'proposed') return shown({ ...trace, ...(proposed || {}), type });
      const filled = lines[trace.meta] || byName[trace.meta] || (trace.meta === 'uncertain' ? uncertain : null);
      return shown(filled ? { ...trace, ...points(filled), type } : { ...trace, type });
    });
    const result = { key: s.key, rows: R, data, grid, kept, type };
    if (!grid) d.traceCache = result;
    return result;
  }

  /* The bars' traces (lines, a gap between segments) as the SVG path draws them.  plotly.js draws
     an SVG line trace with gaps as one <path> per segment: at 1,000 events about 700 elements,
     each restyled and repainted at every zoom and every step of a pan.  So in the SVG path each
     bar trace is one filled <path> instead: every segment the rectangle its line would cover, half
     the line's width above and below its row (unitPx: pixels per axis unit; timeline-render.js
     makes them again when the plot's height changes).  Overlapping bars of one trace show as one.
     The WebGL path draws the lines as they are, in one call per trace. */
  const BAR_ROLES = new Set(['extents', 'lives', 'spans']);

  function band(trace, unitPx) {
    const half = trace.line.width / 2 / unitPx;
    const x = [];
    const y = [];
    for (let k = 0; k + 1 < trace.x.length; k += 3) {
      const [a, b, row] = [trace.x[k], trace.x[k + 1], trace.y[k]];
      x.push(a, b, b, a, null);
      y.push(row - half, row - half, row + half, row + half, null);
    }
    return { ...trace, x, y, mode: 'none', fill: 'toself', fillcolor: trace.line.color };
  }

  function bands(data, unitPx) {
    if (!(unitPx > 0)) return data;
    const isBar = (t) => t.type === 'scatter' && BAR_ROLES.has(t.meta) && t.x && t.x.length && t.line && t.line.width > 0;
    return data.map((t) => (isBar(t) ? band(t, unitPx) : t));
  }

  lib.traces = { rows, traces, bands, needsDetail, drawingType, svgEvents: SVG_EVENTS };
  if (typeof module !== 'undefined') module.exports = lib.traces;
})();
