/*
 * The change notice (timeline_app/web/live_view.py, ChangeNotice): asks the
 * server whether the data or its problems changed, with the ETag it last saw.
 * An unchanged answer is a bodyless 304 that runs no Dash callback; only a new
 * ETag ticks the `live-poll` trigger, whose callback points the page at the
 * new data (or refills the problems panel).
 *
 * Readers ask every READER_MS (give or take a fifth, so pages opened together
 * do not ask together) and not at all while their tab is hidden (they ask at
 * once when it shows again); the editor's view asks every EDITOR_MS: a page
 * showing the editor's tools (the `editing` class, assets/live-editor.js), or
 * one with a preview shown.
 *
 * It starts once the page has drawn its data (window.timelineLib.current), so
 * the first ETag it keeps is never newer than what the page shows.
 */
(function () {
  'use strict';
  const ROUTE = '/_timeline/changes';
  const READER_MS = 15_000;
  const EDITOR_MS = 500;

  let seen = null;
  let ticks = 0;
  let timer = null;

  function editing() {
    const banner = document.getElementById('preview-banner');
    return document.documentElement.classList.contains('editing') ||
      Boolean(banner && banner.classList.contains('active'));
  }

  // The proposed layer's default follows the editor's view (timeline-proposed.js).
  (window.timelineLib = window.timelineLib || {}).editing = editing;

  function drawn() {
    const lib = window.timelineLib;
    return Boolean(lib && lib.current && lib.current.d);
  }

  function later() {
    clearTimeout(timer);
    const pace = editing() ? EDITOR_MS : READER_MS * (0.8 + 0.4 * Math.random());
    timer = setTimeout(ask, pace);
  }

  function ask() {
    const clientside = window.dash_clientside;
    if (!drawn() || !clientside || !clientside.set_props || (document.hidden && !editing())) {
      later();
      return;
    }
    const headers = seen ? { 'If-None-Match': seen } : {};
    fetch(ROUTE, { credentials: 'same-origin', cache: 'no-store', headers })
      .then((response) => {
        const tag = response.headers.get('ETag');
        if (response.status === 200 && tag && tag !== seen) {
          seen = tag; // the first one too: a save may have landed between the data's fetch and now
          clientside.set_props('live-poll', { n_intervals: ++ticks });
        }
      })
      .catch(() => {}) // the server restarting: ask again at the next turn
      .finally(later);
  }

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) ask();
  });
  // Switching to the editor's view: the next question comes soon.
  document.addEventListener('timeline-editing', later);
  later();
})();
