/*
 * Presentation mode (timeline_app/web/classroom/presentation.py,
 * presentation.css): the page's layout for a projector, turned on and off
 * through the address (present=1).  The timeline's large type in it is
 * classroom-themes.js's figureStyle, sized here by presentationPx; the keys
 * are timeline-keys.js's.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.classroom = clientside.classroom || {});
  const { status, announce, navigate } = lib.classroom;
  const root = document.documentElement;

  const isPresenting = () => root.classList.contains('presenting');

  /* Enter or leave presentation mode: its look (the class on <html>), the focus and the
     announcement at once, from whichever hears of the view first: applyView, or the timeline's
     draw (classroom-themes.js, figureStyle), which Dash runs without waiting for the lesson. */
  function setPresenting(present) {
    const was = status.present;
    root.classList.toggle('presenting', present);
    status.present = present;
    if (present === was) return;
    if (present) {
      const pane = document.getElementById('timeline-pane');
      if (pane && !pane.contains(document.activeElement)) pane.focus({ preventScroll: true });
      announce('Presentation mode. Arrow keys step through the events, Escape leaves.');
    } else {
      announce('Presentation mode left.');
    }
    // The graph's box changed size with the layout: let plotly.js follow.
    window.requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
  }

  ns.applyView = function (view, lessonInfo) {
    status.lesson = lessonInfo && Array.isArray(lessonInfo.ids) ? lessonInfo.ids : [];
    setPresenting(!!(view && view.present));
  };

  ns.togglePresent = function () {
    navigate({ present: isPresenting() ? null : '1' });
  };

  /* Presentation type: 1/75 of the screen's width or 1/42 of its height, whichever is less
     (26 px at 1920x1080, 17 px at 1280x720: the same size on the wall). */
  function presentationPx() {
    return Math.max(16, Math.round(Math.min(window.innerWidth / 75, window.innerHeight / 42)));
  }

  /* Presentation type follows the screen: draw again when the window changes size. */
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    if (!status.present || !lib.redraw) return;
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (status.labelPx !== presentationPx()) lib.redraw();
    }, 150);
  });

  /* The whiteboard's on-screen pair (presentation.py step_buttons) steps as ← → do
     (lib.classroom.step, timeline-keys.js).  Delegated: Dash renders the buttons later. */
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('#step-next, #step-previous');
    if (button && lib.classroom.step) lib.classroom.step(button.id === 'step-next' ? 1 : -1);
  });

  Object.assign(lib.classroom, { isPresenting, setPresenting, presentationPx });
})();
