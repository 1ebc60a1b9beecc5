"""Classroom and accessibility features, wired into the page in three places.

* :func:`classroom_toolbar` goes in the page header: a skip link to the
  timeline, then Present, Lesson, Table, Share, the exports, Print and the
  theme switch.
* :func:`classroom_panels` goes after the timeline and reader: the lesson,
  share and table panels, the printed handout and the stores these use.
* :func:`register` registers their callbacks (before
  ``security.harden``, which must see every callback).

The features themselves live in :mod:`presentation`, :mod:`share`,
:mod:`table_view` and :mod:`export_view`; the browser side in
``assets/classroom-*.js`` and the
``classroom.css``, ``presentation.css`` and ``print.css`` stylesheets.

Themes: light and dark, following the system (``prefers-color-scheme``)
until the reader picks one with the switch (kept in ``localStorage``); the
page's ``<html>`` element carries ``data-theme`` and, in presentation mode,
the class ``presenting``.
"""

from __future__ import annotations

from dash import Dash, html

from ..current import CurrentData
from ..live_view import editor_toggle
from . import export_view, presentation, share, table_view

LANGUAGE = "en"


def classroom_toolbar() -> html.Nav:
    return html.Nav([
        html.A("Skip to the timeline", href="#timeline-pane", className="skip-link"),
        *presentation.toolbar_buttons(),
        presentation.progress(),
        presentation.step_buttons(),
        table_view.toolbar_button(),
        share.toolbar_button(),
        html.Span([*export_view.toolbar_buttons()], className="cr-group", role="group",
                  **{"aria-label": "Export"}),
        editor_toggle(),
        html.Button("Dark", id="theme-toggle", n_clicks=0, className="cr-button theme-toggle keep",
                    title="Switch between the light and the dark theme",
                    **{"aria-pressed": "false", "aria-label": "Dark theme"}),
    ], id="classroom-bar", className="classroom-bar", **{"aria-label": "Classroom tools"})


def classroom_panels(title: str) -> html.Div:
    return html.Div([
        *presentation.stores(), *share.stores(), *table_view.stores(), *export_view.stores(title),
        presentation.lesson_panel(),
        share.share_panel(),
        table_view.table_panel(),
        export_view.handout(title),
        html.P(id="classroom-announce", className="visually-hidden", role="status"),
    ], className="classroom-panels")


def register(app: Dash, current: CurrentData, title: str) -> None:
    """The classroom features' callbacks (on the request's data), and ``<html lang>`` for screen readers."""
    presentation.register(app, current)
    share.register(app)
    export_view.register(app, current, title)
    table_view.register(app, current)
    if "<html>" in app.index_string:
        app.index_string = app.index_string.replace("<html>", f'<html lang="{LANGUAGE}">', 1)
