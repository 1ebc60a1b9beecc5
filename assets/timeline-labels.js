/*
 * Event labels: only what fits, never overlapping another label or hiding a
 * mark (timeline-render.js draws them as an HTML layer, #timeline-labels).
 *
 * At most MAX_LABELS (MAX_LABELS_NARROW on a narrow plot), only for events in
 * view, placed left to right per row.  Pure: the text widths come from
 * `type.measure` (a canvas in the browser, canvasType), the vertical places
 * from the y axis' l2p, so node's tests (tests/js/) can place labels too.
 *
 * Loads in the browser (window.timelineLib.labels) and in node (module.exports).
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});

  const MAX_LABELS = 50;
  const MAX_LABELS_NARROW = 24;
  const NARROW_PX = 600;
  const LABEL_CHARS = 34;
  const LABEL_FONT_PX = 11;
  const LABEL_GAP_PX = 10;
  const MARK_GAP_PX = 8;
  const MIN_LABEL_PX = 56;
  const MIN_ROOM_PX = 9;
  const LABEL_HALF_HEIGHT = 8;
  /* A life's name sits this far above its bar's middle (its box just clears the bar's end marks),
     not at a share of the row: on a tall plot with few rows that floated it ~60 px above. */
  const LANE_LIFT_PX = 17;

  let measureContext = null;

  /* Labels of `px` pixels in `font`, measured on a canvas as the browser draws them. */
  function canvasType(px, font) {
    return {
      px,
      measure(text, bold) {
        measureContext = measureContext || document.createElement('canvas').getContext('2d');
        measureContext.font = (bold ? 'bold ' : '') + px + 'px ' + font;
        return Math.ceil(measureContext.measureText(text).width) + 6;
      },
    };
  }

  function shortTitle(d, i) {
    const t = d.title[i];
    return t.length > LABEL_CHARS ? t.slice(0, LABEL_CHARS - 1).trimEnd() + '…' : t;
  }

  /* The label text and width of event i, cut with "…" to fit maxPx (null if even a stub does not).
     Bold (the selected label) is measured as drawn and not cached. */
  function fitLabel(d, i, maxPx, type, bold) {
    if (bold) {
      const w = type.measure(shortTitle(d, i), true);
      if (w <= maxPx) return { text: shortTitle(d, i), w };
    } else {
      if (d.labelWidth[i] < 0) d.labelWidth[i] = type.measure(shortTitle(d, i));
      if (d.labelWidth[i] <= maxPx) return { text: shortTitle(d, i), w: d.labelWidth[i] };
    }
    if (maxPx < MIN_LABEL_PX) return null;
    let lo = 4;
    let hi = Math.min(d.title[i].length, LABEL_CHARS) - 1;
    let best = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const text = d.title[i].slice(0, mid).trimEnd() + '…';
      const w = type.measure(text, bold);
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
  function labels(d, s, R, range, plot, selected, type, unit, ya, drawnOnly) {
    if (d.labelPx !== type.px) {
      d.labelWidth.fill(-1);
      d.labelPx = type.px;
    }
    const [a, b] = range;
    const k = plot.w / (b - a);
    const px = (day) => (day - a) * k;
    const markPx = (i) => px((d.start[i] + d.end[i]) / 2);
    const cap = plot.w < NARROW_PX ? MAX_LABELS_NARROW : MAX_LABELS;
    const scale = type.px / LABEL_FONT_PX;
    const markGap = MARK_GAP_PX * scale;
    const roomAbove = unit >= 24 * scale;
    const height = 2 * LABEL_HALF_HEIGHT * scale; // a label's box (.tl-label in timeline.css)
    // The events to consider: all shown, or with a level of detail only those with a drawn
    // mark (the others lie under one), and the selected event.
    let pool = s.idx;
    if (drawnOnly) {
      pool = drawnOnly;
      if (selected !== null && lib.data.isShown(s, selected) >= 0 && !pool.includes(selected)) {
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
          lift: R.isLane(i) ? Math.min(LANE_LIFT_PX * scale, unit * 0.55) : above ? Math.min(13 * scale, unit * 0.48)
            : unit * 0.5,
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
          label = fitLabel(d, c.i, plot.w - c.min, type);
          if (label) left = Math.max(c.min, Math.min(left, plot.w - label.w));
        } else {
          const after = roomAfter(c.i, left);
          label = fitLabel(d, c.i, after.room, type);
          if (!label && after.edge) {
            // Only the plot's right edge is in the way: go left of the mark.
            label = fitLabel(d, c.i, c.mark - markGap - Math.max(band.free, 0), type);
            if (label) left = c.mark - markGap - label.w;
          }
        }
        if (force && !c.span) {
          // The selected label is bold (so wider) and may cover other marks, never its own:
          // right of the mark if the whole name fits before the next mark, else left of it
          // if it fits there (near the plot's right edge), else on the roomier side, cut.
          const right = plot.w - c.left;
          const leftRoom = c.mark - markGap;
          const whole = fitLabel(d, c.i, Infinity, type, true);
          if (whole.w <= roomAfter(c.i, c.left).room) {
            label = whole;
            left = c.left;
          } else if (whole.w <= leftRoom) {
            label = whole;
            left = leftRoom - whole.w;
          } else if (whole.w <= right || right >= leftRoom) {
            label = fitLabel(d, c.i, right, type, true);
            left = c.left;
          } else {
            label = fitLabel(d, c.i, leftRoom, type, true);
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
          label = { text, w: type.measure(text, true) };
          left = Math.max(0, Math.min(left, plot.w - label.w));
        }
        if (!label) return;
        const right = left + label.w;
        // Spans (and so the shared labels) are placed before any mark's label.
        const clashes = (b) => b.blocked.some(([l, r]) => left < r && right > l);
        if (!force && ((left < band.free && !c.shared) || touched.some(clashes))) return;
        // Bands are rows of labels, but a label is taller than the gap between some of them (the
        // strip above a row's spans and the row's own line, two rows of a crowded timeline).
        const top = ya.l2p(c.row) - c.lift - height / 2;
        const covers = (box) => left < box.right && right > box.left && top < box.top + height && top + height > box.top;
        if (!force && placed.some(covers)) return;
        placed.push({ ...c, text: label.text, left, right, top, selected: force });
        if (force || c.shared) {
          // These block only their own box, not the band left of them.
          for (const b of touched) b.blocked.push([left - LABEL_GAP_PX, right + LABEL_GAP_PX]);
          return;
        }
        band.free = Math.max(right + LABEL_GAP_PX, left + spacing);
        band.count += 1;
      }
      if (selected !== null && lib.data.isShown(s, selected) >= 0) {
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
    return result.placed.slice(0, cap);
  }

  lib.labels = { labels, canvasType, FONT_PX: LABEL_FONT_PX, NARROW_PX, MAX_LABELS, MAX_LABELS_NARROW };
  if (typeof module !== 'undefined') module.exports = lib.labels;
})();
