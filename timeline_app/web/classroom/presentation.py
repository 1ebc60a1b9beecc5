"""Presentation mode and lessons: the timeline projected in a classroom.

Both live in the URL, next to the view (:mod:`timeline_app.url_state`):

* ``present=1``: presentation mode.  The page gets the class ``presenting``
  on ``<html>`` (``assets/classroom-themes.js``): large type scaled to the screen,
  a high-contrast look, the controls put away and the selected event's
  card large (``assets/presentation.css``).  Keys anywhere on the page:
  ← → step, + − zoom, Home/End first/last event, Esc leaves.
* ``lesson=id1,id2,...``: a sequence of events a teacher picked, in the
  teacher's order.  In presentation mode ← → Home End step through those
  events only.  "Present the lesson" opens on the title card (the dataset's
  title and description, :mod:`timeline_app.data.title_card`), as a lesson's
  first step; → goes on to its first event.

The toggles change the URL in the browser (``dash_clientside.set_props`` on
``url.search``), so the one server callback that owns the view
(:mod:`timeline_app.callbacks`) reads them like any link, and Back leaves
presentation mode.  This module only renders what depends on them: the
lesson list, the progress line ("Event 2 of 5") and the positions the
browser steps through (the ``lesson-info`` store).
"""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, dcc, html

from ...data.catalog import Catalog
from ...data.title_card import TitleCard
from ...view.url_state import from_store
from .. import ids
from ..clientside import clientside
from ..current import CurrentData

NAMESPACE = "classroom"

LESSON_REMOVE = {"type": "lesson-remove", "index": ALL}

PRESENT_HELP = ("Presentation mode: large type and high contrast for a projector. "
                "Keys: ← → step through events (the lesson's, if there is one), + − zoom, "
                "Home and End first and last event, Esc leaves.")


def toolbar_buttons() -> list:
    """The presentation and lesson buttons of the classroom bar."""
    return [
        html.Button("Present", id="present-toggle", n_clicks=0, className="cr-button present-toggle keep",
                    title=PRESENT_HELP, **{"aria-pressed": "false", "aria-label": present_label(False)}),
        html.Button(["Lesson ", html.Span("0", id="lesson-count", className="badge")], id="lesson-toggle",
                    n_clicks=0, className="cr-button lesson-toggle",
                    title="Pick a sequence of events to step through in presentation mode",
                    **{"aria-expanded": "false", "aria-controls": "lesson-panel",
                       "aria-label": lesson_label(0)}),
    ]


def present_label(present: bool) -> str:
    """The Present button's name: its visible text first, so a voice user can say what they see."""
    return "Exit presentation" if present else "Present: presentation mode for a projector"


def lesson_label(count: int) -> str:
    """The Lesson button's name, starting with its visible text ("Lesson 3")."""
    return f"Lesson {count}: pick events to step through"


def title_card(card: TitleCard | None) -> html.Section | None:
    """The dataset's title and description, shown in presentation mode before the first event
    (presentation.css shows it while no event is selected; → steps to the first)."""
    if card is None:
        return None
    return html.Section([
        html.H2(card.title, id="title-card-heading"),
        html.P(card.description, className="title-card-description") if card.description else None,
        html.P("Press → to start.", className="title-card-hint"),
    ], id="title-card", className="title-card", **{"aria-labelledby": "title-card-heading"})


def step_buttons() -> html.Div:
    """Previous/next for an interactive whiteboard, which has no keys: large, shown only in
    presentation mode (presentation.css); they step as ← → do (classroom-presentation.js)."""
    return html.Div([
        html.Button("‹", id="step-previous", className="step-button", **{"aria-label": "Previous event"}),
        html.Button("›", id="step-next", className="step-button", **{"aria-label": "Next event"}),
    ], className="step-buttons keep", role="group", **{"aria-label": "Step through the events"})


def progress() -> html.P:
    """"Event 2 of 5 in the lesson", shown in presentation mode."""
    return html.P(id="lesson-progress", className="lesson-progress keep", role="status")


def lesson_panel() -> html.Section:
    return html.Section([
        html.H2("Lesson", id="lesson-heading", className="panel-heading"),
        html.P("Select an event on the timeline or in the table, then add it. In presentation mode "
               "the arrow keys step through the lesson's events in this order.", className="panel-help"),
        html.Ol(empty_lesson(), id="lesson-list", className="lesson-list"),
        html.Div([
            html.Button("Add the selected event", id="lesson-add", n_clicks=0, className="cr-button",
                        disabled=True, **{"aria-label": "Add the selected event to the lesson"}),
            html.Button("Present the lesson", id="lesson-present", n_clicks=0, className="cr-button primary",
                        disabled=True, **{"aria-label": "Present the lesson in presentation mode"}),
            html.Button("Clear", id="lesson-clear", n_clicks=0, className="cr-button", disabled=True,
                        **{"aria-label": "Clear: remove every event from the lesson"}),
            html.Button("Close", id="lesson-close", n_clicks=0, className="cr-button",
                        **{"aria-label": "Close the lesson panel"}),
        ], className="panel-actions"),
    ], id="lesson-panel", className="cr-panel floating lesson-panel", hidden=True,
        **{"aria-labelledby": "lesson-heading"})


EMPTY_INFO = {"present": False, "ids": []}
"""``lesson-info`` with no lesson: the layout starts with it, so a first visit asks the server nothing."""


def empty_lesson() -> list:
    return [html.Li("No events yet.", className="lesson-empty")]


def stores() -> list:
    # lesson-query: what the lesson callback depends on, written by the browser only when it changes.
    return [dcc.Store(id="lesson-info", data=EMPTY_INFO), dcc.Store(id="lesson-query")]


class Presentation:
    """Server side of presentation mode: what the view's ``present``/``lesson`` imply."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def lesson(self, query):
        """Dash callback: lesson store, list, buttons and progress line.

        ``query`` (``lesson-query``) is ``{"present", "lesson", "event"}``: the view's presentation
        flag and lesson, and the selected event's id while it matters (a lesson exists or its panel
        is open).  The browser writes it only when one of these changes, so zooming, filtering
        and most selections cost no request (``assets/classroom-lessons.js``, ``lessonQuery``).
        """
        query = query if isinstance(query, dict) else {}
        state = from_store(query)
        positions = [p for p in (self.catalog.find(i) for i in state.lesson) if p is not None]
        info = {"present": state.present, "ids": [self.catalog.events[p].id for p in positions]}
        items = [self._item(position) for position in positions]
        if not items:
            items = empty_lesson()
        selected_id = state.event
        can_add = selected_id is not None and selected_id not in info["ids"]
        line = ""
        if state.present and positions:
            at = info["ids"].index(selected_id) + 1 if selected_id in info["ids"] else None
            line = (f"Lesson: event {at} of {len(positions)}" if at
                    else f"Lesson: {len(positions)} events, press → to start")
        elif state.present:
            line = "Presentation mode: Esc leaves"
        return (info, items, str(len(positions)), not can_add, not positions, not positions, line,
                "true" if state.present else "false", "Exit presentation" if state.present else "Present",
                present_label(state.present), lesson_label(len(positions)))

    def _item(self, position: int) -> html.Li:
        event = self.catalog.events[position]
        return html.Li([
            html.Span(event.date_label, className="lesson-date"), " ",
            html.Span(event.title, className="lesson-title"), " ",
            html.Button("Remove", id={"type": "lesson-remove", "index": event.id}, n_clicks=0,
                        className="cr-button small", **{"aria-label": f"Remove {event.title} from the lesson"}),
        ], className="lesson-item")


def register(app: Dash, current: CurrentData) -> None:
    presentation = current.per_version(Presentation)
    app.callback(
        output=[Output("lesson-info", "data"), Output("lesson-list", "children"), Output("lesson-count", "children"),
                Output("lesson-add", "disabled"), Output("lesson-present", "disabled"),
                Output("lesson-clear", "disabled"), Output("lesson-progress", "children"),
                Output("present-toggle", "aria-pressed"), Output("present-toggle", "children"),
                Output("present-toggle", "aria-label"), Output("lesson-toggle", "aria-label")],
        inputs=dict(query=Input("lesson-query", "data")), state=dict(drawn=State(ids.TIMELINE_READY, "data")),
        prevent_initial_call=True,
    )(presentation.callback("lesson"))
    clientside(app, NAMESPACE, "lessonQuery", Output("lesson-query", "data"), Input("view", "data"),
               Input("selected", "data"),
               Input("lesson-panel", "hidden"))
    clientside(app, NAMESPACE, "applyView", Input("view", "data"), Input("lesson-info", "data"))
    clientside(app, NAMESPACE, "togglePresent", Input("present-toggle", "n_clicks"), prevent_initial_call=True)
    clientside(app, NAMESPACE, "togglePanel", Output("lesson-panel", "hidden"),
               Output("lesson-toggle", "aria-expanded"),
               Input("lesson-toggle", "n_clicks"), Input("lesson-close", "n_clicks"),
               State("lesson-panel", "hidden"), prevent_initial_call=True)
    clientside(app, NAMESPACE, "editLesson", Input("lesson-add", "n_clicks"), Input("lesson-clear", "n_clicks"),
               Input("lesson-present", "n_clicks"), Input(LESSON_REMOVE, "n_clicks"),
               State("selected", "data"), State("lesson-info", "data"), prevent_initial_call=True)
