"""The page loads no script for browsers from before 2017.

Every Dash page loads ``@babel/polyfill`` 7 (core-js 2) first.  In a current
browser it still replaces ``String.prototype.trim``, ``parseInt`` and
``parseFloat`` with slower versions written in script, because core-js counts
U+180E as white space, which Unicode no longer does; plotly.js calls them for
every mark at every redraw, and the polyfill itself runs before anything else
(bench/app.py measures the difference).

What Dash's own bundles need from it in a current browser is the regenerator
runtime, which the loaders of their lazily loaded components call (the
global ``regeneratorRuntime``): the page loads that instead, from
:mod:`timeline_app.vendor`.  Browsers that run React 18 have the rest natively,
but for ``setImmediate``, which React, dcc, dash_table and plotly.js each test
for before use.
"""

from __future__ import annotations

import re

from dash import Dash

from .. import vendor

POLYFILL = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\n?')
"""Dash's script tag for the polyfill, in the page's scripts."""


def without_legacy_polyfill(app: Dash) -> None:
    """Serve ``app``'s page without the polyfill and with the regenerator runtime."""
    app.scripts.append_script({"relative_package_path": vendor.REGENERATOR_RUNTIME,
                               "namespace": vendor.__name__})
    interpolate = app.interpolate_index

    def interpolate_index(**kwargs) -> str:
        kwargs["scripts"] = POLYFILL.sub("", kwargs["scripts"])
        return interpolate(**kwargs)

    app.interpolate_index = interpolate_index
