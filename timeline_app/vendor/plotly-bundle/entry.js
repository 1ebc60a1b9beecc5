'use strict';
// plotly.js's core (scatter, every layout component, toImage) with scattergl's strict
// (eval-free) build: the two trace types the timeline draws.
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/src/traces/scattergl/strict')]);

module.exports = Plotly;
