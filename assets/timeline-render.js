/*
 * Draws the timeline in the browser from the event store (clientside callback).
 *
 * The server sends every event once, as columns (timeline_app/view/figure.py,
 * event_columns), and the figure's look with four empty WebGL traces.  This
 * module owns the plotly.js graph in #timeline-plot:
 *
 *   decode  -> typed arrays of day numbers, once per page;
 *   shown   -> the events passing the filters (cached per filter set);
 *   rows    -> lanes for lives, then one row per category, empty rows left out;
 *   traces  -> the four traces filled; Plotly.react only when the filters change;
 *   zoom    -> plotly.js moves the WebGL view itself, then only the tick labels
 *              change (Plotly.relayout, no trace is recomputed) - except above
 *              LOD_EVENTS events, where the traces hold what the scale can show;
 *   labels  -> at most MAX_LABELS, only for events in view, placed left to
 *              right per row so none overlaps another or hides a mark, drawn
 *              as an HTML layer (#timeline-labels) with the selection highlight;
 *   ticks   -> calendar ticks for the range (timeline-calendar.js).
 *
 * Zooms and clicks go back to Dash through the graph-range and graph-click
 * stores.  Titles reach plotly.js escaped and the HTML layer as text nodes.
 * window.timelineStatus counts renders and paints for the tests and bench/app.py.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.timeline = clientside.timeline || {});

  const MAX_LABELS = 50;
  const MAX_LABELS_NARROW = 24;
  const NARROW_PX = 600;
  const ROW_LABEL_MARGIN = 170;
  const LABEL_CHARS = 34;
  const LABEL_FONT_PX = 11;
  const LABEL_GAP_PX = 10;
  const MARK_GAP_PX = 8;
  const MIN_LABEL_PX = 56;
  const MIN_ROOM_PX = 9;
  const LABEL_HALF_HEIGHT = 8;
  const FIT_PAD_LEFT = 0.03;
  const FIT_PAD_RIGHT = 0.1;
  const MIN_FIT_DAYS = 3 * 365;
  const REPORT_AFTER_MS = 500;

  /* Presentation mode and the themes (assets/classroom.js) restyle the timeline:
     lib.figureStyle(payload, view) -> null, or {key, labelPx, rowMargin, decorate(figure)}. */
  let style = null;
  const labelPx = () => (style && style.labelPx) || LABEL_FONT_PX;

  const status = (window.timelineStatus = {
    renders: 0, lastRender: 0, paints: 0, firstPaint: null, lastPaint: 0, lastDraw: 0, settled: 0,
    shown: 0, labels: [], range: null, ticks: [], selectedDrawn: null, refines: 0,
  });

  const noUpdate = () => window.dash_clientside.no_update;
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
  const escapeText = (s) => (/[&<>]/.test(s) ? s.replace(/[&<>]/g, (c) => ESCAPES[c]) : s);

  /* ---- decode: once per payload ---------------------------------------- */
  const decodedCache = new WeakMap();

  function decode(payload) {
    let d = decodedCache.get(payload);
    if (d) return d;
    const ev = payload.events;
    const n = ev.count;
    const start = new Float64Array(n);
    const end = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += ev.start[i];
      start[i] = acc;
      end[i] = acc + ev.length[i];
    }
    const olo = Float64Array.from(start);
    const ohi = Float64Array.from(end);
    const fuzzy = new Uint8Array(n);
    for (const [i, before, after] of ev.fuzzy) {
      olo[i] -= before;
      ohi[i] += after;
      fuzzy[i] = 1;
    }
    const lane = new Int32Array(n).fill(-1);
    let lanes = 0;
    for (const [i, l] of ev.lives) {
      lane[i] = l;
      lanes = Math.max(lanes, l + 1);
    }
    const kind = new Uint8Array(n);
    for (const i of ev.spans) kind[i] = 1;
    // "" stands for a date in plain years, written here as figure.plain_years does.
    const { fromDay, yearLabel } = lib.calendar;
    const year = (day) => yearLabel(fromDay(day)[0]);
    const date = ev.date.map((text, i) => text || (kind[i] ? year(start[i]) + '–' + year(end[i] - 1) : year(start[i])));
    const indexOf = (names) => Object.fromEntries(names.map((name, k) => [name, k]));
    d = {
      n, start, end, olo, ohi, fuzzy, lane, lanes, payload, kind, date,
      cat: ev.category, title: ev.title,
      people: ev.people, places: ev.places,
      categories: payload.categories,
      catIndex: indexOf(payload.categories.map((c) => c.name)),
      personIndex: indexOf(payload.people),
      placeIndex: indexOf(payload.places),
      safeTitle: ev.title.map(escapeText),
      safeDate: date.map(escapeText),
      labelWidth: new Float32Array(n).fill(-1),
      rowPos: new Int32Array(n),
      hay: null, shownCache: null, traceCache: null,
    };
    decodedCache.set(payload, d);
    return d;
  }

  /* Lower-case "title people places date" per event, built on the first search. */
  function haystack(d) {
    if (!d.hay) {
      const { people, places } = d.payload;
      d.hay = d.title.map((t, i) => [t, d.people[i].map((p) => people[p]).join(' '),
        d.places[i].map((p) => places[p]).join(' '), d.date[i]].join(' ').toLowerCase());
    }
    return d.hay;
  }

  /* ---- filters ----------------------------------------------------------- */
  function filterKey(view) {
    return JSON.stringify([view.cat || null, view.person || [], view.place || [], view.q || '']);
  }

  /* One predicate per active facet (null when the facet shows everything). */
  function facets(d, view) {
    const known = (names, index) => new Set((names || []).map((x) => index[x]).filter((k) => k !== undefined));
    const cats = view.cat ? known(view.cat, d.catIndex) : null;
    const people = known(view.person, d.personIndex);
    const places = known(view.place, d.placeIndex);
    const q = (view.q || '').trim().toLowerCase();
    const hay = q ? haystack(d) : null;
    return {
      cat: cats ? (i) => cats.has(d.cat[i]) : null,
      person: people.size ? (i) => d.people[i].some((p) => people.has(p)) : null,
      place: places.size ? (i) => d.places[i].some((p) => places.has(p)) : null,
      q: q ? (i) => hay[i].includes(q) : null,
    };
  }

  function shown(d, view) {
    const key = filterKey(view);
    if (d.shownCache && d.shownCache.key === key) return d.shownCache;
    const f = facets(d, view);
    const tests = [f.cat, f.person, f.place, f.q].filter(Boolean);
    const idx = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < d.n; i++) {
      if (tests.every((t) => t(i))) {
        idx.push(i);
        if (d.olo[i] < lo) lo = d.olo[i];
        if (d.ohi[i] > hi) hi = d.ohi[i];
      }
    }
    d.shownCache = { key, idx, lo, hi };
    return d.shownCache;
  }

  function isShown(s, i) {
    let lo = 0;
    let hi = s.idx.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s.idx[mid] === i) return mid;
      if (s.idx[mid] < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /* ---- rows: lives' lanes on top, then categories ------------------------- */
  const LANE_HEIGHT = 1.6;

  /* Rows with no shown event are left out.  A lane is taller than a category
     row: its bar sits at the bottom and the person's name above it.  Marks sit
     at y = their row's bottom - 0.5, in axis units (the y axis runs downwards). */
  function rows(d, s) {
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
      text.push(escapeText(d.categories[c].label));
      vals.push(bottom - 0.5);
    });
    return {
      count: vals.length, height: Math.max(bottom, 1), vals, text,
      y: (i) => (d.lane[i] >= 0 ? laneY[d.lane[i]] : catY[d.cat[i]]),
      isLane: (i) => d.lane[i] >= 0,
      previous: (y) => vals[Math.max(vals.indexOf(y) - 1, 0)],
    };
  }

  /* ---- traces: the figure's WebGL traces filled for the shown events ------- */

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

  function traces(d, s, R, range, width) {
    const grid = s.idx.length > LOD_EVENTS ? gridFor(range, width) : null;
    if (!grid && d.traceCache && d.traceCache.key === s.key && d.traceCache.rows === R) return d.traceCache;
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
    const data = d.payload.figure.data.map((trace) => {
      const filled = lines[trace.meta] || byName[trace.meta] || (trace.meta === 'uncertain' ? uncertain : null);
      return filled ? { ...trace, ...points(filled) } : trace;
    });
    const result = { key: s.key, rows: R, data, grid, kept };
    if (!grid) d.traceCache = result;
    return result;
  }

  /* ---- labels: only what fits, never overlapping --------------------------- */
  let measureContext = null;

  function measure(text, font, bold) {
    measureContext = measureContext || document.createElement('canvas').getContext('2d');
    measureContext.font = (bold ? 'bold ' : '') + labelPx() + 'px ' + font;
    return Math.ceil(measureContext.measureText(text).width) + 6;
  }

  function shortTitle(d, i) {
    const t = d.title[i];
    return t.length > LABEL_CHARS ? t.slice(0, LABEL_CHARS - 1).trimEnd() + '…' : t;
  }

  /* The label text and width of event i, cut with "…" to fit maxPx (null if even a stub does not).
     Bold (the selected label) is measured as drawn and not cached. */
  function fitLabel(d, i, maxPx, font, bold) {
    if (bold) {
      const w = measure(shortTitle(d, i), font, true);
      if (w <= maxPx) return { text: shortTitle(d, i), w };
    } else {
      if (d.labelWidth[i] < 0) d.labelWidth[i] = measure(shortTitle(d, i), font);
      if (d.labelWidth[i] <= maxPx) return { text: shortTitle(d, i), w: d.labelWidth[i] };
    }
    if (maxPx < MIN_LABEL_PX) return null;
    let lo = 4;
    let hi = Math.min(d.title[i].length, LABEL_CHARS) - 1;
    let best = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const text = d.title[i].slice(0, mid).trimEnd() + '…';
      const w = measure(text, font, bold);
      if (w <= maxPx) {
        best = { text, w };
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /*
   * Greedy left-to-right placement per band (a row's line, or the strip above
   * a row's spans).  Events come in time order and a label may only start
   * right of everything already in its band, so no two labels overlap and a
   * band needs only its next free pixel.  A label on a row also stops before
   * the next mark on that row (cut with "…", or left out when too short), so
   * labels never hide events.  Widths are measured only for events that pass
   * the cheap tests (and cached), so 100k events cost one pass.  When more
   * than `cap` labels fit, a second pass gives each band an equal share
   * spread over the width instead of labelling the left end only.  The
   * selected event is labelled first, whatever it covers.
   */
  function labels(d, s, R, range, plot, selected, font, unit, ya, drawnOnly) {
    if (d.labelPx !== labelPx()) {
      d.labelWidth.fill(-1);
      d.labelPx = labelPx();
    }
    const [a, b] = range;
    const k = plot.w / (b - a);
    const px = (day) => (day - a) * k;
    const markPx = (i) => px((d.start[i] + d.end[i]) / 2);
    const cap = plot.w < NARROW_PX ? MAX_LABELS_NARROW : MAX_LABELS;
    const scale = labelPx() / LABEL_FONT_PX;
    const markGap = MARK_GAP_PX * scale;
    const roomAbove = unit >= 24 * scale;
    // The events to consider: all shown, or with a level of detail only those with a drawn
    // mark (the others lie under one), and the selected event.
    let pool = s.idx;
    if (drawnOnly) {
      pool = drawnOnly;
      if (selected !== null && isShown(s, selected) >= 0 && !pool.includes(selected)) {
        const at = pool.findIndex((i) => i > selected);
        pool = at < 0 ? [...pool, selected] : [...pool.slice(0, at), selected, ...pool.slice(at)];
      }
    }

    // What a label on a row must not cover: the visible marks and span starts
    // of that row, in time order.
    const rowMarks = new Map();
    for (const i of pool) {
      if (R.isLane(i)) continue;
      const x = markPx(i);
      if (d.kind[i] === 0 ? x < 0 || x > plot.w : d.end[i] < a || d.start[i] > b) continue;
      const row = R.y(i);
      const list = rowMarks.get(row) || [];
      d.rowPos[i] = list.length;
      list.push(i);
      rowMarks.set(row, list);
    }
    const obstacle = (j) => (d.kind[j] === 1 ? px(d.start[j]) : markPx(j));

    /* Pixels right of mark i before the next mark on its row (or the plot's edge). */
    function roomAfter(i, left) {
      const list = rowMarks.get(R.y(i));
      const x = markPx(i);
      let limit = plot.w;
      for (let p = d.rowPos[i] + 1; p < list.length; p++) {
        const j = list[p];
        if (px(d.start[j]) > limit) break;
        const xj = obstacle(j);
        if (xj > x + 3 && xj < limit) limit = xj - markGap;
      }
      return { room: limit - left, edge: limit === plot.w };
    }

    /* Where event i's label would go: right of its mark, or above its span.
       A span label drawn between two rows only blocks its own box ("shared"). */
    function candidate(i) {
      const row = R.y(i);
      if (d.kind[i] === 1) {
        if (d.end[i] < a || d.start[i] > b) return null;
        const above = R.isLane(i) || roomAbove;
        return { i, row, span: true, shared: !above, band: above ? 'above' + row : 'row' + R.previous(row),
          also: above ? null : 'row' + row,
          lift: R.isLane(i) ? unit * 0.55 : above ? Math.min(13 * scale, unit * 0.48) : unit * 0.5,
          left: px(Math.max(d.start[i], a)) + 2, min: Math.max(px(d.start[i]), 0) };
      }
      const mark = markPx(i);
      if (mark < 0 || mark > plot.w) return null;
      return { i, row, span: false, shared: false, band: 'row' + row, also: null, lift: 0,
        left: mark + markGap, mark };
    }

    function run(perBand, spacing) {
      const bands = new Map();
      const placed = [];
      const bandOf = (name) => {
        if (!bands.has(name)) bands.set(name, { free: -Infinity, count: 0, blocked: [] });
        return bands.get(name);
      };
      function place(c, force) {
        const band = bandOf(c.band);
        // A span label between two rows must clear the labels on both.
        const touched = c.also ? [band, bandOf(c.also)] : [band];
        if (!force && (band.count >= perBand || (c.left < band.free && !c.shared))) return;
        let left = c.left;
        let label;
        if (c.span) {
          // Slide back along the span rather than cut the name at the plot's edge.
          label = fitLabel(d, c.i, plot.w - c.min, font);
          if (label) left = Math.max(c.min, Math.min(left, plot.w - label.w));
        } else {
          const after = roomAfter(c.i, left);
          label = fitLabel(d, c.i, after.room, font);
          if (!label && after.edge) {
            // Only the plot's right edge is in the way: go left of the mark.
            label = fitLabel(d, c.i, c.mark - markGap - Math.max(band.free, 0), font);
            if (label) left = c.mark - markGap - label.w;
          }
        }
        if (force && !c.span) {
          // The selected label is bold (so wider) and may cover other marks, never its own:
          // right of the mark if the whole name fits before the next mark, else left of it
          // if it fits there (near the plot's right edge), else on the roomier side, cut.
          const right = plot.w - c.left;
          const leftRoom = c.mark - markGap;
          const whole = fitLabel(d, c.i, Infinity, font, true);
          if (whole.w <= roomAfter(c.i, c.left).room) {
            label = whole;
            left = c.left;
          } else if (whole.w <= leftRoom) {
            label = whole;
            left = leftRoom - whole.w;
          } else if (whole.w <= right || right >= leftRoom) {
            label = fitLabel(d, c.i, right, font, true);
            left = c.left;
          } else {
            label = fitLabel(d, c.i, leftRoom, font, true);
            if (label) left = leftRoom - label.w;
          }
          if (!label) {
            // No room on either side (a tiny plot): show what fits, at the edge.
            label = whole;
            left = Math.max(0, Math.min(c.left, plot.w - label.w));
          }
        } else if (force) {
          // A span's label sits above its line: keep it in the plot, measured bold as drawn.
          const text = label ? label.text : shortTitle(d, c.i);
          label = { text, w: measure(text, font, true) };
          left = Math.max(0, Math.min(left, plot.w - label.w));
        }
        if (!label) return;
        const right = left + label.w;
        // Spans (and so the shared labels) are placed before any mark's label.
        const clashes = (b) => b.blocked.some(([l, r]) => left < r && right > l);
        if (!force && ((left < band.free && !c.shared) || touched.some(clashes))) return;
        placed.push({ ...c, text: label.text, left, right, selected: force });
        if (force || c.shared) {
          // These block only their own box, not the band left of them.
          for (const b of touched) b.blocked.push([left - LABEL_GAP_PX, right + LABEL_GAP_PX]);
          return;
        }
        band.free = Math.max(right + LABEL_GAP_PX, left + spacing);
        band.count += 1;
      }
      if (selected !== null && isShown(s, selected) >= 0) {
        const c = candidate(selected);
        if (c) place(c, true);
      }
      // A mark's band is its row's: look it up once per row, and pass over marks that are
      // off screen or left of where the band's next label may start without building a
      // candidate (at 100k events nearly all of them).
      const rowBands = new Map();
      const rowBand = (row) => {
        let band = rowBands.get(row);
        if (!band) rowBands.set(row, (band = bandOf('row' + row)));
        return band;
      };
      for (const kind of [1, 0]) {
        for (const i of pool) {
          if (d.kind[i] !== kind || i === selected) continue;
          if (kind === 0) {
            const x = markPx(i);
            if (x < 0 || x > plot.w) continue;
            const band = rowBand(R.y(i));
            if (band.count >= perBand || x + markGap < band.free) continue;
            // The next mark of the row is too close for any label (a character and its padding).
            const after = roomAfter(i, x + markGap);
            if (after.room < MIN_ROOM_PX && !after.edge) continue;
          }
          const c = candidate(i);
          if (c) place(c, false);
        }
      }
      return { placed, bands: [...bands.values()].filter((band) => band.count).length };
    }

    let result = run(Infinity, 0);
    if (result.placed.length > cap) {
      const perBand = Math.max(1, Math.floor(cap / Math.max(result.bands, 1)));
      result = run(perBand, plot.w / perBand);
    }
    const kept = result.placed.slice(0, cap).map((p) => ({ ...p, top: ya.l2p(p.row) - p.lift - LABEL_HALF_HEIGHT * labelPx() / LABEL_FONT_PX }));
    status.labels = kept.map((p) => ({ index: p.i, band: p.band, left: Math.round(p.left), right: Math.round(p.right),
      top: Math.round(p.top), text: p.text }));
    return kept;
  }

  /* ---- the HTML layer: labels and the selection highlight ------------------ */
  function drawLayer(gd, placed, highlight, plot) {
    const layer = document.getElementById('timeline-labels');
    if (!layer) return;
    layer.style.left = plot.l + 'px';
    layer.style.top = plot.t + 'px';
    layer.style.width = plot.w + 'px';
    layer.style.height = plot.h + 'px';
    const nodes = [];
    if (highlight) {
      const box = document.createElement('div');
      box.className = 'tl-selection';
      Object.assign(box.style, { left: highlight.left + 'px', width: highlight.width + 'px',
        top: highlight.top + 'px', height: highlight.height + 'px' });
      const line = document.createElement('div');
      line.className = 'tl-selection-line';
      line.style.left = highlight.mid + 'px';
      nodes.push(line, box);
    }
    for (const p of placed) {
      const label = document.createElement('span');
      label.className = p.selected ? 'tl-label selected' : 'tl-label';
      label.textContent = p.text;
      label.dataset.index = String(p.i);
      Object.assign(label.style, { left: p.left + 'px', top: p.top + 'px', maxWidth: (p.right - p.left) + 'px' });
      nodes.push(label);
    }
    layer.replaceChildren(...nodes);
  }

  function highlightBox(d, s, R, view, selected) {
    if (selected === null || isShown(s, selected) < 0) return null;
    const { xa, ya } = view;
    let x0 = xa.l2p(d.start[selected]);
    let x1 = xa.l2p(d.end[selected]);
    const mid = (x0 + x1) / 2;
    if (x1 - x0 < 14) {
      x0 = mid - 7;
      x1 = mid + 7;
    }
    const y = ya.l2p(R.y(selected));
    const half = Math.max(8, view.unit * 0.42);
    return { left: x0, width: x1 - x0, top: y - half, height: 2 * half, mid };
  }

  /* ---- drawing --------------------------------------------------------------- */
  const state = {
    gd: null, plotted: false, filterKey: null, narrow: null, appliedRev: null, selected: null,
    d: null, s: null, R: null, expectRange: null, grid: null, kept: null, reported: null,
  };

  function geometry(base) {
    const box = document.getElementById('timeline');
    const width = (box && box.clientWidth) || 1000;
    const height = (box && box.clientHeight) || 480;
    const narrow = width < NARROW_PX;
    const margin = { ...base.margin, l: narrow ? 8 : (style && style.rowMargin) || ROW_LABEL_MARGIN };
    return { width, height, narrow, margin };
  }

  function fit(s, fallback) {
    if (!s.idx.length) return fallback;
    let lo = s.lo;
    let hi = s.hi;
    if (hi - lo < MIN_FIT_DAYS) {
      const mid = (lo + hi) / 2;
      lo = mid - MIN_FIT_DAYS / 2;
      hi = mid + MIN_FIT_DAYS / 2;
    }
    // More room on the right, where the last events' labels go.
    return [lo - (hi - lo) * FIT_PAD_LEFT, hi + (hi - lo) * FIT_PAD_RIGHT];
  }

  function tickUpdate(range, plotWidth) {
    const ticks = lib.calendar.ticks(range[0], range[1], plotWidth);
    status.ticks = ticks.text;
    return { 'xaxis.tickvals': ticks.vals, 'xaxis.ticktext': ticks.text };
  }

  /* Labels, highlight and status for what is on screen now. */
  function drawOverlay() {
    const { gd, d, s, R } = state;
    if (!gd || !gd._fullLayout || !d) return;
    const fl = gd._fullLayout;
    const xa = fl.xaxis;
    const ya = fl.yaxis;
    const plot = { l: fl._size.l, t: fl._size.t, w: fl._size.w, h: fl._size.h };
    const range = xa.range.slice();
    const unit = plot.h / (R.height + 0.2);
    const placed = labels(d, s, R, range, plot, state.selected, fl.font.family, unit, ya, state.kept);
    drawLayer(gd, placed, highlightBox(d, s, R, { xa, ya, unit }, state.selected), plot);
    status.range = range;
    status.selectedDrawn = state.selected !== null && isShown(s, state.selected) >= 0 ? state.selected : null;
    status.lastDraw = performance.now();
    lib.current = { d, s, R, range, selected: state.selected };
  }

  const rangeOf = (gd) => gd._fullLayout.xaxis.range.slice();
  const sameRange = (a, b) => !!a && !!b && Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;

  /* After plotly.js moved the view (wheel, drag, pinch, keys, or us): new
     ticks, new labels, and - when the reader moved it - tell Dash. */
  function onRelayout(event) {
    const gd = state.gd;
    const keys = Object.keys(event || {});
    if (!keys.some((k) => k.startsWith('xaxis.range') || k === 'xaxis.autorange' || k === 'autosize' || k === 'width')) {
      return;
    }
    layerMoving(false);
    if (event['xaxis.autorange']) {
      clientside.set_props('graph-range', { data: { fit: true, at: Date.now() } });
      return;
    }
    const range = rangeOf(gd);
    const mine = sameRange(range, state.expectRange);
    const width = gd._fullLayout._size.w;
    const drawn = needsDetail(state.grid, range, width) ? refine(range, width)
      : window.Plotly.relayout(gd, tickUpdate(range, width));
    drawn.then(() => {
      drawOverlay();
      status.settled = performance.now();
    });
    reportRange(range, !mine && keys.some((k) => k.startsWith('xaxis.range')));
  }

  /* The traces refilled for a new scale or place (level of detail, see traces), with the ticks. */
  function refine(range, width) {
    const { gd, d, s, R } = state;
    const filled = traces(d, s, R, range, width);
    Object.assign(state, { grid: filled.grid, kept: filled.kept });
    status.refines += 1;
    const ticks = Object.fromEntries(Object.entries(tickUpdate(range, width)).map(([k, v]) => [k.slice(6), v]));
    const figure = { data: filled.data, layout: { ...gd.layout, xaxis: { ...gd.layout.xaxis, range: range.slice(), ...ticks } } };
    if (style && style.decorate) style.decorate(figure);
    return window.Plotly.react(gd, figure.data, figure.layout, d.payload.figure.config);
  }

  /* Tell Dash what is on screen (shown-range) and, when the reader moved it,
     where to (graph-range, for the URL), once the gesture has rested: a wheel
     turn fires a relayout per notch, and callbacks hang off both stores. */
  let reportTimer = null;
  let readerMoved = false;
  function reportRange(range, byReader) {
    readerMoved = readerMoved || byReader;
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      state.reported = [Math.round(range[0]), Math.round(range[1])];
      clientside.set_props('shown-range', { data: state.reported });
      if (readerMoved) clientside.set_props('graph-range', { data: { range, at: Date.now() } });
      readerMoved = false;
    }, REPORT_AFTER_MS);
  }

  function layerMoving(moving) {
    const layer = document.getElementById('timeline-labels');
    if (layer) layer.classList.toggle('moving', moving);
  }

  function onClick(event) {
    const point = event && event.points && event.points[0];
    if (point && String(point.data.meta).startsWith('marks:') && Number.isInteger(point.customdata)) {
      clientside.set_props('graph-click', { data: { index: point.customdata, at: Date.now() } });
    }
  }

  /* Labels sit above the plot with pointer-events off (wheel and drag reach
     plotly.js); a click is matched to a label by position instead.  It is
     heard on the document: plotly.js covers the page while the mouse is down,
     so the click lands on the body. */
  function onLayerClick(event) {
    const layer = document.getElementById('timeline-labels');
    if (!layer) return;
    for (const label of layer.querySelectorAll('.tl-label')) {
      const box = label.getBoundingClientRect();
      if (event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom) {
        clientside.set_props('graph-click', { data: { index: Number(label.dataset.index), at: Date.now() } });
        return;
      }
    }
  }

  function attach(gd) {
    gd.on('plotly_relayout', onRelayout);
    gd.on('plotly_relayouting', () => layerMoving(true));
    gd.on('plotly_click', onClick);
    gd.on('plotly_afterplot', () => {
      status.paints += 1;
      status.lastPaint = performance.now();
      if (status.firstPaint === null) status.firstPaint = status.lastPaint;
    });
    document.addEventListener('click', onLayerClick);
    if (lib.attachGestures) lib.attachGestures(gd);
  }

  /* Move the view; user=true when it is the reader's gesture (keys, pinch), so Dash hears of it. */
  lib.setRange = function (a, b, user) {
    const gd = state.gd;
    if (!gd || !gd._fullLayout) return Promise.resolve();
    const range = [a, b];
    // Copies: plotly.js later edits the range arrays it was given, in place.
    state.expectRange = user ? null : range.slice();
    return window.Plotly.relayout(gd, { 'xaxis.range': range.slice(), ...tickUpdate(range, gd._fullLayout._size.w) });
  };

  /* ---- the event data: fetched once, outside Dash's state --------------------- */
  const loads = new Map();

  /* The payload of a timeline-source, or null while it loads (timeline-ready is
     set when it has arrived, which runs the callbacks again). */
  lib.payload = function (source) {
    if (source && source.payload) return source.payload; // an editor's upload preview (live_view.py)
    if (!source || !source.url) return null;
    let entry = loads.get(source.url);
    if (!entry) {
      entry = { payload: null };
      loads.set(source.url, entry);
      fetch(source.url, { credentials: 'same-origin' })
        .then((response) => {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then((payload) => {
          entry.payload = payload;
          clientside.set_props('timeline-ready', { data: { url: source.url, count: payload.events.count } });
        })
        .catch((error) => {
          const box = document.getElementById('timeline-labels');
          if (box) box.textContent = 'The events could not be loaded (' + error.message + '). Reload the page to try again.';
        });
    }
    return entry.payload;
  };

  ns.render = function (ready, view, selected, source) {
    const payload = lib.payload(source);
    if (!payload || !view || !window.Plotly) return noUpdate();
    const gd = document.getElementById('timeline-plot');
    if (!gd) return noUpdate();
    const d = decode(payload);
    const s = shown(d, view);
    style = lib.figureStyle ? lib.figureStyle(payload, view) : null;
    const look = style ? style.key : '';
    state.last = [ready, view, selected, source];
    const base = payload.figure.layout;
    const geo = geometry(base);
    const plotWidth = Math.max(geo.width - geo.margin.l - geo.margin.r, 50);
    state.selected = selected && Number.isInteger(selected.index) ? selected.index : null;
    status.renders += 1;
    status.lastRender = performance.now();
    status.shown = s.idx.length;

    const moved = view.rev !== state.appliedRev;
    const current = state.plotted && gd._fullLayout ? rangeOf(gd) : null;
    const range = moved || !current
      ? (view.x0 !== null && view.x0 !== undefined && view.x1 !== null ? [view.x0, view.x1] : fit(s, base.xaxis.range))
      : current;
    state.appliedRev = view.rev;

    let drawn;
    if (!state.plotted || d !== state.d || s.key !== state.filterKey || geo.narrow !== state.narrow || look !== state.look) {
      const R = rows(d, s);
      const layout = {
        ...base, margin: geo.margin,
        xaxis: { ...base.xaxis, range: range.slice(), ...Object.fromEntries(Object.entries(tickUpdate(range, plotWidth)).map(([k, v]) => [k.slice(6), v])) },
        yaxis: { ...base.yaxis, range: [R.height + 0.1, -0.1], tickvals: R.vals, ticktext: R.text, showticklabels: !geo.narrow },
        annotations: s.idx.length ? [] : [{ xref: 'paper', yref: 'paper', x: 0.5, y: 0.5, showarrow: false,
          text: 'No events match the filters', font: { size: 14, color: '#666' } }],
      };
      Object.assign(state, { d, s, R, gd, filterKey: s.key, narrow: geo.narrow, expectRange: range.slice(), look });
      const filled = traces(d, s, R, range, plotWidth);
      Object.assign(state, { grid: filled.grid, kept: filled.kept });
      const figure = { data: filled.data, layout };
      if (style && style.decorate) style.decorate(figure);
      if (!state.plotted) {
        state.plotted = true;
        drawn = window.Plotly.newPlot(gd, figure.data, figure.layout, payload.figure.config);
        attach(gd);
      } else {
        drawn = window.Plotly.react(gd, figure.data, figure.layout, payload.figure.config);
      }
    } else if (moved && !sameRange(range, current)) {
      drawn = lib.setRange(range[0], range[1], false);
    } else {
      drawn = Promise.resolve();
    }
    drawn.then(() => {
      drawOverlay();
      status.settled = performance.now();
    });
    // shown-range feeds other callbacks: pass it on only when it changed.
    const shownRange = [Math.round(range[0]), Math.round(range[1])];
    if (state.reported && shownRange[0] === state.reported[0] && shownRange[1] === state.reported[1]) return noUpdate();
    state.reported = shownRange;
    return shownRange;
  };

  /* Draw again with the last inputs, e.g. after a theme change (assets/classroom.js). */
  lib.redraw = () => state.last && ns.render(...state.last);

  /* ---- filter counts and options ------------------------------------------- */
  let lastOptionsKey = null;

  ns.filterOptions = function (ready, view, source) {
    const outputs = window.dash_clientside.callback_context.outputs_list;
    const payload = lib.payload(source);
    if (!payload) return outputs.map(() => noUpdate());
    view = view || {};
    const key = filterKey(view) + (source.url || source.key || ''); // new data: new counts (live_view.py)
    if (key === lastOptionsKey) return outputs.map(() => noUpdate());
    lastOptionsKey = key;
    const d = decode(payload);
    const f = facets(d, view);
    const others = [f.person, f.place, f.q].filter(Boolean);
    const catCount = new Array(d.categories.length).fill(0);
    let total = 0;
    for (let i = 0; i < d.n; i++) {
      if (!others.every((t) => t(i))) continue;
      catCount[d.cat[i]] += 1;
      if (!f.cat || f.cat(i)) total += 1;
    }
    const chips = outputs[0].map((o) => o.id.index);
    const counts = chips.map((name) => String(catCount[d.catIndex[name]] || 0));
    const classes = chips.map((name) => 'chip ' + (view.cat && !view.cat.includes(name) ? 'off' : 'on') +
      (catCount[d.catIndex[name]] ? '' : ' empty'));
    const summary = total === d.n ? 'Showing all ' + d.n + ' events' : 'Showing ' + total + ' of ' + d.n + ' events';
    return [counts, classes, summary];
  };

  /* Options of the person or place picker: the chosen names and up to
     MAX_OPTIONS names matching what the reader typed, each with the number of
     events it would show under the other filters.  A dataset may name
     thousands of people; sending them all to the dropdown on every filter
     change would cost seconds in Dash's renderer. */
  const MAX_OPTIONS = 50;

  function pickerOptions(kind) {
    let lastKey = null;
    return function (search, value, ready, view, source) {
      const payload = lib.payload(source);
      if (!payload) return noUpdate();
      // A zoom or a selection changes the view but not the options.
      const key = JSON.stringify([search || '', value || [], filterKey(view || {}), source.url || source.key || '']);
      if (key === lastKey) return noUpdate();
      lastKey = key;
      const d = decode(payload);
      const f = facets(d, view || {});
      const names = kind === 'person' ? payload.people : payload.places;
      const column = kind === 'person' ? d.people : d.places;
      const others = [f.cat, f.q, kind === 'person' ? f.place : f.person].filter(Boolean);
      const needle = (search || '').trim().toLowerCase();
      const chosen = new Set(value || []);
      const counts = new Map();
      names.forEach((name, k) => {
        if (chosen.has(name) || (counts.size < MAX_OPTIONS + chosen.size && name.toLowerCase().includes(needle))) {
          counts.set(k, 0);
        }
      });
      for (let i = 0; i < d.n; i++) {
        if (!others.every((t) => t(i))) continue;
        for (const k of column[i]) if (counts.has(k)) counts.set(k, counts.get(k) + 1);
      }
      return [...counts].map(([k, n]) => ({ label: names[k] + ' (' + n + ')', value: names[k] }));
    };
  }
  ns.personOptions = pickerOptions('person');
  ns.placeOptions = pickerOptions('place');
})();
