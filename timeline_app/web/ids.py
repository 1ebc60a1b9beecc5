"""The ids of the page's components that Python and the browser both name.

The layout gives them, the callbacks listen to them and ``assets/*.js`` reads
and writes them (``set_props``, ``getElementById``); ``tests/test_ids.py``
checks that every id the JavaScript names is one of these (or a classroom
panel's), so a rename here that forgets the browser fails a test, not a class.
"""

from __future__ import annotations

# -- stores the callbacks talk through (layout.py) --------------------------------
URL = "url"
TIMELINE_SOURCE = "timeline-source"
TIMELINE_READY = "timeline-ready"
TIMELINE_DRAWN = "timeline-drawn"
VIEW = "view"
SELECTED = "selected"
SHOWN_RANGE = "shown-range"
GRAPH_RANGE = "graph-range"
GRAPH_CLICK = "graph-click"
KEY_SELECT = "key-select"
TIMELINE_EVENTS = "timeline-events"
"""The page's ``<link rel=preload>`` of the events (preload.py), not a component."""

# -- visible parts ------------------------------------------------------------------
SHOWN_COUNT = "shown-count"
TIMELINE = "timeline"
TIMELINE_PANE = "timeline-pane"
TIMELINE_PLOT = "timeline-plot"
TIMELINE_LABELS = "timeline-labels"
READER = "reader"
READER_CLOSE = "reader-close"
READER_BODY = "reader-body"
READER_TITLE = "reader-title"
ARTICLE_TEXT = "article-text"
SEARCH = "search"
PERSON_FILTER = "person-filter"
PLACE_FILTER = "place-filter"

# -- the live bar (live_view.py) -------------------------------------------------------
LIVE_BAR = "live-bar"
EDITOR_TOGGLE = "editor-toggle"
LIVE_POLL = "live-poll"
LIVE_STATE = "live-state"
LIVE_SHOW = "live-show"
PREVIEW_BANNER = "preview-banner"
PREVIEW_TEXT = "preview-text"
PREVIEW_BACK = "preview-back"
PREVIEW_DROP = "preview-drop"
PREVIEW_UPLOAD = "preview-upload"
UPLOAD_MESSAGE = "upload-message"
PROBLEMS_PANEL = "problems-panel"
PROBLEMS_SUMMARY = "problems-summary"
PROBLEMS_LIST = "problems-list"

# -- the proposed layer (filters.py, proposed_view.py, assets/timeline-proposed.js) ---
PROPOSED_TOGGLE = "proposed-toggle"
PROPOSED_CARD = "proposed-card"
PROPOSED_CSV = "proposed-csv"
PROPOSED_COPY = "proposed-copy"

# -- any text as a timeline (paste_view.py) ------------------------------------------
PASTE_PANEL = "paste-panel"
PASTE_TEXT = "paste-text"
PASTE_UPLOAD = "paste-upload"
PASTE_SHOW = "paste-show"
PASTE_MESSAGE = "paste-message"
PASTE_MARKED = "paste-marked"
PASTE_ROWS = "paste-rows"
PASTE_DOWNLOAD = "paste-download"
PASTE_DOWNLOAD_BUTTON = "paste-download-button"

# -- pattern-matching ids: {"type": TYPE, "index": ...} -------------------------------
ZOOM = "zoom"
CAT_CHIP = "cat-chip"
CAT_COUNT = "cat-count"
EVENT_LINK = "event-link"
PERSON_LINK = "person-link"
MENTION_LINK = "mention-link"
ARTICLE_LINK = "article-link"
"""An article of the index (:mod:`.article_index`): index = the article's id."""
"""A date in the reader's article that an event quotes: index ``"<event id>@<offset>"`` (a date's place in the text keeps two links to one event apart)."""


def pattern(kind: str, index) -> dict:
    """A pattern-matching id: ``{"type": kind, "index": index}`` (``index`` may be ``ALL``)."""
    return {"type": kind, "index": index}


NAMES = frozenset(value for name, value in dict(globals()).items() if name.isupper() and isinstance(value, str))
"""Every id and pattern type above."""
