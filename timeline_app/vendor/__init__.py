"""Third-party browser code served by the app, unmodified.

``plotly-timeline-strict.min.js`` is plotly.js at :data:`__version__` (MIT licence, see
``plotly.js-LICENSE``; the bundled libraries' notices are at the file's end) as a partial
bundle of the two trace types the timeline draws: plotly.js's core (``scatter``, every
layout component, ``toImage``) and ``scattergl``'s *strict* build, which never calls
``eval``/``new Function`` (precompiled shader code), so the page runs under a
Content-Security-Policy without ``'unsafe-eval'``.  The full strict bundle (npm
``plotly.js-strict-dist-min``) is three times the size, and a reader's browser runs every
one of its fifty trace modules before the page can draw: about 45 ms of every page load
and over a second on a first visit, against about 18 ms and 0.4 s for this one
(Chromium, 2 cores).

``plotly-bundle/`` builds it, with plotly.js's own esbuild settings (``build.mjs``) on
``entry.js``, from the exact packages of its ``package-lock.json``.  ``entry.js`` also gives
the page plotly.js's marker shapes (``Plotly.filledMarkerPath``), with which the page draws
the SVG path's event marks itself (``assets/timeline-marks.js``).  The build is
reproducible: the same bytes (:data:`SHA256`) wherever the folder is (``npm ci``, then
``node build.mjs``).  :data:`__version__` must equal the plotly.js version the ``plotly``
Python package bundles (a test checks).  To update after
upgrading plotly, set plotly.js's version in ``plotly-bundle/package.json``, then::

    cd timeline_app/vendor/plotly-bundle && npm install && node build.mjs && rm -r node_modules

and set ``__version__`` and ``SHA256``.

``regenerator-runtime.js`` is ``runtime.js`` of the npm package
``regenerator-runtime`` at :data:`REGENERATOR_VERSION` (MIT licence, see
``regenerator-runtime-LICENSE``): the one part of Dash's polyfill that Dash's
bundles need in a current browser (``server/page_scripts.py``).  To update::

    npm pack regenerator-runtime@VERSION
    tar -xzf regenerator-runtime-VERSION.tgz package/runtime.js

then copy it here as regenerator-runtime.js and set ``REGENERATOR_VERSION``
and ``REGENERATOR_SHA256``.

Dash serves this package like a component library (fingerprinted URL, cached
for a year), because ``__version__`` is set: see ``security.use_strict_plotly``.
"""

__version__ = "4.1.1"
SHA256 = "b0a3357d2ee6cd0a6e738f618bc59dc0901f47fca19a8338bc36ecaad0fc85c2"
PLOTLY_STRICT = "plotly-timeline-strict.min.js"
REGENERATOR_RUNTIME = "regenerator-runtime.js"
REGENERATOR_VERSION = "0.14.1"
REGENERATOR_SHA256 = "7beda998b3fd277f3548e12b277bafc3037d243421f007032d38dffee412224c"
