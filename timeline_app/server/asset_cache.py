"""Scripts and styles under ``/assets/`` cached by the browser for good.

Dash names every asset with its file's modification time (``?m=...``) and
Flask answers them ``no-cache``: a returning reader's browser then asks again
for each of the page's two dozen scripts and styles on every visit, and waits
for the answers before it runs the page.  A URL with ``m`` changes whenever
its file does, so its answer can be kept for good, as Dash's own
``_dash-component-suites`` files already are.  A URL without ``m`` (an image
a style names, say) keeps Flask's answer.
"""

from __future__ import annotations

from flask import Flask, request

KEEP = "public, max-age=31536000, immutable"


def cache_fingerprinted_assets(server: Flask, prefix: str = "/assets/") -> None:
    """Mark answers to ``prefix...?m=...`` as cacheable for a year."""

    @server.after_request
    def keep_asset(response):
        if response.status_code == 200 and request.path.startswith(prefix) and request.args.get("m"):
            response.headers["Cache-Control"] = KEEP
        return response
