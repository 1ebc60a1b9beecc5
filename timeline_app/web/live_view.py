"""The editors' side of the page: live reloads, the problems panel and the upload preview.

* The editor's view: readers see the title, then the timeline; the editor's
  tools (the upload box and the problems line) are shown, below the title, only
  in the editor's view, the ``editing`` class on ``<html>`` that
  ``assets/live-editor.js`` sets.  It is on by default on a loopback address
  (the editor runs ``serve`` beside the files) and off elsewhere (a class
  reading a school's server), and the toolbar's **Editor** switch changes it,
  remembered in the browser.  The preview banner shows in both views: a reader's
  pasted text (:mod:`.paste_view`) is drawn as a preview too.
* The change notice: ``assets/live-notice.js`` asks :data:`NOTICE_ROUTE`
  with ``If-None-Match`` (the ETag is the data's version and its problems'
  fingerprint); an unchanged page gets a bodyless 304 from a route that reads
  one cached string, no Dash callback.  Readers ask every 15 s (edits reach them
  within 30 s); the editor's view (or a page with a preview shown) asks twice a
  second, so a save shows within 2 s.  Only a
  changed ETag ticks the ``live-poll`` trigger, whose Dash callback then reads
  the request's snapshot (``current.py``) and answers ``no_update`` unless its
  version differs from the one the page drew; then it points the ``timeline-source``
  store at the new data (``events_route.py``, one URL per version, so the
  browser fetches it once) and refills the problems panel.  A version older
  than the page's (another server process that has not seen the last save,
  or was restarted since) is never drawn over a newer one.  The poll carries
  only small stores, never the events.
* The problems panel is a ``<details>``: the count, then each problem as plain
  text (``FILE:LINE: column: message; fix: hint``), never HTML or Markdown.
  It opens by itself when the data (or a preview) has errors, rows left off
  the timeline (``assets/live-editor.js``); warnings alone leave it as it is.
* The upload preview: an editor drops or picks a CSV (an events file or a
  TimelineJS sheet).  It is checked with :func:`timeline_app.check.load_upload`
  against the shipped categories and articles and drawn INSTEAD of the shipped
  data, its events travelling inline in ``timeline-source``, under a banner
  saying nothing is saved.  Nothing is written on the server; its catalog is
  kept in memory (the last few, ``current.Previews``) so that selection,
  reader, table and exports work on the previewed events.  Files too big for one request are refused by the
  browser (``dcc.Upload``'s ``max_size``; ``assets/live-upload.js`` says why).

The upload's callback shares the poll's outputs (``allow_duplicate``) so the
file is sent once, with its own request, not with every poll.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from pathlib import Path

from dash import Dash, Input, Output, State, dcc, html, no_update
from flask import Response, request

from ..data.catalog import build_catalog
from ..data.csvfile import holds_binary
from ..data.dataset import Dataset
from ..data.problems import count_errors, count_problems
from ..data.media import ImageRules
from ..data.validate import load_upload
from ..server.security import parse_max_body_bytes
from ..view.figure import timeline_payload
from . import ids
from .clientside import clientside
from .current import CurrentData
from .events_route import EventsRoute, stamp_of, version_in

NOTICE_ROUTE = "/_timeline/changes"
"""The change notice's URL (``assets/live-notice.js`` names it too; tests/test_change_notice.py pins both)."""
MAX_LISTED = 300
"""The panel lists this many problems, then says how many more there are."""
BASE64_OVERHEAD_BYTES = 16 * 1024
"""Room in one request for the callback's JSON around the file's base64."""
CSV_SUFFIXES = (".csv",)


def max_upload_bytes(max_body_bytes: int | str | None = None) -> int:
    """The biggest file whose upload (base64, about 4/3 its size) fits security's body limit."""
    limit = parse_max_body_bytes(max_body_bytes)
    return max(1, (limit - BASE64_OVERHEAD_BYTES) * 3 // 4)


def problems_key(problems) -> str:
    """A short fingerprint of a list of problems: the panel is refilled when it changes."""
    return hashlib.sha256("\n".join(map(str, problems)).encode()).hexdigest()[:16]


# -- the page's parts -----------------------------------------------------------

def panel_data(problems, label: str = "the data", banner: str = "") -> dict:
    """What the ``live-show`` store holds: the panel's lines (plain strings) and the banner's text."""
    problems = list(problems)
    errors, total = count_errors(problems), count_problems(problems)  # those past a file's 200 too
    if not problems:
        summary = f"No problems in {label}"
    else:
        summary = (f"{total} problem{'s' if total != 1 else ''} in {label} "
                   f"({errors} error{'s' if errors != 1 else ''}, {total - errors} "
                   f"warning{'s' if total - errors != 1 else ''})")
    items = [[str(p), p.is_error] for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        items.append([f"… and {len(problems) - MAX_LISTED} more (run `python -m timeline_app check`)", False])
    return {"summary": summary, "items": items, "banner": banner, "errors": errors}


def panel_children(data) -> list:
    """The ``<details>``'s summary and list, every problem as a text child (never HTML or Markdown)."""
    data = data if isinstance(data, dict) else {}
    items = [html.Li(str(text), className="problem-error" if error else "problem-warning")
             for text, error in data.get("items") or []]
    return [html.Summary(str(data.get("summary") or ""), id=ids.PROBLEMS_SUMMARY),
            html.Ul(items, id=ids.PROBLEMS_LIST)]


def show(data):
    """Dash callback: the panel and the banner from ``live-show`` (visible parts change only here)."""
    data = data if isinstance(data, dict) else {}
    banner = str(data.get("banner") or "")
    return panel_children(data), banner, "preview-banner active" if banner else "preview-banner"


def editor_toggle() -> html.Button:
    """The toolbar's switch between the readers' and the editor's view (``assets/live-editor.js``)."""
    return html.Button("Editor", id=ids.EDITOR_TOGGLE, n_clicks=0, className="cr-button editor-toggle",
                       title="Show the editor's tools: preview a CSV and the data's problems",
                       **{"aria-pressed": "false", "aria-controls": ids.LIVE_BAR,
                          "aria-label": "Editor's tools: preview a CSV, the data's problems"})


def live_components(problems, max_bytes: int) -> html.Div:
    """What create_app appends to the layout: the page does not know its version until its data arrives."""
    return html.Div([
        # A trigger, never a timer: live-notice.js ticks it when the change notice says "changed".
        dcc.Interval(id=ids.LIVE_POLL, disabled=True, n_intervals=0),
        dcc.Store(id=ids.LIVE_STATE, data={"version": None, "problems": problems_key(problems),
                                         "preview": None, "back": 0}),
        html.Div([
            html.Span(id=ids.PREVIEW_TEXT),
            html.Button("Back to the shipped data", id=ids.PREVIEW_BACK, n_clicks=0, className="preview-back"),
        ], id=ids.PREVIEW_BANNER, className="preview-banner", role="status"),
        html.Div([
            dcc.Upload(html.Span(["Preview a CSV: drop it here or ", html.U("pick a file")]),
                       id=ids.PREVIEW_UPLOAD, accept=".csv,text/csv", max_size=max_bytes, multiple=False,
                       className="preview-upload", className_reject="preview-upload rejected",
                       style={}, style_active={}, style_reject={}),
            html.P(id=ids.UPLOAD_MESSAGE, className="upload-message", role="alert"),
        ], id=ids.PREVIEW_DROP, className="preview-drop", **{"data-max-bytes": str(max_bytes)}),
        dcc.Store(id=ids.LIVE_SHOW, data=panel_data(problems)),
        html.Details(panel_children(panel_data(problems)), id=ids.PROBLEMS_PANEL,
                     className="problems-panel"),
    ], id=ids.LIVE_BAR, className="live-bar", role="region", **{"aria-label": "Editing tools"})


# -- the server side ------------------------------------------------------------

class ChangeNotice:
    """``GET NOTICE_ROUTE``: 304 while the page's ETag is current, else 200 with the new one.

    The ETag is the data's version (the same in every server process) and its
    problems' fingerprint, made once per snapshot, so an idle page costs a
    comparison of two short strings.
    """

    def __init__(self, current: CurrentData, route: EventsRoute):
        self.current = current
        self.route = route
        self._last: tuple[object, str] | None = None
        """The last snapshot asked about and its ETag (one assignment: threads see a whole pair)."""

    def etag(self) -> str:
        snapshot = self.current.live.current()
        last = self._last
        if last is None or last[0] is not snapshot:
            last = (snapshot, f'"{self.route.version(snapshot)}.{problems_key(snapshot.problems)}"')
            self._last = last
        return last[1]

    def serve(self) -> Response:
        tag = self.etag()
        changed = request.headers.get("If-None-Match", "")[:200] != tag
        response = Response(tag if changed else b"", status=200 if changed else 304, mimetype="text/plain")
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = "no-cache"
        return response


class LiveView:
    """The callbacks: the poll (and "back to the shipped data"), and the upload."""

    def __init__(self, current: CurrentData, route: EventsRoute, max_bytes: int):
        self.current = current
        self.route = route
        self.max_bytes = max_bytes

    def poll(self, _n, _back, state, ready):
        """Dash callback: the shipped data when it changed (or on "back"), else nothing.

        The page's version is the one it last drew: ``live-state``'s, or on a
        new page the one its first fetch was redirected to (``timeline-ready``).
        A new page still fetching is left alone (no second download), and an
        older version than the page's is never sent.  The outputs are stores
        only, so a poll never marks a visible part as loading.
        """
        state = state if isinstance(state, dict) else {}
        snapshot = self.current.snapshot()
        version = self.route.version(snapshot)
        back = _back if isinstance(_back, int) and not isinstance(_back, bool) else 0
        live_state = {"version": version, "problems": problems_key(snapshot.problems), "preview": None,
                      "back": back}
        panel = panel_data(snapshot.problems)
        # A click counted against the last one handled: a poll sharing its request must not hide it.
        clicked = back > _number(state.get("back"))
        if clicked:
            return self.send(snapshot, live_state, panel)
        drawn = state.get("version") or version_in(ready.get("url") if isinstance(ready, dict) else None)
        if state.get("preview") or (drawn is None and "version" in state and state["version"] is None):
            return (no_update,) * 4
        if (stamp_of(drawn) or 0) > stamp_of(version):
            return (no_update,) * 4  # this process is behind the page: never go back
        if drawn != version:
            return self.send(snapshot, live_state, panel)
        if state.get("version") == version and state.get("problems") == live_state["problems"] and "back" in state:
            return (no_update,) * 4
        return no_update, no_update, live_state, panel  # the page's version recorded, or new problems

    def send(self, snapshot, live_state: dict, panel: dict):
        """The poll's outputs pointing the page at ``snapshot``'s data."""
        source = self.route.source(snapshot)
        return source, dict(source, v=live_state["version"]), live_state, panel

    def preview(self, contents, filename, state):
        """Dash callback: an uploaded file drawn instead of the shipped data."""
        state = state if isinstance(state, dict) else {}
        name = Path(str(filename or "upload.csv")).name[:120]
        data = self.refusal(contents, name)
        if isinstance(data, str):
            return (no_update,) * 4 + (data,)
        snapshot = self.current.snapshot()
        shipped = snapshot.dataset
        live = self.current.live
        events, problems = load_upload(data, name, shipped.articles, shipped.categories,
                                       periods=shipped.periods,
                                       images=ImageRules(live.folder, live.media_origins))
        if not events:
            return (no_update, no_update, no_update, panel_data(problems, name),
                    f"No event could be read from {name}; the problems listed say why. Nothing is saved.")
        catalog = build_catalog(Dataset(events=events, problems=problems, articles=shipped.articles,
                                        categories=shipped.categories))
        key = f"preview:{name}:{snapshot.stamp}:{hashlib.sha256(data).hexdigest()[:16]}"
        self.current.previews.add(key, catalog)  # the callbacks about the drawn events resolve ids here (current.py)
        source = {"payload": timeline_payload(catalog), "key": key, "count": len(catalog), "preview": name}
        total = count_problems(problems)
        text = (f"Preview of {name}: {len(events)} event{'s' if len(events) != 1 else ''}, "
                f"{total} problem{'s' if total != 1 else ''} — nothing is saved")
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
        if holds_binary(data):  # the rule check applies
            return f"{name} is not a CSV file (it holds binary data). Save the sheet as CSV and pick that file."
        return data


def _number(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def register(app: Dash, current: CurrentData, route: EventsRoute, max_body_bytes: int | str | None = None) -> LiveView:
    """Put the live bar below the page's header, add its callbacks and the change notice's route."""
    max_bytes = max_upload_bytes(max_body_bytes)
    app.server.extensions["timeline_live"] = current.live  # for tests and tools
    children = app.layout.children
    below_header = next(i for i, child in enumerate(children) if isinstance(child, html.Header)) + 1
    children.insert(below_header, live_components(current.live.current().problems, max_bytes))
    app.server.add_url_rule(NOTICE_ROUTE, "timeline_changes", ChangeNotice(current, route).serve)
    view = LiveView(current, route, max_bytes)
    stores = (ids.TIMELINE_SOURCE, "data"), (ids.TIMELINE_READY, "data"), (ids.LIVE_STATE, "data"), \
        (ids.LIVE_SHOW, "data")
    app.callback(
        output=[Output(*o) for o in stores],
        inputs=dict(_n=Input(ids.LIVE_POLL, "n_intervals"), _back=Input(ids.PREVIEW_BACK, "n_clicks")),
        state=dict(state=State(ids.LIVE_STATE, "data"), ready=State(ids.TIMELINE_READY, "data")),
        prevent_initial_call=True,  # the layout names the current data (events_route.py); the first tick records it
    )(view.poll)
    # The file travels only with its own callback, never with the poll.
    app.callback(
        output=[*(Output(*o, allow_duplicate=True) for o in stores), Output(ids.UPLOAD_MESSAGE, "children")],
        inputs=dict(contents=Input(ids.PREVIEW_UPLOAD, "contents")),
        state=dict(filename=State(ids.PREVIEW_UPLOAD, "filename"), state=State(ids.LIVE_STATE, "data")),
        prevent_initial_call=True,
    )(view.preview)
    app.callback(
        output=[Output(ids.PROBLEMS_PANEL, "children"), Output(ids.PREVIEW_TEXT, "children"),
                Output(ids.PREVIEW_BANNER, "className")],
        inputs=dict(data=Input(ids.LIVE_SHOW, "data")), prevent_initial_call=True,
    )(show)
    # In the browser: Dash's <details> does not hear the reader close it, so its `open` prop
    # could not open it again; the page's first problems count too (no prevent_initial_call).
    clientside(app, "live", "openOnErrors", Input(ids.LIVE_SHOW, "data"))
    return view
