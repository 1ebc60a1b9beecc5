/* escapeText (assets/timeline-text.js): user text reaches plotly.js as text, never as its HTML. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./assets.js');

test('escapeText escapes what plotly.js would read as markup, and only that', () => {
  assert.equal(lib.escapeText('<b>Tom & Jerry</b>'), '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
  assert.equal(lib.escapeText('&amp;'), '&amp;amp;');
  assert.equal(lib.escapeText('Wałęsa "Solidarność" 1980'), 'Wałęsa "Solidarność" 1980');
  assert.equal(lib.escapeText(1956), '1956');
  assert.deepEqual(['<a>', 'b'].map(lib.escapeText), ['&lt;a&gt;', 'b']);
});
