/*
 * Lessons (timeline_app/web/classroom/presentation.py): a teacher's list of
 * events, kept in the address (lesson=a,b) and stepped through in
 * presentation mode (timeline-keys.js).
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.classroom = clientside.classroom || {});
  const { noUpdate, triggered, announce, navigate } = lib.classroom;

  /* What the server's lesson callback needs (timeline_app/web/classroom/presentation.py), passed on only when
     it changes: the presentation flag, the lesson, and the selected event while a lesson exists
     or the panel is open (for "Add" and "event 2 of 5").  The first value is what the layout
     already shows, so a plain first visit sends nothing. */
  let lastLessonKey = JSON.stringify({ present: false, lesson: [], event: null });
  ns.lessonQuery = function (view, selected, panelHidden) {
    if (!view) return noUpdate();
    const lesson = Array.isArray(view.lesson) ? view.lesson : [];
    const wanted = lesson.length > 0 || panelHidden === false;
    const query = { present: view.present === true, lesson, event: wanted && selected && selected.id ? selected.id : null };
    const key = JSON.stringify(query);
    if (key === lastLessonKey) return noUpdate();
    lastLessonKey = key;
    return query;
  };

  /* The lesson as the address has it now (the lesson-info store follows it a request later). */
  const currentLesson = () => (new URLSearchParams(window.location.search).get('lesson') || '')
    .split(',').filter(Boolean);

  ns.editLesson = function (_add, _clear, _present, removes, selected, _info) {
    const trigger = triggered();
    let ids = currentLesson();
    const changes = {};
    if (trigger === 'lesson-add') {
      if (!selected || !selected.id || ids.includes(selected.id)) return;
      ids.push(selected.id);
      announce('Added to the lesson: event ' + ids.length + '.');
    } else if (trigger === 'lesson-clear') {
      ids = [];
      announce('Lesson cleared.');
    } else if (trigger === 'lesson-present') {
      if (!ids.length) return;
      changes.present = '1';
      // The lesson opens on the title card (no event selected); → goes on to its first event.
      changes.event = null;
      // Fit the timeline when the lesson's first event is out of view.
      const cur = lib.current;
      const first = cur && cur.d ? cur.d.position.get(ids[0]) : undefined;
      if (cur && cur.d && first !== undefined &&
          (cur.d.end[first] < cur.range[0] || cur.d.start[first] > cur.range[1])) {
        changes.from = null;
        changes.to = null;
      }
    } else if (trigger && typeof trigger === 'object' && trigger.type === 'lesson-remove') {
      const clicks = window.dash_clientside.callback_context.triggered;
      if (!clicks.length || !clicks[0].value) return;
      ids = ids.filter((id) => id !== trigger.index);
      announce('Removed from the lesson.');
    } else {
      return;
    }
    changes.lesson = ids.join(',') || null;
    navigate(changes);
  };
})();
