'use strict';
// plotly.js's core (scatter, every layout component, toImage) with scattergl's strict
// (eval-free) build: the two trace types the timeline draws.
var Plotly = require('plotly.js/lib/core');
var Drawing = require('plotly.js/src/components/drawing');

Plotly.register([require('plotly.js/src/traces/scattergl/strict')]);

/* The SVG path of a filled marker symbol `size` px wide, as plotly.js draws it, or null for a
   symbol drawn as an outline (open, dotted, or made of lines).  The page draws the SVG path's
   event marks itself with these shapes (assets/timeline-marks.js). */
Plotly.filledMarkerPath = function (symbol, size) {
  var n = Drawing.symbolNumber(symbol);
  if (n >= 100 || Drawing.symbolNoFill[n] || Drawing.symbolNeedLines[n]) return null;
  return Drawing.symbolFuncs[n](size / 2, 0, 0);
};

module.exports = Plotly;
