/*
 * The browser modules node can load (assets/timeline-*.js that touch no page when loaded), in
 * the order Dash loads them, as the one namespace they extend (window.timelineLib
 * in the browser, globalThis.timelineLib here).
 */
'use strict';
const path = require('node:path');

const ASSETS = path.join(__dirname, '..', '..', 'assets');
for (const name of ['timeline-calendar.js', 'timeline-data.js', 'timeline-labels.js', 'timeline-marks.js',
  'timeline-text.js', 'timeline-traces.js']) {
  require(path.join(ASSETS, name));
}

module.exports = globalThis.timelineLib;
