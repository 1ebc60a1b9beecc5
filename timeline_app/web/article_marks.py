"""The article in the reader with every date mention marked: on the timeline or not.

The reader shows the whole article with the selected event's quote in a
``Mark`` (its dates are the event's), and every other date the extractor
finds in it marked too, by the rule of ``check --coverage``
(:mod:`timeline_app.extract.coverage`): a date inside the quote of one of
the article's events is "on the timeline" (its tooltip names the events),
any other is "not on the timeline".  A date on the timeline is a button
that selects its (first) event and moves the timeline to it, like the
reader's event links.  Article text stays plain strings inside
``Span``/``Mark`` elements (React escapes them), never HTML.
"""

from __future__ import annotations

import functools

from dash import html

from ..data.catalog import Catalog
from ..data.sources import Article
from ..extract.coverage import MentionCoverage, article_coverage
from ..extract.extractor import default_periods, extract_article
from . import ids

ON = "mention on-timeline"
OFF = "mention off-timeline"
_STYLE = {ON: {"textDecoration": "underline", "textDecorationThickness": "2px", "font": "inherit",
              "color": "inherit", "background": "none", "border": "none", "padding": 0, "cursor": "pointer"},
          OFF: {"textDecoration": "underline dotted", "color": "#555555"}}


@functools.lru_cache(maxsize=1)
def _periods() -> tuple:
    return tuple(default_periods())


@functools.lru_cache(maxsize=256)
def _coverage(article: Article, quotes: tuple[tuple[str, str], ...]) -> tuple[MentionCoverage, ...]:
    mentions = extract_article(article.id, article.text, _periods(), title=article.title)
    return tuple(article_coverage(article, mentions, quotes, ()).mentions)


def article_mentions(catalog: Catalog, article: Article) -> tuple[MentionCoverage, ...]:
    """The date mentions of ``article``, each with the ids of the catalog's events quoting it."""
    events = [catalog.events[p] for p in catalog.by_article.get(article.id, [])]
    return _coverage(article, tuple((e.id, e.quote) for e in events))


def marked_body(catalog: Catalog, article: Article, quote: str) -> list:
    """The article's body: the quote in a ``Mark``, each date outside it in a ``Span`` saying where it stands."""
    body = article.body
    offset = len(article.text) - len(body)
    titles = {e.id: e.title for e in (catalog.events[p] for p in catalog.by_article.get(article.id, []))}
    marks = []
    for m in article_mentions(catalog, article):
        start, end = m.mention.char_start - offset, m.mention.char_end - offset
        if start >= 0:
            tip = ("On the timeline: " + "; ".join(titles[i] for i in m.events)) if m.events \
                else "Not on the timeline"
            marks.append((start, end, m.events[0] if m.events else None, tip))
    quotes = []
    at = body.find(quote) if quote else -1
    while at >= 0:
        quotes.append((at, at + len(quote)))
        at = body.find(quote, at + len(quote))
    parts: list = []
    position = 0
    for q_start, q_end in quotes:
        parts += with_mentions(body, position, q_start, marks, _mention)
        parts.append(html.Mark(body[q_start:q_end], className="quote"))   # its dates are this event's
        position = q_end
    return parts + with_mentions(body, position, len(body), marks, _mention)


def with_mentions(text: str, start: int, end: int, marks: list[tuple], make) -> list:
    """text[start:end] as strings, each mention ``(start, end, *more)`` lying wholly inside it as
    ``make(its text, its start, *more)`` (here a ``Span``, or a ``Button`` to its event)."""
    parts: list = []
    position = start
    for m_start, m_end, *more in marks:
        if m_start < position or m_end > end:
            continue
        if m_start > position:
            parts.append(text[position:m_start])
        parts.append(make(text[m_start:m_end], m_start, *more))
        position = m_end
    if position < end:
        parts.append(text[position:end])
    return parts


def _mention(text: str, offset: int, event_id: str | None, tip: str):
    """A date not on the timeline is only marked; one on it is a link (its offset keeps ids unique)."""
    if event_id is None:
        return html.Span(text, className=OFF, title=tip, style=_STYLE[OFF])
    return html.Button(text, className=ON, title=tip, style=_STYLE[ON], n_clicks=0,
                       id=ids.pattern(ids.MENTION_LINK, f"{event_id}@{offset}"))
