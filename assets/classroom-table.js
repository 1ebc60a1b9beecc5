/*
 * The events table's browser side (timeline_app/web/classroom/table_view.py):
 * what the server needs to pick the rows, the selected row's mark, and the
 * keyboard focus kept on a row while the rows are replaced.  Its keys
 * (Up/Down/Home/End) are timeline-keys.js's.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.classroom = clientside.classroom || {});
  const { noUpdate } = lib.classroom;

  /* The selected event's row is marked here, not by redrawing the table on the server:
     Dash remounts replaced children, which would take the keyboard focus away. */
  let selectedRow = null;
  let focusedRow = null;

  function markRows() {
    for (const row of document.querySelectorAll('#table-body tr')) {
      const button = row.querySelector('.table-select');
      const on = !!button && button.dataset.id === selectedRow;
      row.classList.toggle('selected', on);
      if (on) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
      if (button) button.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  /* What decides the events in view: the view's filters and the range on screen (the server
     picks the events from these for the table and the exports, timeline_app/view/visible.py). */
  lib.viewQuery = (view, shown) => ({
    view: { x0: view.x0, x1: view.x1, cat: view.cat, person: view.person, place: view.place, q: view.q },
    range: shown || null,
  });

  /* The table's input: the view's filters and the range on screen, passed on only while the
     table is open and only when they change (a selection changes the view too, but not the
     events in view).  A closed table asks the server for nothing. */
  let lastQuery = null;
  ns.tableQuery = function (view, shown, hidden) {
    if (!view || hidden !== false) return noUpdate();
    const query = lib.viewQuery(view, shown);
    const key = JSON.stringify(query);
    if (key === lastQuery) return noUpdate();
    lastQuery = key;
    return query;
  };

  ns.markRow = function (selected) {
    selectedRow = selected && typeof selected.id === 'string' ? selected.id : null;
    markRows();
  };

  document.addEventListener('focusin', (event) => {
    const button = event.target.closest && event.target.closest('#table-body .table-select');
    if (button) focusedRow = button.dataset.id;
  });

  /* New rows (zoom, filters, sorting): mark them, and give the focus back to the row it was on. */
  const rowsChanged = () => {
    markRows();
    if (focusedRow === null || (document.activeElement && document.activeElement !== document.body)) return;
    const again = Array.from(document.querySelectorAll('#table-body .table-select'))
      .find((button) => button.dataset.id === focusedRow);
    if (again) again.focus({ preventScroll: true });
  };
  const watchTable = new MutationObserver(() => {
    const body = document.getElementById('table-body');
    if (!body) return;
    watchTable.disconnect();
    new MutationObserver(rowsChanged).observe(body, { childList: true, subtree: true });
  });
  watchTable.observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener('click', (event) => {
    const row = event.target.closest && event.target.closest('.table-select');
    if (row && lib.selectId) lib.selectId(row.dataset.id);
  });
})();
