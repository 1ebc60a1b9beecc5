"""The upload preview refuses as binary exactly the files ``check`` reads as binary.

One rule for NUL bytes (issue 11, point 14): :func:`csvfile.holds_binary`,
which a BOM-less UTF-16 sheet does not trip (it is read, with an encoding
hint) and a NUL past the first few kilobytes does.
"""

from __future__ import annotations

import base64

import pytest

from timeline_app.data.csvfile import holds_binary
from timeline_app.data.dataset import COLUMNS
from timeline_app.web.live_view import LiveView, max_upload_bytes

CSV = ",".join(COLUMNS) + "\nx-1,Wałęsa strike,1956,,strike,,,,,\n"


def refusal(data: bytes, name: str = "sheet.csv") -> str | bytes:
    preview = LiveView(current=None, route=None, max_bytes=max_upload_bytes())  # refusal reads only the cap
    return preview.refusal("data:text/csv;base64," + base64.b64encode(data).decode(), name)


@pytest.mark.parametrize("data", [
    CSV.encode("utf-8"),
    CSV.encode("utf-16"),                                    # with a byte-order mark
    CSV.encode("utf-16-le"),                                 # without one: read with a hint, not binary
    CSV.encode("utf-16-be"),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    (CSV + "y-2,Strike,1957,,strike,,,,,\n" * 400).encode("utf-8") + b"\x00",  # a NUL past the first 8 KiB
], ids=["utf-8", "utf-16-bom", "utf-16-le", "utf-16-be", "png", "late-nul"])
def test_the_preview_refuses_as_binary_what_check_reads_as_binary(data):
    refused = refusal(data)
    binary = isinstance(refused, str) and "binary data" in refused
    assert binary == holds_binary(data)
    if not binary:
        assert refused == data
