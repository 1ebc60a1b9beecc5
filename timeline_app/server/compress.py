"""Gzip for the app's JSON and scripts, without another dependency.

The layout JSON and the event data shrink about eightfold, plotly.js (5 MB)
about threefold.  Large bodies (scripts, the layout, the event data) are the
same on every request, so their compressed form is kept, keyed by path, size
and checksum.
"""

from __future__ import annotations

import gzip
import threading
import zlib
from collections import OrderedDict

from flask import Flask, request

COMPRESSIBLE = {"application/json", "application/javascript", "text/javascript", "text/css", "text/html"}
MIN_SIZE = 1024
LEVEL = 6
CACHE_FROM = 4 * 1024
CACHE_ENTRIES = 32


def enable_gzip(server: Flask) -> None:
    cache: OrderedDict[tuple[str, int, int], bytes] = OrderedDict()
    lock = threading.Lock()  # the server runs requests in several threads

    @server.after_request
    def gzip_response(response):
        if (response.status_code != 200 or response.direct_passthrough
                or "gzip" not in request.headers.get("Accept-Encoding", "")
                or "Content-Encoding" in response.headers or response.mimetype not in COMPRESSIBLE):
            return response
        body = response.get_data()
        if len(body) < MIN_SIZE:
            return response
        if len(body) >= CACHE_FROM:
            key = (request.path, len(body), zlib.crc32(body))
            with lock:
                packed = cache.get(key)
            if packed is None:
                packed = gzip.compress(body, LEVEL)
            with lock:
                cache[key] = packed
                cache.move_to_end(key)
                while len(cache) > CACHE_ENTRIES:
                    cache.popitem(last=False)
        else:
            packed = gzip.compress(body, LEVEL)
        response.set_data(packed)
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
        return response
