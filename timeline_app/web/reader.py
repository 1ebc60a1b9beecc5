"""The reader panel: the selected event's article, its quote highlighted, its dates marked.

Article and event text is user-written, so it is only ever given to Dash as
plain strings (React escapes them) inside ``html.Mark`` and ``html.Span``
elements (:mod:`.article_marks`): never parsed as HTML or Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import html

from ..data.catalog import Catalog, is_life
from ..data.dataset import Event
from ..data.media import Media
from . import ids
from .article_index import article_index
from .article_marks import marked_body
from .media_route import media_url

MAX_LINKS = 50
"""Longer lists of related events end in "and N more" (a person may have thousands)."""


def event_link(catalog: Catalog, position: int):
    """A button that selects an event and moves the timeline to it."""
    event = catalog.events[position]
    return html.Li(html.Button(
        [html.Span(event.date_label, className="link-date"), " ", event.title],
        id=ids.pattern(ids.EVENT_LINK, event.id), n_clicks=0, className="event-link",
    ))


def _links(catalog: Catalog, title: str, positions: list[int], extra=None) -> html.Section:
    items = [event_link(catalog, p) for p in positions[:MAX_LINKS]]
    if len(positions) > MAX_LINKS:
        items.append(html.Li(f"and {len(positions) - MAX_LINKS} more", className="more"))
    return html.Section([html.H3(title), extra, html.Ul(items, className="links")], className="related")


def media_image(media: Media, class_name: str = "") -> html.Img:
    """An event's image; a remote one is asked for without a Referer, so its site is not
    told which page, or which event, it is shown on."""
    return html.Img(src=media_url(media), alt=media.alt, referrerPolicy="no-referrer", className=class_name)


def media_figure(event: Event, class_name: str):
    """The event's image as a ``figure`` (image, caption, credit), or None when it has none to show.

    Alt text, caption and credit are the editor's text, given to Dash as
    plain strings; the image comes from the app's own media route, or from a
    site the media_origins setting allows.
    """
    media = event.media
    if media is None or not media.shown:
        return None
    notes = [html.Span(media.caption, className="media-caption") if media.caption else None,
             html.Span(media.credit, className="media-credit") if media.credit else None]
    return html.Figure([media_image(media),
                        html.Figcaption(notes) if media.caption or media.credit else None],
                       className=class_name)


def reader_panel(catalog: Catalog, position: int) -> list:
    """The head (category, the date as written, title), the article with the quote marked, related events."""
    event = catalog.events[position]
    category = catalog.categories.get(event.category)
    article = catalog.articles.get(event.article)
    # The head stays at the top of the panel while the article scrolls to the quote (timeline.css).
    children = [html.Div([
        html.P([html.Span(category.label if category else event.category, className="reader-category",
                          style={"borderColor": category.colour if category else "#777"}),
                html.Span(event.date_label, className="reader-date")], className="reader-meta"),
        html.H2(event.title, id=ids.READER_TITLE),
    ], className="reader-head")]
    figure = media_figure(event, "reader-media")
    if figure is not None:
        children.append(figure)
    if event.description:
        children.append(html.P(event.description, className="reader-description"))
    if article is None:  # an uploaded row may cite none (a warning; a row citing an unknown one is refused)
        children.append(html.P(f"The article '{event.article}' is not in the dataset." if event.article
                               else "This event cites no article of the dataset.", className="reader-warning"))
        return children
    marked = marked_body(catalog, article, event.quote)
    if event.quote and event.quote not in article.body:
        children.append(html.P("The quote was not found in this article.", className="reader-warning"))
    children += [html.H3(article.title, className="article-title"),
                 html.Div(marked, className="article-text", id=ids.ARTICLE_TEXT)]
    others = [p for p in catalog.by_article.get(event.article, []) if p != position]
    if others:
        children.append(_links(catalog, "Also in this article", others))
    if is_life(event) and event.people:
        person = event.people[0]
        theirs = [p for p in catalog.by_person.get(person, []) if p != position]
        show_only = html.Button(f"Show only {person}'s events", id=ids.pattern(ids.PERSON_LINK, person),
                                n_clicks=0, className="person-link")
        children.append(_links(catalog, f"Events in the life of {person}", theirs, show_only))
    return children


def article_panel(catalog: Catalog, article_id: str, drafts: int) -> list:
    """An opened article with no event selected (one no event cites yet): its title, what the
    timeline has of it, and its text with its dates marked; links to its events when it has some."""
    article = catalog.articles[article_id]
    positions = catalog.by_article.get(article_id, [])
    if positions:
        note = "Select one of its events to read it beside its quote."
    else:
        note = ("No event cites this article yet. "
                + (f"The proposed layer (the Proposed button) has {drafts} draft event"
                   f"{'' if drafts == 1 else 's'} for its dates." if drafts
                   else "Add its events to events.csv to see them on the timeline."))
    children = [html.Div(html.H2(article.title, id=ids.READER_TITLE), className="reader-head"),
                html.P(note, className="reader-note"),
                html.Div(marked_body(catalog, article, ""), className="article-text", id=ids.ARTICLE_TEXT)]
    if positions:
        children.append(_links(catalog, "Events in this article", positions))
    return children


def empty_reader(catalog: Catalog, drafts: Mapping[str, int]) -> list:
    """The hint, then the article index (an article opens with its events to step through);
    ``drafts``: the proposed rows per article id, for the articles no event cites yet."""
    return [html.P("Select an event on the timeline (click it, or focus the timeline and use the "
                   "arrow keys) to read the article it comes from, or open an article:", className="reader-empty"),
            article_index(catalog, drafts)]


def gone_reader() -> list:
    """A preview the server no longer keeps (``current.Previews`` holds the last few): say what to do."""
    return [html.P("The server no longer holds this preview (it keeps the last few): pick the file again, "
                   "or go back to the shipped data.", className="reader-warning")]
