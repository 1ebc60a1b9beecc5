"""The editors' side of the page: live reloads, the problems panel and the upload preview.

* A ``dcc.Interval`` polls twice a second.  Its callback asks the
  :class:`~timeline_app.live_data.LiveDataset` for the current snapshot and
  answers ``no_update`` unless its version changed; then it points the
  ``timeline-source`` store at the new data (served by :data:`ROUTE`, one URL
  per content hash, so the browser fetches it once) and refills the problems
  panel.  The poll carries only small stores, never the events.
* The problems panel is a ``<details>``: the count, then each problem as plain
  text (``FILE:LINE: column: message; fix: hint``), never HTML or Markdown.
* The upload preview: an editor drops or picks a CSV (an events file or a
  TimelineJS sheet).  It is checked with :func:`timeline_app.check.load_upload`
  against the shipped categories and articles and drawn INSTEAD of the shipped
  data, its events travelling inline in ``timeline-source`` (so any server
  worker can answer), under a banner saying nothing is saved.  Nothing is
  written on the server.  Files too big for one request are refused by the
  browser (``dcc.Upload``'s ``max_size``; ``assets/live-upload.js`` says why).

The upload's callback shares the poll's outputs (``allow_duplicate``) so the
file is sent once, with its own request, not with every poll.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from dash import Dash, Input, Output, State, dcc, html, no_update
from flask import Flask, Response, request

from ..data.catalog import build_catalog
from ..data.dataset import Dataset
from ..data.live import LiveDataset, Snapshot
from ..data.problems import count_errors
from ..data.validate import load_upload
from ..server.security import parse_max_body_bytes
from ..view.figure import timeline_payload

ROUTE = "/_timeline/live-events.json"
POLL_MS = 500
"""Half a second: a saved file shows within the 2 s editors were promised, the poll answers 204 when nothing changed."""
MAX_LISTED = 300
"""The panel lists this many problems, then says how many more there are."""
BASE64_OVERHEAD_BYTES = 16 * 1024
"""Room in one request for the callback's JSON around the file's base64."""
CSV_SUFFIXES = (".csv",)


def max_upload_bytes(max_body_bytes: int | str | None = None) -> int:
    """The biggest file whose upload (base64, about 4/3 its size) fits security's body limit."""
    limit = parse_max_body_bytes(max_body_bytes)
    return max(1, (limit - BASE64_OVERHEAD_BYTES) * 3 // 4)


def source_of(live: LiveDataset, snapshot: Snapshot) -> dict:
    """What ``timeline-source`` holds for the shipped data (published, so its URL serves it)."""
    return {"url": f"{ROUTE}?v={live.publish(snapshot)}", "count": len(snapshot.catalog)}


# -- the page's parts -----------------------------------------------------------

def panel_data(problems, label: str = "the data", banner: str = "") -> dict:
    """What the ``live-show`` store holds: the panel's lines (plain strings) and the banner's text."""
    problems = list(problems)
    errors = count_errors(problems)
    if not problems:
        summary = f"No problems in {label}"
    else:
        summary = (f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {label} "
                   f"({errors} error{'s' if errors != 1 else ''}, {len(problems) - errors} "
                   f"warning{'s' if len(problems) - errors != 1 else ''})")
    items = [[str(p), p.is_error] for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        items.append([f"… and {len(problems) - MAX_LISTED} more (run `python -m timeline_app check`)", False])
    return {"summary": summary, "items": items, "banner": banner}


def panel_children(data) -> list:
    """The ``<details>``'s summary and list, every problem as a text child (never HTML or Markdown)."""
    data = data if isinstance(data, dict) else {}
    items = [html.Li(str(text), className="problem-error" if error else "problem-warning")
             for text, error in data.get("items") or []]
    return [html.Summary(str(data.get("summary") or ""), id="problems-summary"), html.Ul(items, id="problems-list")]


def show(data):
    """Dash callback: the panel and the banner from ``live-show`` (visible parts change only here)."""
    data = data if isinstance(data, dict) else {}
    banner = str(data.get("banner") or "")
    return panel_children(data), banner, "preview-banner active" if banner else "preview-banner"


def live_components(live: LiveDataset, max_bytes: int) -> html.Div:
    """What create_app appends to the layout."""
    snapshot = live.current()
    return html.Div([
        dcc.Interval(id="live-poll", interval=POLL_MS, n_intervals=0),
        dcc.Store(id="live-state", data={"version": snapshot.version, "digest": snapshot.digest,
                                         "preview": None, "back": 0}),
        html.Div([
            html.Span(id="preview-text"),
            html.Button("Back to the shipped data", id="preview-back", n_clicks=0, className="preview-back"),
        ], id="preview-banner", className="preview-banner", role="status"),
        html.Div([
            dcc.Upload(html.Span(["Preview a CSV: drop it here or ", html.U("pick a file")]),
                       id="preview-upload", accept=".csv,text/csv", max_size=max_bytes, multiple=False,
                       className="preview-upload", className_reject="preview-upload rejected",
                       style={}, style_active={}, style_reject={}),
            html.P(id="upload-message", className="upload-message", role="alert"),
        ], id="preview-drop", className="preview-drop", **{"data-max-bytes": str(max_bytes)}),
        dcc.Store(id="live-show", data=panel_data(snapshot.problems)),
        html.Details(panel_children(panel_data(snapshot.problems)), id="problems-panel",
                     className="problems-panel"),
    ], id="live-bar", className="live-bar")


# -- the server side ------------------------------------------------------------

def register_live_data(server: Flask, live: LiveDataset) -> None:
    """The route serving each version of the data, by its content hash."""

    @server.route(ROUTE)
    def live_timeline_events():
        body = live.published(request.args.get("v", ""))
        if body is not None:
            response = Response(body, mimetype="application/json")
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return response
        snapshot = live.current()
        live.publish(snapshot)
        response = Response(snapshot.body, mimetype="application/json")
        response.headers["Cache-Control"] = "no-store"
        return response


class LiveView:
    """The callbacks: the poll (and "back to the shipped data"), and the upload."""

    def __init__(self, live: LiveDataset, max_bytes: int):
        self.live = live
        self.max_bytes = max_bytes

    def poll(self, _n, _back, state):
        """Dash callback: the shipped data when it changed (or on "back"), else nothing.

        Its outputs are stores only, so the twice-a-second poll never marks a
        visible component as loading.
        """
        state = state if isinstance(state, dict) else {}
        snapshot = self.live.current()
        back = _back if isinstance(_back, int) else 0
        live_state = {"version": snapshot.version, "digest": snapshot.digest, "preview": None, "back": back}
        # A click counted against the last one handled: a poll sharing its request must not hide it.
        clicked = back > (state.get("back") or 0)
        if clicked or (not state.get("preview") and state.get("digest") != snapshot.digest):
            source = source_of(self.live, snapshot)
            return source, dict(source, v=snapshot.version), live_state, panel_data(snapshot.problems)
        if state.get("preview") or (state.get("version") == snapshot.version and "back" in state):
            return (no_update,) * 4
        return no_update, no_update, live_state, panel_data(snapshot.problems)  # only the problems changed

    def preview(self, contents, filename, state):
        """Dash callback: an uploaded file drawn instead of the shipped data."""
        state = state if isinstance(state, dict) else {}
        name = Path(str(filename or "upload.csv")).name[:120]
        data = self.refusal(contents, name)
        if isinstance(data, str):
            return (no_update,) * 4 + (data,)
        snapshot = self.live.current()
        shipped = snapshot.dataset
        events, problems = load_upload(data, name, shipped.articles, shipped.categories)
        if not events:
            return (no_update, no_update, no_update, panel_data(problems, name),
                    f"No event could be read from {name}; the problems listed say why. Nothing is saved.")
        catalog = build_catalog(Dataset(events=events, problems=problems, articles=shipped.articles,
                                        categories=shipped.categories))
        key = f"preview:{name}:{snapshot.version}:{len(events)}:{len(problems)}:{hash(data)}"
        source = {"payload": timeline_payload(catalog), "key": key, "count": len(catalog), "preview": name}
        text = (f"Preview of {name}: {len(events)} event{'s' if len(events) != 1 else ''}, "
                f"{len(problems)} problem{'s' if len(problems) != 1 else ''} — nothing is saved")
        return (source, {"key": key, "count": len(catalog)}, dict(state, preview=name),
                panel_data(problems, name, banner=text), "")

    def refusal(self, contents, name: str) -> str | bytes:
        """The file's bytes, or the message saying why it is not previewed."""
        if not isinstance(contents, str) or "," not in contents:
            return f"{name} could not be read. Pick a CSV file."
        if not name.lower().endswith(CSV_SUFFIXES):
            return f"{name} is not a CSV file. Save the sheet as CSV (.csv) and pick that file."
        try:
            data = base64.b64decode(contents.split(",", 1)[1], validate=True)
        except (binascii.Error, ValueError):
            return f"{name} could not be read. Pick a CSV file."
        if len(data) > self.max_bytes:
            return (f"{name} is too big to preview ({len(data) // 1024} KiB; the limit is "
                    f"{self.max_bytes // 1024} KiB).")
        if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return f"{name} is not a CSV file (it holds binary data). Save the sheet as CSV and pick that file."
        return data


def register_live_view(app: Dash, live: LiveDataset, max_body_bytes: int | str | None = None) -> LiveView:
    """Append the live bar to the layout, add the data route and the callback."""
    max_bytes = max_upload_bytes(max_body_bytes)
    app.server.extensions["timeline_live"] = live  # for tests and tools
    app.layout.children.append(live_components(live, max_bytes))
    register_live_data(app.server, live)
    view = LiveView(live, max_bytes)
    stores = ("timeline-source", "data"), ("timeline-ready", "data"), ("live-state", "data"), ("live-show", "data")
    app.callback(
        *(Output(*o) for o in stores),
        Input("live-poll", "n_intervals"), Input("preview-back", "n_clicks"), State("live-state", "data"),
        prevent_initial_call=True,  # the layout holds the data as of its making; the first tick updates it
    )(view.poll)
    # The file travels only with its own callback, never with the poll.
    app.callback(
        *(Output(*o, allow_duplicate=True) for o in stores), Output("upload-message", "children"),
        Input("preview-upload", "contents"), State("preview-upload", "filename"), State("live-state", "data"),
        prevent_initial_call=True,
    )(view.preview)
    app.callback(
        Output("problems-panel", "children"), Output("preview-text", "children"),
        Output("preview-banner", "className"),
        Input("live-show", "data"), prevent_initial_call=True,
    )(show)
    return view
