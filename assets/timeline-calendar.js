/*
 * Calendar arithmetic and axis ticks for the timeline's numeric x axis.
 *
 * The x axis is in day numbers (days since 1970-01-01, any era; the same
 * numbers timeline_app/data/daycount.py makes), because plotly.js date axes label
 * BC years badly.  So the ticks are ours: calendar-aligned steps from
 * millennia down to single days, labelled "73 BC", "1956", "Oct 1956",
 * "23 Oct 1956".  Years are astronomical (year 0 = 1 BC), as in Python.
 *
 * Loads in the browser (window.timelineLib.calendar) and in node
 * (module.exports), where tests/js/ checks it against the Python.
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});

  /* Howard Hinnant's civil-calendar algorithm (proleptic Gregorian), as in daycount.py. */
  function toDay(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function fromDay(n) {
    n = Math.floor(n) + 719468;
    const era = Math.floor(n / 146097);
    const doe = n - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }

  /* Day n as timeline_app/view/url_state.py's format_day writes it (and parse_day reads it back):
     "1956" for 1 January, "73BC", "1956-10" for the 1st of a month, else "1956-10-23" or
     "-0072-03-15" (astronomical years).  For addresses written in the browser. */
  function formatDay(n) {
    const [y, m, d] = fromDay(n);
    if (m === 1 && d === 1) return y <= 0 ? (1 - y) + 'BC' : String(y);
    const pad = (v, width) => String(v).padStart(width, '0');
    const head = (y < 0 ? '-' : '') + pad(Math.abs(y), 4) + '-' + pad(m, 2);
    return d === 1 ? head : head + '-' + pad(d, 2);
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function yearLabel(y) {
    return y <= 0 ? (1 - y) + ' BC' : String(y);
  }

  function monthLabel(y, m) {
    return MONTHS[m - 1] + ' ' + yearLabel(y);
  }

  function dayLabel(y, m, d) {
    return d + ' ' + monthLabel(y, m);
  }

  /* Tick steps, coarse to fine: [unit, size, approximate days, label width in px]. */
  const STEPS = [
    ['year', 1000, 365250, 56], ['year', 500, 182625, 56], ['year', 200, 73050, 56],
    ['year', 100, 36525, 56], ['year', 50, 18262, 56], ['year', 20, 7305, 56],
    ['year', 10, 3652, 56], ['year', 5, 1826, 56], ['year', 2, 730, 56], ['year', 1, 365, 56],
    ['month', 6, 182, 70], ['month', 3, 91, 70], ['month', 1, 30, 70],
    ['day', 14, 14, 88], ['day', 7, 7, 88], ['day', 2, 2, 88], ['day', 1, 1, 88],
  ];
  const GAP_PX = 18;
  const LABEL_FONT_PX = 12; // the label widths above are for labels this size

  /* The x axis's tick label angle for labels of fontPx pixels: level for the size the steps are
     spaced for, where no two labels collide.  plotly.js's 'auto' angle measures every label at
     every draw of the axis (a forced layout of the page in each zoom and each pan's release), so
     only larger type, which may collide (presentation, handouts), gets it. */
  function tickAngle(fontPx) {
    return fontPx > LABEL_FONT_PX ? 'auto' : 0;
  }

  /* Years of a step: multiples of it counted from AD 1 forwards and from 1 BC
     backwards, so BC ticks read "100 BC", "50 BC" rather than "101 BC". */
  function yearTicks(y0, y1, size) {
    const years = [];
    for (let h = Math.max(1, Math.ceil((1 - y1) / size)) * size; 1 - h >= y0; h += size) {
      years.push(1 - h);
    }
    years.reverse();
    for (let y = Math.max(size, Math.ceil(y0 / size) * size); y <= y1; y += size) years.push(y);
    return years.map((y) => [toDay(y, 1, 1), yearLabel(y)]);
  }

  function monthTicks(y0, y1, size) {
    const out = [];
    for (let y = y0; y <= y1; y++) {
      for (let m = 1; m <= 12; m += size) out.push([toDay(y, m, 1), monthLabel(y, m)]);
    }
    return out;
  }

  function dayTicks(a, b, size) {
    const out = [];
    for (let n = Math.floor(a); n <= b; n++) {
      const [y, m, d] = fromDay(n);
      // Stop a step short of the month's end, so the 1st of the next month has room.
      if (size === 1 || ((d - 1) % size === 0 && d <= 30 - size)) out.push([n, dayLabel(y, m, d)]);
    }
    return out;
  }

  /* Tick values and labels for the visible days [a, b] on widthPx pixels:
     the finest calendar step whose labels do not collide. */
  function ticks(a, b, widthPx) {
    const span = Math.max(b - a, 1);
    let chosen = STEPS[0];
    for (const step of STEPS) {
      if ((widthPx * step[2]) / span < step[3] + GAP_PX) break;
      chosen = step;
    }
    const [unit, size] = chosen;
    const y0 = fromDay(a)[0];
    const y1 = fromDay(b)[0];
    let pairs;
    if (unit === 'year') pairs = yearTicks(y0, y1 + 1, size);
    else if (unit === 'month') pairs = monthTicks(y0, y1, size);
    else pairs = dayTicks(a, b, size);
    pairs = pairs.filter((p) => p[0] >= a && p[0] <= b);
    if (unit === 'year') pairs = withEraBoundary(pairs, a, b, (chosen[3] + GAP_PX) * span / widthPx);
    return { vals: pairs.map((p) => p[0]), text: pairs.map((p) => p[1]), unit: unit, size: size };
  }

  /* A view across the era boundary gets a tick at it, "AD 1" (and "1 BC" a year before when
     there is room), so BC marks have a reference: steps of 100 years would start at "100 BC" and
     "100" and leave the boundary unmarked.  Ticks closer to it than a label's width (``room``
     days) make way. */
  function withEraBoundary(pairs, a, b, room) {
    const ad1 = toDay(1, 1, 1);
    const bc1 = toDay(0, 1, 1);
    if (ad1 < a || ad1 > b) return pairs;
    const boundary = [[ad1, 'AD 1']];
    if (bc1 >= a && ad1 - bc1 >= room) boundary.unshift([bc1, yearLabel(0)]);
    const clear = pairs.filter((p) => boundary.every((q) => Math.abs(p[0] - q[0]) >= room));
    return clear.concat(boundary).sort((p, q) => p[0] - q[0]);
  }

  lib.calendar = { toDay, fromDay, yearLabel, formatDay, ticks, tickAngle };
  if (typeof module !== 'undefined') module.exports = lib.calendar;
})();
