"""The article index: the source articles, each with its number of events, to open one.

Opening an article shows only its events (``article=`` in the address),
makes them the lesson (``lesson=``, in the order their quotes stand in the
text), selects the first and fits the timeline to them: the reader shows the article, and the arrow keys step
through its events in text order as through any lesson (timeline-keys.js).
An article no event cites yet (one just dropped into ``sources/``) opens
too, labelled "no events yet" and with how many drafts the proposed layer
has for it: the reader shows its text, and with the layer on its drafts are
what the timeline draws (``article=`` filters them as it filters events).
The index sits in the reader while no event is selected.  Titles are
user-written: plain strings in buttons, never HTML.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import html

from ..data.catalog import Catalog
from ..view.url_state import MAX_LESSON
from . import ids


def events_in_text_order(catalog: Catalog, article_id: str) -> list[str]:
    """The ids of the article's events, by where their quote stands in its body (unfound quotes last)."""
    article = catalog.articles.get(article_id)
    body = article.body if article else ""
    events = [catalog.events[p] for p in catalog.by_article.get(article_id, [])]
    place = {e.id: (body.find(e.quote) if e.quote else -1) for e in events}
    return [e.id for e in sorted(events, key=lambda e: (place[e.id] < 0, place[e.id]))][:MAX_LESSON]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def article_count(events: int, drafts: int) -> str:
    """What the index says of an article: its events, or that it has none yet (and its drafts, if any)."""
    if events:
        return f"({_plural(events, 'event')})"
    return f"(no events yet, {_plural(drafts, 'draft')})" if drafts else "(no events yet)"


def article_index(catalog: Catalog, drafts: Mapping[str, int]) -> html.Nav:
    """A button per article, by title, with its event count (``drafts``: proposed rows per article id)."""
    items = []
    for article in sorted(catalog.articles.values(), key=lambda a: a.title.casefold()):
        count = len(catalog.by_article.get(article.id, []))
        items.append(html.Li(html.Button(
            [article.title, " ", html.Span(article_count(count, drafts.get(article.id, 0)),
                                           className="article-count")],
            id=ids.pattern(ids.ARTICLE_LINK, article.id), n_clicks=0, className="article-link")))
    return html.Nav([html.H3("Articles"), html.Ul(items, className="links")], className="article-index",
                    **{"aria-label": "Articles"})
