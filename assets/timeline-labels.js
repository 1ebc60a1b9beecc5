/*
 * Event labels: the full title wherever there is room, never overlapping
 * another label or hiding a mark (timeline-render.js draws them as an HTML
 * layer, #timeline-labels).
 *
 * At most MAX_LABELS (MAX_LABELS_NARROW on a narrow plot), only for events in
 * view.  Pure: the text widths come from `type.measure` (a canvas in the
 * browser, canvasType), the vertical places from the y axis' l2p, so node's
 * tests (tests/js/) can place labels too.
 *
 * Loads in the browser (window.timelineLib.labels) and in node (module.exports).
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});

  const MAX_LABELS = 50;
  const MAX_LABELS_NARROW = 24;
  const NARROW_PX = 600;
  const LABEL_FONT_PX = 11;
  const LABEL_GAP_PX = 10;
  const MARK_GAP_PX = 8;
  const MIN_LABEL_PX = 56;
  const MIN_ROOM_PX = 9;
  const LABEL_HALF_HEIGHT = 8;
  // How close (at the normal size) a label's box may come to what is drawn: a mark's centre
  // above or below it (a mark is 11 px: the label may touch its rim), a bar's centre line
  // (lives are 9 px thick, other spans 6), a leader line.
  const MARK_CLEAR_PX = 5;
  const LANE_BAR_CLEAR_PX = 4;
  const SPAN_BAR_CLEAR_PX = 2.5;
  const BAR_END_GAP_PX = 2;
  const LEADER_GAP_PX = 3;
  // A label that does not fit beside its mark may move this many label heights up or down,
  // joined to its mark by a leader line (vis-timeline stacks its item boxes the same way).
  const STACK_STEPS = 3;
  const STACK_GAP_PX = 1;
  const MARK_RADIUS_PX = 5;
  // Failing that, a whole title may go up to this many label heights away, its leader slanted
  // if need be (a callout); the shortest CALLOUT_TRIES leaders are tried.
  const CALLOUT_STEPS = 7;
  const CALLOUT_TRIES = 40;
  // A label joined to its mark by a leader keeps this many MARK_GAP_PX from the marks on the
  // line it moves to, lest it read as theirs.
  const FAR_MARK_GAP = 2;
  // A title that fits nowhere whole may take the place of one of the nearest RIPUP_TRIES labels
  // if that one can move elsewhere, whole.
  const RIPUP_TRIES = 4;
  const CALLOUTS_PER_LABEL = 2; // callouts tried per placement, at most, per label that may be drawn
  // Callouts, moves and more than one order only while at most FAR_EVENTS times as many events
  // as labels are in view: a crowded view has no room to spare, and their cost grows with it.
  const FAR_EVENTS = 2;
  /* A life's name sits at most this far above its bar's middle (its box just clears the bar's end
     marks), not at a share of the row: on a tall plot with few rows that floated it ~60 px above. */
  const LANE_LIFT_PX = 17;
  // The placed boxes are indexed by height in cells this tall (about a label's height).
  const CELL_PX = 16;

  let measureContext = null;

  /* The width in pixels of `text` in `px`-pixel `font`, measured on a canvas as the browser draws
     it (no layout): event labels here, tick labels (timeline-render.js), row names (classroom-themes.js). */
  function textWidth(text, px, font, bold) {
    measureContext = measureContext || document.createElement('canvas').getContext('2d');
    measureContext.font = (bold ? 'bold ' : '') + px + 'px ' + font;
    return measureContext.measureText(text).width;
  }

  /* Labels of `px` pixels in `font` (a label's box is its text and 6 px of padding). */
  function canvasType(px, font) {
    return { px, measure: (text, bold) => Math.ceil(textWidth(text, px, font, bold)) + 6 };
  }

  /* The width of event i's whole title as a label (cached per event; bold is the selected label's
     and not cached). */
  function wholeWidth(d, i, type, bold) {
    if (bold) return type.measure(d.title[i], true);
    if (d.labelWidth[i] < 0) d.labelWidth[i] = type.measure(d.title[i]);
    return d.labelWidth[i];
  }

  /* The label text and width of event i, cut with "…" to fit maxPx (null if even a stub does not). */
  function fitLabel(d, i, maxPx, type, bold) {
    const w = wholeWidth(d, i, type, bold);
    if (w <= maxPx) return { text: d.title[i], w };
    if (maxPx < MIN_LABEL_PX) return null;
    let lo = 4;
    let hi = d.title[i].length - 1;
    let best = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const text = d.title[i].slice(0, mid).trimEnd() + '…';
      const width = type.measure(text, bold);
      if (width <= maxPx) {
        best = { text, w: width };
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /* First index in the sorted array `a` whose value is >= x. */
  function lowerBound(a, x) {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /* Whether `values` holds one within `tolerance` of v. */
  function hasNear(values, v, tolerance) {
    for (let k = 0; k < values.length; k++) if (Math.abs(values[k] - v) < tolerance) return true;
    return false;
  }

  /* A leader line from its mark (x0, y0) to its label (x1, y1); a straight one down or up. */
  const vertical = (x, y0, y1) => ({ x0: x, y0, x1: x, y1 });

  /* The x pixels a leader covers between the heights top and bottom: [from, to], or null. */
  function segSpan(g, top, bottom) {
    const lo = Math.min(g.y0, g.y1);
    const hi = Math.max(g.y0, g.y1);
    if (hi <= top || lo >= bottom) return null;
    if (g.x0 === g.x1 || hi - lo < 1e-6) return [Math.min(g.x0, g.x1), Math.max(g.x0, g.x1)];
    const at = (y) => g.x0 + ((g.x1 - g.x0) * (y - g.y0)) / (g.y1 - g.y0);
    const p = at(Math.max(top, lo));
    const q = at(Math.min(bottom, hi));
    return [Math.min(p, q), Math.max(p, q)];
  }

  /* Whether two leaders cross (or touch). */
  function segmentsCross(g, h) {
    const side = (ax, ay, bx, by, cx, cy) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
    return side(g.x0, g.y0, g.x1, g.y1, h.x0, h.y0) !== side(g.x0, g.y0, g.x1, g.y1, h.x1, h.y1)
      && side(h.x0, h.y0, h.x1, h.y1, g.x0, g.y0) !== side(h.x0, h.y0, h.x1, h.y1, g.x1, g.y1);
  }

  /*
   * The labels and leaders placed so far: in the order they were placed (list), and by height
   * in CELL_PX cells, so that a question about a band of the plot looks only at the boxes
   * reaching into it.  A placement asks thousands of such questions (reach, freeStretches,
   * leaderClear) while up to 2 x MAX_LABELS boxes stand; scanning them all was much of its work.
   */
  class Placed {
    constructor(plotHeight) {
      this.list = [];
      this.cells = Array.from({ length: Math.max(1, Math.ceil(plotHeight / CELL_PX) + 1) }, () => []);
      this.found = [];
    }

    cell(y) {
      return Math.min(Math.max(Math.floor(y / CELL_PX), 0), this.cells.length - 1);
    }

    add(box) {
      this.list.push(box);
      const first = this.cell(box.top);
      for (let k = first; k <= this.cell(box.bottom); k++) this.cells[k].push({ box, first });
    }

    remove(box) {
      this.list.splice(this.list.indexOf(box), 1);
      for (let k = this.cell(box.top); k <= this.cell(box.bottom); k++) {
        const cell = this.cells[k];
        cell.splice(cell.findIndex((e) => e.box === box), 1);
      }
    }

    /* The boxes reaching into the band from top to bottom (p.top < bottom and p.bottom > top),
       each once: a box spanning several cells is taken in the first of them the band covers.
       The array is this index's own, refilled at the next call: read it before asking again.
       (Here and in the questions below, plain indexed loops: the first placements after a page
       loads run before the JIT has optimised them, and there for-of and closures cost most.) */
    within(top, bottom) {
      const out = this.found;
      out.length = 0;
      const from = this.cell(top);
      const to = this.cell(bottom);
      for (let k = from; k <= to; k++) {
        const cell = this.cells[k];
        for (let e = 0; e < cell.length; e++) {
          const { box, first } = cell[e];
          if ((first > from ? first : from) === k && box.top < bottom && box.bottom > top) out.push(box);
        }
      }
      return out;
    }
  }

  /* The CSS of a leader's line (.tl-leader, a 0-wide box with a left border): a slanted one is
     that box turned about its top end (timeline.css sets the origin). */
  function leaderStyle(g) {
    const [x, y, bx, by] = g.y0 <= g.y1 ? [g.x0, g.y0, g.x1, g.y1] : [g.x1, g.y1, g.x0, g.y0];
    const angle = (Math.atan2(x - bx, by - y) * 180) / Math.PI;
    return { left: x + 'px', top: y + 'px', height: Math.hypot(bx - x, by - y) + 'px',
      transform: Math.abs(angle) < 0.01 ? '' : 'rotate(' + angle.toFixed(2) + 'deg)' };
  }

  /* A drawn leader's two ends [x0, y0, x1, y1] from its style (leaderStyle's), for the export. */
  function leaderEnds(style) {
    const [x, y, h] = [style.left, style.top, style.height].map(parseFloat);
    const turn = (Number((/rotate\(([-\d.]+)deg\)/.exec(style.transform) || [0, 0])[1]) * Math.PI) / 180;
    return [x, y, x - h * Math.sin(turn), y + h * Math.cos(turn)];
  }

  /*
   * What is drawn in view, for asking how far a label's box may reach: per
   * row its marks' pixels (sorted) and its bars (sorted by start, with the
   * farthest end so far, so "does a bar cross x" is one binary search).
   * Built once per placement: O(n log n) in the events considered.
   */
  function scene(d, pool, R, px, plot, ya, scale, markGap) {
    const rows = new Map();
    const rowOf = (i) => {
      const y = R.y(i);
      let row = rows.get(y);
      if (!row) {
        const clear = (R.isLane(i) ? LANE_BAR_CLEAR_PX : SPAN_BAR_CLEAR_PX) * Math.sqrt(scale);
        rows.set(y, (row = { y: ya.l2p(y), marks: [], bars: [], barClear: clear }));
      }
      return row;
    };
    const near = (x) => x > -markGap && x < plot.w + markGap;
    for (const i of pool) {
      if (d.kind[i] === 0) {
        const x = px((d.start[i] + d.end[i]) / 2);
        if (near(x)) rowOf(i).marks.push(x);
        continue;
      }
      const x0 = px(d.start[i]);
      const x1 = px(d.end[i]);
      if (x1 < -markGap || x0 > plot.w + markGap) continue;
      const row = rowOf(i);
      if (near(x0)) row.marks.push(x0);
      if (near(x1)) row.marks.push(x1);
      row.bars.push([Math.max(x0, -1), Math.min(x1, plot.w + 1)]);
    }
    const list = [...rows.values()].sort((a, b) => a.y - b.y);
    for (const row of list) {
      row.marks = Float64Array.from(row.marks).sort();
      row.bars.sort((a, b) => a[0] - b[0]);
      row.barStart = Float64Array.from(row.bars, (b) => b[0]);
      row.barReach = new Float64Array(row.bars.length);
      let reach = -Infinity;
      row.bars.forEach((b, k) => {
        reach = Math.max(reach, b[1]);
        row.barReach[k] = reach;
      });
    }
    return { list, ys: Float64Array.from(list, (row) => row.y) };
  }

  /*
   * Placement in the spirit of vis-timeline's stacking (issue 15: titles were
   * cut although the rows around had room).  Each event has places for its
   * label, by distance from its mark: on its row's line right of the mark
   * (left of it when only the plot's edge is in the way; spans: just above or
   * under their bar), then stacked on a nearby row's line or midway between
   * two, up to STACK_STEPS label heights away - beside the mark when that is
   * close, else anywhere along that line as long as it spans the mark, with a
   * leader line down to it; left of the mark on its own line when no other
   * mark of the row sits just before it.  A place is taken only where the box
   * and its leader cross no mark, no bar, no label and no leader: labels never
   * overlap and never hide a mark.  Whole titles are placed first, nearest
   * first (all on their lines, then one label height away, ...; in time order,
   * spans first); then, for those left, farther off with a straight leader
   * (callout), or in a neighbour's place if that neighbour can move (displace);
   * then the rest get the longest cut ("…") any place allows.  The selected
   * event is labelled first, whatever it covers.  A greedy placement fits more
   * or less depending on its order, so a view with few events is also placed
   * longest titles first and least crowded first, and the placement with the
   * most whole titles (then labels, then the least leader length) is kept.
   *
   * Work: each event in view asks its places' room (a few binary searches in
   * its scene and a look at the labels placed at its height), and the first
   * placement stops once more than `cap` labels fit; then a second one gives
   * each row an equal share spread over the width instead of labelling the
   * left end only.  Widths are measured (and cached) only for events with
   * some room.  Callouts, moves and the other orders run only with at most
   * FAR_EVENTS * cap events in view, for at most `cap` events each.
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
    const farMarkGap = FAR_MARK_GAP * markGap;
    const markClear = MARK_CLEAR_PX * scale;
    const markRadius = MARK_RADIUS_PX * scale;
    const roomAbove = unit >= 24 * scale;
    const height = 2 * LABEL_HALF_HEIGHT * scale; // a label's box (.tl-label in timeline.css)
    const step = height + STACK_GAP_PX;
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
    const view = scene(d, pool, R, px, plot, ya, scale, markGap);

    /*
     * How far a box [x, ...] (dir 1) or [..., x] (dir -1) from top to
     * bottom may reach before it meets something drawn or placed: null if it
     * meets something at x already, else {room, edge} (edge: only the plot's
     * side stopped it).  `placed` holds labels and leaders as boxes.
     */
    function reach(x, dir, top, bottom, placed, markClearance, gap = markGap) {
      let limit = dir > 0 ? plot.w : 0;
      const closer = (v) => (dir > 0 ? v < limit : v > limit);
      const { list, ys } = view;
      const margin = Math.max(markClearance, LANE_BAR_CLEAR_PX * 2 * scale);
      for (let r = lowerBound(ys, top - margin); r < list.length && ys[r] < bottom + margin; r++) {
        const row = list[r];
        if (row.y > top - markClearance && row.y < bottom + markClearance && row.marks.length) {
          const m = row.marks;
          if (dir > 0) {
            const j = lowerBound(m, x - gap + 0.5);
            if (j < m.length) {
              if (m[j] - gap < x - 0.5) return null;
              if (closer(m[j] - gap)) limit = m[j] - gap;
            }
          } else {
            const j = lowerBound(m, x + gap - 0.5) - 1;
            if (j >= 0) {
              if (m[j] + gap > x + 0.5) return null;
              if (closer(m[j] + gap)) limit = m[j] + gap;
            }
          }
        }
        if (row.y > top - row.barClear && row.y < bottom + row.barClear && row.bars.length) {
          // Bars starting before x: does the farthest reach past it?  Else the next one's start.
          const j = lowerBound(row.barStart, x + BAR_END_GAP_PX);
          if (j > 0 && row.barReach[j - 1] + BAR_END_GAP_PX > x) return null;
          if (dir > 0 && j < row.bars.length && closer(row.barStart[j] - BAR_END_GAP_PX)) {
            limit = row.barStart[j] - BAR_END_GAP_PX;
          }
          if (dir < 0 && j > 0 && closer(row.barReach[j - 1] + BAR_END_GAP_PX)) {
            limit = row.barReach[j - 1] + BAR_END_GAP_PX;
          }
        }
      }
      const boxes = placed.within(top, bottom);
      for (let n = 0; n < boxes.length; n++) {
        const p = boxes[n];
        let l = p.left - p.gap;
        let r = p.right + p.gap;
        if (p.seg && p.seg.x0 !== p.seg.x1) {
          // A slanted leader: only the stretch of it beside this box.
          const span = segSpan(p.seg, top, bottom);
          if (!span) continue;
          l = span[0] - p.gap;
          r = span[1] + p.gap;
        }
        if (l < x && r > x) return null;
        if (dir > 0 && l >= x && closer(l)) limit = l;
        if (dir < 0 && r <= x && closer(r)) limit = r;
      }
      const room = (limit - x) * dir;
      return room > 0 ? { room, edge: limit === (dir > 0 ? plot.w : 0) } : null;
    }

    /* Whether a leader line from y0 to y1 at x crosses nothing drawn or placed. */
    function leaderFree(leader, placed) {
      if (!leader) return true;
      const top = Math.min(leader.y0, leader.y1);
      const bottom = Math.max(leader.y0, leader.y1);
      const r = reach(leader.x0 - 1, 1, top, bottom, placed, 0);
      return !!r && r.room >= 2;
    }

    // Where stacked labels go: on a row's line or midway between two (and half a row beyond
    // the first and last), so that they line up with the rows' own labels.
    const lineYs = R.vals.map((v) => ya.l2p(v)).sort((p, q) => p - q);
    const slotYs = [];
    lineYs.forEach((y, n) => {
      const next = n + 1 < lineYs.length ? lineYs[n + 1] : y + unit;
      if (n === 0) slotYs.push(y - (next - y) / 2);
      slotYs.push(y, (y + next) / 2);
    });
    const stackReach = STACK_STEPS * step;
    /* The stacked places around a line at y, nearest first (above before below):
       {top, level (1 per label height away), dy}. */
    function stacked(y) {
      const out = [];
      for (const c of slotYs) {
        const dy = c - y;
        const top = c - height / 2;
        if (Math.abs(dy) < 1 || Math.abs(dy) > stackReach || top < 0 || top + height > plot.h) continue;
        out.push({ top, dy, level: Math.max(1, Math.ceil(Math.abs(dy) / step - 0.01)) });
      }
      return out.sort((p, q) => Math.abs(p.dy) - Math.abs(q.dy) || p.dy - q.dy);
    }

    /* Event i's places, best first: {x, dir, top, leader, slide} (slide: a span's label may move
       left along its span down to that pixel when the plot's edge cuts it).  They depend on the
       view only, so each event's are worked out once (placements try an event many times). */
    const placesOf = new Map();
    const ANY_LEVEL = -1;
    /* Event i's places of one level, or of any (ANY_LEVEL). */
    function places(i, level = ANY_LEVEL) {
      let byLevel = placesOf.get(i);
      if (!byLevel) placesOf.set(i, (byLevel = new Map([[ANY_LEVEL, placesFor(i)]])));
      let list = byLevel.get(level);
      if (!list) byLevel.set(level, (list = byLevel.get(ANY_LEVEL).filter((p) => p.level === level)));
      return list;
    }
    function placesFor(i) {
      const y = ya.l2p(R.y(i));
      const out = [];
      if (d.kind[i] === 1) {
        if (d.end[i] < a || d.start[i] > b) return out;
        // Above the bar, clear of the span's own marks.
        const lift = Math.max(height / 2 + markClear + 0.5,
          R.isLane(i) ? Math.min(LANE_LIFT_PX * scale, unit * 0.55) : roomAbove ? Math.min(13 * scale, unit * 0.48) : unit * 0.5);
        const min = Math.max(px(d.start[i]), 0);
        const x = px(Math.max(d.start[i], a)) + 2;
        const above = y - lift - height / 2;
        out.push({ level: 0, x, dir: 1, top: above, leader: null, slide: min });
        // Mirrored: just under the bar.
        out.push({ level: 0, x, dir: 1, top: y + lift - height / 2, leader: null, slide: min });
        const barEdge = (R.isLane(i) ? LANE_BAR_CLEAR_PX : SPAN_BAR_CLEAR_PX) * Math.sqrt(scale) + 0.5;
        for (const { top, level, dy } of stacked(y)) {
          if (Math.abs(dy + lift) < 1 || Math.abs(dy - lift) < 1) continue;
          const leader = vertical(x + LEADER_GAP_PX, dy < 0 ? y - barEdge : y + barEdge, dy < 0 ? top + height : top);
          out.push({ level, x, dir: 1, top, leader, slide: min });
        }
        return out;
      }
      const mark = markPx(i);
      if (mark < 0 || mark > plot.w) return out;
      const line = y - height / 2;
      out.push({ level: 0, x: mark + markGap, dir: 1, top: line, leader: null, own: true });
      out.push({ level: 0, x: mark - markGap, dir: -1, top: line, leader: null, edgeOnly: true });
      // Left of the mark on its own line, clear of the row's mark before it (whose label it would
      // look like).
      out.push({ level: 1, x: mark - markGap, dir: -1, top: line, leader: null, clearLeft: true });
      for (const { top, level, dy } of stacked(y)) {
        if (Math.abs(dy) < height / 2 + markRadius) {
          // Close above or below the mark: beside it, no leader.
          out.push({ level, x: mark + markRadius, dir: 1, top, leader: null });
          out.push({ level, x: mark - markRadius, dir: -1, top, leader: null });
        } else {
          const leader = vertical(mark, y + Math.sign(dy) * markRadius, dy < 0 ? top + height : top);
          out.push({ level, x: mark, dir: 0, top, leader });
        }
      }
      return out;
    }

    /* The room of place n of a list of event i's places (null where it is blocked): room(n), worked
       out in order and only as far as asked, since a label mostly fits at one of its first places. */
    function rooms(list, placed, clearance) {
      const known = [];
      let edgeOfOwn = false;
      return (n) => {
        while (known.length <= n) {
          const p = list[known.length];
          let r = null;
          if (!p.edgeOnly || edgeOfOwn) {
            r = p.dir ? reach(p.x, p.dir, p.top, p.top + height, placed, clearance, p.leader ? farMarkGap : markGap)
              : around(p, placed, clearance);
            if (p.own) edgeOfOwn = !!r && r.edge;
            if (r && !leaderFree(p.leader, placed)) r = null;
          }
          known.push(r);
        }
        return known[n];
      };
    }

    /* The free stretch at a stacked place, around its leader: {room, from, to}, or null. */
    function around(p, placed, clearance) {
      // Well clear of the marks on the line it moves to, lest it read as one of theirs.
      const right = reach(p.x - LEADER_GAP_PX, 1, p.top, p.top + height, placed, clearance, farMarkGap);
      const left = right && reach(p.x + LEADER_GAP_PX, -1, p.top, p.top + height, placed, clearance, farMarkGap);
      if (!left) return null;
      const from = p.x + LEADER_GAP_PX - left.room;
      const to = p.x - LEADER_GAP_PX + right.room;
      // The leader must end on the label.
      return from <= p.x - 1 && to >= p.x + 1 ? { room: to - from, from, to, edge: false } : null;
    }

    /* Where a label of width w fits at place p with room r: its left pixel, or null.  Around a
       leader: starting at it, else ending at it, else as far right as the stretch allows. */
    function fitAt(p, r, w, placed) {
      if (!p.dir) {
        if (r.room < w) return null;
        const start = p.x - LEADER_GAP_PX;
        if (start >= r.from && start + w <= r.to) return start;
        const end = p.x + LEADER_GAP_PX - w;
        if (end >= r.from && end + w <= r.to) return end;
        return start < r.from ? r.from : r.to - w;
      }
      if (r.room >= w + (p.clearLeft && !r.edge ? 2 * markGap : 0)) return p.dir > 0 ? p.x : p.x - w;
      if (p.slide === undefined || !r.edge) return null;
      // A span's label slides back along its span rather than being cut at the plot's edge.
      const left = Math.max(p.slide, plot.w - w);
      if (left + w > plot.w + 0.5) return null;
      const again = reach(left, 1, p.top, p.top + height, placed, markClear, p.leader ? farMarkGap : markGap);
      return again && again.room >= w - 0.5 ? left : null;
    }

    function add(placed, i, p, label, left, selectedLabel) {
      const box = { i, text: label.text, left, right: left + label.w, top: p.top, bottom: p.top + height,
        selected: selectedLabel, leader: p.leader, gap: LABEL_GAP_PX };
      placed.add(box);
      if (p.leader) {
        const { x0, y0, x1, y1 } = p.leader;
        box.line = { i: -1, seg: p.leader, left: Math.min(x0, x1), right: Math.max(x0, x1), top: Math.min(y0, y1),
          bottom: Math.max(y0, y1), gap: LEADER_GAP_PX };
        placed.add(box.line);
      }
      return box;
    }

    /* Take a label (and its leader) off again; returns them, to put back as they were. */
    function remove(placed, box) {
      const gone = box.line ? [box, box.line] : [box];
      for (const g of gone) placed.remove(g);
      return gone;
    }

    /* Event i's whole title at the nearest place with room, else farther off (callout). */
    const placeWhole = (i, placed) => place(i, ANY_LEVEL, false, placed) || callout(i, placed);

    /*
     * Event i's whole title at one of its places near its mark where another label stands: that
     * label moves elsewhere, whole (near its own mark or farther off), if it can; else both stay
     * as they were.  The nearest labels are tried first, at most RIPUP_TRIES of them.  Returns
     * whether i was placed.
     */
    function displace(i, placed) {
      const y = ya.l2p(R.y(i));
      const x = d.kind[i] === 1 ? px(Math.max(d.start[i], a)) : markPx(i);
      const far = CALLOUT_STEPS * step;
      const dist = (p) => Math.hypot(Math.max(p.left - x, x - p.right, 0), Math.max(p.top - y, y - p.bottom, 0));
      const near = placed.list.filter((p) => p.i >= 0 && !p.selected && p.text === d.title[p.i] && dist(p) <= far)
        .sort((p, q) => dist(p) - dist(q)).slice(0, RIPUP_TRIES);
      for (const other of near) {
        const gone = remove(placed, other);
        const before = placed.list.length;
        if (place(i, ANY_LEVEL, false, placed)) {
          if (placeWhole(other.i, placed)) return true;
          for (const box of placed.list.slice(before)) placed.remove(box);
        }
        for (const box of gone) placed.add(box);
      }
      return false;
    }

    /* Event i's label at one of its places of the given level (or any): whole if one has room,
       else (cut) the longest any of them allows. */
    function place(i, level, cut, placed) {
      const list = places(i, level);
      const room = rooms(list, placed, markClear);
      const enough = (n) => !!room(n) && room(n).room >= MIN_ROOM_PX;
      let first = 0;
      while (first < list.length && !enough(first)) first += 1;
      if (first === list.length) return false;  // no place with MIN_ROOM_PX
      const w = wholeWidth(d, i, type);
      for (let n = 0; n < list.length; n++) {
        if (!room(n)) continue;
        const left = fitAt(list[n], room(n), w, placed);
        if (left !== null) {
          add(placed, i, list[n], { text: d.title[i], w }, left, false);
          return true;
        }
      }
      if (!cut) return false;
      let widest = first;
      for (let n = first + 1; n < list.length; n++) {
        if (room(n) && room(n).room > room(widest).room) widest = n;
      }
      const p = list[widest];
      const label = fitLabel(d, i, room(widest).room - (p.clearLeft && !room(widest).edge ? 2 * markGap : 0), type);
      if (!label) return false;
      add(placed, i, p, label, p.dir > 0 ? p.x : p.dir < 0 ? p.x - label.w : fitAt(p, room(widest), label.w, placed), false);
      return true;
    }

    /* The stretches of the band [top, bottom] between x0 and x1 that no mark, bar, label or
       leader takes (with the gaps reach keeps), left to right: [[from, to], ...].  `fixed` is
       the marks' and bars' share (takenByScene). */
    function freeStretches(top, bottom, x0, x1, placed, fixed) {
      const moving = [];
      const boxes = placed.within(top, bottom);
      for (let n = 0; n < boxes.length; n++) {
        const p = boxes[n];
        const span = p.seg ? segSpan(p.seg, top, bottom) : [p.left, p.right];
        if (span) moving.push([span[0] - p.gap, span[1] + p.gap]);
      }
      const out = [];
      let from = Math.max(x0, 0);
      const end = Math.min(x1, plot.w);
      if (from >= end) return out;
      moving.sort((p, q) => p[0] - q[0]);
      // The two lists, each sorted by start, taken as one.
      for (let f = 0, m = 0; f < fixed.length || m < moving.length;) {
        const next = m === moving.length || (f < fixed.length && fixed[f][0] <= moving[m][0]) ? fixed[f++] : moving[m++];
        const l = next[0];
        const r = next[1];
        if (l > from) out.push([from, Math.min(l, end)]);
        from = Math.max(from, r);
        if (from >= end) break;
      }
      if (from < end) out.push([from, end]);
      return out;
    }

    /* What the marks and bars take of the band [top, bottom] between x0 and x1 (freeStretches), as
       [from, to] sorted by from.  It depends on these only, so callouts, which ask for the same
       bands again and again (in each order, for each move tried), keep it (fixedTaken). */
    function takenByScene(top, bottom, x0, x1, markSpace) {
      const taken = [];
      const { list, ys } = view;
      const margin = Math.max(markClear, LANE_BAR_CLEAR_PX * 2 * scale);
      for (let r = lowerBound(ys, top - margin); r < list.length && ys[r] < bottom + margin; r++) {
        const row = list[r];
        if (row.y > top - markClear && row.y < bottom + markClear) {
          const m = row.marks;
          for (let j = lowerBound(m, x0 - markSpace); j < m.length && m[j] < x1 + markSpace; j++) {
            taken.push([m[j] - markSpace, m[j] + markSpace]);
          }
        }
        if (row.y > top - row.barClear && row.y < bottom + row.barClear && row.bars.length) {
          let j = lowerBound(row.barStart, x0);
          if (j > 0 && row.barReach[j - 1] + BAR_END_GAP_PX > x0) taken.push([x0, row.barReach[j - 1] + BAR_END_GAP_PX]);
          for (; j < row.bars.length && row.barStart[j] < x1; j++) {
            taken.push([row.barStart[j] - BAR_END_GAP_PX, row.bars[j][1] + BAR_END_GAP_PX]);
          }
        }
      }
      return taken.sort((p, q) => p[0] - q[0]);
    }

    /* Whether leader g crosses no mark or bar (but its own, at ownX on row ownY) and no label or
       leader placed. */
    function leaderClear(g, placed, ownY, ownX) {
      const top = Math.min(g.y0, g.y1);
      const bottom = Math.max(g.y0, g.y1);
      const { list, ys } = view;
      const near = markRadius + 1;
      for (let r = lowerBound(ys, top - near); r < list.length && ys[r] < bottom + near; r++) {
        const row = list[r];
        const span = segSpan(g, row.y - near, row.y + near);
        if (span) {
          const m = row.marks;
          for (let j = lowerBound(m, span[0] - near); j < m.length && m[j] < span[1] + near; j++) {
            if (row.y !== ownY || !ownX.some((x) => Math.abs(x - m[j]) < 0.5)) return false;
          }
        }
        const bar = row.bars.length && segSpan(g, row.y - row.barClear, row.y + row.barClear);
        if (bar) {
          const j = lowerBound(row.barStart, bar[1] + BAR_END_GAP_PX);
          if (j > 0 && row.barReach[j - 1] + BAR_END_GAP_PX > bar[0]) return false;
        }
      }
      const boxes = placed.within(top - 1, bottom + 1);
      for (let n = 0; n < boxes.length; n++) {
        const p = boxes[n];
        if (p.seg) {
          if (segmentsCross(g, p.seg)) return false;
          continue;
        }
        const span = segSpan(g, p.top - 1, p.bottom + 1);
        if (span && span[1] > p.left - 1 && span[0] < p.right + 1) return false;
      }
      return true;
    }

    /*
     * Event i's whole title farther from its mark, when no place near it has room (issue 15:
     * the dense decades cut or dropped most titles while the plot had room around them): in
     * the free stretch of a stacked line nearest the mark, up to CALLOUT_STEPS label heights
     * away, joined by a straight leader (slanted when the stretch is beside the mark) that
     * crosses nothing.  The shortest such leader wins.  selectedLabel: the selected event's
     * (bold) label, to place instead of the plain whole title.
     */
    let calloutsLeft = 0; // per placement (run)
    const fixedTaken = new Map(); // takenByScene's, per event (its bold label apart) and line
    function callout(i, placed, selectedLabel = null) {
      if (calloutsLeft-- <= 0) return false;
      const y = ya.l2p(R.y(i));
      let x;
      let from;
      let ownX;
      if (d.kind[i] === 1) {
        const x0 = Math.max(px(d.start[i]), 0);
        const x1 = Math.min(px(d.end[i]), plot.w);
        x = (x0 + x1) / 2;
        from = (R.isLane(i) ? LANE_BAR_CLEAR_PX : SPAN_BAR_CLEAR_PX) * Math.sqrt(scale) + 0.5;
        ownX = [px(d.start[i]), px(d.end[i])];
      } else {
        x = markPx(i);
        from = markRadius;
        ownX = [x];
      }
      const label = selectedLabel || { text: d.title[i], w: wholeWidth(d, i, type) };
      const w = label.w;
      const longest = CALLOUT_STEPS * step;
      const tries = [];
      const fixedKey = selectedLabel ? -1 - i : i;
      let fixed = fixedTaken.get(fixedKey);
      if (!fixed) fixedTaken.set(fixedKey, (fixed = []));
      for (let c = 0; c < slotYs.length; c++) {
        const dy = slotYs[c] - y;
        const top = slotYs[c] - height / 2;
        if (Math.abs(dy) < height / 2 + from || Math.abs(dy) > longest || top < 0 || top + height > plot.h) continue;
        const footY = dy < 0 ? top + height : top;
        const across = Math.sqrt(Math.max(longest * longest - (footY - y) * (footY - y), 0));
        const x0 = x - across - w;
        const x1 = x + across + w;
        fixed[c] = fixed[c] || takenByScene(top, top + height, x0, x1, farMarkGap);
        const stretches = freeStretches(top, top + height, x0, x1, placed, fixed[c]);
        for (let n = 0; n < stretches.length; n++) {
          const l = stretches[n][0];
          const r = stretches[n][1];
          if (r - l < w) continue;
          // The leader's foot straight above or below the mark, else slanted by whole label
          // heights (to pass what lies straight between), the label starting or ending at it.
          const feet = [];
          for (let k = -CALLOUT_STEPS; k <= CALLOUT_STEPS; k++) {
            const foot = x + k * step;
            if (Math.abs(foot - x) > across + step) continue;
            for (let side = 0; side < 2; side++) {
              const left = side ? foot + LEADER_GAP_PX - w : foot - LEADER_GAP_PX;
              const at = Math.min(Math.max(left, l), r - w);
              const footX = Math.min(Math.max(foot, at + LEADER_GAP_PX), at + w - LEADER_GAP_PX);
              if (hasNear(feet, footX, 0.05)) continue;
              feet.push(footX);
              const length = Math.hypot(footX - x, footY - y);
              if (length <= longest) tries.push({ length, top, left: at, footX, footY });
            }
          }
        }
      }
      tries.sort((p, q) => p.length - q.length);
      for (let n = 0; n < Math.min(tries.length, CALLOUT_TRIES); n++) {
        const t = tries[n];
        // From the mark's rim towards the label; from the bar's edge straight up or down.
        const u = from / t.length;
        const leader = d.kind[i] === 1 ? { x0: x, y0: y + Math.sign(t.footY - y) * from, x1: t.footX, y1: t.footY }
          : { x0: x + (t.footX - x) * u, y0: y + (t.footY - y) * u, x1: t.footX, y1: t.footY };
        if (!leaderClear(leader, placed, y, ownX)) continue;
        add(placed, i, { top: t.top, leader }, label, t.left, !!selectedLabel);
        return true;
      }
      return false;
    }

    /* The selected event's label (bold): whole at the first place with room; else beside its mark,
       over other marks if need be but never its own, on the side with more room. */
    function placeSelected(i, placed) {
      const list = places(i);
      if (!list.length) return;
      const whole = fitLabel(d, i, Infinity, type, true);
      const room = rooms(list, placed, markClear);
      for (let n = 0; n < list.length; n++) {
        const left = room(n) ? fitAt(list[n], room(n), whole.w, placed) : null;
        if (left !== null) {
          add(placed, i, list[n], whole, left, true);
          return;
        }
      }
      // Farther off, clear of everything; else over other marks.
      if (roomy && callout(i, placed, whole)) return;
      const p = list[0];
      if (d.kind[i] === 1) {
        // A span's label sits above its line: keep it in the plot, moved left (past the span's
        // start if need be) rather than cut, cut only to the plot's width.
        const label = fitLabel(d, i, plot.w, type, true) || whole;
        add(placed, i, p, label, Math.max(0, Math.min(p.x, plot.w - label.w)), true);
        return;
      }
      const mark = markPx(i);
      const right = plot.w - p.x;
      const leftRoom = mark - markGap;
      let label;
      let left;
      if (whole.w <= leftRoom) {
        label = whole;
        left = leftRoom - whole.w;
      } else if (whole.w <= right || right >= leftRoom) {
        label = fitLabel(d, i, right, type, true);
        left = p.x;
      } else {
        label = fitLabel(d, i, leftRoom, type, true);
        if (label) left = leftRoom - label.w;
      }
      if (!label) {
        // No room on either side (a tiny plot): show what fits, at the edge.
        label = whole;
        left = Math.max(0, Math.min(p.x, plot.w - label.w));
      }
      add(placed, i, p, label, left, true);
    }

    // Rows with something in view share the labels when they are too many.
    const visible = [];
    for (const i of pool) {
      if (d.kind[i] === 1 ? d.end[i] >= a && d.start[i] <= b : markPx(i) >= 0 && markPx(i) <= plot.w) visible.push(i);
    }
    const inTime = visible.filter((i) => d.kind[i] === 1).concat(visible.filter((i) => d.kind[i] === 0));
    const rowCount = new Set(visible.map((i) => R.y(i))).size;
    // Few enough events in view to move titles farther off, and to try more than one order.
    const roomy = visible.length <= FAR_EVENTS * cap;

    /* One placement, events taken in `order`: labels per row at most perBand, marks at least
       `spacing` pixels apart; stops (over: true) once more than `limit` labels are placed. */
    function run(perBand, spacing, limit, order) {
      const placed = new Placed(plot.h);
      calloutsLeft = CALLOUTS_PER_LABEL * cap;
      if (selected !== null && lib.data.isShown(s, selected) >= 0) placeSelected(selected, placed);
      const done = new Set(placed.list.map((p) => p.i));
      const bands = new Map();
      let count = done.size;
      /* Each event not yet labelled, at most `cap` of them, labelled by how(i) if it can. */
      const each = (how) => {
        let tries = 0;
        for (const i of order) {
          if (done.has(i)) continue;
          if (++tries > cap) return false;
          if (!how(i, placed)) continue;
          done.add(i);
          count += 1;
          if (count > limit) return true;
        }
        return false;
      };
      // Whole titles first, nearest their marks first: on their lines, then one label height
      // away, two, three; then farther off (callout, displace); then cut ones.  With a spacing,
      // one pass (each event whole, else cut).
      const passes = spacing ? [[ANY_LEVEL, true]]
        : Array.from({ length: STACK_STEPS + 1 }, (_, n) => [n, false]).concat([[ANY_LEVEL, true]]);
      for (const [level, cut] of passes) {
        bands.clear();
        if (cut && !spacing && roomy && (each(callout) || each(displace))) return { placed, over: true };
        for (const i of order) {
          if (done.has(i)) continue;
          const row = R.y(i);
          const band = bands.get(row) || { count: 0, next: -Infinity };
          const x = d.kind[i] === 1 ? px(Math.max(d.start[i], a)) : markPx(i);
          if (band.count >= perBand || x < band.next) continue;
          if (!place(i, level, cut, placed)) continue;
          done.add(i);
          band.count += 1;
          band.next = x + spacing;
          bands.set(row, band);
          count += 1;
          if (count > limit) return { placed, over: true };
        }
      }
      return { placed, over: false };
    }

    /* How good a placement reads: whole titles, then labels, then the least leader length. */
    function score(result) {
      let whole = 0;
      let labelled = 0;
      let leaders = 0;
      for (const p of result.placed.list) {
        if (p.i < 0) leaders += Math.hypot(p.seg.x1 - p.seg.x0, p.seg.y1 - p.seg.y0);
        else {
          labelled += 1;
          whole += p.text === d.title[p.i];
        }
      }
      return [whole, labelled, -leaders];
    }
    const better = (p, q) => {
      const [x, y] = [score(p), score(q)];
      const k = x.findIndex((v, n) => v !== y[n]);
      return k >= 0 && x[k] > y[k];
    };

    let result = run(Infinity, 0, cap, inTime);
    if (!result.over && roomy && score(result)[0] < visible.length) {
      // What a greedy placement fits depends on the order (issue 15: the dense decades): the
      // longest titles first may fit more whole, the least crowded first (fewest other marks
      // within a title's width and three label heights) needs the shortest leaders.
      const at = (i) => [d.kind[i] === 1 ? px(Math.max(d.start[i], a)) : markPx(i), ya.l2p(R.y(i))];
      const crowd = new Map(inTime.map((i) => {
        const [x, y] = at(i);
        const w = wholeWidth(d, i, type);
        return [i, inTime.filter((j) => Math.abs(at(j)[0] - x) < w && Math.abs(at(j)[1] - y) < STACK_STEPS * step).length];
      }));
      const widest = [...inTime].sort((p, q) => wholeWidth(d, q, type) - wholeWidth(d, p, type));
      const sparse = [...inTime].sort((p, q) => crowd.get(p) - crowd.get(q));
      for (const order of [widest, sparse]) {
        const other = run(Infinity, 0, cap, order);
        if (!other.over && better(other, result)) result = other;
      }
    }
    if (result.over) {
      const perBand = Math.max(1, Math.floor(cap / Math.max(rowCount, 1)));
      result = run(perBand, plot.w / perBand, Infinity, inTime);
    }
    return result.placed.list.filter((p) => p.i >= 0).slice(0, cap);
  }

  lib.labels = { labels, leaderStyle, leaderEnds, canvasType, textWidth, FONT_PX: LABEL_FONT_PX, NARROW_PX, MAX_LABELS, MAX_LABELS_NARROW };
  if (typeof module !== 'undefined') module.exports = lib.labels;
})();
