/*
 * The browser's copies of rules the Python also applies, checked against tables
 * the Python generated (tests/test_js.py writes them to $TIMELINE_PARITY).
 */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const lib = require('./assets.js');

const file = process.env.TIMELINE_PARITY;
const table = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
const parity = (name, fn) => test(name, { skip: table ? false : 'no table: run tests/test_js.py' }, fn);

parity('day numbers agree with daycount.py both ways', () => {
  for (const [n, ymd] of table.days) {
    assert.deepEqual(lib.calendar.fromDay(n), ymd, 'fromDay(' + n + ')');
    assert.equal(lib.calendar.toDay(...ymd), n, 'toDay(' + ymd + ')');
  }
});

parity('days in the address are written as url_state.format_day writes them', () => {
  for (const [n, , text] of table.days) assert.equal(lib.calendar.formatDay(n), text, 'formatDay(' + n + ')');
});

parity('year labels agree with dates.year_label', () => {
  for (const [year, label] of table.years) assert.equal(lib.calendar.yearLabel(year), label);
});

parity('dates left empty in the payload read as figure.plain_years writes them', () => {
  for (const { payload, plain } of table.datasets) {
    const blank = { ...payload, events: { ...payload.events, date: payload.events.date.map(() => '') } };
    assert.deepEqual(lib.data.decode(blank).date, plain);
    assert.deepEqual(lib.data.decode(payload).date, plain.map((p, i) => payload.events.date[i] || p));
  }
});

parity('the events in view are the ones table_view.VisibleEvents picks', () => {
  for (const { payload, views } of table.datasets) {
    const d = lib.data.decode(payload);
    for (const { view, shown, expected } of views) {
      const s = lib.data.shown(d, view);
      const got = shown ? s.idx.filter((i) => lib.data.inView(d, i, shown)) : s.idx;
      assert.deepEqual(got, expected, JSON.stringify({ view, shown }));
    }
  }
});
