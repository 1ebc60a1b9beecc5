/*
 * What the classroom modules share (classroom-*.js; the Python side is
 * timeline_app/web/classroom/): their state, Dash's helpers, the
 * screen-reader announcements and the address.
 *
 * Presentation mode and the lesson live in the URL (present=1, lesson=a,b);
 * the buttons change the address through dcc.Location (set_props on
 * url.search), so the server callback that owns the view reads them like
 * any link and Back undoes them.
 *
 * Loaded first of the classroom files (the others take lib.classroom when
 * they load).
 *
 * The test hook: window.timelineStatus (timeline-render.js: renders, paints,
 * labels and ticks drawn) and window.classroomStatus (classroom-export.js:
 * the exports) are the only globals written for the tests and bench/app.py.
 * The app writes them and never reads them, so no code path is there for
 * the tests alone.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});

  /* The classroom's state: presentation mode, the lesson's events, the theme, the label size drawn. */
  const status = { present: false, lesson: [], theme: null, labelPx: null };
  const noUpdate = () => window.dash_clientside.no_update;
  /* The id of the input that fired the running callback, or null. */
  const triggered = () => {
    const ctx = window.dash_clientside.callback_context;
    return ctx && ctx.triggered_id !== undefined ? ctx.triggered_id : null;
  };
  const announce = (text) => clientside.set_props('classroom-announce', { children: text });

  /* ---- the URL ------------------------------------------------------------------ */

  /* The current address with some parameters set (a string) or removed (null). */
  function searchWith(changes) {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') params.delete(key);
      else params.set(key, value);
    }
    const text = params.toString();
    return text ? '?' + text : '';
  }

  /* Change the address.  A zoom or pan the server has not heard of yet goes with it (see
     timeline-render.js, takeReaderRange), so the address stays what is on screen. */
  function navigate(changes) {
    const range = lib.takeReaderRange ? lib.takeReaderRange() : null;
    const { formatDay } = lib.calendar;
    const moved = range ? { from: formatDay(Math.round(range[0])), to: formatDay(Math.round(range[1])) } : {};
    clientside.set_props('url', { search: searchWith({ ...moved, ...changes }) });
  }

  lib.classroom = { status, noUpdate, triggered, announce, navigate };
})();
