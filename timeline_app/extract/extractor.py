"""Find every date expression in an article's text.

Histories date things in many ways inside running prose: "23 October 1956",
"October 23, 1956", "the summer of 1917", "1918-21", "(1879-1953)", "the
'30s", "the early 1980s", "the later years of the 19th century", "c. 1893",
"73-71 BC", "World War Two", and, quoted, "23 października 1956".  This
module finds them with compiled regular expressions, tried only where a
token can begin a date, keeps bare numbers only where the context says
"year", and reads each span with :func:`timeline_app.dates.parse_date`.
dateparser is reached only for spans that already look like a full date in
another language (their month names come from dateparser's language data).
Dates that lean on another ("the following year", "on 28 March", "last
week") are found by :mod:`.relative` and valued by :mod:`.anchoring`;
:func:`extract_article` puts both in text order.  Every step reads the text
once, so time grows linearly with it (``tests/test_extract_linear.py``).

Span conventions (the gold files in ``tests/gold`` follow them):

* the span is the date itself: "in 1956" gives "1956", "(1928-67)" gives
  "1928-67", "Sunday, 22 January 1905" gives "22 January 1905";
* a leading "the" and a part-of phrase belong to decades, centuries and
  seasons: "the early 1920s", "the '30s", "the later years of the 19th
  century", "the summer of 1917"; "c."/"circa" belong to the date;
* a named period is the gazetteer name or alias exactly as written in the
  text (case-sensitive; a name starting "the " also matches "The ...");
  spans never overlap: the leftmost expression wins, then the longest
  ("Russian Revolution of 1905" over "Russian Revolution");
* a qualifier belongs to the span, not the value: "early 2011" is 2011,
  "the rest of 53 BC" is 53 BC, "about 50 BC" is approximately 50 BC;
* a relative expression keeps the words that make it relative and drops
  prepositions: "on 28 March" gives "28 March", "in the spring" "the
  spring", "two years later", "last year"; its row names the expression
  it was counted from (``anchor``, ``anchor_start``), or ``date:`` for the
  document date (``tests/gold/narrative/README.md`` has the full rules);
* an article's ``date: YYYY-MM-DD`` first line is its document date, not a
  mention.

No Dash imports: this is used by the CLI, the tests and the bench too.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..data.daycount import Day
from ..data.dates import DateParseError, parse_date
from ..data.sources import date_header
from ..data.periods import Period, load_periods
from .anchoring import Reference, resolve_relative, speaks_of_future, year_text
from .languages import FOREIGN_LANGUAGES, FOREIGN_MONTH_NUMBERS, FOREIGN_MONTHS as _FOREIGN_MONTHS
from .relative import Relative, find_relative
from .vocabulary import APPROXIMATE, EN_MONTH_ABBREVIATIONS, EN_MONTHS, EN_SEASONS, QUALIFIERS, SEASONS

"""Languages whose full dates ("23 października 1956") are recognised."""


@dataclass(frozen=True)
class Mention:
    """One date expression in one article."""

    article: str
    article_title: str
    expression: str
    char_start: int
    char_end: int
    edtf: str
    lower: int
    """Earliest astronomical year covered (73 BC is -72)."""
    upper: int
    """Latest astronomical year covered."""
    sentence: str
    anchor: str = ""
    """For a relative expression, the expression its value counts from ('date:' for the
    document date); empty for a date that carries its own year."""
    anchor_start: int = -1
    """Offset of :attr:`anchor` in the text (-1 for the document date or none)."""


MENTION_COLUMNS = tuple(f.name for f in fields(Mention))


@dataclass(frozen=True)
class DateSpan:
    """A date expression found in text, before it is read as a date.

    ``query`` is the wording handed to ``parse_date``: the expression itself,
    or a gazetteer period's dates.
    """

    start: int
    end: int
    expression: str
    kind: str
    query: str
    languages: tuple[str, ...] = ("en",)
    period: Period | None = None


# --------------------------------------------------------------------------
# Vocabulary

_EN_MONTHS_FULL = EN_MONTHS
_EN_MONTH_ABBR = EN_MONTH_ABBREVIATIONS
# Month names are capitalised in English prose: "march" and "may" are verbs.
_MONTH = "(?:" + "|".join(_EN_MONTHS_FULL) + ")"
_MONTH_ANY = "(?:" + "|".join(_EN_MONTHS_FULL) + "|(?:" + "|".join(_EN_MONTH_ABBR) + r")\.?)"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_FOREIGN_SEASON = "(?i:" + "|".join(w for w in SEASONS if w not in EN_SEASONS) + ")"
_ERA = r"(?:B\.C\.E\.|B\.C\.|BCE|BC|A\.D\.|AD|C\.E\.|CE)(?![\w])"
_ERA_BEFORE = r"(?:A\.D\.|AD|CE)"

_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                  "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                  "nineteenth", "twentieth", "twenty-first")
_CENTURY_PARTS = ("first half of", "second half of", "beginning of", "start of", "end of",
                  "early years of", "later years of", "last years of", "closing years of",
                  "first years of", "early", "mid", "middle", "late", "later")

# Digits that are not part of a longer number on the left or right.
_NB = r"(?<![\w.,/£$€#])"          # no word char, decimal point, currency before
_NA = r"(?![\w]|[.,:/]\d)"          # no word char, or ".5" ",000" ":30" "/2" after
_Y4 = r"(?:1\d{3}|20\d{2})"         # the 4-digit years the extractor dates: 1000-2099
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


_FMONTH = "(?i:" + "|".join(sorted(map(re.escape, _FOREIGN_MONTHS), key=len, reverse=True)) + ")"

# --------------------------------------------------------------------------
# The forms.  Each is a branch of an alternation; at one position the first
# branch that matches wins, so the most specific forms come first.

_PATTERNS: tuple[tuple[str, str], ...] = (
    # 1956. október 23.  (Hungarian: year, month, day)
    ("hu_ymd", _NB + _Y4 + r"\.?\s+" + _FMONTH + r"\s+(?:[12]\d|3[01]|0?[1-9])\.?(?!\w)"),
    # 1956-10-23 (ISO / EDTF day)
    ("iso", _NB + _Y4 + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" + _NA),
    # 23 October 1956, 23rd of October, 1956, 15 March 44 BC
    ("dmy", _NB + _DAY + r"\.?\s+(?:of\s+)?" + _MONTH_ANY + r",?\s+(?:" + _Y4 + r"(?:\s*" + _ERA + r")?|\d{1,4}\s*" + _ERA + ")" + _NA),
    # 23 października 1956, 13. Juni 1953, 8 de octubre de 1967
    ("foreign_dmy", _NB + r"(?:[12]\d|3[01]|0?[1-9])\.?\s+(?:de\s+)?" + _FMONTH + r",?\s+(?:de\s+|del\s+|в\s+)?" + _Y4 + _NA),
    # März 1862, juillet 1934, junio de 1941, Czerwiec 1956
    ("foreign_my", r"(?<!\w)" + _FMONTH + r"\s+(?:de\s+|del\s+)?" + _Y4 + _NA),
    # from 264 to 146 BC, between 499 and 449 BC: the first year takes the era of the second
    ("era_first", r"(?:(?<=from )|(?<=From )|(?<=between )|(?<=Between ))\d{1,4}(?=\s+(?:to|and|until)\s+\d{1,4}\s*"
     + _ERA + ")"),
    # 73-71 BC
    ("bc_range", _NB + r"\d{1,4}\s*[-\u2013\u2014]\s*\d{1,4}\s*" + _ERA),
    # c. 1893, circa 1893, c. 73 BC, c. AD 46, c. 1918-21
    ("circa", r"(?<!\w)(?:c\.|ca\.|circa)\s*(?:" + _ERA_BEFORE + r"\s*\d{1,4}|\d{1,4}\s*" + _ERA
     + "|" + _Y4 + r"(?:\s*[-\u2013]\s*(?:\d{4}|\d{2}))?)" + _NA),
    # 1918-21, 1980-81, 1918–1921
    ("range", _NB + _Y4 + r"\s*[-\u2013\u2014]\s*(?:\d{4}|\d{2})" + _NA),
    # 1920s, 1920's
    ("decade", _NB + r"(?:1\d{2}|20\d)0'?s(?!\w)"),
    # 73 BC, 1381 AD
    ("era_year", _NB + r"\d{1,4}\s*" + _ERA),
    # AD 800
    ("ad_year", r"(?<!\w)" + _ERA_BEFORE + r"\s*\d{1,4}" + _NA),
    # 1956 (context-checked)
    ("year", _NB + _Y4 + _NA),
    # in 800 (context-checked)
    ("year3", r"(?<=\b[Ii]n )[1-9]\d{2}" + _NA),
    # October 23, 1956 / October 23rd 1956
    ("mdy", r"(?<!\w)" + _MONTH_ANY + r"\s+" + _DAY + r",?\s+(?:" + _Y4 + r"(?:\s*" + _ERA + r")?|\d{1,4}\s*" + _ERA + ")" + _NA),
    # October 1956, March of 1921
    ("my", r"(?<!\w)(?:" + _MONTH + "|(?:" + "|".join(_EN_MONTH_ABBR) + r")\.)" + r",?\s+(?:of\s+)?(?:" + _Y4 + r"(?:\s*" + _ERA + r")?|\d{1,4}\s*" + _ERA + ")" + _NA),
    # the later years of the 19th century, the 1st century BC, 14th-century
    ("century", r"(?<!\w)(?:(?i:the)\s+)?(?:(?:" + "|".join(_CENTURY_PARTS) + r")[\s-]+(?:the\s+)?)?"
     r"(?:(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|(?i:" + "|".join(_ORDINAL_WORDS) + r"))[\s-](?i:century)"
     r"(?:\s+" + _ERA + r")?(?!\w)"),
    # the early 1920s, the mid-'30s, the '30s, mid-1920s, the 1920s
    ("decade", r"(?<!\w)(?:(?:(?i:the)\s+)?(?i:early|mid|middle|late)[\s-]+(?:(?:1\d{2}|20\d)0|['\u2019]\d0)['\u2019]?s"
     r"|(?i:the)\s+(?:(?:1\d{2}|20\d)0['\u2019]?s|['\u2019]\d0s)|['\u2019]\d0s)(?!\w)"),
    # the summer of 1917, autumn 1956, the late autumn of 1926, the winter of 1920-21
    ("season", r"(?<!\w)(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?" + _SEASON + r"\s+(?:of\s+)?"
     r"(?:" + _Y4 + r"(?:[-\u2013/]\d{2}(?!\d))?|\d{1,4}(?:\s*[-\u2013]\s*\d{1,4})?\s*" + _ERA + ")" + _NA),
    # Au printemps 1938, Весной 1989, im Sommer 1917
    ("foreign_season", r"(?<!\w)(?:(?i:au|im)\s+)?" + _FOREIGN_SEASON + r"\s+" + _Y4 + _NA),
)


def _scanner(patterns: Sequence[tuple[str, str]]) -> re.Pattern:
    return re.compile("|".join(f"(?P<{kind}_{i}>{rx})" for i, (kind, rx) in enumerate(patterns)))


# Python's re tries every branch of a big alternation at every position, so
# the text is first cut into tokens (one fast C loop) and the alternation is
# only tried where a token can begin a date: a number, an apostrophe before
# digits ("the '30s" is caught at "the"; "'30s" alone at the apostrophe), or
# one of the words below.
_DIGIT_LED = tuple((k, rx) for k, rx in _PATTERNS
                   if k in ("hu_ymd", "iso", "dmy", "foreign_dmy", "bc_range", "range", "century",
                            "era_year", "year", "year3", "era_first") or (k == "decade" and rx.startswith(_NB)))
_WORD_LED = tuple((k, rx) for k, rx in _PATTERNS if k == "century" or (k, rx) not in _DIGIT_LED)
_SCAN_DIGIT = _scanner(_DIGIT_LED)
_SCAN_WORD = _scanner(_WORD_LED)
_KIND_OF_GROUP = {f"{kind}_{i}": kind for patterns in (_DIGIT_LED, _WORD_LED)
                  for i, (kind, _) in enumerate(patterns)}
_TOKEN = re.compile(r"\d+|['\u2019](?=\d)|[^\W\d_]+\.?")
_TRIGGER_WORDS = frozenset(
    "the c. ca. circa ad a. a.d. ce c.e. early mid middle late later spring summer autumn "
    "fall winter first second beginning start end last closing twenty".split()
    + [w.lower() for w in _ORDINAL_WORDS + _EN_MONTHS_FULL + _EN_MONTH_ABBR]
    + [w.lower() + "." for w in _EN_MONTHS_FULL + _EN_MONTH_ABBR]
    + list(_FOREIGN_MONTHS) + list(SEASONS) + ["au", "im"])
_WORD_BEFORE_NUMBER = frozenset("£$€#.,/")

# --------------------------------------------------------------------------
# Context of bare numbers

_YEAR_CUE = re.compile(
    r"(?:\b(?i:in|of|since|by|from|until|till|to|after|before|during|around|about|circa|"
    r"year|years|early|late|mid|between|through|throughout|born|died|b\.|d\.|ca\.|c\.|"
    r"spring|summer|autumn|winter|'til|earlier than|later than|not until|until after)"
    r"|[(\u2013\u2014])[\s-]*$")
_TEMPORAL_CUES = frozenset(
    "in since during until till after before throughout into fiscal post pre "
    "en dès depuis jusqu'en desde hasta im seit bis ab w od в во с до "
    "jahr jahre année año".split())
"""Before a number, these make it a year (English, French, Spanish, German, Polish, Russian)."""
_YEAR_WORDS_AFTER = re.compile(r"\s+(?:roku|r\.|году|года|г\.|évben|-ben|-ban)(?!\w)")
"""After a number these say 'year': 'w 1981 roku', 'в 1942 году'."""
_COMPARATIVES = frozenset(("earlier", "later"))
_UNIT_AFTER = re.compile(r"\s+([a-z]+(?: cent)?)\b")
_COLLECTIVES = frozenset(
    "crowd group force army total number band column sum fleet gathering body contingent "
    "detachment membership audience strength loss losses population workforce staff "
    "circulation majority minority team garrison budget debt salary wage wages fine price "
    "cost height depth length distance".split())
"""'a crowd of 1956', 'a budget of 2000': a count."""
_UNIT_WORDS = frozenset(
    "km miles kg tons tonnes metres meters feet acres pounds dollars roubles rubles "
    "francs hours minutes seconds days weeks months years pages copies votes million "
    "thousand hundred percent per cent".split())
"""After a number these always make it a count, even after "in": "in 1500 hours"."""
_COUNT_WORDS = _UNIT_WORDS | frozenset(
    "people men women children dead strong killed wounded troops soldiers workers strikers "
    "members delegates persons other more new".split())
_NOT_PLURAL = frozenset(
    "was has is as this its his us thus plus always perhaps whereas saw sees begins starts "
    "ends marks remains becomes seems proves shows means gives brings yes chaos politics "
    "onwards afterwards towards upwards less unless".split())
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"\u201d)]*\s+|\n\s*)$")


def _next_word_is_count(text: str, end: int) -> bool:
    """'1200 strikers', '1500 workers', '2000 people': a count, not a year."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    w = m.group(1)
    if w in _COUNT_WORDS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "is", "us")) and w not in _NOT_PLURAL


_AND_NUMBER = re.compile(r"\s*(?:-|\u2013|to|and|or)\s*\d[\d,.]*")


def _count_follows(text: str, end: int) -> bool:
    """A count noun after the number, or after a second number: 'from 1200 to 1500 roubles'."""
    if _next_word_is_count(text, end):
        return True
    m = _AND_NUMBER.match(text, end)
    return bool(m) and _next_word_is_count(text, m.end())


_RUN_BEFORE = re.compile(r"\d{3,}[ -]$")
_RUN_AFTER = re.compile(r"[ -]\d{3,}(?![\d,.]\d)")


def _in_digit_run(text: str, start: int, end: int) -> bool:
    """Part of a phone number or code: '020 7946 1956', '1800 555 0199', '1234-5678'."""
    return bool(_RUN_BEFORE.search(text, max(0, start - 8), start) or _RUN_AFTER.match(text, end))


_NUMBER_LABELS = frozenset(
    "p pp page pages no nos number numbers vol volume tel phone fax room flat route bus line "
    "item items chapter section art article fig figure table issue unit platform gate box "
    "case file id ref code ext".split())
"""'p. 1956', 'page 1956', 'room 1917': a label's number."""
_WORD = re.compile(r"[^\W\d_]+\.?")


def _last_words(before: str) -> tuple[str, ...]:
    """The last two words of ``before`` (lowercase, a trailing dot kept) if it ends in a word.

    The context checks read the words just before a number this way, not by
    searching the window with an anchored alternation (which costs a match
    attempt at every position of it: the hot loop of a text full of years).
    """
    t = before.rstrip().rstrip("-")       # "post-1959", "mid-1917"
    words = _WORD.findall(t)
    if not words or not t.endswith(words[-1]):
        return ()
    return tuple(w.lower() for w in words[-2:])


def _is_number_label(before: str, words: tuple[str, ...]) -> bool:
    return before.rstrip().endswith("#") or (bool(words) and words[-1].rstrip(".") in _NUMBER_LABELS)


def _labelled(text: str, start: int) -> bool:
    """Is the number at ``start`` a label's: 'p. 1918-21', 'No. 1956'?"""
    before = text[max(0, start - 30):start]
    return _is_number_label(before, _last_words(before))


def _is_collective_of(words: tuple[str, ...]) -> bool:
    return len(words) == 2 and words[1] == "of" and words[0] in _COLLECTIVES


def _is_temporal_cue(words: tuple[str, ...]) -> bool:
    """'in', 'since', 'until', 'not until', 'until after', 'earlier than', 'later than'."""
    if not words:
        return False
    if len(words) == 2 and words[1] == "both":
        words = words[:1]                # "in both 1990 and 1991"
    return words[-1] in _TEMPORAL_CUES or (len(words) == 2 and words[1] == "than"
                                           and words[0] in _COMPARATIVES)


_NOT_A_YEAR_AFTER = re.compile(r"\s*(?:%|per\s?cent|-strong|-odd|th\b|st\b)")
_CLOSES_PARENTHESIS = re.compile(r"\s*[),;]")


def _bare_year_ok(text: str, start: int, end: int, title_end: int,
                  accepted_end: int, three_digit: bool = False) -> bool:
    """Is the bare number text[start:end] a year here?"""
    before = text[max(0, start - 30):start]
    words = _last_words(before)
    if _is_number_label(before, words) or _in_digit_run(text, start, end):
        return False
    if _NOT_A_YEAR_AFTER.match(text, end):
        return False
    unit = _UNIT_AFTER.match(text, end)
    if (unit and unit.group(1) in _UNIT_WORDS) or _is_collective_of(words):
        return False
    if three_digit:
        return not _count_follows(text, end)     # "in 800"; not "in 300 cities"
    # Strong cues: a year even before a plural ("in 1956 workers set up councils").
    if start < title_end:
        return True                       # titles: "Russia 1905", "Paris, 1871: ..."
    if text[start - 1] == "\n" and (end == len(text) or text[end] in "\r\n"):
        return True                       # a year alone on a heading line
    if _list_continues(text, start, accepted_end):
        return True                       # "in 1956 and 1970"
    if before.endswith("(") and _CLOSES_PARENTHESIS.match(text, end):
        return True                       # "(1938)"
    if _is_temporal_cue(words) or _YEAR_WORDS_AFTER.match(text, end):
        return True                       # "in 1956", "since 1917", "post-1959", "w 1981 roku"
    if _QUALIFIER_CUE.search(before) and not _count_follows(text, end):
        return True                       # "early 2011", "a finales de 1939"
    if words and words[-1] == "for" and text.startswith(",", end):
        return True                       # "For 1988, the company reported"
    if _count_follows(text, end):
        return False                      # "some 1200 strikers", "from 1200 to 1500 roubles"
    if _DETERMINER.search(before):
        # "the 1905 revolution", "a 1989 reburial"; not "the 1200 men" (a count,
        # above) nor "the 1200 who stayed".
        word = _WORD_AFTER.match(text, end)
        return bool(word) and word.group(1).lower() not in _FUNCTION_WORDS
    if _YEAR_CUE.search(before):
        return True
    if _SENTENCE_START.search(before) or _CLAUSE_START.search(before):
        # "1917 was the year ...", "1956, the year ...", "in the GDR, 1975 was declared"
        if _SENTENCE_VERB.match(text, end):
            return True
        # A paragraph opening on a year: "1869 gründeten August Bebel ..."
        return before.endswith("\n") and bool(_LOWER_WORD_AFTER.match(text, end))
    return False


_LOWER_WORD_AFTER = re.compile(r" [^\W\d_A-Z][^\W\d_]*")


_CLAUSE_START = re.compile(r"[,;:]\s+$")
_DETERMINER = re.compile(r"\b(?i:the|a|an|its|his|her|their|our|that|this)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'-]*)")
_FUNCTION_WORDS = frozenset(
    "who whom whose which that of and or in on at to for by with from were was had have "
    "are is there here remaining left still".split())
_SENTENCE_VERB = re.compile(
    r",|\s+(?:was|is|saw|sees|brought|brings|marked|marks|began|begins|ended|ends|remains|"
    r"remained|became|becomes|changed|changes|proved|opened|closed|showed|shows|would|will|"
    r"had|has|and)\b")


_LIST_GAP = len(", and again in ")
"""The longest joint between two listed years; a wider gap is never read."""


def _list_continues(text: str, start: int, accepted_end: int) -> bool:
    """'in 1956 and 1970', '1953, 1956 and 1968': a year after an accepted date."""
    if accepted_end < 0 or start - accepted_end > _LIST_GAP:
        return False
    between = text[accepted_end:start]
    return bool(re.fullmatch(r",?\s*(?:,|and|or|to|until|and in|or in|and again in)?\s*", between)) \
        and between.strip() != ""


def _range_ok(expr: str) -> bool:
    """'1918-21' yes, '1956-10' (a month) and '1921-18' (backwards) no."""
    a, b = re.split(r"\s*[-\u2013\u2014]\s*", expr, maxsplit=1)
    y1 = int(a)
    if len(b) == 4:
        return int(b) > y1
    y2 = int(b)
    if y2 > y1 % 100:
        return True
    return y1 % 100 >= 90 and y2 < 10      # "1998-02", "1899-01"


# --------------------------------------------------------------------------
# Named periods


@functools.lru_cache(maxsize=32)
def _period_index(periods: tuple[Period, ...]) -> dict[str, tuple[tuple[str, Period], ...]]:
    """First token of each usable name/alias -> (name, period), longest name first.

    A period whose dates do not parse is left out.  A name beginning with a
    lowercase "the " also matches with "The" (sentence start); otherwise
    matching is case-sensitive.
    """
    index: dict[str, list[tuple[str, Period]]] = {}
    seen: set[str] = set()
    for p in periods:
        if _period_span(p) is None:
            continue
        for name in p.names:
            variants = [name] + (["The" + name[3:]] if name.startswith("the ") else [])
            for variant in variants:
                first = _TOKEN.match(variant)
                if variant in seen or first is None or first.start() != 0:
                    continue
                seen.add(variant)
                index.setdefault(first.group(), []).append((variant, p))
    return {k: tuple(sorted(v, key=lambda nv: -len(nv[0]))) for k, v in index.items()}


def _period_at(names: tuple[tuple[str, Period], ...], text: str, start: int) -> DateSpan | None:
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    for name, period in names:
        end = start + len(name)
        if text.startswith(name, start) and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return DateSpan(start, end, name, "period", name, period=period)
    return None


def _as_tuple(periods: Iterable[Period] | None) -> tuple[Period, ...]:
    if not periods:
        return ()
    return periods if isinstance(periods, tuple) else tuple(periods)


# --------------------------------------------------------------------------
# Finding


def find_dates(text: str, periods: Iterable[Period] | None = None, start: int = 0) -> list[DateSpan]:
    """Every date expression in ``text`` from ``start``, in text order, without overlaps.

    ``periods`` is the gazetteer (see :func:`timeline_app.periods.load_periods`);
    without it named periods are not looked for.  ``start`` skips a header
    (the ``date:`` line of an article).
    """
    title_end = text.find("\n", start)
    if title_end < 0:
        title_end = 0      # a single line of text is prose, not a title
    gazetteer = _period_index(_as_tuple(periods)) if periods else None
    spans: list[DateSpan] = []
    accepted_end = -1
    resume = 0
    for tok in _TOKEN.finditer(text, start):
        start = tok.start()
        if start < resume:
            continue
        word = tok.group()
        first = word[0]
        date = None
        if first.isdigit():
            if start and (text[start - 1].isalnum() or text[start - 1] in _WORD_BEFORE_NUMBER):
                continue                     # inside "WW2", "1,000", "2.5", "£1900"
            date = _date_at(_SCAN_DIGIT, text, start, title_end, accepted_end)
        elif first == "'" or first == "\u2019" or word.lower() in _TRIGGER_WORDS:
            date = _date_at(_SCAN_WORD, text, start, title_end, accepted_end)
        if gazetteer is not None and word in gazetteer:
            named = _period_at(gazetteer[word], text, start)
            if named is not None and (date is None or named.end > date.end):
                date = named
        if date is not None:
            spans.append(date)
            accepted_end = resume = date.end
    return spans


def _date_at(scanner: re.Pattern, text: str, start: int, title_end: int,
             accepted_end: int) -> DateSpan | None:
    """The date expression beginning at ``start``, if any (context-checked)."""
    m = scanner.match(text, start)
    if m is None:
        return None
    kind = _KIND_OF_GROUP[m.lastgroup]
    end = m.end()
    expr = m.group()
    if kind == "year":
        if not _bare_year_ok(text, start, end, title_end, accepted_end):
            return None
    elif kind == "year3":
        if not _bare_year_ok(text, start, end, title_end, accepted_end, three_digit=True):
            return None
    elif kind == "range":
        if not _range_ok(expr) or _in_digit_run(text, start, end) \
                or _labelled(text, start) \
                or _count_follows(text, end):
            return None
    elif kind in ("my", "era_year", "bc_range", "decade"):
        if _next_word_is_count(text, end):
            return None
    elif kind == "century" and expr.endswith("-century"):
        # Adjective: in "the 14th-century rising" the "the" belongs to "rising".
        the = _LEADING_THE.match(expr)
        if the:
            start += the.end()
            expr = expr[the.end():]
    languages: tuple[str, ...] = ("en",)
    query = " ".join(expr.split())
    if kind in ("foreign_dmy", "hu_ymd", "foreign_my"):
        languages = _FOREIGN_MONTHS[_FMONTH_RE.search(expr).group().lower()]
    elif kind == "dmy":
        query = _DAY_DOT.sub(r"\1", query)      # "4. September 1864" (German order) is 4 September
    elif kind == "era_first":
        query += " " + _ERA_RE.search(text, end).group()
    return DateSpan(start, end, expr, kind, query, languages)


_ERA_RE = re.compile(_ERA)
_DAY_DOT = re.compile(r"^(\d+)\.")
_SEASON_WORD = re.compile("|".join(sorted(SEASONS, key=len, reverse=True)), re.IGNORECASE)
_SEASON_YEAR = re.compile(r"(\d{1,4})(?:\s*[-\u2013/]\s*\d{1,4})?\s*(" + _ERA + ")?")


def _season_value(query: str) -> tuple[str, int, int]:
    """'The winter of 54-53 BC' -> '-0053-24': the season of its first year (EDTF 21-24)."""
    code = SEASONS[_SEASON_WORD.search(query).group().lower()]
    m = _SEASON_YEAR.search(query)
    year = int(m.group(1))
    if m.group(2) and m.group(2).upper().startswith("B"):
        year = 1 - year
    return f"{year_text(year)}-{code}", year, year


_FMONTH_RE = re.compile(_FMONTH)
_LEADING_THE = re.compile(r"(?i:the)\s+")


# --------------------------------------------------------------------------
# Reading spans as dates


@functools.lru_cache(maxsize=8192)
def _resolve(query: str, languages: tuple[str, ...]) -> tuple[str, int, int] | None:
    try:
        d = parse_date(query, languages)
    except DateParseError:
        return None
    return d.edtf, d.lower_year, d.upper_year


def resolve(span: DateSpan) -> tuple[str, int, int] | None:
    """(EDTF, lower year, upper year) of a span, or None if it is not a date."""
    if span.period is not None:
        return _period_span(span.period)
    if span.kind.endswith("~"):        # "about 50 BC": the year's value, approximate
        found = resolve(replace(span, kind=span.kind[:-1]))
        return None if found is None else (found[0].rstrip("~") + "~", found[1], found[2])
    if span.kind in ("year", "year3"):
        year = int(span.query)          # fast path for the commonest form: "1956", "800"
        return f"{year:04d}", year, year
    if span.kind in ("season", "foreign_season"):
        return _season_value(span.query)
    return _resolve(span.query, span.languages)


@functools.lru_cache(maxsize=1024)
def _period_span(period: Period) -> tuple[str, int, int] | None:
    try:
        return period.span()
    except DateParseError:
        return None


def clear_caches(gazetteer: bool = False) -> None:
    """Forget every date read so far (the bench measures cold runs).

    With ``gazetteer``, also forget the compiled period index and period dates.
    """
    _resolve.cache_clear()
    if gazetteer:
        _period_span.cache_clear()
        _period_index.cache_clear()


# --------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = frozenset(
    "c ca cf e.g i.e etc st dr mr mrs ms prof gen col capt lt sgt rev no nos vol pp p fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec vs approx".split())
# Only from the first mark of a run, possessively: a run of 100,000 dots is
# read once, not once from each of its dots.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++['\"\u201d\u2019)\]]*+\s++(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n")


_MONTH_AFTER = re.compile(_FMONTH + "|" + _MONTH_ANY)


def _sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (always begins with 0)."""
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        dot = m.start()
        if text[dot] == ".":
            word = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                continue        # "c. 1893", "St. Petersburg"
            if token.isdigit() and len(token) <= 2 and _MONTH_AFTER.match(text, m.end()):
                continue        # "14. Januar 1919"
        starts.append(m.end())
    return starts


class _Sentences:
    """The sentence around an offset, each sentence normalised once.

    Mentions come in text order, so a cursor walks the sentence starts
    forward: n mentions in one long sentence cost one split, not n (a
    100,000-character paragraph with 12,500 dates took seconds when every
    mention re-split its sentence).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = _sentence_bounds(text)
        self._i = -1
        self._sentence = ""

    def start_at(self, offset: int) -> int:
        """Where the sentence holding ``offset`` begins."""
        import bisect

        return self._starts[bisect.bisect_right(self._starts, offset) - 1]

    def at(self, offset: int) -> str:
        import bisect

        i = bisect.bisect_right(self._starts, offset) - 1
        if i != self._i:
            begin = self._starts[i]
            finish = self._starts[i + 1] if i + 1 < len(self._starts) else len(self._text)
            self._i, self._sentence = i, " ".join(self._text[begin:finish].split())
        return self._sentence


# --------------------------------------------------------------------------
# Articles


def extract_article(article_id: str, text: str, periods: Iterable[Period] | None = None,
                    title: str | None = None, document_date: Day | None = None,
                    unresolved: bool = False) -> list[Mention]:
    """The date mentions of one article (its whole text: optional ``date:`` line, title line, blank line, body).

    Relative expressions get their value from the reference time (the latest
    earlier date of the precision they need) or the document date:
    ``document_date`` if given, else the article's ``date:`` header line.
    With ``unresolved``, expressions that have no base here are included
    with an empty ``edtf`` (and ``lower``/``upper`` None); without it they
    are left out, so callers that place mentions on the timeline see only
    dated ones.
    """
    header_date, body = date_header(text)
    document = document_date or header_date
    if title is None:
        title = text[body:].split("\n", 1)[0].strip()
    items: list[DateSpan | Relative] = [_with_qualifier(text, s) for s in find_dates(text, periods, body)]
    items += find_relative(text, body, weekdays=document is not None)
    if not items:
        return []
    sentences = _Sentences(text)
    reference = Reference()
    mentions = []
    for item in _disjoint(items):
        sentence = sentences.at(item.start)
        if isinstance(item, Relative):
            # The clause before it, bounded: tense words are near ("will visit ... on Sunday").
            before = text[max(sentences.start_at(item.start), item.start - _TENSE_WINDOW):item.start]
            found = resolve_relative(item, reference, document, speaks_of_future(before))
            if found is None:
                if unresolved and item.base != "either":
                    mentions.append(Mention(article_id, title, item.expression, item.start, item.end,
                                            "", None, None, sentence))
                continue
            edtf, anchor, anchor_start = found.edtf, found.anchor, found.anchor_start
            lower, upper = _years_of(edtf)
        else:
            resolved = resolve(item)
            if resolved is None:
                continue
            edtf, lower, upper = resolved
            anchor, anchor_start = "", -1
        reference.see(edtf, item.expression, item.start)
        mentions.append(Mention(article_id, title, item.expression, item.start, item.end, edtf,
                                lower, upper, sentence, anchor, anchor_start))
    return mentions


_TENSE_WINDOW = 160
"""Characters before a relative expression read for its tense."""


def _disjoint(items: list) -> list:
    """Text order; of overlapping expressions the leftmost, then the longest, then the explicit one."""
    items.sort(key=lambda i: (i.start, -i.end, isinstance(i, Relative)))
    kept: list = []
    for item in items:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


_YEAR_IN_EDTF = re.compile(r"-?\d{4}")


def _years_of(edtf: str) -> tuple[int, int]:
    years = [int(y) for y in _YEAR_IN_EDTF.findall(edtf)]
    return min(years), max(years)


_QUALIFIED_KINDS = frozenset(("year", "year3", "era_year", "ad_year", "my", "foreign_my", "era_first"))
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?P<q>" + "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS + APPROXIMATE),
                                          key=len, reverse=True)) + r")(?:(?<=-)|\s+)$", re.IGNORECASE)


_QUALIFIER_CUE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
    + r")(?:(?<=-)|\s+)$", re.IGNORECASE)
"""A qualifier before a bare number ('early 2011', 'finales de 1939') says it is a year."""


_QUALIFIER_LAST_WORDS = frozenset(q.lower().split()[-1].rstrip("-") for q in QUALIFIERS + APPROXIMATE)


def _with_qualifier(text: str, span: DateSpan) -> DateSpan:
    """'early 2011', 'the rest of 53 BC', 'about 50 BC', 'fiscal 1989': the qualifier joins the span.

    The value stays the year's; 'about' and its kin make it approximate.
    """
    if span.kind not in _QUALIFIED_KINDS:
        return span
    words = _last_words(text[max(0, span.start - 12):span.start])
    if not words or words[-1] not in _QUALIFIER_LAST_WORDS:
        return span                   # the common case, "in 1956", without a regular expression
    m = _QUALIFIER_BEFORE.search(text, max(0, span.start - 24), span.start)
    if not m:
        return span
    q = " ".join(m.group("q").lower().split())
    return replace(span, start=m.start(), expression=text[m.start():span.end],
                   kind=span.kind + ("~" if q in APPROXIMATE else ""))


def default_periods() -> list[Period]:
    """The shipped gazetteer ``events/periods.csv`` (empty if it is missing)."""
    from ..data.paths import PERIODS_CSV

    return load_periods(PERIODS_CSV) if PERIODS_CSV.exists() else []


_DEFAULT = object()


def _articles(path: Path):
    from ..data.sources import load_articles, read_article

    if path.is_dir():
        return list(load_articles(path).values())
    if path.is_file():
        return [read_article(path)]
    raise FileNotFoundError(f"no article file or folder at {path}")


def extract_path(path: Path | str, periods: Sequence[Period] | None | object = _DEFAULT) -> list[Mention]:
    """Mentions of one article file, or of every ``*.txt`` article in a folder.

    The title is the file's first line, the article id its file stem.
    ``periods`` defaults to the shipped gazetteer; pass ``None`` or ``[]`` for
    no named periods.
    """
    if periods is _DEFAULT:
        periods = default_periods()
    gazetteer = _as_tuple(periods)  # type: ignore[arg-type]
    mentions: list[Mention] = []
    for a in _articles(Path(path)):
        mentions.extend(extract_article(a.id, a.text, gazetteer, title=a.title))
    return mentions


def write_mentions_csv(mentions: Iterable[Mention], out_path: Path | str) -> None:
    """Write mentions as UTF-8 CSV, columns in :data:`MENTION_COLUMNS` order."""
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(MENTION_COLUMNS)
        for m in mentions:
            w.writerow([getattr(m, c) for c in MENTION_COLUMNS])
