"""Share with the class: the current view's link, as text to copy and as a QR code.

The Share button opens a panel with the link in a read-only field, a Copy
button and a QR code a class can scan from the projector.  The link is
built here from the page's own address (origin and path, sent by the
browser when the panel opens) and the view (:func:`url_state.to_query`),
so it is the same link the address bar shows, except that presentation
mode is left out: students who scan it get the normal page (range,
filters, selected event and lesson included).

An upload preview (``live_view.py``) has no link: its events are on the
editor's computer, not on the server for others, and a link would open the
shipped data with the preview's range, filters and ids, showing other
events or none.  While one is drawn the panel says so (``share-note``), the
field is empty, Copy is disabled and there is no QR code.

The QR code is an SVG made on the server by ``segno`` (pure Python, no
images fetched from anywhere), put in an ``<img>`` as a ``data:`` URL,
which the page's Content-Security-Policy allows (``img-src data:``).
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import replace

import segno
from dash import Dash, Input, Output, State, dcc, html, no_update

from ...view.url_state import from_store, to_query
from .. import ids
from ..clientside import clientside
from ..current import preview_key

MAX_BASE_LENGTH = 500
_BASE = re.compile(r"https?://[^\s?#\"'<>\\]+")
QR_ERROR = "m"
"""QR error correction level M (15%): survives a projector's glare and a phone's angle."""


def toolbar_button() -> html.Button:
    return html.Button("Share", id="share-toggle", n_clicks=0, className="cr-button keep",
                       title="Show a link and a QR code for this view",
                       **{"aria-expanded": "false", "aria-controls": "share-panel",
                          "aria-label": "Share this view with the class: link and QR code"})


def share_panel() -> html.Section:
    return html.Section([
        html.H2("Share this view", id="share-heading", className="panel-heading"),
        html.Div([
            html.Label("Link to this view", htmlFor="share-link", className="share-label"),
            html.Div([
                dcc.Input(id="share-link", type="url", readOnly=True, value="", className="share-link",
                          autoComplete="off", spellCheck=False),
                html.Button("Copy", id="share-copy", n_clicks=0, className="cr-button primary",
                            **{"aria-label": "Copy the link"}),
            ], className="share-row"),
            html.P(id="share-status", className="share-status", role="status"),
            html.P(id="share-note", className="share-note"),
        ], className="share-text"),
        html.Img(id="share-qr", className="share-qr", alt="QR code of the link to this view"),
        html.Button("Close", id="share-close", n_clicks=0, className="cr-button",
                    **{"aria-label": "Close the share panel"}),
    ], id="share-panel", className="cr-panel floating share-panel", hidden=True,
        **{"aria-labelledby": "share-heading"})


def stores() -> list:
    return [dcc.Store(id="share-base"), dcc.Store(id="share-view")]


def share_link(base: str, view) -> str | None:
    """The link to ``view`` on the page at ``base`` (origin and path), or None if ``base`` is not a URL."""
    if not isinstance(base, str) or len(base) > MAX_BASE_LENGTH or not _BASE.fullmatch(base):
        return None
    state = replace(from_store(view), present=False)
    return base + to_query(state)


def qr_data_uri(text: str) -> str:
    """A QR code of ``text`` as an SVG ``data:`` URL (scalable: a viewBox, no fixed size)."""
    code = segno.make(text, error=QR_ERROR, micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, dark="#000", light="#fff", xmldecl=False,
              omitsize=True, svgclass=None, lineclass=None, title="QR code")
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")


PREVIEW_NOTE = ("This is a preview of a file on your computer: it is not on the server, so there is no link "
                "to share. Save the file into the dataset, or go back to the shipped data to share a view.")


def update(base, _changed, view, drawn=None):
    """Dash callback: the link field, the QR code, the note and Copy for the view (run only while the panel is open)."""
    if preview_key(drawn) is not None:
        return "", None, PREVIEW_NOTE, True
    link = share_link(base.get("base") if isinstance(base, dict) else base, view)
    if link is None:
        return no_update, no_update, no_update, no_update
    return link, qr_data_uri(link), "", False


def register(app: Dash) -> None:
    app.callback(output=[Output("share-link", "value"), Output("share-qr", "src"), Output("share-note", "children"),
                         Output("share-copy", "disabled")],
                 inputs=dict(base=Input("share-base", "data"), _changed=Input("share-view", "data")),
                 state=dict(view=State("view", "data"), drawn=State(ids.TIMELINE_READY, "data")),
                 prevent_initial_call=True)(update)

    clientside(app, "classroom", "openShare", Output("share-panel", "hidden"),
               Output("share-toggle", "aria-expanded"),
               Output("share-base", "data"),
               Input("share-toggle", "n_clicks"), Input("share-close", "n_clicks"),
               State("share-panel", "hidden"), prevent_initial_call=True)
    clientside(app, "classroom", "shareView", Output("share-view", "data"), Input("view", "data"),
               State("share-panel", "hidden"),
               prevent_initial_call=True)
    clientside(app, "classroom", "copyLink", Output("share-status", "children"), Input("share-copy", "n_clicks"),
               State("share-link", "value"), prevent_initial_call=True)
