"""Callbacks of the timeline app, registered on one app by :func:`register`.

One server callback, :func:`ViewController.update`, owns the view state (range,
filters, selection) and the URL: every control, the URL (first load, back,
forward) and the timeline's own zoom and clicks feed it, and it is the only
writer of the ``view``/``selected`` stores and of the URL.  Keeping that in
one callback is what lets the URL be both an input and an output without a
loop: Dash does not re-run a callback for a value it wrote itself.

A category chip is a toggle, so its click is read from its count, not from
being the trigger: the ``view`` store records each chip's ``n_clicks``, and
every call toggles the chips clicked an odd number of times since.  Dash
sends a callback again when one of its inputs changes while it is in
flight, and drops the earlier answer; a chip clicked just before the
browser reports a zoom would otherwise be lost.  The address is held the
same way: the ``view`` store records the address it stands for, and a call
whose address differs (Esc, a lesson change or Back, whose own call was
dropped for this one) reads the address first, then applies its trigger.
The browser's reports (``graph-range``, ``graph-click``, ``key-select``)
carry the time they were made (``at``) and the ``view`` store records the
last one of each it has applied, so a call applies a report whose own call
was dropped before its trigger: a clicker's key pressed while the browser
reports the fitted range of a link just opened is not lost.

URL writes go to ``url.search``, which ``dcc.Location`` pushes as a history
entry, so back/forward step through what the reader did.  The browser
reports a zoom or pan once the gesture has come to rest, so a turn of the
wheel makes one entry, not one per notch.  A URL just read (first load,
back, forward) is never written back, even when it was malformed: its bad
parts were dropped, the view is the default, and the next change writes a
clean URL.

Drawing, counting and label placement run in the browser (``assets/*.js``,
namespace ``dash_clientside.timeline``) from the event store, so none of them
costs a request; the browser reports zooms and clicks on the timeline
through the ``graph-range`` and ``graph-click`` stores.

Events are named by their id, never by a position: the browser may have
drawn another version of the data than the one this request reads
(``current.py``), and a position means another event there.

An upload preview is other data (``live_view.py``): the callbacks take
``timeline-ready`` (``drawn``), which names the data the page drew, and work
on its catalog (``current.py``), so an id selects the previewed event.  The
view and reader callbacks take ``timeline-drawn`` instead, written in the
browser from ``timeline-ready`` only when the page draws other data than its
first (a preview, or a new version of the shipped data: a new article for the
reader's index), so a page load asks nothing more of the server.  The
``view`` store records which preview it stands for (``preview``); when the
page draws another one, the view starts over on it (all its events fitted,
nothing selected) and keeps the shipped data's address (``shipped``), which
"Back to the shipped data" brings back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from dash import ALL, Dash, Input, Output, State, ctx, dcc, no_update

from ..data.catalog import Catalog
from ..view import navigation
from ..view.url_state import (
    ViewState,
    Vocabulary,
    canonical,
    from_store,
    parse_query,
    store_data,
    to_query,
)
from ..view.visible import VisibleEvents
from . import ids
from .article_index import events_in_text_order
from .clientside import clientside
from .current import GONE, CurrentData, preview_key
from .proposed_view import Drafts
from .reader import article_panel, empty_reader, gone_reader, reader_panel

ZOOM = ids.pattern(ids.ZOOM, ALL)
CHIP = ids.pattern(ids.CAT_CHIP, ALL)
CHIP_COUNT = ids.pattern(ids.CAT_COUNT, ALL)
EVENT_LINK = ids.pattern(ids.EVENT_LINK, ALL)
PERSON_LINK = ids.pattern(ids.PERSON_LINK, ALL)
MENTION_LINK = ids.pattern(ids.MENTION_LINK, ALL)
ARTICLE_LINK = ids.pattern(ids.ARTICLE_LINK, ALL)

VIEW_OUTPUTS = dict(
    view=Output(ids.VIEW, "data"), selected=Output(ids.SELECTED, "data"), url=Output(ids.URL, "search"),
    people=Output(ids.PERSON_FILTER, "value"), places=Output(ids.PLACE_FILTER, "value"),
    people_options=Output(ids.PERSON_FILTER, "options", allow_duplicate=True),
    places_options=Output(ids.PLACE_FILTER, "options", allow_duplicate=True),
    query=Output(ids.SEARCH, "value"))
VIEW_INPUTS = dict(
    search=Input(ids.URL, "search"), chips=Input(CHIP, "n_clicks"), people=Input(ids.PERSON_FILTER, "value"),
    places=Input(ids.PLACE_FILTER, "value"), query=Input(ids.SEARCH, "value"), zoom=Input(ZOOM, "n_clicks"),
    graph_range=Input(ids.GRAPH_RANGE, "data"), click=Input(ids.GRAPH_CLICK, "data"),
    links=Input(EVENT_LINK, "n_clicks"), person_links=Input(PERSON_LINK, "n_clicks"),
    mention_links=Input(MENTION_LINK, "n_clicks"), article_links=Input(ARTICLE_LINK, "n_clicks"),
    key=Input(ids.KEY_SELECT, "data"), close=Input(ids.READER_CLOSE, "n_clicks"),
    drawn=Input(ids.TIMELINE_DRAWN, "data"))
VIEW_STATE = dict(view=State(ids.VIEW, "data"), shown_range=State(ids.SHOWN_RANGE, "data"))
UNCHANGED = {name: no_update for name in VIEW_OUTPUTS}


@dataclass(frozen=True)
class Change:
    """What one trigger did to the view."""

    state: ViewState
    move: bool = False
    """The app moved the range (the browser applies ``state``'s range)."""
    controls: bool = False
    """The filter controls must show ``state`` (after a URL or a reset)."""
    from_url: bool = False
    """Read from the address bar, so never written back to it."""


class ViewController:
    """Turns a trigger (URL, control, click, zoom) into the next view state."""

    def __init__(self, catalog: Catalog, drafts: Mapping[str, int]):
        self.catalog = catalog
        self.drafts = drafts
        """The proposed rows per article id, for the article index."""
        self.vocabulary = Vocabulary(
            categories=tuple(catalog.categories), people=frozenset(catalog.people),
            places=frozenset(catalog.places), events=frozenset(catalog.index),
            articles=frozenset(catalog.articles))
        self.visible = VisibleEvents(catalog)

    # -- triggers -----------------------------------------------------------

    def from_url(self, search: str) -> Change:
        return Change(parse_query(search, self.vocabulary), move=True, controls=True, from_url=True)

    def toggle_category(self, state: ViewState, name: str) -> Change:
        shown = list(state.categories if state.categories is not None else self.vocabulary.categories)
        shown = [c for c in shown if c != name] if name in shown else shown + [name]
        everything = not shown or set(shown) >= set(self.vocabulary.categories)
        ordered = tuple(c for c in self.vocabulary.categories if c in shown)
        return self.filtered(state, categories=None if everything else ordered)

    def filtered(self, state: ViewState, **changes) -> Change:
        """A filter change; a view that fits the events refits to what is left.

        A selected event the filters now hide is deselected, so the reader no longer shows it: it is
        gone from the timeline, and the keys would step from an event no longer drawn.
        """
        filtered = replace(state, **changes)
        position = self.catalog.find(filtered.event)
        if position is not None and not self.visible.passes(filtered)(position):
            filtered = replace(filtered, event=None)
        return Change(filtered, move=state.start is None)

    def only_person(self, state: ViewState, person: str) -> Change:
        """"Show only X's events": that person alone, fitted, the selection kept."""
        if person not in self.vocabulary.people:
            return Change(state)
        return Change(ViewState(people=(person,), event=state.event, present=state.present, lesson=state.lesson),
                      move=True, controls=True)

    def zoom(self, state: ViewState, unit: str, shown: tuple[int, int]) -> Change:
        if unit == "reset":
            return Change(ViewState(present=state.present, lesson=state.lesson), move=True, controls=True)
        if unit == "all":
            return Change(state.with_range(None, None), move=True)
        if unit not in navigation.UNIT_YEARS:
            return Change(state)
        position = self.catalog.find(state.event)
        selected = self.catalog.extents[position] if position is not None else None
        return Change(state.with_range(*navigation.unit_window(unit, navigation.focus_day(shown, selected))),
                      move=True)

    def relayout(self, state: ViewState, data: dict) -> Change | None:
        """The reader zoomed or panned (wheel, drag, pinch, keys), or double-clicked to fit all."""
        if data.get("fit"):
            return Change(state.with_range(None, None), move=True)
        try:
            start, end = (round(float(b)) for b in data["range"])
        except (KeyError, TypeError, ValueError):
            return None
        return Change(state.with_range(start, end))

    def select(self, state: ViewState, event_id, shown: tuple[int, int] | None = None,
               only_if_hidden: bool = False) -> Change:
        """Select the event ``event_id`` (None or an unknown id clears); with ``shown``, also bring it into view."""
        position = self.catalog.find(event_id) if isinstance(event_id, str) else None
        if position is None:
            return Change(replace(state, event=None))
        state = replace(state, event=event_id)
        if shown is None:
            return Change(state)
        target = navigation.focus_range(shown, self.catalog.extents[position], only_if_hidden)
        if target == tuple(shown):
            return Change(state)
        return Change(state.with_range(*target), move=True)

    def open_article(self, state: ViewState, article_id) -> Change:
        """Only the article's events are shown (``article=``) and become the lesson (in text order), the first
        selected, the view fitted to them.  An article no event cites yet opens with nothing selected,
        fitted to what is drawn (its drafts, when the proposed layer is on): the reader shows its text."""
        if not isinstance(article_id, str) or article_id not in self.catalog.articles:
            return Change(state)
        lesson = events_in_text_order(self.catalog, article_id)
        if not lesson:
            return Change(replace(state, article=article_id, lesson=(), event=None).with_range(None, None), move=True)
        extents = [self.catalog.extents[self.catalog.find(i)] for i in lesson]
        first = min(x.outer_start for x in extents)
        last = max(max(x.outer_end for x in extents), first + 366)  # a year at least: one event is not a day wide
        opened = replace(state, article=article_id, lesson=tuple(lesson), event=lesson[0])
        return Change(opened.with_range(*navigation.padded(first, last)),
                      move=True)

    # -- the callback -------------------------------------------------------

    def switch(self, view: dict, preview: str | None) -> Change:
        """The page drew other data (a preview, or the shipped data again): its view, moved and written."""
        if preview is None:
            state = parse_query(view.get("shipped") or "", self.vocabulary)
        else:
            state = ViewState(present=from_store(view).present)
        return Change(state, move=True, controls=True)

    def update(self, search, people, places, query, graph_range, click, key, view, shown_range, drawn=None,
               **_clicks):
        """Dash callback: see the module docstring.  Returns :data:`VIEW_OUTPUTS` by name.

        ``_clicks`` are the buttons' counts (chips, zoom, links, close): what
        was clicked is read from the trigger, the chips from their counts.
        """
        before = state = from_store(view)
        clicks = chip_clicks(ctx.args_grouping.get("chips"))
        reports = {ids.GRAPH_RANGE: graph_range, ids.GRAPH_CLICK: click, ids.KEY_SELECT: key}
        stamps = {name: data["at"] for name, data in reports.items()
                  if isinstance(data, dict) and isinstance(data.get("at"), (int, float))}
        preview = preview_key(drawn)
        if isinstance(view, dict) and view.get("preview") != preview:
            # The reports so far were about the other data: recorded as applied, never replayed here.
            shipped = view.get("search") if view.get("preview") is None else view.get("shipped")
            return self.outputs(self.switch(dict(view, shipped=shipped), preview), view, search, clicks, stamps,
                                pickers=dict(people=people, places=places),
                                data=dict(preview=preview, shipped=shipped), reselect=True)
        recorded = view.get("clicks") if isinstance(view, dict) and isinstance(view.get("clicks"), dict) else {}
        toggled = [name for name, n in clicks.items()
                   if n > _count(recorded.get(name)) and (n - _count(recorded.get(name))) % 2]
        trigger = ctx.triggered_id
        value = ctx.triggered[0].get("value") if ctx.triggered else None
        unread = None if trigger in (None, ids.URL) else self.unread_address(view, search)
        if unread is not None:
            state = unread.state
        shown = self._shown(state, shown_range)
        missed = None if trigger in (None, ids.URL) else self.missed_reports(view, reports, stamps, trigger, state, shown)
        if missed is not None:
            state = missed.state
        change: Change | None = None
        if trigger in (None, ids.URL):
            if search is None:
                return UNCHANGED
            incoming = self.from_url(search)
            if view is not None and canonical(incoming.state) == canonical(state):
                return UNCHANGED
            change = incoming
        elif isinstance(trigger, dict) and value:
            kind, name = trigger.get("type"), trigger.get("index")
            if kind == ids.ZOOM:
                change = self.zoom(state, name, shown)
            elif kind == ids.EVENT_LINK:
                change = self.select(state, name, shown)
            elif kind == ids.PERSON_LINK:
                change = self.only_person(state, name)
            elif kind == ids.MENTION_LINK and isinstance(name, str):
                change = self.select(state, name.rsplit("@", 1)[0], shown)
            elif kind == ids.ARTICLE_LINK:
                change = self.open_article(state, name)
        elif trigger == ids.PERSON_FILTER:
            change = self.filtered(state, people=tuple(p for p in people or () if p in self.vocabulary.people))
        elif trigger == ids.PLACE_FILTER:
            change = self.filtered(state, places=tuple(p for p in places or () if p in self.vocabulary.places))
        elif trigger == ids.SEARCH:
            change = self.filtered(state, query=(query or "").strip()[:200])
        elif isinstance(trigger, str) and trigger in reports and isinstance(reports[trigger], dict):
            change = self.report(trigger, reports[trigger], state, shown)
        elif trigger == ids.READER_CLOSE and value:  # closing the reader closes an opened article's filter too
            change = self.select(replace(state, article=None), None)
        if toggled and trigger not in (None, ids.URL):
            change = self.toggle_all(change or Change(state), toggled)
        if missed is not None:
            change = missed if change is None else replace(change, move=change.move or missed.move)
        if unread is not None:
            change = unread if change is None else replace(change, move=change.move or unread.move, controls=True)
        if change is None or (change.state == before and not change.move and view is not None):
            return UNCHANGED
        return self.outputs(change, view, search, clicks, stamps, pickers=dict(people=people, places=places),
                            data=dict(preview=preview, shipped=view.get("shipped") if preview and view else None))

    def report(self, name: str, data: dict, state: ViewState, shown: tuple[int, int]) -> Change | None:
        """What one of the browser's reports does: a zoom or pan, a click on a mark, a key's selection."""
        if name == ids.GRAPH_RANGE:
            return self.relayout(state, data)
        if name == ids.GRAPH_CLICK:
            return self.select(state, data.get("id"))
        return self.select(state, data.get("id"), shown, only_if_hidden=True)

    def missed_reports(self, view, reports: dict, stamps: dict, trigger, state: ViewState,
                       shown: tuple[int, int]) -> Change | None:
        """The browser's reports the view has not applied (their calls' answers were dropped), oldest first.

        Every answer records all the reports' times, so one not recorded either
        was dropped or changed nothing; applied again, the latter still changes
        nothing, as no answer changed the view since.
        """
        seen = view.get("seen") if isinstance(view, dict) else None
        if not isinstance(seen, dict):
            return None
        missed = sorted((at, name) for name, at in stamps.items()
                        if name != trigger and at != seen.get(name))
        change = None
        for _at, name in missed:
            step = self.report(name, reports[name], state, shown)
            if step is not None:
                change = step if change is None else replace(step, move=change.move or step.move)
                state = step.state
        return change

    def unread_address(self, view, search) -> Change | None:
        """The address, read, when it is not the one the view stands for (its call's answer was dropped)."""
        address = view.get("search") if isinstance(view, dict) else None
        if not isinstance(search, str) or not isinstance(address, str) or search == address:
            return None
        return self.from_url(search)

    def toggle_all(self, change: Change, names: list[str]) -> Change:
        """``change`` with the category chips ``names`` toggled on top."""
        state, move = change.state, change.move
        for name in names:
            toggled = self.toggle_category(state, name)
            state, move = toggled.state, move or toggled.move
        return replace(change, state=state, move=move)

    def outputs(self, change: Change, view: dict | None, search: str | None, clicks: dict[str, int],
                stamps: dict, pickers: dict[str, list | None], data: dict, reselect: bool = False):
        """The callback's answer; ``pickers`` are the Person and Place pickers' values as sent,
        ``data`` which data the view stands for; ``reselect``: the reader must show the selection
        again (the same id may be another event in the data now drawn)."""
        state = change.state
        previous = view if isinstance(view, dict) else {}
        rev = int(previous.get("rev") or 0) + (1 if change.move else 0)
        selected = self.selection(state)
        # The layout starts with nothing selected: a first visit without an event leaves it so
        # (and the reader's callback unasked).
        old_selected = self.selection(from_store(view)) if view is not None else None
        target = to_query(state)
        # An address that already reopens this view keeps its words (a range the browser wrote as
        # 1914-03-25 where this would write 1914): each rewording is a history entry of its own,
        # and Back would reopen the same view (a teacher's Back after Esc stayed out of presenting).
        rewrite = not change.from_url and target != (search or "")
        if rewrite and search:
            rewrite = canonical(self.from_url(search).state) != canonical(state)
        url_search = target if rewrite else no_update
        address = (search or "") if url_search is no_update else target
        controls = dict(people=list(state.people), places=list(state.places), query=state.query)
        return dict(view=dict(store_data(state), rev=rev, clicks=clicks, search=address, seen=stamps, **data),
                    selected=selected if reselect or selected != old_selected else no_update, url=url_search,
                    **(controls if change.controls else {name: no_update for name in controls}),
                    **{f"{name}_options": picker_options(controls[name], pickers.get(name), change.controls)
                       for name in ("people", "places")})

    def selection(self, state: ViewState) -> dict | None:
        """What the reader shows (the ``selected`` store): the selected event, else the opened
        article (``article=`` with no event selected, as one no event cites yet opens), else nothing."""
        if self.catalog.find(state.event) is not None:
            return {"id": state.event}
        return {"article": state.article} if state.article in self.catalog.articles else None

    def _shown(self, state: ViewState, shown_range) -> tuple[int, int]:
        """The range on screen: the browser's report, else the state's, else everything."""
        if isinstance(shown_range, list) and len(shown_range) == 2:
            try:
                return int(shown_range[0]), int(shown_range[1])
            except (TypeError, ValueError):
                pass
        if state.start is not None:
            return state.start, state.end
        return self.catalog.span

    def reader(self, selected):
        """Dash callback: the reader panel for the selected event (by its id), or the opened article
        (by its id), or the hint and the article index; again when the page draws other data (a
        reload, a preview), so a new article is listed at once."""
        if self.catalog is GONE:
            return dict(children=gone_reader(), className="reader")
        event_id = selected.get("id") if isinstance(selected, dict) else None
        position = self.catalog.find(event_id) if isinstance(event_id, str) else None
        article_id = selected.get("article") if isinstance(selected, dict) else None
        if position is None and isinstance(article_id, str) and article_id in self.catalog.articles:
            return dict(children=article_panel(self.catalog, article_id, self.drafts.get(article_id, 0)),
                        className="reader open")
        if position is None:
            return dict(children=empty_reader(self.catalog, self.drafts), className="reader")
        return dict(children=reader_panel(self.catalog, position), className="reader open")


def picker_options(chosen: list[str], value, controls: bool):
    """The options a picker needs for the names the view chose, when it is to show new ones.

    Dash's dropdown drops from its ``value`` every name not among its
    ``options`` at that moment, and on a first load the options (counted in the
    browser, assets/timeline-filters.js) come only after the data: without
    these, a link's ``?person=`` or ``?place=`` was emptied as it opened.
    The browser's next count replaces them, since the picker's value changed.
    """
    if not controls or not chosen or chosen == (value or []):
        return no_update
    return [{"label": name, "value": name} for name in chosen]


def _count(value) -> int:
    """A click count as sent by the browser (anything else counts as no click)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def chip_clicks(inputs) -> dict[str, int]:
    """{category: n_clicks} of the chips, from Dash's list of the pattern input's values."""
    clicks = {}
    for item in inputs if isinstance(inputs, list) else ():
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, dict) and isinstance(ident.get("index"), str):
            clicks[ident["index"]] = _count(item.get("value"))
    return clicks


def register(app: Dash, current: CurrentData, drafts: Drafts) -> None:
    """The view-state and reader callbacks (one controller per version of the data) and the drawing;
    ``drafts`` counts the proposed rows per article for the article index."""
    controller = current.per_version(lambda catalog: ViewController(catalog,
                                                                    drafts.per_article(current.snapshot(), catalog)))
    app.layout.children.append(dcc.Store(id=ids.TIMELINE_DRAWN, data={"key": None}))
    clientside(app, "timeline", "drawnData", Output(ids.TIMELINE_DRAWN, "data"), Input(ids.TIMELINE_READY, "data"),
               State(ids.TIMELINE_DRAWN, "data"), State(ids.TIMELINE_SOURCE, "data"), prevent_initial_call=True)

    def update(drawn=None, **inputs):
        return controller(drawn).update(drawn=drawn, **inputs)

    # 'initial_duplicate': the first load must run it, and it shares the pickers' options (see picker_options).
    app.callback(output=VIEW_OUTPUTS, inputs=VIEW_INPUTS, state=VIEW_STATE,
                 prevent_initial_call="initial_duplicate")(update)
    # The layout starts with the empty reader: a selection asks for another, other data drawn (a
    # reload or a preview; never a page's first data, so a first visit asks nothing more) for a
    # fresh one.  ``drawn`` names the data the page drew, so the catalog to read.
    app.callback(output=dict(children=Output(ids.READER_BODY, "children"),
                             className=Output(ids.READER, "className")),
                 inputs=dict(selected=Input(ids.SELECTED, "data"), drawn=Input(ids.TIMELINE_DRAWN, "data")),
                 prevent_initial_call=True)(controller.callback("reader"))
    source = State(ids.TIMELINE_SOURCE, "data")
    ready, view = Input(ids.TIMELINE_READY, "data"), Input(ids.VIEW, "data")
    clientside(app, "timeline", "render", Output(ids.SHOWN_RANGE, "data"),
               ready, view, Input(ids.SELECTED, "data"), source)
    clientside(app, "timeline", "filterOptions", Output(CHIP_COUNT, "children"), Output(CHIP, "className"),
               Output(ids.SHOWN_COUNT, "children"), ready, view, source)
    for picker, function in ((ids.PERSON_FILTER, "personOptions"), (ids.PLACE_FILTER, "placeOptions")):
        clientside(app, "timeline", function, Output(picker, "options"), Input(picker, "search_value"),
                   Input(picker, "value"), ready, view, source)
    clientside(app, "timeline", "showQuote", Input(ids.READER_BODY, "children"))
