// Builds ../plotly-timeline-strict.min.js from the plotly.js of package-lock.json (see the
// docstring of timeline_app/vendor/__init__.py): esbuild with the settings of plotly.js's own
// esbuild-config.js, minified, on entry.js.  The same lockfile gives the same bytes wherever the
// folder is (the SHA256 in vendor/__init__.py).
import { build } from 'esbuild';
import { createHash } from 'crypto';
import { readFile } from 'fs/promises';
import { createRequire } from 'module';
import path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const { version } = require('plotly.js/package.json');

/* plotly.js's CSS, put in the page by the bundle when it loads, as plotly.js's own build does
   (esbuild-plugin-inline-css).  That plugin names the <style> element by the file's absolute path,
   so the bytes built depended on where the folder was; here it is the path from this folder. */
const here = path.dirname(fileURLToPath(import.meta.url));
const inlineCss = {
  name: 'inline-css',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const id = createHash('sha256').update(path.relative(here, args.path)).digest('hex');
      const css = JSON.stringify(await readFile(args.path, 'utf8'));
      return {
        loader: 'js',
        contents: `if (!document.getElementById('${id}')) { const e = document.createElement('style');` +
          ` e.id = '${id}'; e.textContent = ${css}; document.head.appendChild(e); }`,
      };
    });
  },
};

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
  plugins: [inlineCss, glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' },
  target: 'es2016',
  logLevel: 'warning',
});
