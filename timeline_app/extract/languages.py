"""The languages whose dates are read besides English, and their month names.

Month names come from dateparser's language data (plus the forms in
:data:`.vocabulary.EXTRA_MONTH_FORMS` it lacks), so adding a language is
adding its code here and its relative words to :mod:`.vocabulary`.
"""

from __future__ import annotations

from .vocabulary import EN_MONTH_ABBREVIATIONS, EN_MONTHS, EXTRA_MONTH_FORMS

FOREIGN_LANGUAGES = ("pl", "de", "hu", "ru", "es", "fr")
"""Languages whose dates ("23 października 1956", "3 mai 1936") are recognised."""


def _foreign_month_names() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Month names of :data:`FOREIGN_LANGUAGES`, from dateparser's language data.

    Returns name -> languages, and name -> month number (1-12).
    """
    import importlib

    english = {m.lower() for m in EN_MONTHS + EN_MONTH_ABBREVIATIONS}
    names: dict[str, set[str]] = {}
    numbers: dict[str, int] = {}
    for lang in FOREIGN_LANGUAGES:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
        for number, key in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                      "august", "september", "october", "november", "december"), 1):
            for name in (*info.get(key, ()), *EXTRA_MONTH_FORMS.get(lang, {}).get(number, ())):
                low = name.lower()
                # Whole alphabetic words only: Hungarian "X" (Roman numeral) and
                # 1-2 letter abbreviations would match far too much.
                if len(low) < 3 or not low.isalpha() or set(name) <= set("IVXLC"):
                    continue
                if low in english:
                    continue
                names.setdefault(low, set()).add(lang)
                numbers[low] = number
    return {k: tuple(sorted(v)) for k, v in names.items()}, numbers


FOREIGN_MONTHS, FOREIGN_MONTH_NUMBERS = _foreign_month_names()
