/*
 * The event data in the browser: decode and filter (timeline-render.js draws it).
 *
 * The server sends every event once, as columns (timeline_app/view/figure.py,
 * event_columns):
 *
 *   decode  -> typed arrays of day numbers, once per payload;
 *   shown   -> the events passing the filters (cached per filter set).
 *
 * Loads in the browser (window.timelineLib.data) and in node (module.exports),
 * after timeline-calendar.js and timeline-text.js, which it uses when called.
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});

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
      // Events are named by id between the browser and the server; a position is this payload's own.
      ids: ev.id, position: new Map(ev.id.map((id, i) => [id, i])),
      cat: ev.category, title: ev.title,
      people: ev.people, places: ev.places,
      categories: payload.categories,
      catIndex: indexOf(payload.categories.map((c) => c.name)),
      personIndex: indexOf(payload.people),
      placeIndex: indexOf(payload.places),
      safeTitle: ev.title.map(lib.escapeText),
      safeDate: date.map(lib.escapeText),
      labelWidth: new Float32Array(n).fill(-1),
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
    return JSON.stringify([view.cat || null, view.person || [], view.place || [], view.q || '', view.article || null]);
  }

  /* One predicate per active facet (null when the facet shows everything). */
  function facets(d, view) {
    const known = (names, index) => new Set((names || []).map((x) => index[x]).filter((k) => k !== undefined));
    const cats = view.cat ? known(view.cat, d.catIndex) : null;
    const people = known(view.person, d.personIndex);
    const places = known(view.place, d.placeIndex);
    const q = (view.q || '').trim().toLowerCase();
    const hay = q ? haystack(d) : null;
    // The article's position in payload.articles (-1 matches no event: an article this data lacks).
    const article = view.article ? (d.payload.articles || []).indexOf(view.article) : null;
    return {
      cat: cats ? (i) => cats.has(d.cat[i]) : null,
      person: people.size ? (i) => d.people[i].some((p) => people.has(p)) : null,
      place: places.size ? (i) => d.places[i].some((p) => places.has(p)) : null,
      q: q ? (i) => hay[i].includes(q) : null,
      article: article === null ? null : (i) => article >= 0 && d.payload.events.article[i] === article,
    };
  }

  function shown(d, view) {
    const key = filterKey(view);
    if (d.shownCache && d.shownCache.key === key) return d.shownCache;
    const f = facets(d, view);
    const tests = [f.cat, f.person, f.place, f.q, f.article].filter(Boolean);
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

  /* Whether event i is in view of range [lo, hi]: a span when it overlaps the range, a point
     when its middle lies in it.  The rule of timeline_app/view/visible.py's
     VisibleEvents (the table, the exports), pinned to it by tests/test_js.py. */
  function inView(d, i, range) {
    if (d.kind[i] === 1) return d.end[i] >= range[0] && d.start[i] <= range[1];
    const mid = (d.start[i] + d.end[i]) / 2;
    return mid >= range[0] && mid <= range[1];
  }

  lib.data = { decode, filterKey, facets, shown, isShown, inView };
  if (typeof module !== 'undefined') module.exports = lib.data;
})();
