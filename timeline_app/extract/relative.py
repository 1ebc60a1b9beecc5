"""Find date expressions that lean on another date: "the following year", "on 28 March", "last week".

Each expression found is a :class:`Relative`: its span and a rule saying
what it means relative to its base, the text's reference time
("the following year", "that summer", "28 March": HeidelTime's narrative
idea) or the document's date ("last year", "on Friday", "yesterday").
:mod:`.anchoring` turns rules into values.  The words come from
:mod:`.vocabulary`; the patterns here only arrange them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocabulary as v
from .languages import FOREIGN_MONTH_NUMBERS

REF, DOC, EITHER = "ref", "doc", "either"
"""Bases: the reference time, the document date, or (for a month or season
named without a year) the document date when there is one, else the reference."""


@dataclass(frozen=True)
class Relative:
    """A relative expression: its span and its rule.

    ``unit`` is what the value is (year, month, day, season, week, weekend,
    weekday); ``shift`` counts units (or years, for a named month, day or
    season) from the base; ``month``/``day``/``season``/``weekday`` are fixed
    parts; ``follows`` means the next such month or season after the base.
    """

    start: int
    end: int
    expression: str
    base: str
    unit: str
    shift: int = 0
    month: int | None = None
    day: int | None = None
    season: int | None = None
    weekday: int | None = None
    follows: bool = False
    year: int | None = None
    """A year written with it ('Christmas Day 1921'): then it needs no base."""


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


def _ci(words) -> str:
    return "(?i:" + _alt(words) + ")"


_W = r"(?<![\w'\u2019-])"
_END = r"(?![\w\u00C0-\u024F])"
_UNIT = _ci(v.UNITS)
_SEASON = "(?:" + _alt(w for w in v.SEASONS if w in v.EN_SEASONS) + "|" + _ci(
    w for w in v.SEASONS if w not in v.EN_SEASONS) + ")"
"""English seasons are lowercase in prose ("the Winter Palace" is not a winter); German nouns are not."""
_NUMWORD = _ci(v.NUMBERS)
_NUM = (r"(?:\d{1,3}|(?i:(?:" + "|".join(v.NUMBER_PREFIXES) + r")?(?:" + _alt(v.NUMBERS) + r"))"
        r"(?:[\s-]+" + _NUMWORD + r")?)")
_EN_MONTH = "(?:" + "|".join(v.EN_MONTHS) + ")"
_FOREIGN_MONTH = "(?i:" + _alt(FOREIGN_MONTH_NUMBERS) + ")"
_ANY_MONTH = f"(?:{_EN_MONTH}|{_FOREIGN_MONTH})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_NO_YEAR_AFTER = r"(?!\.?\s*,?\s*(?:de\s+|del\s+|of\s+|в\s+)?\d)"
_WEEKDAY = "(?:" + "|".join(w.capitalize() for w in v.WEEKDAYS) + ")"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # "two years later", "Drei Tage später", "Harmincegy évvel később", "a year ago", "Rok temu"
    ("count", _W + r"(?P<num>" + _NUM + r"\s+)?(?P<unit>" + _UNIT + r")\s+(?P<dir>"
     + _ci(v.LATER + v.EARLIER + v.AGO) + r")" + _END),
    # "через два года", "через неделю"
    ("count_before", _W + r"(?P<dir>" + _ci(v.IN_FUTURE) + r")\s+(?P<num>" + _NUM + r"\s+)?(?P<unit>"
     + _UNIT + r")" + _END),
    # "2 August of the following year", "29 November last year", "28 March", "15 de octubre"
    ("day_month", _W + r"(?P<day>" + _DAY + r")\.?\s+(?:de\s+)?(?P<month>" + _ANY_MONTH + r")"
     + _NO_YEAR_AFTER + r"(?P<suffix>\s+(?:of\s+)?(?:" + _ci(v.NEXT + v.PREVIOUS + v.SAME) + r")\s+year"
     r"|\s+(?:last|this|next)\s+year)?" + _END),
    # "July 4", "Október 25"
    ("month_day", r"(?<![\w-])(?P<month>" + _EN_MONTH + "|" + _FOREIGN_MONTH + r")\s+(?P<day>" + _DAY + r")(?!\d|\.\d|,?\s*\d)"
     r"(?:st|nd|rd|th)?" + _END),
    # "the following year", "The next summer", "am nächsten Tag", "A következő évben", "Następnego dnia"
    ("next", _W + r"(?P<det>" + _ci(v.NEXT) + r")\s+(?P<unit>" + _UNIT + "|" + _SEASON + r")" + _END),
    # "l'année suivante", "Le mois suivant", "El año siguiente"
    ("next_after", r"(?<!\w)(?P<det>(?i:l['\u2019]|le\s+|la\s+|el\s+))(?P<unit>" + _UNIT + r")\s+(?P<post>"
     + _ci(v.NEXT_AFTER) + r")" + _END),
    ("previous", _W + r"(?P<det>" + _ci(v.PREVIOUS) + r")\s+(?P<unit>" + _UNIT + "|" + _SEASON + r")" + _END),
    # "the same year", "that summer", "That December", "Ese año", "том же году", "Cet été-là"
    ("same", _W + r"(?P<det>" + _ci(v.SAME) + r")\s+(?P<unit>" + _UNIT + "|" + _SEASON + "|" + _EN_MONTH
     + r")(?P<there>-là)?" + _END),
    # "last year", "this week", "early next week", "the middle of next month", "l'an prochain", "El año pasado"
    ("doc", _W + r"(?P<qual>(?i:early|late|the\s+(?:middle|end|beginning|start)\s+of)\s+)?(?P<rel>"
     + _ci(v.DOC_LAST + v.DOC_THIS + v.DOC_NEXT) + r")\s+(?P<unit>(?i:year|month|week|weekend)|" + _SEASON
     + "|" + _EN_MONTH + r")" + _END),
    ("doc_after", r"(?<!\w)(?P<det>(?i:l['\u2019]|le\s+|la\s+|el\s+))(?P<unit>" + _UNIT + r")\s+(?P<rel>"
     + _ci(v.DOC_LAST + v.DOC_NEXT) + r")" + _END),
    # "yesterday", "last night", "today", "Másnap", "aznap"
    ("day_word", _W + r"(?P<word>" + _ci(v.DAY_WORDS) + "|" + _ci(v.NARRATIVE_DAY_WORDS) + r")" + _END),
    # "the end of the month", "Ende des Jahres"
    ("part_of_unit", _W + r"(?:(?i:the)\s+(?i:end|beginning|middle|start)\s+of\s+the|(?i:Ende|Anfang|Mitte)\s+des)"
     r"\s+(?P<unit>(?i:month|year|Jahres|Monats))" + _END),
    # "Monday", "Wednesday night"
    ("weekday", r"(?<!\w)(?P<weekday>" + _WEEKDAY + r")(?:\s+(?:" + "|".join(v.PART_OF_DAY) + r"))?"
     r"(?!,?\s+(?:the\s+)?\d|,?\s+" + _EN_MONTH + r"|\w)"),
    # "the weekend"
    ("weekend", _W + r"(?i:the)\s+weekend" + _END),
    # "Christmas", "Christmas Day"
    ("holiday", _W + r"(?P<word>" + _alt(h.title() if h[0].isascii() else h for h in v.HOLIDAYS)
     + r")(?:\s+(?P<year>1\d{3}|20\d{2})(?!\d))?" + _END),
    # "the summer of the following year", "summer of that year", "July of the same year"
    ("of_year", _W + r"(?:(?i:the)\s+)?(?:(?i:early|late)\s+)?(?P<unit>" + _SEASON + "|" + _EN_MONTH + r")\s+of\s+(?P<det>"
     + _ci(v.NEXT + v.PREVIOUS + v.SAME) + r")\s+(?i:year)" + _END),
    # "in March", "by late August", "the beginning of July", "early in December", "w maju", "Im April"
    ("month", r"(?<!\w)(?:(?P<prep>" + _alt(v.MONTH_PREPOSITIONS) + r")\s+)?(?P<qual>(?i:early|late|mid-?|the\s+"
     r"(?:beginning|end|middle|start)\s+of|early\s+in|late\s+in)\s*)?(?P<month>" + _ANY_MONTH + r")"
     r"(?P<suffix>\s+tego\s+samego\s+roku)?" + r"(?![\w-]|\s+(?:\d|(?:de|of)\s+\d))"),
    # "in the spring", "by the summer", "im Sommer", "Im Herbst"
    ("season", r"(?<!\w)(?P<prep>(?i:in|by|during|until|through|throughout|over|since|before|after|of))\s+"
     r"(?P<det>(?i:the)\s+)(?P<season>" + _SEASON + r")(?!\s+(?:of\s+)?\d|\s+of\b)" + _END),
    ("season_fused", r"(?<!\w)(?P<det>(?i:im|au))\s+(?P<season>" + _SEASON + r")(?!\s+\d)" + _END),
)
_SCANNERS = tuple((kind, re.compile(rx)) for kind, rx in _PATTERNS)

_SIGN = {**{w: 1 for w in v.LATER}, **{w: -1 for w in v.EARLIER}}
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$|\s(?:in|on|at|when|,)\b)")
_DOC_SHIFT = {**{w: -1 for w in v.DOC_LAST}, **{w: 0 for w in v.DOC_THIS}, **{w: 1 for w in v.DOC_NEXT}}
_MONTH_NUMBER = {**{m.lower(): i for i, m in enumerate(v.EN_MONTHS, 1)}, **FOREIGN_MONTH_NUMBERS}
_DET_SHIFT = {**{w: 1 for w in v.NEXT}, **{w: -1 for w in v.PREVIOUS}}


_CAPITALISED_AFTER = re.compile(r"\s+[A-Z]")


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _unit(word: str) -> tuple[str, int | None]:
    """'years' -> ('year', None); 'summer' -> ('season', 22); 'December' -> ('month', 12)."""
    low = _key(word)
    if low in v.SEASONS:
        return "season", v.SEASONS[low]
    if low in _MONTH_NUMBER:
        return "month", _MONTH_NUMBER[low]
    return v.UNITS.get(low, low), None


def _count(m: re.Match) -> int:
    return v.number_value(_key(m.group("num"))) if m.group("num") else 1


def _offset(unit: str, n: int, base: str, start: int, end: int, expr: str) -> Relative:
    """n units from the base; weeks are counted as days ('a week later' is a day), decades as years."""
    if unit == "week":
        return Relative(start, end, expr, base, "day", 7 * n)
    if unit == "decade":
        return Relative(start, end, expr, base, "year", 10 * n)
    return Relative(start, end, expr, base, unit, n)


def _rule(kind: str, m: re.Match, text: str) -> Relative | None:
    start, end, expr = m.start(), m.end(), m.group()
    g = m.groupdict()
    if kind == "count":
        direction = _key(g["dir"])
        unit, _ = _unit(g["unit"])
        if unit not in ("year", "month", "day", "week", "decade") or (g["num"] is None and direction not in v.AGO):
            return None
        n = v.number_value(_key(g["num"])) if g["num"] else 1
        if n is None:
            return None
        if direction in v.AGO:
            return _offset(unit, -n, DOC, start, end, expr)
        if direction in ("before", "after") and not _CLAUSE_END.match(text, end):
            return None            # "two years before the war": counted from the war, not the text
        return _offset(unit, _SIGN[direction] * n, REF, start, end, expr)
    if kind == "count_before":
        unit, _ = _unit(g["unit"])
        n = _count(m)
        return None if n is None else _offset(unit, n, REF, start, end, expr)
    if kind in ("day_month", "month_day"):
        if kind == "month_day" and not g["month"][0].isupper():
            return None             # "Október 25" is a date heading a sentence; "maja 5" is not this form
        month = _MONTH_NUMBER[_key(g["month"])]
        shift, base = 0, EITHER
        suffix = _key(g.get("suffix") or "")
        if suffix.startswith(("last", "this", "next")):
            shift, base = _DOC_SHIFT[suffix.split()[0]], DOC
        elif suffix:
            shift, base = _DET_SHIFT.get(suffix.rsplit(" ", 1)[0].removeprefix("of "), 0), REF
        return Relative(start, end, expr, base, "day", shift, month=month, day=int(g["day"]))
    if kind in ("next", "next_after", "previous", "same") and _key(g["unit"]) in v.PLURAL_UNITS:
        return None                 # "in the following years", "those same days": no one date
    if kind in ("next", "next_after", "previous"):
        unit, season = _unit(g["unit"])
        n = 1 if kind != "previous" else -1
        if season is not None:     # the next (or previous) such season after (before) the reference
            return Relative(start, end, expr, REF, "season", n, season=season, follows=True)
        if unit == "decade":
            return None            # "the following decade": not one year
        return Relative(start, end, expr, REF, unit, n)
    if kind == "same":
        unit, fixed = _unit(g["unit"])
        if unit == "decade":
            return None
        det = _key(g["det"])
        base = DOC if det == "this" or (det in ("ce", "cet", "cette") and not g["there"]) else REF
        if unit == "season":
            return Relative(start, end, expr, base, "season", season=fixed)
        if unit == "month" and fixed is not None:
            return Relative(start, end, expr, base, "month", month=fixed)
        return Relative(start, end, expr, base, unit)
    if kind in ("doc", "doc_after"):
        shift = _DOC_SHIFT[_key(g["rel"])]
        unit, fixed = _unit(g["unit"])
        if unit == "season":
            return Relative(start, end, expr, DOC, "season", shift, season=fixed)
        if unit == "month" and fixed is not None:
            return Relative(start, end, expr, DOC, "month", shift, month=fixed, follows=True)
        if unit == "weekend":
            return Relative(start, end, expr, DOC, "weekend", shift)
        return Relative(start, end, expr, DOC, unit, shift)
    if kind == "of_year":
        unit, fixed = _unit(g["unit"])
        shift = _DET_SHIFT.get(_key(g["det"]), 0)
        if unit == "season":
            return Relative(start, end, expr, REF, "season", shift, season=fixed)
        return Relative(start, end, expr, REF, "month", shift, month=fixed)
    if kind == "day_word":
        word = _key(g["word"])
        if word in v.DAY_WORDS:
            return Relative(start, end, expr, DOC, "day", v.DAY_WORDS[word])
        return Relative(start, end, expr, REF, "day", v.NARRATIVE_DAY_WORDS[word])
    if kind == "part_of_unit":
        unit = "year" if _key(g["unit"]) in ("year", "jahres") else "month"
        return Relative(start, end, expr, EITHER, unit)
    if kind == "weekday":
        return Relative(start, end, expr, DOC, "weekday", weekday=v.WEEKDAYS[g["weekday"].lower()])
    if kind == "weekend":
        return Relative(start, end, expr, DOC, "weekend")
    if kind == "holiday":
        month, day = v.HOLIDAYS[_key(g["word"])]
        year = int(g["year"]) if g["year"] else None
        return Relative(start, end, expr, EITHER, "day", month=month, day=day, year=year)
    if kind == "month":
        if not g["prep"] and not g["qual"]:
            return None
        if _CAPITALISED_AFTER.match(text, end) and (
                not g["prep"] or (g["month"] in v.NAME_MONTHS and g["prep"].lower() not in v.TIME_PREPOSITIONS)):
            return None             # "a letter from August Bebel" is a name; "In October United Nations forces" a date
        start = m.start("qual") if g["qual"] else m.start("month")
        month = _MONTH_NUMBER[_key(g["month"])]
        return Relative(start, end, text[start:end], REF if g["suffix"] else EITHER, "month", month=month)
    if kind == "season":
        if _key(g["season"]) == "fall" and _key(g["prep"]) != "in":
            return None             # "after the fall" (of a city); "in the fall" is autumn
        start = m.start("det")
        return Relative(start, end, text[start:end], EITHER, "season", season=v.SEASONS[_key(g["season"])])
    if kind == "season_fused":
        return Relative(start, end, expr, EITHER, "season", season=v.SEASONS[_key(g["season"])])
    raise AssertionError(kind)


def _first_words(*phrase_lists) -> frozenset[str]:
    return frozenset(_TOKEN.match(p.lower()).group() for phrases in phrase_lists for p in phrases)


_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_MONTH_WORDS = _first_words(v.EN_MONTHS, FOREIGN_MONTH_NUMBERS)
_ARTICLES = frozenset(("l", "le", "la", "el"))
_QUAL_WORDS = frozenset(("early", "late", "mid", "the"))
_TRIGGERS: dict[str, frozenset[str]] = {
    "count": _first_words(v.NUMBERS, v.UNITS),
    "count_before": _first_words(v.IN_FUTURE),
    "month_day": _MONTH_WORDS,
    "next": _first_words(v.NEXT),
    "next_after": _ARTICLES,
    "previous": _first_words(v.PREVIOUS),
    "same": _first_words(v.SAME),
    "doc": _first_words(v.DOC_LAST, v.DOC_THIS, v.DOC_NEXT) | _QUAL_WORDS,
    "doc_after": _ARTICLES,
    "day_word": _first_words(v.DAY_WORDS, v.NARRATIVE_DAY_WORDS),
    "part_of_unit": frozenset(("the", "ende", "anfang", "mitte")),
    "weekday": frozenset(v.WEEKDAYS),
    "weekend": frozenset(("the",)),
    "holiday": _first_words(v.HOLIDAYS),
    "month": _first_words(v.MONTH_PREPOSITIONS) | _QUAL_WORDS | _MONTH_WORDS,
    "season": _first_words(("in", "by", "during", "until", "through", "throughout", "over", "since",
                            "before", "after", "of")),
    "season_fused": frozenset(("im", "au")),
    "of_year": _MONTH_WORDS | frozenset(v.SEASONS) | _QUAL_WORDS,
}
"""The words each pattern can begin with (lowercase): a pattern is tried only at such a word,
or, for "count" and "day_month", at a number; one pass over the words, not one per pattern."""
_NUMBER_LED = ("count", "day_month")
_BY_WORD: dict[str, tuple[tuple[str, re.Pattern], ...]] = {}
for _kind, _scanner in _SCANNERS:
    for _word in _TRIGGERS.get(_kind, ()):
        _BY_WORD[_word] = _BY_WORD.get(_word, ()) + ((_kind, _scanner),)
_AT_NUMBER = tuple((k, sc) for k, sc in _SCANNERS if k in _NUMBER_LED)
_HUNGARIAN_TENS = tuple(v.NUMBER_PREFIXES)


_NEXT_TOKEN = re.compile(r"[\W_]*?(\d+|[^\W\d_]+)")
_NEXT_WORDS = {  # patterns led by a word that is common on its own: what must come next
    "count": _first_words(v.NUMBERS, v.UNITS),
    "day_month": _MONTH_WORDS | {"de"},
    "month": _MONTH_WORDS | _QUAL_WORDS | {"in", "beginning", "end", "middle", "start"},
    "season": frozenset(("the",)),
}
"""A number or a preposition begins a relative expression only before one of these words: the
check that keeps a text of ten thousand "in 1956" from trying every pattern at every word."""


def _candidates(text: str, tok: re.Match) -> list[tuple[str, re.Pattern]]:
    word = tok.group()
    low = word.lower()
    if word[0].isdigit():
        found = _AT_NUMBER
    else:
        found = _BY_WORD.get(low, ())
        if not found and low.startswith(_HUNGARIAN_TENS):      # "Harmincegy évvel később"
            found = _BY_WORD.get("egy", ())
    if not found:
        return []
    after = _NEXT_TOKEN.match(text, tok.end())
    following = after.group(1).lower() if after else ""
    return [(kind, sc) for kind, sc in found if _may_begin(kind, low, following)]


def _may_begin(kind: str, word: str, following: str) -> bool:
    if kind not in _NEXT_WORDS:
        return True
    if (kind == "month" and word in _MONTH_WORDS) or (kind == "count" and word in v.UNITS):
        return True           # "December" itself; "Rok temu" (a unit without its number)
    return following in _NEXT_WORDS[kind]


def find_relative(text: str, start: int = 0, weekdays: bool = True) -> list[Relative]:
    """Every relative expression of ``text`` from ``start``, in text order, without overlaps.

    Where two overlap the leftmost wins, then the longest.  ``weekdays``:
    also weekday names (only meaningful against a document date).
    """
    kept: list[Relative] = []
    for tok in _TOKEN.finditer(text, start):
        if kept and tok.start() < kept[-1].end and tok.start() != kept[-1].start:
            continue          # inside the last one ("in July" is kept from "July" on: try there too)
        best = None
        for kind, scanner in _candidates(text, tok):
            if kind == "weekday" and not weekdays:
                continue
            m = scanner.match(text, tok.start())
            rel = _rule(kind, m, text) if m else None
            if rel is not None and (best is None or (rel.start, -rel.end) < (best.start, -best.end)):
                best = rel
        if best is None:
            continue
        if kept and best.start < kept[-1].end:
            if best.start == kept[-1].start and best.end > kept[-1].end:
                kept[-1] = best       # "July of the following year" over "July"
            continue
        kept.append(best)
    return kept
