"""The article index: the source articles, each with its number of events, to open one.

Opening an article shows only its events (``article=`` in the address),
makes them the lesson (``lesson=``, in the order their quotes stand in the
text), selects the first and fits the timeline to them: the reader shows the article, and the arrow keys step
through its events in text order as through any lesson (timeline-keys.js).
The index sits in the reader while no event is selected.  Titles are
user-written: plain strings in buttons, never HTML.
"""

from __future__ import annotations

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


def article_index(catalog: Catalog) -> html.Nav:
    """A button per article, by title, with its event count."""
    items = []
    for article in sorted(catalog.articles.values(), key=lambda a: a.title.casefold()):
        count = len(catalog.by_article.get(article.id, []))
        items.append(html.Li(html.Button(
            [article.title, " ", html.Span(f"({count} event{'' if count == 1 else 's'})", className="article-count")],
            id=ids.pattern(ids.ARTICLE_LINK, article.id), n_clicks=0, className="article-link",
            disabled=count == 0)))
    return html.Nav([html.H3("Articles"), html.Ul(items, className="links")], className="article-index",
                    **{"aria-label": "Articles"})
