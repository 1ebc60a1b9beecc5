/*
 * The filters' counts and options, computed in the browser from the event
 * data (clientside callbacks of timeline_app/web/filters.py): the chips'
 * counts and on/off classes, the "Showing n of m events" summary, and the
 * person and place pickers' options.  The filter rule itself is
 * timeline-data.js's facets.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.timeline = clientside.timeline || {});
  const noUpdate = () => window.dash_clientside.no_update;

  let lastOptionsKey = null;

  ns.filterOptions = function (ready, view, source) {
    const outputs = window.dash_clientside.callback_context.outputs_list;
    const payload = lib.payload(source);
    if (!payload) return outputs.map(() => noUpdate());
    view = view || {};
    const key = lib.data.filterKey(view) + (source.url || source.key || ''); // new data: new counts (live_view.py)
    if (key === lastOptionsKey) return outputs.map(() => noUpdate());
    lastOptionsKey = key;
    const d = lib.data.decode(payload);
    const f = lib.data.facets(d, view);
    const others = [f.person, f.place, f.q, f.article].filter(Boolean);
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
      const key = JSON.stringify([search || '', value || [], lib.data.filterKey(view || {}), source.url || source.key || '']);
      if (key === lastKey) return noUpdate();
      lastKey = key;
      const d = lib.data.decode(payload);
      const f = lib.data.facets(d, view || {});
      const names = kind === 'person' ? payload.people : payload.places;
      const column = kind === 'person' ? d.people : d.places;
      const others = [f.cat, f.q, f.article, kind === 'person' ? f.place : f.person].filter(Boolean);
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
