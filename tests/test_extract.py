"""Tests of the date extractor (timeline_app.extract.extractor) and its gold-standard scores."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timeline_app.commands import extract_command
from scoring import load_gold, score, spans_from_mentions, spans_from_substrings

from timeline_app.data.periods import Period, load_periods
from timeline_app.extract import extractor as extract
from timeline_app.extract.extractor import (
    MENTION_COLUMNS,
    Mention,
    extract_article,
    extract_path,
    find_dates,
    resolve,
    write_mentions_csv,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "events" / "sources"
GOLD = ROOT / "tests" / "gold"
PERIODS_CSV = ROOT / "events" / "periods.csv"

# A small gazetteer of our own, so the sentence table does not depend on the
# shipped events/periods.csv (which editors change).
FIXTURE_PERIODS = (
    Period("World War Two", ("Second World War", "WWII"), "1939", "1945"),
    Period("Russian Revolution", (), "1917-03-08", "1917-11-07"),
    Period("Revolution of 1905", ("Russian Revolution of 1905",), "1905-01-22", "1907-06-16"),
    Period("American Civil War", ("the Civil War",), "1861-04-12", "1865-05-09"),
    Period("General Strike", (), "1926-05-03", "1926-05-12"),
    Period("Spartacus revolt", ("Third Servile War",), "73 BC", "71 BC"),
)


def gazetteer() -> list[Period]:
    """The shipped gazetteer: the gold files annotate its names as mentions."""
    return load_periods(PERIODS_CSV) if PERIODS_CSV.exists() else list(FIXTURE_PERIODS)


# --------------------------------------------------------------------------
# Sentence table: (sentence, [(expression, edtf or None to skip the EDTF check)])

POSITIVE = [
    ("The strike began on 23 October 1956 in Budapest.", [("23 October 1956", "1956-10-23")]),
    ("On October 23, 1956, students marched.", [("October 23, 1956", "1956-10-23")]),
    ("He died in Mexico on August 21st, 1940.", [("August 21st, 1940", "1940-08-21")]),
    ("She was born on the 5th of March 1871.", [("5th of March 1871", "1871-03-05")]),
    ("He was there on the 23rd of October, 1956.", [("23rd of October, 1956", "1956-10-23")]),
    ("The strike started on Monday, 3 May 1926.", [("3 May 1926", "1926-05-03")]),
    ("Elections were held on 4 June 1989 and 18 June 1989.",
     [("4 June 1989", "1989-06-04"), ("18 June 1989", "1989-06-18")]),
    ("Strikes on 4–12 May 1926 shook Britain.", [("12 May 1926", "1926-05-12")]),
    ("By October 1956 the mood had changed.", [("October 1956", "1956-10")]),
    ("May 1968 was a turning point.", [("May 1968", "1968-05")]),
    ("Sept. 1956 was tense.", [("Sept. 1956", "1956-09")]),
    ("The TUC met on 1926-05-12 to call it off.", [("1926-05-12", "1926-05-12")]),
    ("The councils spread in autumn 1956.", [("autumn 1956", None)]),
    ("Mutinies spread in the summer of 1917.", [("the summer of 1917", None)]),
    ("The miners held out until the late autumn of 1926.", [("the late autumn of 1926", None)]),
    ("In the spring and summer of 1917 soldiers deserted.", [("summer of 1917", None)]),
    ("The winter of 1920-21 was hungry.", [("The winter of 1920-21", None)]),
    ("The rising of 1381 began in Essex.", [("1381", "1381")]),
    ("The 1905 revolution was a dress rehearsal.", [("1905", "1905")]),
    ("1917 was the year of revolution.", [("1917", "1917")]),
    ("In late 1917 the soldiers went home.", [("1917", "1917")]),
    ("In mid-1917 the army collapsed.", [("1917", "1917")]),
    ("George Orwell's Homage to Catalonia (1938) tells that story.", [("1938", "1938")]),
    ("In 1917 1,000 soldiers mutinied.", [("1917", "1917")]),
    ("From 1918 to 1921 the civil war raged.", [("1918", "1918"), ("1921", "1921")]),
    ("Events in East Germany in 1953, Hungary in 1956 and Czechoslovakia in 1968.",
     [("1953", "1953"), ("1956", "1956"), ("1968", "1968")]),
    ("Polish workers rose in 1956, 1970, 1976 and 1980.",
     [("1956", "1956"), ("1970", "1970"), ("1976", "1976"), ("1980", "1980")]),
    ("The civil war (1918-21) devastated Russia.", [("1918-21", "1918/1921")]),
    ("Poland 1980-81 showed what workers could do.", [("1980-81", "1980/1981")]),
    ("The regimes that collapsed in 1989-91 were not socialist.", [("1989-91", "1989/1991")]),
    ("The war of 1918–1921 was brutal.", [("1918–1921", "1918/1921")]),
    ("The 1914-18 war killed millions.", [("1914-18", "1914/1918")]),
    ("Joseph Stalin (1879-1953) was born in Georgia.", [("1879-1953", "1879/1953")]),
    ("Che Guevara (1928-67) was killed in Bolivia.", [("1928-67", "1928/1967")]),
    ("Wages fell throughout the 1920s.", [("the 1920s", "192X")]),
    ("The Chartists were active in the 1830s and 1840s.", [("the 1830s", "183X"), ("1840s", "184X")]),
    ("It was written in the 1930s and '40s.", [("the 1930s", "193X"), ("'40s", "194X")]),
    ("Trotskyists were murdered in Europe during the '30s.", [("the '30s", "193X")]),
    ("In the ’30s the purges began.", [("the ’30s", "193X")]),
    ("In the early 1980s we made solidarity.", [("the early 1980s", None)]),
    ("In the mid-1920s the Left Opposition formed.", [("the mid-1920s", None)]),
    ("Serfdom lasted into the 19th century.", [("the 19th century", "18XX")]),
    ("Industry boomed in the nineteenth century.", [("the nineteenth century", "18XX")]),
    ("Industry boomed in the 1800s.", [("the 1800s", "18XX")]),
    ("They organised in the later years of the 19th century.",
     [("the later years of the 19th century", None)]),
    ("It was the great rising of 14th-century England.", [("14th-century", "13XX")]),
    ("By the 1st century BC Rome rested on slaves.", [("the 1st century BC", "-0099/0000")]),
    ("She founded the party c. 1893 in Zurich.", [("c. 1893", "1893~")]),
    ("The society was formed circa 1893.", [("circa 1893", "1893~")]),
    ("The gladiators broke out c. 73 BC.", [("c. 73 BC", "-0072~")]),
    ("Plutarch, born c. AD 46, wrote the Lives.", [("c. AD 46", "0046~")]),
    ("Spartacus rose in 73 BC.", [("73 BC", "-0072")]),
    ("The slave war of 73-71 BC shook Rome.", [("73-71 BC", "-0072/-0070")]),
    ("Rome was founded in 753 BC, by legend.", [("753 BC", "-0752")]),
    ("Charlemagne was crowned emperor in AD 800.", [("AD 800", "0800")]),
    ("Charlemagne was crowned in 800 by the Pope.", [("800", "0800")]),
    ("From 44 B.C. to AD 14 Augustus ruled.", [("44 B.C.", "-0043"), ("AD 14", "0014")]),
    ("The uprising is dated \"23 października 1956\" in Polish.",
     [("23 października 1956", "1956-10-23")]),
    ("Der Aufstand begann am 17. Juni 1953 in Ost-Berlin.", [("17. Juni 1953", "1953-06-17")]),
    ("A forradalom 1956. október 23. napján kezdődött.", [("1956. október 23.", "1956-10-23")]),
    ("Штурм начался 25 октября 1917 года.", [("25 октября 1917", "1917-10-25")]),
    ("Che murió el 9 de octubre de 1967 en Bolivia.", [("9 de octubre de 1967", "1967-10-09")]),
    # Named periods (FIXTURE_PERIODS): case-sensitive, longest match first.
    ("Trotskyists organised inside the army during World War Two.",
     [("World War Two", "1939/1945")]),
    ("Russia after the Russian Revolution of 1917 was poor.",
     [("Russian Revolution", "1917-03-08/1917-11-07"), ("1917", "1917")]),
    ("The Russian Revolution of 1905 failed.", [("Russian Revolution of 1905", "1905-01-22/1907-06-16")]),
    ("Slaves worked in the USA before the Civil War.", [("the Civil War", "1861-04-12/1865-05-09")]),
    ("The Civil War ended slavery.", [("The Civil War", "1861-04-12/1865-05-09")]),
    ("The General Strike of 1926 lasted nine days.",
     [("General Strike", "1926-05-03/1926-05-12"), ("1926", "1926")]),
    ("Spartacus led the Third Servile War.", [("Third Servile War", "-0072/-0070")]),
]

NEGATIVE = [
    "We may march now, comrades.",
    "May we never forget the martyrs.",
    "Now, in March, we march.",
    "Some 1200 strikers were arrested.",
    "May 1200 strikers were arrested.",
    "Around 1500 workers joined them.",
    "The 1200 delegates voted.",
    "The crowd of 1500 marched.",
    "Wages rose from 1200 to 1500 roubles.",
    "They fought for 1000 days.",
    "In 300 cities workers struck.",
    "Forces from no fewer than 14 other states intervened.",
    "We remember Leon Sedov and Rudolf Klement.",
    "See page 1917 of the report.",
    "See pp. 1917-1921 for details.",
    "Section 1956 of the code applies.",
    "Room 1905 was booked.",
    "Poland was divided into 3 parts.",
    "Call 020 7946 1956 for details.",
    "Tel. 1800 555 0199 for help.",
    "The union grew to 2.5 million members.",
    "The meeting began at 10:30 sharp.",
    "The train left at 1530 hours.",
    "Over 1,000 people died.",
    "Some 3,000 workers and 14 ships took part.",
    "A 1,956-page report.",
    "He earned £1917 a year.",
    "Prices rose by 1500 per cent.",
    "The march on 16-17 March was peaceful.",
    "It happened on 9 January by the old calendar.",
    "She was 26 in March.",
    "In their 30s they joined the party.",
    "Spartacus led 70 gladiators.",
    "The 14th amendment was passed.",
    "Item 1917b was lost in WW2.",
    "Workers fought the long civil war and a general strike.",   # lowercase: not the gazetteer's names
    "During world war two the world war two memorial was planned.",
]


def _found(sentence: str) -> list[tuple[str, str | None]]:
    out = []
    for span in find_dates(sentence, FIXTURE_PERIODS):
        resolved = resolve(span)
        out.append((span.expression, resolved[0] if resolved else None))
    return out


@pytest.mark.parametrize("sentence,expected", POSITIVE, ids=[s for s, _ in POSITIVE])
def test_finds_date_expressions(sentence, expected):
    found = _found(sentence)
    assert [e for e, _ in found] == [e for e, _ in expected]
    for (expression, got), (_, want) in zip(found, expected):
        assert got is not None, f"{expression!r} was found but not read as a date"
        if want is not None:
            assert got == want, expression


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_false_hits(sentence):
    assert _found(sentence) == []


def test_table_is_big_enough():
    assert len(POSITIVE) + len(NEGATIVE) >= 40
    assert len(NEGATIVE) >= 15


# --------------------------------------------------------------------------
# Gold standards


def _score_folder(folder: Path, gold_csv: Path):
    mentions = extract_path(folder, gazetteer())
    return score(spans_from_mentions(mentions), load_gold(gold_csv))


@pytest.mark.parametrize("folder,gold_csv", [
    (SOURCES, GOLD / "articles.csv"),
    (GOLD / "unseen", GOLD / "unseen.csv"),
], ids=["articles", "unseen"])
def test_f1_on_gold(folder, gold_csv, capsys):
    s = _score_folder(folder, gold_csv)
    with capsys.disabled():
        print(f"\n{gold_csv.name}: {s.summary()} EDTF agreement {s.edtf_agreement:.2f}")
    assert s.f1 >= 0.95, s.errors()
    # The EDTF is the date model's reading; conventions (seasons, "later
    # years of") may differ from the annotator's, so only gross drift fails.
    assert s.edtf_agreement >= 0.9, s.errors()


def test_gold_offsets_point_at_their_expressions():
    for folder, gold_csv in ((SOURCES, GOLD / "articles.csv"), (GOLD / "unseen", GOLD / "unseen.csv")):
        texts = {p.stem: p.read_bytes().decode("utf-8") for p in folder.glob("*.txt")}
        gold = load_gold(gold_csv)
        assert gold
        for g in gold:
            assert texts[g.article][g.start:g.end] == g.expression, g


def test_scoring_counts_exact_spans_only():
    from scoring import Span

    gold = [Span("a", 0, 4, "1956", "1956"), Span("a", 10, 17, "1918-21", "1918/1921")]
    pred = [Span("a", 0, 4, "1956", "1956"), Span("a", 10, 14, "1918", "1918"), Span("a", 20, 24)]
    s = score(pred, gold)
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)
    assert s.edtf_agree == 1 and s.edtf_compared == 1


def test_substrings_with_values_and_an_offset():
    spans = spans_from_substrings("a", "in 1956 and 1956", [("1956", "1956-01-01"), "1956"], offset=10)
    assert [(s.start, s.end, s.edtf) for s in spans] == [(13, 17, "1956-01-01"), (22, 26, None)]


def test_relaxed_scoring_counts_overlaps_once():
    from scoring import Span

    gold = [Span("a", 0, 4, "1956", "1956"), Span("a", 10, 17, "1918-21", "1918/1921")]
    pred = [Span("a", 0, 4, "1956", "1956"), Span("a", 10, 14, "1918", "1918"), Span("a", 12, 17),
            Span("b", 10, 14)]
    s = score(pred, gold, relaxed=True)
    assert (s.tp, s.fp, s.fn) == (2, 2, 0)          # each gold span matched by one prediction
    assert s.edtf_agree == 1 and s.edtf_compared == 2
    assert [(g.start, p.start) for g, p in s.pairs] == [(0, 0), (10, 10)]


def test_substrings_are_placed_in_order():
    text = "In 1956 and again in 1956."
    spans = spans_from_substrings("a", text, ["1956", "1956", "missing"])
    assert [(s.start, s.end) for s in spans] == [(3, 7), (21, 25)]


# --------------------------------------------------------------------------
# Mentions, files, CSV, CLI


def test_mentions_of_an_article_are_consistent():
    text = (SOURCES / "joseph-stalin.txt").read_text(encoding="utf-8")
    mentions = extract_article("joseph-stalin", text, gazetteer())
    assert mentions, "Stalin's article has dates"
    for m in mentions:
        assert isinstance(m, Mention)
        assert m.article == "joseph-stalin" and m.article_title == "Who was Joseph Stalin?"
        assert text[m.char_start:m.char_end] == m.expression
        assert m.expression in m.sentence
        assert m.lower <= m.upper
    first = mentions[0]
    assert (first.expression, first.edtf, first.lower, first.upper) == ("1879-1953", "1879/1953", 1879, 1953)
    assert first.sentence.startswith("Joseph Stalin (1879-1953) was a revolutionary")
    assert first.sentence.endswith("of 1917.")


def test_bc_mentions_have_astronomical_years():
    mentions = extract_article("x", "Spartacus\n\nThe war of 73-71 BC shook Rome.")
    assert [(m.expression, m.lower, m.upper) for m in mentions] == [("73-71 BC", -72, -70)]


def test_extract_path_on_a_folder_and_a_file(tmp_path):
    (tmp_path / "one.txt").write_text("Title One\n\nIt began in 1917 and ended in 1921.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Poland 1980-81\n\nNothing else here. We may march.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("In 1956 something happened.", encoding="utf-8")
    mentions = extract_path(tmp_path, [])
    assert [(m.article, m.article_title, m.expression, m.char_start) for m in mentions] == [
        ("one", "Title One", "1917", 23),
        ("one", "Title One", "1921", 41),
        ("two", "Poland 1980-81", "1980-81", 7),
    ]
    assert mentions[2].sentence == "Poland 1980-81"
    single = extract_path(tmp_path / "one.txt", [])
    assert [m.expression for m in single] == ["1917", "1921"]
    with pytest.raises(FileNotFoundError):
        extract_path(tmp_path / "missing", [])


def test_extract_path_uses_the_shipped_gazetteer_by_default():
    if not PERIODS_CSV.exists():
        pytest.skip("events/periods.csv not shipped yet")
    names = {m.expression for m in extract_path(SOURCES)}
    assert "World War Two" in names


def test_write_mentions_csv(tmp_path):
    mentions = extract_path(SOURCES / "che-guevara.txt", [])
    out = tmp_path / "m.csv"
    write_mentions_csv(mentions, out)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == MENTION_COLUMNS == (
        "article", "article_title", "expression", "char_start", "char_end", "edtf", "lower", "upper", "sentence",
        "anchor", "anchor_start")
    assert rows[1][:8] == ["che-guevara", "Who was Che Guevara?", "1928-67", "45", "52", "1928/1967", "1928", "1967"]
    assert len(rows) == len(mentions) + 1


def test_extract_command(tmp_path, capsys):
    out = tmp_path / "m.csv"
    assert extract_command(SOURCES, out) == 0
    assert "date mentions in 10 articles" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("article,article_title,expression")
    assert extract_command(tmp_path / "missing", tmp_path / "x.csv") == 2


# CLI TEST: `python -m timeline_app extract` is wired by the lead in
# timeline_app/cli.py; this checks the whole path through a subprocess.
def test_cli_extract_subprocess(tmp_path):
    out = tmp_path / "tmp.csv"
    result = subprocess.run(
        [sys.executable, "-m", "timeline_app", "extract", "events/sources", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "date mentions" in result.stderr
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["article"] for r in rows} >= {"lenin", "che-guevara", "joseph-stalin"}
    assert any(r["expression"] == "the '30s" and r["edtf"] == "193X" for r in rows)


# --------------------------------------------------------------------------
# Gazetteer, purity, dateparser use, robustness


def test_period_matching_is_case_sensitive_and_skips_bad_dates(tmp_path):
    path = tmp_path / "periods.csv"
    path.write_text(
        "name,aliases,start,end,description\n"
        "Paris Commune,the Commune,1871-03-18,1871-05-28,x\n"
        "Broken,,not a date,,y\n", encoding="utf-8")
    periods = load_periods(path)
    assert [p.name for p in periods] == ["Paris Commune", "Broken"]
    assert periods[0].aliases == ("the Commune",)
    found = [s.expression for s in find_dates("the Paris Commune, the commune and the Commune. Broken.", periods)]
    assert found == ["Paris Commune", "the Commune"]


def test_extract_module_imports_no_dash():
    code = "import sys, timeline_app.extract.extractor; print('dash' in sys.modules or 'plotly' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_date_model_sees_only_candidate_spans(monkeypatch):
    """dateparser (behind parse_date) is never given the whole text."""
    calls = []
    real = extract.parse_date

    def spy(text, languages=("en",)):
        calls.append((text, tuple(languages)))
        return real(text, languages)

    monkeypatch.setattr(extract, "parse_date", spy)
    extract.clear_caches()
    text = ("Polish history\n\nThe agreement was signed on \"31 sierpnia 1980\". "
            "Martial law came on 13 December 1981. In 1956 and 1970 workers struck. " * 3)
    mentions = extract_article("p", text)
    assert len(mentions) == 12
    assert calls and all(len(q) <= 40 and q in text for q, _ in calls)
    assert ("31 sierpnia 1980", ("pl",)) in calls


_ALPHABET = st.sampled_from(list("0123456789 ,.-–'()abcMayJuneBCAD\n") + [
    "1956", "1918-21", " in ", "the ", "May ", "October ", "c. ", " BC", "s", "th century", "autumn "])


@settings(max_examples=300)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_spans_are_ordered_disjoint_and_exact(text):
    spans = find_dates(text, FIXTURE_PERIODS)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.expression
        last = s.end
    extract_article("h", text, FIXTURE_PERIODS)        # never raises
