/*
 * The page's one key handler: the timeline's keys, presentation mode's and
 * the events table's, decided in one place so no two handlers race for a key.
 *
 *   table row buttons  Up/Down/Home/End move between the rows;
 *   presentation mode  anywhere (unless typing): arrows step (through the
 *                      lesson when there is one), so do a clicker's
 *                      PageDown/PageUp, Space and Enter (B is ignored),
 *                      Home/End go to the first/
 *                      last event, + and - zoom (around the selected
 *                      event when there is one); Esc closes the share panel,
 *                      else leaves presentation mode;
 *   the timeline pane  arrows step, + and - zoom, Home/End, Esc closes the reader.
 *
 * It listens in the capture phase: in presentation mode the keys are ours
 * wherever the focus is.  Stepping and zooming are timeline-interact.js's
 * (lib.selectEvent, lib.stepEvent, lib.zoomBy).
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const { status } = lib.classroom; // classroom-base.js, loaded before this file

  const typing = (el) => !!(el && el.closest && el.closest('input, textarea, select, [contenteditable="true"], .dash-dropdown'));

  function selectedId() {
    const cur = lib.current;
    const at = lib.selectedIndex(cur);
    return at === null ? null : cur.d.ids[at];
  }

  /* The zoom keys' centre: the selected event's middle when there is one, so "+" keeps the
     event being talked about on screen; else the middle of the range (timeline-interact.js). */
  function zoom(out) {
    const cur = lib.current;
    const at = lib.selectedIndex(cur);
    lib.zoomBy(out, at !== null ? (cur.d.start[at] + cur.d.end[at]) / 2 : undefined);
  }

  /* The next or previous event: the lesson's when there is one. */
  function step(dir) {
    if (status.lesson.length) stepLesson(dir);
    else if (lib.stepEvent) lib.stepEvent(dir);
  }
  lib.classroom.step = step; // the whiteboard's on-screen pair (classroom-presentation.js)

  /* Clickers' keys: PageDown/PageUp, and Space/Enter forward unless they press a button or link. */
  const CLICKER = { PageDown: 1, PageUp: -1, ' ': 1, Enter: 1 };
  const presses = (el) => !!(el && el.closest && el.closest('button, a[href], [role="button"], summary'));

  /* The lesson is a list of event ids (classroom-presentation.js). */
  function stepLesson(dir) {
    const lesson = status.lesson;
    if (!lesson.length || !lib.selectId) return;
    const at = lesson.indexOf(selectedId());
    let next;
    if (at < 0) next = dir > 0 ? lesson[0] : lesson[lesson.length - 1];
    else next = lesson[at + dir];
    if (next !== undefined) lib.selectId(next);
  }

  function goToEnd(last) {
    if (!lib.selectEvent) return;
    if (status.present && status.lesson.length) {
      lib.selectId(status.lesson[last ? status.lesson.length - 1 : 0]);
      return;
    }
    const cur = lib.current;
    if (cur && cur.s && cur.s.idx.length) lib.selectEvent(cur.s.idx[last ? cur.s.idx.length - 1 : 0]);
  }

  /* Up/Down/Home/End between the table's row buttons. */
  function tableKey(event) {
    const buttons = Array.from(document.querySelectorAll('#table-body .table-select'));
    const at = buttons.indexOf(event.target);
    const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return false;
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, moves[event.key]))];
    if (target) target.focus();
    return true;
  }

  /* Presentation mode's keys; true when the key was one of them. */
  function presentationKey(event) {
    if (event.key === 'Escape') {
      const share = document.getElementById('share-panel');
      if (share && !share.hidden) document.getElementById('share-close').click();
      else lib.classroom.navigate({ present: null });
      return true;
    }
    if (typing(event.target)) return false;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      step(event.key === 'ArrowRight' ? 1 : -1);
      return true;
    }
    if (event.key in CLICKER && !((event.key === ' ' || event.key === 'Enter') && presses(event.target))) {
      step(CLICKER[event.key]);
      return true;
    }
    if (event.key === 'Home' || event.key === 'End') {
      goToEnd(event.key === 'End');
      return true;
    }
    if ((event.key === '+' || event.key === '=' || event.key === '-') && lib.zoomBy) {
      zoom(event.key === '-');
      return true;
    }
    return false;
  }

  /* The timeline pane's keys (it has the focus); true when the key was one of them. */
  function paneKey(event) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      step(event.key === 'ArrowRight' ? 1 : -1); // a lesson, or an opened article (article_index.py)
    } else if ((event.key === '+' || event.key === '=' || event.key === '-') && lib.current) {
      zoom(event.key === '-');
    } else if (event.key === 'Escape') {
      const close = document.getElementById('reader-close');
      if (close) close.click();
    } else {
      return false;
    }
    return true;
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    const pane = document.getElementById('timeline-pane');
    if (target && target.classList && target.classList.contains('table-select')) {
      if (tableKey(event)) stop(event);
    } else if (status.present && presentationKey(event)) {
      stop(event);
    } else if (!status.present && (event.key === 'Home' || event.key === 'End') && !typing(target)) {
      if (pane && pane.contains(target)) {
        goToEnd(event.key === 'End');
        stop(event);
      }
    } else if (pane && pane.contains(target) && paneKey(event)) {
      event.preventDefault();
    }
  }

  function stop(event) {
    event.preventDefault();
    event.stopPropagation();
  }

  document.addEventListener('keydown', onKey, true);
})();
