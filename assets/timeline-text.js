/*
 * Text that reaches plotly.js: plotly.js reads titles, labels and annotations
 * as its own small HTML, so user text is escaped before it goes there (the
 * HTML label layer uses text nodes instead).  The one escapeText of the
 * browser side (timeline-data.js, timeline-traces.js, classroom-export.js).
 *
 * Loads in the browser (window.timelineLib) and in node (module.exports).
 */
(function () {
  'use strict';
  const lib = (globalThis.timelineLib = globalThis.timelineLib || {});

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
  /* Most titles have nothing to escape: they are returned as they are. */
  lib.escapeText = (s) => {
    const text = String(s);
    return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => ESCAPES[c]) : text;
  };

  if (typeof module !== 'undefined') module.exports = { escapeText: lib.escapeText };
})();
