"""Any text as a timeline: a reader pastes a text (or picks a .txt/.md/.html file) and sees its dates.

The text goes through the same extractor and proposer as ``python -m
timeline_app propose`` (:mod:`timeline_app.extract.propose`), against the
shipped dataset's vocabulary; the proposed rows are checked as an uploaded
events CSV (:func:`timeline_app.data.validate.load_upload`, with its time
budget) and drawn INSTEAD of the shipped data, exactly as the CSV upload
preview draws a file (:mod:`.live_view`: the same stores, banner and "Back to
the data" button).  Beside it the text is shown with every date marked
(:mod:`.article_marks`).  Nothing is saved; the rows can be downloaded as an
events CSV.  The text is only ever given to Dash as plain strings (React
escapes them): HTML files are reduced to text first
(:func:`timeline_app.data.timelinejs.html_to_text`), and nothing in the text
is run or parsed as markup.  At most :data:`MAX_TEXT_BYTES` are read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from pathlib import Path

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from ..data.catalog import build_catalog
from ..data.csvfile import holds_binary
from ..data.dataset import Dataset
from ..data.sources import Article
from ..data.timelinejs import html_to_text
from ..data.validate import load_upload
from ..extract.extractor import default_periods
from ..extract.propose import csv_text, load_vocabulary, propose
from ..view.figure import timeline_payload
from . import ids
from .article_marks import with_mentions
from .current import CurrentData
from .live_view import panel_data

MAX_TEXT_BYTES = 200 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
ARTICLE_ID = "pasted-text"
ROWS_NAME = "pasted-text-events.csv"


def paste_panel() -> html.Details:
    """The panel: a text box, a file picker, the button, what happened, the marked text and the download."""
    return html.Details([
        html.Summary("Any text as a timeline"),
        html.P("Paste a text (or pick a .txt, .md or .html file of at most 200 KB): its dates are drawn as a "
               "timeline of proposed events. Nothing is saved.", className="paste-hint"),
        html.Label("Text to show as a timeline", htmlFor=ids.PASTE_TEXT, className="paste-label"),
        dcc.Textarea(id=ids.PASTE_TEXT, maxLength=MAX_TEXT_BYTES, className="paste-text",
                     placeholder="Paste a text here"),
        dcc.Upload(html.Span(["Drop a text file here or ", html.U("pick one")]), id=ids.PASTE_UPLOAD,
                   accept=",".join(TEXT_SUFFIXES), max_size=MAX_TEXT_BYTES, multiple=False,
                   className="paste-upload"),
        html.Button("Show as a timeline", id=ids.PASTE_SHOW, n_clicks=0, className="paste-show"),
        html.P(id=ids.PASTE_MESSAGE, className="paste-message", role="status"),
        html.Button("Download the proposed rows (CSV)", id=ids.PASTE_DOWNLOAD_BUTTON, n_clicks=0,
                    className="paste-download"),
        dcc.Download(id=ids.PASTE_DOWNLOAD),
        dcc.Store(id=ids.PASTE_ROWS),
        html.Div(id=ids.PASTE_MARKED, className="article-text paste-marked"),
    ], id=ids.PASTE_PANEL, className="paste-panel")


def file_text(contents, filename) -> str:
    """The text of a picked file, or raises ValueError saying what is wrong with it."""
    name = Path(str(filename or "file")).name[:120]
    if not name.lower().endswith(TEXT_SUFFIXES):
        raise ValueError(f"{name} is not a text file: pick a .txt, .md or .html file.")
    try:
        data = base64.b64decode(str(contents).split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error, ValueError):
        raise ValueError(f"{name} could not be read: pick a .txt, .md or .html file.") from None
    if len(data) > MAX_TEXT_BYTES:
        raise ValueError(f"{name} is too big ({len(data) // 1024} KB; the limit is {MAX_TEXT_BYTES // 1024} KB).")
    if holds_binary(data):
        raise ValueError(f"{name} holds binary data, not text: save it as plain text (.txt) and pick that.")
    text = data.decode("utf-8", errors="replace")
    return html_to_text(text) if name.lower().endswith((".html", ".htm")) else text


def rows_csv(proposals) -> str:
    """The proposed rows as an events CSV (the events.csv columns)."""
    return csv_text(p.cells() for p in proposals)


def marked_text(article: Article, proposals) -> list:
    """The text with each proposed row's date marked, its drafted title as the tooltip."""
    offset = len(article.text) - len(article.body)
    marks = sorted({(p.mention.char_start - offset, p.mention.char_end - offset, p.row.get("title", ""))
                    for p in proposals if p.mention.char_start >= offset})
    return with_mentions(article.body, 0, len(article.body), marks, _proposed)


def _proposed(text: str, _start: int, title: str) -> html.Span:
    return html.Span(text, className="mention proposed", title="Proposed: " + title,
                     style={"textDecoration": "underline dashed"})


class PasteView:
    """The paste callback over the request's snapshot of the shipped data (its vocabulary and categories)."""

    def __init__(self, current: CurrentData):
        self.current = current

    def show(self, _clicks, contents, text, filename, state):
        """Dash callback: the text (typed or picked) drawn as a timeline of its proposed events."""
        state = state if isinstance(state, dict) else {}
        from_file = ctx.triggered_id == ids.PASTE_UPLOAD
        try:
            text = file_text(contents, filename) if from_file else str(text or "")
        except ValueError as problem:
            return (no_update,) * 4 + (str(problem), no_update, no_update, no_update)
        if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            return (no_update,) * 4 + (f"The text is too long (at most {MAX_TEXT_BYTES // 1024} KB).",
                                       no_update, no_update, no_update)
        if not text.strip():
            return (no_update,) * 4 + ("Paste a text first.", no_update, no_update, no_update)
        snapshot = self.current.snapshot()
        shipped = snapshot.dataset
        article = Article(ARTICLE_ID, "Pasted text", "Pasted text\n\n" + text.strip("\n"))
        folder = self.current.live.folder
        proposals = propose([article], shipped, load_vocabulary(shipped, folder), (), tuple(default_periods()))[0]
        rows = rows_csv(proposals.proposals)
        articles = {**shipped.articles, ARTICLE_ID: article}
        events, problems = load_upload(rows.encode("utf-8"), ROWS_NAME, articles, shipped.categories)
        value = text if from_file else no_update
        if not events:
            return (no_update,) * 4 + ("No date was found in this text.", [], rows, value)
        catalog = build_catalog(Dataset(events=events, problems=problems, articles=articles,
                                        categories=shipped.categories))
        key = f"paste:{snapshot.stamp}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"
        self.current.previews.add(key, catalog)  # the callbacks about the drawn events resolve ids here (current.py)
        source = {"payload": timeline_payload(catalog), "key": key, "count": len(catalog), "preview": "the text"}
        message = f"{len(events)} proposed event{'s' if len(events) != 1 else ''} from the text; nothing is saved."
        return (source, {"key": key, "count": len(catalog)}, dict(state, preview="the pasted text"),
                panel_data(problems, ROWS_NAME, banner="Preview of the pasted text: " + message), message,
                marked_text(article, proposals.proposals), rows, value)


def download(_clicks, rows):
    """Dash callback: the proposed rows as a file."""
    if not isinstance(rows, str) or not rows:
        return no_update
    return dict(content=rows, filename=ROWS_NAME, type="text/csv")


def register(app: Dash, current: CurrentData) -> None:
    """Append the panel to the layout and add its callbacks (after :func:`.live_view.register`: its stores)."""
    app.layout.children.append(paste_panel())
    view = PasteView(current)
    stores = (ids.TIMELINE_SOURCE, "data"), (ids.TIMELINE_READY, "data"), (ids.LIVE_STATE, "data"), \
        (ids.LIVE_SHOW, "data")
    app.callback(
        output=[*(Output(*o, allow_duplicate=True) for o in stores), Output(ids.PASTE_MESSAGE, "children"),
                Output(ids.PASTE_MARKED, "children"), Output(ids.PASTE_ROWS, "data"), Output(ids.PASTE_TEXT, "value")],
        inputs=dict(_clicks=Input(ids.PASTE_SHOW, "n_clicks"), contents=Input(ids.PASTE_UPLOAD, "contents")),
        state=dict(text=State(ids.PASTE_TEXT, "value"), filename=State(ids.PASTE_UPLOAD, "filename"),
                   state=State(ids.LIVE_STATE, "data")),
        prevent_initial_call=True,
    )(view.show)
    app.callback(output=Output(ids.PASTE_DOWNLOAD, "data"),
                 inputs=dict(_clicks=Input(ids.PASTE_DOWNLOAD_BUTTON, "n_clicks")),
                 state=dict(rows=State(ids.PASTE_ROWS, "data")), prevent_initial_call=True)(download)
