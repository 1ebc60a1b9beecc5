"""Words of time, per language, as data: relative cues, units, numbers, seasons, weekdays.

The relative-expression patterns of :mod:`.relative` are built from these
tables, so a language is added by adding words here, not code.  Month names
of the foreign languages come from dateparser's language data (see
:mod:`.extractor`); English month names are capitalised in prose, so they
are matched case-sensitively.
"""

from __future__ import annotations

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")

EN_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
                          "Oct", "Nov", "Dec")

SEASONS = {  # word -> EDTF season code (21 spring ... 24 winter)
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
    "frühling": 21, "frühjahr": 21, "sommer": 22, "herbst": 23,
    "printemps": 21, "été": 22, "automne": 23, "hiver": 24,
    "primavera": 21, "verano": 22, "otoño": 23, "invierno": 24,
    "wiosna": 21, "wiosną": 21, "latem": 22, "lato": 22, "jesienią": 23, "zimą": 24,
    "весной": 21, "летом": 22, "осенью": 23, "зимой": 24,
    "tavasszal": 21, "nyáron": 22, "ősszel": 23, "télen": 24,
}
EN_SEASONS = frozenset(("spring", "summer", "autumn", "fall", "winter"))
SEASON_START_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}
SEASON_END_MONTH = {21: 5, 22: 8, 23: 11, 24: 14}
"""Winter ends in February of the next year (month 14 of its first year)."""

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

UNITS = {  # word -> unit; plural and inflected forms included
    "year": "year", "years": "year", "month": "month", "months": "month",
    "week": "week", "weeks": "week", "day": "day", "days": "day", "decade": "decade", "decades": "decade",
    "morning": "day", "afternoon": "day", "evening": "day", "night": "day",
    "jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year", "monat": "month",
    "monate": "month", "monaten": "month", "woche": "week", "wochen": "week",
    "tag": "day", "tage": "day", "tagen": "day",
    "an": "year", "ans": "year", "année": "year", "années": "year", "mois": "month",
    "semaine": "week", "semaines": "week", "jour": "day", "jours": "day",
    "año": "year", "años": "year", "mes": "month", "meses": "month", "semana": "week",
    "semanas": "week", "día": "day", "días": "day",
    "rok": "year", "lata": "year", "lat": "year", "roku": "year", "miesiąc": "month",
    "miesiące": "month", "miesięcy": "month", "tydzień": "week", "tygodnie": "week",
    "dzień": "day", "dni": "day", "dnia": "day",
    "год": "year", "года": "year", "лет": "year", "году": "year", "месяц": "month",
    "месяца": "month", "месяцев": "month", "неделю": "week", "недели": "week",
    "недель": "week", "день": "day", "дня": "day", "дней": "day",
    "év": "year", "évvel": "year", "évben": "year", "hónappal": "month", "héttel": "week",
    "nappal": "day", "nap": "day",
}

PLURAL_UNITS = frozenset(("years", "months", "weeks", "days", "decades", "jahre", "jahren", "monate", "tage",
                          "années", "ans", "jours", "años", "días", "meses", "lata", "lat", "dni", "лет",
                          "дней"))
"""Plural units: after 'the following' they name no single date."""

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "ein": 1, "eine": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
    "dreißig": 30, "fünfzig": 50,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "vingt": 20, "trente": 30,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20, "treinta": 30,
    "jeden": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6,
    "siedem": 7, "osiem": 8, "dziewięć": 9, "dziesięć": 10, "dwadzieścia": 20,
    "trzydzieści": 30,
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20,
    "egy": 1, "két": 2, "kettő": 2, "három": 3, "négy": 4, "öt": 5, "hat": 6, "hét": 7,
    "nyolc": 8, "kilenc": 9, "tíz": 10, "húsz": 20, "harminc": 30, "negyven": 40,
    "ötven": 50,
}
NUMBER_PREFIXES = {"tizen": 10, "huszon": 20, "harminc": 30, "negyven": 40, "ötven": 50}
"""Hungarian writes 31 as one word: harminc + egy."""


def number_value(words: str) -> int | None:
    """'Fifty' -> 50, 'twenty-five' -> 25, 'Dwadzieścia pięć' -> 25, 'Harmincegy' -> 31, '3' -> 3."""
    if words.isdigit():
        return int(words)
    total = 0
    for word in words.lower().replace("-", " ").split():
        if word in NUMBERS:
            total += NUMBERS[word]
            continue
        for prefix, tens in NUMBER_PREFIXES.items():
            if word.startswith(prefix) and word[len(prefix):] in NUMBERS:
                total += tens + NUMBERS[word[len(prefix):]]
                break
        else:
            return None
    return total or None


# Relative phrases, per meaning.  Each entry is a regular expression (matched
# case-insensitively on its first letter, as a sentence may begin with it).
# {UNIT} is a unit word, {NUM} a number, {SEASON} a season word.
NEXT = ("the following", "the next", "the succeeding", "the subsequent",
        "im folgenden", "im nächsten", "am folgenden", "am nächsten", "in der folgenden",
        "in der nächsten", "a következő", "następnego", "następnej")
"""Before a unit: the one after the reference ('the following year', 'im folgenden Jahr')."""
NEXT_AFTER = ("suivante", "suivant", "siguiente", "następny", "następnym")
"""After a unit: "l'année suivante", "le mois suivant", "el año siguiente"."""
PREVIOUS = ("the previous", "the preceding", "the prior", "im vorigen", "im vorangegangenen")
SAME = ("the same", "that same", "that", "том же", "ese", "esa", "aquel", "aquella",
        "ce", "cette", "cet", "im selben", "im gleichen", "tego samego", "ugyanabban az")
# After a count and its unit: "two years later", "zwei Jahre später", "a year ago".
LATER = ("later", "afterwards", "after that", "später", "danach", "plus tard", "après",
         "después", "más tarde", "później", "спустя", "később", "múlva")
EARLIER = ("earlier", "before", "previously", "before that", "früher", "zuvor", "vorher",
           "plus tôt", "auparavant", "antes", "wcześniej", "раньше", "korábban")
AGO = ("ago", "temu", "назад")
"""Counted back from the document date, not the reference time."""
IN_FUTURE = ("через",)
"""Before a number: 'через два года' (two years later)."""

DOC_LAST = ("last", "letzten", "letztes", "vergangenen", "dernier", "dernière", "pasado", "pasada",
            "zeszłym", "ubiegłym", "прошлом", "прошлой", "tavaly")
DOC_THIS = ("this", "diesen", "dieses", "diesem", "cette", "ce", "este", "esta", "tym", "этом",
            "этой")
DOC_NEXT = ("next", "nächsten", "nächstes", "prochain", "prochaine", "próximo", "próxima",
            "przyszłym", "следующем", "следующей")

FUTURE_MARKERS = frozenset(
    "will would shall 'll going due expected plans planned plan scheduled intends "
    "wird werden soll sollen va vont sera seront".split())
"""Words before a month or weekday (in its sentence) that make it the coming one in news."""

DAY_WORDS = {  # document-relative days: offset from the document date
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
    "heute": 0, "gestern": -1, "morgen": 1, "aujourd'hui": 0, "hier": -1, "demain": 1,
    "hoy": 0, "ayer": -1, "mañana": 1, "dziś": 0, "dzisiaj": 0, "wczoraj": -1, "jutro": 1,
    "сегодня": 0, "вчера": -1, "завтра": 1, "ma": 0, "tegnap": -1, "holnap": 1,
}
NARRATIVE_DAY_WORDS = {  # reference-relative days in one word
    "másnap": 1, "aznap": 0, "tags darauf": 1, "le lendemain": 1, "lendemain": 1,
    "la veille": -1, "nazajutrz": 1, "назавтра": 1,
}

PART_OF_DAY = ("morning", "afternoon", "evening", "night")

QUALIFIERS = ("the rest of", "the end of", "the beginning of", "the start of", "the middle of",
              "early", "late", "mid-", "mid", "fiscal",
              "finales de", "finales del", "inicios de", "principios de", "mediados de",
              "fin de", "fines de", "début", "fin", "Anfang", "Ende", "Mitte", "Ende des")
"""Words before a year or month that stay in its span but not in its value ('early 2011' is 2011)."""
APPROXIMATE = ("about", "around", "approximately", "circa", "etwa", "um", "vers", "hacia", "około",
               "около", "körülbelül")
"""Words before a year that make its value approximate ('about 50 BC' is -0049~)."""

HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "new year's day": (1, 1), "new year's eve": (12, 31), "weihnachten": (12, 25),
            "noël": (12, 25), "navidad": (12, 25)}


EXTRA_MONTH_FORMS = {
    # Russian months after "в" take the prepositional case ("в декабре"),
    # which dateparser's data lacks.
    "ru": {1: ("январе",), 2: ("феврале",), 3: ("марте",), 4: ("апреле",), 5: ("мае",),
           6: ("июне",), 7: ("июле",), 8: ("августе",), 9: ("сентябре",), 10: ("октябре",),
           11: ("ноябре",), 12: ("декабре",)},
}
"""Month forms added to dateparser's, by language and month number."""

MONTH_PREPOSITIONS = (
    "in", "In", "by", "By", "until", "Until", "till", "since", "Since", "from", "From", "during",
    "During", "before", "Before", "after", "After", "and", "or", "to",
    "im", "Im", "bis", "seit", "vom", "en", "En", "depuis", "jusqu'en", "dès", "desde", "hasta",
    "w", "W", "we", "We", "od", "do", "в", "В", "во", "Во", "с", "до")
"""Words after which a month name alone is a date ('in March', 'im April', 'w maju')."""
NAME_MONTHS = ("April", "May", "June", "August")
"""English months that are also first names ('a letter from August Bebel')."""
TIME_PREPOSITIONS = frozenset(("in", "during", "until", "till", "since"))
"""After these a month is a month even before a capitalised word ('In October United Nations forces')."""
