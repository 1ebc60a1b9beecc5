"""The extractor on the narrative gold set (tests/gold/narrative, issue 12): texts written and
annotated before the extractor learnt relative dates, scored per style and overall.

The bounds are the figures reached when this test was written (not more);
spans are exact (as in tests/test_extract.py), values compared where spans match.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from scoring import load_gold, score, spans_from_mentions

from timeline_app.data.sources import load_articles
from timeline_app.extract.extractor import default_periods, extract_article

GOLD = Path(__file__).resolve().parent / "gold"
FOLDER = GOLD / "narrative"

with open(FOLDER / "index.csv", newline="", encoding="utf-8") as f:
    STYLE = {r["article"]: r["style"] for r in csv.DictReader(f)}


def _mentions():
    periods = tuple(default_periods())
    out = []
    for a in load_articles(FOLDER).values():
        out += extract_article(a.id, a.text, periods, title=a.title, unresolved=True)
    return out


MENTIONS = _mentions()
GOLD_SPANS = load_gold(GOLD / "narrative.csv")

# style: (min F1, min EDTF agreement on matched spans)
BOUNDS = {
    "ancient": (1.0, 1.0),
    "war": (1.0, 1.0),
    "biography": (0.99, 1.0),      # "The Nobel Prize in Chemistry for 1944" is missed
    "news": (1.0, 1.0),
    "passage": (1.0, 1.0),
}


@pytest.mark.parametrize("style", sorted(BOUNDS))
def test_f1_and_values_by_style(style):
    ids = [a for a, s in STYLE.items() if s == style]
    s = score(spans_from_mentions(MENTIONS), GOLD_SPANS, articles=ids)
    f1_min, edtf_min = BOUNDS[style]
    assert s.f1 >= f1_min and s.edtf_agreement >= edtf_min, s.summary() + "\n" + s.errors()


def test_overall():
    s = score(spans_from_mentions(MENTIONS), GOLD_SPANS)
    assert s.f1 >= 0.998 and s.precision == 1.0 and s.edtf_agreement == 1.0, s.summary() + "\n" + s.errors()


def test_relative_values():
    """Values of the relative rows (narrative, document; unresolved ones have none)."""
    with open(GOLD / "narrative.csv", newline="", encoding="utf-8") as f:
        relative = {(r["article"], int(r["char_start"]), int(r["char_end"])): r["edtf"]
                    for r in csv.DictReader(f) if r["kind"] != "explicit"}
    got = {(m.article, m.char_start, m.char_end): m.edtf for m in MENTIONS}
    matched = [k for k in relative if k in got]
    agree = sum(got[k] == relative[k] for k in matched)
    assert len(matched) == len(relative) and agree == len(matched), (len(relative), len(matched), agree)


def test_header_is_the_document_date_not_a_mention():
    text = "date: 2013-03-22\nStrike\n\nThe walkout began on Monday and talks resume next month."
    got = {m.expression: (m.edtf, m.anchor) for m in extract_article("x", text)}
    assert got == {"Monday": ("2013-03-18", "date:"), "next month": ("2013-04", "date:")}


def test_without_a_document_date_no_value_is_guessed():
    text = "Museum\n\nThe museum opened in 1990 and will grow next year."
    got = [(m.expression, m.edtf) for m in extract_article("x", text, unresolved=True)]
    assert got == [("1990", "1990"), ("next year", "")]
    assert [m.expression for m in extract_article("x", text)] == ["1990"]


def test_anchor_names_the_expression_counted_from():
    text = "Caesar\n\nIn March 58 BC he left Rome; on 28 March he was at Geneva. The next day he marched."
    got = {m.expression: (m.edtf, m.anchor, m.anchor_start) for m in extract_article("x", text)}
    assert got["28 March"] == ("-0057-03-28", "March 58 BC", text.index("March 58 BC"))
    assert got["The next day"] == ("-0057-03-29", "28 March", text.index("28 March"))


def test_extract_command_takes_the_document_date(tmp_path, capsys):
    from timeline_app.commands import extract_command

    article = tmp_path / "strike.txt"
    article.write_text("Strike\n\nTalks broke down yesterday and resume next month.", encoding="utf-8")
    out = tmp_path / "m.csv"
    assert extract_command(article, out) == 0
    with open(out, newline="", encoding="utf-8") as f:
        rows = [(r["expression"], r["edtf"], r["anchor"]) for r in csv.DictReader(f)]
    assert rows == [("yesterday", "", ""), ("next month", "", "")]        # reported, no value guessed
    assert extract_command(article, out, force=True, document_date="2013-03-22") == 0
    with open(out, newline="", encoding="utf-8") as f:
        rows = [(r["expression"], r["edtf"], r["anchor"]) for r in csv.DictReader(f)]
    assert rows == [("yesterday", "2013-03-21", "date:"), ("next month", "2013-04", "date:")]
    capsys.readouterr()
    assert extract_command(article, out, force=True, document_date="2013-02-30") == 2
    assert "--date '2013-02-30' is not a day; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_an_articles_date_line_is_neither_title_nor_body(tmp_path):
    from timeline_app.data.sources import read_article

    path = tmp_path / "floods.txt"
    path.write_text("date: 2021-07-16\nFloods sweep the Ahr\n\nThe river rose today.", encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.body) == ("Floods sweep the Ahr", "The river rose today.")
    path.write_text("date: 2021-02-30\nNot a day\n\nText.", encoding="utf-8")      # not a date line: text
    assert read_article(path).title == "date: 2021-02-30"
