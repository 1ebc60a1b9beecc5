"""The reader panel: the selected event's article, its quote highlighted, its dates marked.

Article and event text is user-written, so it is only ever given to Dash as
plain strings (React escapes them) inside ``html.Mark`` and ``html.Span``
elements (:mod:`.article_marks`): never parsed as HTML or Markdown.
"""

from __future__ import annotations

from dash import html

from ..data.catalog import Catalog, is_life
from . import ids
from .article_index import article_index
from .article_marks import marked_body

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
    if event.description:
        children.append(html.P(event.description, className="reader-description"))
    if article is None:
        children.append(html.P(f"The article '{event.article}' is missing.", className="reader-warning"))
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


def empty_reader(catalog: Catalog) -> list:
    """The hint, then the article index (an article opens with its events to step through)."""
    return [html.P("Select an event on the timeline (click it, or focus the timeline and use the "
                   "arrow keys) to read the article it comes from, or open an article:", className="reader-empty"),
            article_index(catalog)]
