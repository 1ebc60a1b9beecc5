"""The extractor's time grows linearly with the text, whatever the text.

A ratio over growing sizes, not a wall-clock bound: each input is timed at n
and 4n characters (best of five runs, CPU time of this thread, so neither
other processes nor the browser tests' app threads in this one count; the two
sizes' runs taken in turns, so that a moment when the other core's work slows
this one falls on both) and 4x the text must take less than 6x the time.  Quadratic work shows as 16x.  The inputs are the shapes that
once were, or could be, quadratic: one sentence holding thousands of dates
(each mention re-split its sentence), many rejected numbers after one
accepted year (the list check read the whole gap), long runs of sentence
punctuation, whitespace and digits.
"""

from __future__ import annotations

import time

import pytest

from timeline_app.extract.extractor import extract_article

SHAPES = {
    "dates in one sentence": "in 1956 ",
    "rejected numbers after a year": "a 1234 b ",
    "bare years": "1956 ",
    "BC years": "73 BC ",
    "ranges": "1956-",
    "month years": "March 1956. ",
    "trigger words": "early summer of the ",
    "dots": ".",
    "sentence ends": ". ",
    "newlines": "\n",
    "apostrophes": "'",
    "digits": "1",
    "spaces after a number": " ",
    "relative expressions": "the next day, two years later, in March, that summer; ",
}
NEWS = "they will meet on Friday, met last week and yesterday; "
SHAPES["document-date expressions in one sentence"] = NEWS

SMALL = 10_000


def _cpu_seconds(*texts: str) -> list[float]:
    """The best CPU time of each text over five runs, the texts' runs taken in turns."""
    best = [float("inf")] * len(texts)
    for _ in range(5):
        for k, text in enumerate(texts):
            t0 = time.thread_time()
            extract_article("x", text)
            best[k] = min(best[k], time.thread_time() - t0)
    return best


def _text(unit: str, n: int) -> str:
    header = "date: 2013-03-22\n" if unit == NEWS else ""
    return header + "Title\n\nIn 1956 " + unit * (n // len(unit))


@pytest.mark.parametrize("unit", SHAPES.values(), ids=list(SHAPES))
def test_four_times_the_text_takes_less_than_six_times_the_time(unit):
    small, large = _cpu_seconds(_text(unit, SMALL), _text(unit, 4 * SMALL))
    # Below a few milliseconds the ratio is timer noise, not growth.
    assert large < max(6 * small, 0.01), f"{SMALL} chars: {small:.4f} s, {4 * SMALL}: {large:.4f} s"


def test_a_sentence_of_12500_dates_keeps_every_date():
    text = _text("in 1956 ", 100_000)
    mentions = extract_article("x", text)
    assert len(mentions) == 12_501
    # One shared sentence string, not 12,501 copies.
    assert len({id(m.sentence) for m in mentions}) == 1
