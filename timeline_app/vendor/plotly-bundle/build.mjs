// Builds ../plotly-timeline-strict.min.js from the plotly.js of package-lock.json (see the
// docstring of timeline_app/vendor/__init__.py): esbuild with the settings of plotly.js's own
// esbuild-config.js, minified, on entry.js.
import { build } from 'esbuild';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
const { version } = require('plotly.js/package.json');

await build({
  entryPoints: ['./entry.js'],
  outfile: '../plotly-timeline-strict.min.js',
  banner: { js: `/**\n* plotly.js (strict - minified) v${version}, partial bundle: core, scatter, scattergl (strict)\n` +
    '* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/' },
  format: 'iife',
  globalName: 'Plotly',
  bundle: true,
  minify: true,
  legalComments: 'eof',
  plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' },
  target: 'es2016',
  logLevel: 'warning',
});
