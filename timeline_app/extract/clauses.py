"""The clause around a date, and a short title drafted from it.

A proposed event quotes "the shortest clause around the date that still
reads on its own".  Without a parser, clauses are cut where English marks
them: a semicolon, a colon or a dash, and a comma before a word that opens a
new clause ("and", "but", "where", "which", a participle such as "speaking").
A clause that cannot stand alone (it opens with "where", "which" or a
participle, or has fewer than :data:`MIN_WORDS` words) is joined to the one
before it.  A sentence that opens with a subordinate clause ("When police
clubbed ... on 24 February 1912, the outcry reached Congress") is cut at the
comma that closes it.  Offsets always point into the text, so a quote is
copied exactly as written.

No Dash imports: the CLI, the bench and the app all use this.
"""

from __future__ import annotations

import re

from .extractor import _sentence_bounds

MIN_WORDS = 4
"""A shorter piece ("and Syria in 1912") is part of a list, not a clause."""
TITLE_MAX = 70

_CONJUNCTIONS = r"(?:and|but|or|yet|so|then)"
_DEPENDENT_OPENERS = r"(?:where|which|who|whom|whose|when|while|whereas|although|though|because|[a-z]+ing)"
_HARD_CUT = re.compile(r"\s*;\s*|:\s+|\s+[\u2013\u2014-]{1,2}\s+")
_SOFT_CUT = re.compile(r",\s+(?=(?:" + _CONJUNCTIONS + "|" + _DEPENDENT_OPENERS + r")\b)")
_LEADING_CONJUNCTION = re.compile(_CONJUNCTIONS + r"\s+")
_DEPENDENT = re.compile(_DEPENDENT_OPENERS + r"\b")
_SUBORDINATE_OPENING = re.compile(
    r"(?:When|After|Before|As|Although|Though|While|If|Because|Since|Once|Until|Whereas)\b[^,;:]*,\s+")
_TRAILING = ".,;:!?\u2026 \t\r\n"


def sentence_span(text: str, start: int, end: int, starts: list[int] | None = None) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end], without its closing punctuation."""
    import bisect

    starts = starts if starts is not None else _sentence_bounds(text)
    i = bisect.bisect_right(starts, start) - 1
    begin = starts[i]
    finish = starts[i + 1] if i + 1 < len(starts) else len(text)
    return _trimmed(text, begin, max(finish, end))


def clause_span(text: str, start: int, end: int, starts: list[int] | None = None) -> tuple[int, int]:
    """(start, end) of the shortest clause around text[start:end] that reads on its own."""
    s_begin, s_end = sentence_span(text, start, end, starts)
    sentence = text[s_begin:s_end]
    cuts = [(m.start(), m.end()) for m in _HARD_CUT.finditer(sentence)]
    cuts += [(m.start(), m.end()) for m in _SOFT_CUT.finditer(sentence)]
    opening = _SUBORDINATE_OPENING.match(sentence)
    if opening:
        comma = opening.end() - len(opening.group()) + opening.group().rindex(",")
        cuts.append((comma, opening.end()))
    pieces = _pieces(sentence, sorted(cuts))
    local_start, local_end = start - s_begin, end - s_begin
    first = next(i for i, (a, b) in enumerate(pieces) if b > local_start)
    last = next(i for i, (a, b) in enumerate(pieces) if b >= local_end)
    while first > 0 and _cannot_stand(sentence, pieces[first]):
        first -= 1
    if last + 1 < len(pieces) and (_cannot_stand(sentence, (pieces[first][0], pieces[last][1]))
                                   or (first == 0 and opening is not None)):
        last += 1                 # "When police clubbed ...," needs the clause it leads to
    a, b = pieces[first][0], pieces[last][1]
    return _trimmed(text, s_begin + a, s_begin + b)


def _pieces(sentence: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans between the cuts, a leading "and"/"but" left out of each."""
    pieces = []
    begin = 0
    for cut_start, cut_end in cuts:
        if cut_start < begin:
            continue              # overlapping cuts: keep the first
        pieces.append((begin, cut_start))
        begin = cut_end
    pieces.append((begin, len(sentence)))
    out = []
    for i, (a, b) in enumerate(pieces):
        conj = _LEADING_CONJUNCTION.match(sentence, a) if i else None
        out.append((conj.end() if conj and conj.end() < b else a, b))
    return out


def _cannot_stand(sentence: str, piece: tuple[int, int]) -> bool:
    a, b = piece
    return bool(_DEPENDENT.match(sentence, a)) or _words(sentence[a:b]) < MIN_WORDS


def _words(text: str) -> int:
    return len(text.split())


def _trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1] in _TRAILING:
        end -= 1
    return begin, end


# --------------------------------------------------------------------------
# Titles

_PREPOSITION = (r"(?:in|on|of|during|from|by|until|till|since|ever since|at|after|before|around|about|"
                r"between|as early as|as late as)")
_OPENING_PHRASE = re.compile(r"(?:(?:Early|Late|Later|Then|Ever)\s+)?(?i:in|on|during|by|from|at|after|before|"
                             r"until|since|around|about|as early as|as late as|early in|late in)\b")
_AND = re.compile(r"\s+(?=and\s)")
_ADJUNCT = re.compile(r",\s+(?=(?:at|in|on|with|for|by|during|after|before|from|to|as)\s)")
"""A comma before a preposition opens a phrase a title can do without: ", at the age of 43"."""
FRAGMENT_WORDS = 3
"""A title cut in a piece after its last comma keeps the piece only from this many words."""
_DATE_LEAD = re.compile(r"\s*(?:\b" + _PREPOSITION + r"\s+)?(?:the\s+)?\(?$")
"""What goes with a date from a title: "on" in "came into force on 1 January 1912"."""
OPENING_WORDS = 8
"""An opening phrase is dropped from a title with its date only when it is this short."""
_STOP_WORDS = frozenset(
    "a an the and or but of in on at to for by with from as that which who whom whose "
    "her his their its our my your this these those into onto than then so yet "
    "was were is are be been being had has have did do does would could should will".split())
_WORD = re.compile(r"\S+")


def draft_title(quote: str, expression: str) -> str:
    """A title of at most :data:`TITLE_MAX` characters: the quote without its date, cut at a word.

    The date is left out because the timeline shows it: a short opening
    phrase that ends with the date ("On 11 January 1912 ...", "In the last
    days of January 1918 ...") goes whole, a date later in the clause goes
    with its preposition ("... came into force on 1 January 1912").
    """
    at = quote.find(expression)
    title = quote
    if at >= 0:
        before = quote[:at]
        if (_OPENING_PHRASE.match(before) and _words(before) <= OPENING_WORDS) \
                or before.strip().lower() in ("", "the"):
            title = quote[at + len(expression):]
        else:
            lead = _DATE_LEAD.search(before)
            after = at + len(expression)
            after += quote.startswith(")", after) and lead is not None and lead.group().endswith("(")
            title = quote[:lead.start() if lead else at] + quote[after:]
    title = " ".join(title.replace(" ,", ",").split()).strip(" ,;:")
    title = _LEADING_CONJUNCTION.sub("", title, count=1) if _LEADING_CONJUNCTION.match(title) else title
    if not title:
        return _shortened(quote)
    return _shortened(title[0].upper() + title[1:])


def _shortened(title: str) -> str:
    """At most TITLE_MAX characters, cut at a clause if one ends late enough, else at a word.

    It never ends in a word that needs another ("of", "the", "were"), in a
    piece of under :data:`FRAGMENT_WORDS` words left after a comma by the cut
    ("..., at the age"), or with a bracket or quotation mark open.
    """
    cut = len(title) > TITLE_MAX
    if cut:
        clause_ends = [m.start() for rx in (_SOFT_CUT, _AND, _ADJUNCT) for m in rx.finditer(title)
                       if TITLE_MAX // 2 <= m.start() <= TITLE_MAX]
        clause_ends.sort()
        title = title[:clause_ends[-1]] if clause_ends else title[:title.rfind(" ", 0, TITLE_MAX + 1)]
    title = _whole_words(title)
    last_comma = title.rfind(", ")
    if cut and last_comma > 0 and _words(title[last_comma + 1:]) < FRAGMENT_WORDS:
        title = _whole_words(title[:last_comma])
    return title


def _whole_words(title: str) -> str:
    words = _WORD.findall(title)
    while len(words) > 1 and (words[-1].lower().strip(",;:") in _STOP_WORDS or _unbalanced(" ".join(words))):
        words.pop()
    return " ".join(words).rstrip(",;:-\u2013\u2014 ")


def _unbalanced(text: str) -> bool:
    return text.count("(") != text.count(")") or text.count('"') % 2 == 1
