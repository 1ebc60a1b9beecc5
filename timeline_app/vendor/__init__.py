"""Third-party browser code served by the app, unmodified.

``plotly-strict.min.js`` is plotly.js's *strict* bundle, the build that never
calls ``eval``/``new Function`` (its WebGL traces, e.g. ``scattergl``, use
precompiled shader code), so the page runs under a Content-Security-Policy
without ``'unsafe-eval'``.  It is the file of the npm package
``plotly.js-strict-dist-min`` at :data:`__version__` (MIT licence, see
``plotly.js-LICENSE``), which must equal the plotly.js version the ``plotly``
Python package bundles (a test checks).  To update after upgrading plotly::

    npm pack plotly.js-strict-dist-min@VERSION
    tar -xzf plotly.js-strict-dist-min-VERSION.tgz package/plotly-strict.min.js

then copy it here and set ``__version__`` and ``SHA256``.

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
SHA256 = "4ac841837b31c1bfd2ab140e3a248ddcc6c2106978fbf2c1c18a7aada930a37a"
PLOTLY_STRICT = "plotly-strict.min.js"
REGENERATOR_RUNTIME = "regenerator-runtime.js"
REGENERATOR_VERSION = "0.14.1"
REGENERATOR_SHA256 = "7beda998b3fd277f3548e12b277bafc3037d243421f007032d38dffee412224c"
