"""``python -m timeline_app propose``: drafted event rows for the dated mentions no event covers."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from proposal_scoring import GOLD_ARTICLES, GOLD_EVENTS, GOLD_NOT_EVENTS, read_csv, score

from timeline_app import cli
from timeline_app.data.categories import load_categories
from timeline_app.data.dataset import COLUMNS, load_dataset
from timeline_app.data.paths import EVENTS_CSV, EVENTS_DIR, SOURCES_DIR
from timeline_app.extract.phrases import words_of
from timeline_app.extract.clauses import TITLE_MAX, clause_span, draft_title
from timeline_app.extract.extractor import default_periods, extract_path
from timeline_app.extract.propose import Vocabulary, propose_path

NEW_ARTICLE = Path(__file__).parent / "fixtures" / "propose" / "the-winnipeg-general-strike.txt"
HEADER = ",".join(COLUMNS) + "\n"


def run_cli(*args: str) -> int:
    return cli.main(list(args))


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def no_events(tmp_path: Path) -> Path:
    """An events file with no rows, so every dated mention of every article is proposed."""
    path = tmp_path / "no-events.csv"
    path.write_text(HEADER, encoding="utf-8")
    return path


def proposed(tmp_path: Path, source: Path, events: Path, name: str = "proposed.csv") -> list[dict[str, str]]:
    out = tmp_path / name
    assert run_cli("propose", str(source), "--out", str(out), "--events", str(events)) == 0
    return rows_of(out.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# The table test: a new article (neither one of the ten shipped nor of the gold five)

EXPECTED = [
    # id, title, start, end, category, people, place, quote
    ("some-30-000-workers-walked-off-1919", "Some 30,000 workers walked off the job", "1919-05-15", "",
     "strike", "", "", "On 15 May 1919 some 30,000 workers walked off the job"),
    ("the-police-arrested-ten-strike-leaders-1919", "The police arrested ten strike leaders in night raids",
     "1919-06-17", "", "repression", "", "",
     "On 17 June 1919 the police arrested ten strike leaders in night raids"),
    ("mounted-police-charged-a-silent-parade-1919", "Mounted police charged a silent parade on Main Street",
     "1919-06-21", "", "repression", "", "",
     "On 21 June 1919 mounted police charged a silent parade on Main Street and killed two men"),
    ("the-strike-committee-called-off-the-1919", "The strike committee called off the strike", "1919-06-25", "",
     "strike", "", "", "The strike committee called off the strike on 25 June 1919"),
    ("j-s-woodsworth-life", "J. S. Woodsworth", "1874", "1942", "life", "J. S. Woodsworth", "",
     "Among those arrested was J. S. Woodsworth (1874-1942), a Methodist minister who edited the "
     "strikers' newspaper"),
    ("he-was-elected-to-parliament-1921", "He was elected to Parliament", "1921", "", "regime", "", "",
     "He was elected to Parliament in 1921"),
    ("he-founded-the-co-operative-commonwealth-1932",
     "He founded the Co-operative Commonwealth Federation in Calgary", "1932", "", "founding", "", "Calgary",
     "in 1932 he founded the Co-operative Commonwealth Federation in Calgary"),
]


def test_proposals_for_a_new_article_are_the_expected_rows(tmp_path, no_events):
    rows = proposed(tmp_path, NEW_ARTICLE, no_events)
    got = [(r["id"], r["title"], r["start"], r["end"], r["category"], r["people"], r["place"], r["quote"])
           for r in rows]
    assert got == EXPECTED
    assert {r["article"] for r in rows} == {"the-winnipeg-general-strike"}
    # Left out: "General Strike" in the title line (a named period), and "since the 1880s" (background).
    text = NEW_ARTICLE.read_text(encoding="utf-8")
    assert all(r["quote"] in text for r in rows)


# ---------------------------------------------------------------------------
# Every proposed row passes check


def dataset_with(tmp_path: Path, proposals: list[dict[str, str]], article_folders: list[Path]) -> Path:
    """A dataset folder: the shipped categories, the given articles, the proposals as events.csv."""
    folder = tmp_path / "dataset"
    (folder / "sources").mkdir(parents=True)
    shutil.copy(EVENTS_DIR / "categories.csv", folder / "categories.csv")
    for source in article_folders:
        for article in sorted(source.glob("*.txt")) if source.is_dir() else [source]:
            shutil.copy(article, folder / "sources" / article.name)
    with open(folder / "events.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS)
        writer.writeheader()
        writer.writerows(proposals)
    return folder / "events.csv"


def test_every_proposal_for_the_shipped_and_gold_articles_checks_with_zero_errors(tmp_path, no_events, capsys):
    shipped = proposed(tmp_path, SOURCES_DIR, no_events, "shipped.csv")
    gold = proposed(tmp_path, GOLD_ARTICLES, no_events, "gold.csv")
    new = proposed(tmp_path, NEW_ARTICLE, no_events, "new.csv")
    assert len(shipped) >= 25 and len(gold) >= 35 and len(new) == 7
    events_file = dataset_with(tmp_path, shipped + gold + new, [SOURCES_DIR, GOLD_ARTICLES, NEW_ARTICLE])
    capsys.readouterr()
    status = run_cli("check", str(events_file))
    printed = capsys.readouterr()
    assert status == 0, printed.out
    assert ", 0 errors," in printed.err
    assert "warning" not in printed.out, printed.out      # quotes found word for word, ids slug-like
    assert len({r["id"] for r in shipped + gold + new}) == len(shipped + gold + new)


def test_ids_are_unique_and_stable_between_runs(tmp_path, no_events):
    first = (tmp_path / "a.csv", tmp_path / "b.csv")
    for out in first:
        assert run_cli("propose", str(SOURCES_DIR), "--out", str(out), "--events", str(no_events)) == 0
    assert first[0].read_bytes() == first[1].read_bytes()
    ids = [r["id"] for r in rows_of(first[0].read_text(encoding="utf-8"))]
    assert len(ids) == len(set(ids))


def test_ids_never_repeat_the_datasets(tmp_path):
    shipped_ids = {e.id for e in load_dataset(EVENTS_DIR).events}
    rows = proposed(tmp_path, GOLD_ARTICLES, EVENTS_CSV)
    assert not shipped_ids & {r["id"] for r in rows}


def test_titles_are_short_and_end_on_a_whole_word(tmp_path, no_events):
    rows = proposed(tmp_path, GOLD_ARTICLES, no_events) + proposed(tmp_path, SOURCES_DIR, no_events, "s.csv")
    for r in rows:
        assert 0 < len(r["title"]) <= TITLE_MAX, r
        last = r["title"].split()[-1].lower()
        assert last not in {"the", "a", "of", "and", "in", "on", "to", "with", "was", "were"}, r
        assert r["title"].count("(") == r["title"].count(")"), r


# ---------------------------------------------------------------------------
# Covered and marked mentions, lifespans, seasons


def test_mentions_already_on_the_timeline_are_not_proposed(tmp_path):
    assert proposed(tmp_path, SOURCES_DIR, EVENTS_CSV) == []


def test_a_mention_marked_not_an_event_is_not_proposed(tmp_path, no_events):
    folder = tmp_path / "marked"
    folder.mkdir()
    shutil.copy(EVENTS_DIR / "categories.csv", folder / "categories.csv")
    shutil.copytree(SOURCES_DIR, folder / "sources")
    shutil.copy(no_events, folder / "events.csv")
    (folder / "not-events.csv").write_text(
        "article,mention,reason\nrosa-luxemburg,1889,test mark\n", encoding="utf-8")
    before = proposed(tmp_path, SOURCES_DIR / "rosa-luxemburg.txt", folder / "events.csv")
    assert not any("1889" in r["quote"] and r["start"] == "1889" for r in before)
    assert any(r["start"] == "1893" for r in before)


def test_a_lifespan_is_a_life_event_with_start_and_end(tmp_path, no_events):
    rows = {r["id"]: r for r in proposed(tmp_path, GOLD_ARTICLES, no_events)}
    life = rows["eleanor-marx-life"]
    assert (life["title"], life["start"], life["end"], life["category"], life["people"]) == (
        "Eleanor Marx", "1855", "1898", "life", "Eleanor Marx")
    assert rows["lucy-parsons-life"]["start"] == "1851~"


def test_the_subject_of_a_biography_is_among_the_people(tmp_path, no_events):
    rows = proposed(tmp_path, GOLD_ARTICLES / "eleanor-marx.txt", no_events)
    joined = [r for r in rows if r["start"] == "1890-05-04"]
    assert joined and joined[0]["people"] == "Eleanor Marx"       # "she spoke from one of the platforms"
    assert joined[0]["title"] == "Eleanor Marx spoke from one of the platforms at the first May Day"


def test_a_season_is_written_as_words_the_date_parser_reads_as_meant(tmp_path, no_events):
    """The EDTF code 1886-23 would read as the years 1886 to 1923, as "1918-21" does."""
    from timeline_app.data.dates import parse_date

    rows = proposed(tmp_path, GOLD_ARTICLES / "eleanor-marx.txt", no_events)
    tour = next(r for r in rows if "toured" in r["quote"])
    assert tour["start"] == "autumn 1886"
    assert parse_date(tour["start"]).lower == (1886, 9, 1)


# ---------------------------------------------------------------------------
# Output file


def test_an_existing_output_is_replaced_only_with_force(tmp_path, no_events, capsys):
    out = tmp_path / "proposed.csv"
    out.write_text("keep me\n", encoding="utf-8")
    assert run_cli("propose", str(NEW_ARTICLE), "--out", str(out), "--events", str(no_events)) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert run_cli("propose", str(NEW_ARTICLE), "--out", str(out), "--events", str(no_events), "--force") == 0
    assert len(rows_of(out.read_text(encoding="utf-8"))) == len(EXPECTED)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # no temporary left


def test_a_missing_article_is_one_clear_line(tmp_path, capsys):
    assert run_cli("propose", str(tmp_path / "nowhere.txt")) == 2
    err = capsys.readouterr().err
    assert "nowhere.txt" in err and "Traceback" not in err


def test_without_out_the_rows_go_to_standard_output(no_events, capsys):
    assert run_cli("propose", str(NEW_ARTICLE), "--events", str(no_events)) == 0
    assert len(rows_of(capsys.readouterr().out)) == len(EXPECTED)


# ---------------------------------------------------------------------------
# Clauses and titles


@pytest.mark.parametrize("sentence, date, quote", [
    ("Her father died in March 1883, and she spent years afterwards editing his writings.",
     "March 1883", "Her father died in March 1883"),
    ("The International held its first congress in Geneva in September 1866, where the delegates voted.",
     "September 1866", "The International held its first congress in Geneva in September 1866"),
    ("Many leaders fled to Russia, where in August 1918 they founded a party in Moscow.",
     "August 1918", "Many leaders fled to Russia, where in August 1918 they founded a party in Moscow"),
    ("When police clubbed mothers on 24 February 1912, the outcry reached Congress.",
     "24 February 1912", "When police clubbed mothers on 24 February 1912, the outcry reached Congress"),
    ("On 29 January 1912 a striker, Anna LoPizzo, was shot dead.",
     "29 January 1912", "On 29 January 1912 a striker, Anna LoPizzo, was shot dead"),
    ("A general strike in 1905 forced the Tsar to give way, and in 1906 Finland adopted suffrage: women voted.",
     "1906", "in 1906 Finland adopted suffrage"),
])
def test_the_quote_is_the_shortest_clause_that_reads_on_its_own(sentence, date, quote):
    text = "Title\n\n" + sentence
    at = text.index(date)
    start, end = clause_span(text, at, at + len(date))
    assert text[start:end] == quote


@pytest.mark.parametrize("quote, date, title", [
    ("On 11 January 1912 weavers at the Everett Cotton Mill stopped their looms", "11 January 1912",
     "Weavers at the Everett Cotton Mill stopped their looms"),
    ("A state law came into force on 1 January 1912", "1 January 1912", "A state law came into force"),
    ("Eleanor Marx took her own life at her home in Sydenham on 31 March 1898, at the age of 43",
     "31 March 1898", "Eleanor Marx took her own life at her home in Sydenham"),
])
def test_the_title_is_the_quote_without_its_date(quote, date, title):
    assert draft_title(quote, date) == title


# ---------------------------------------------------------------------------
# Cue words are data


def test_a_cue_added_to_categories_csv_changes_the_guess():
    data = (EVENTS_DIR / "categories.csv").read_text(encoding="utf-8")
    words = words_of("The weavers downed their shuttles")

    def guess(categories_csv: str) -> str:
        categories, problems = load_categories("categories.csv", data=categories_csv.encode("utf-8"))
        assert problems == []
        vocabulary = Vocabulary(categories)
        return vocabulary.category(vocabulary.find(words).cues)

    assert guess(data) == ""
    assert guess(re.sub(r"(?m)^(strike,.*)$", r"\1; downed their shuttles", data)) == "strike"


@pytest.mark.parametrize("cue, message", [
    ("strike; 1905", "'1905' is not a cue"),
    ("strike; strike", "'strike' is already a cue of 'strike'"),
])
def test_a_bad_cue_is_a_warning_naming_the_line(cue, message):
    data = f'name,label,colour,symbol,cues\nstrike,Strike,#44AA99,hexagon,"{cue}"\n'.encode()
    categories, problems = load_categories("categories.csv", data=data)
    assert [(p.line, p.column, p.severity) for p in problems] == [(2, "cues", "warning")]
    assert message in problems[0].message
    assert categories["strike"].cues == ("strike",)


# ---------------------------------------------------------------------------
# The gold set (tests/gold/proposals/README.md)


def test_on_the_gold_set_every_event_whose_date_the_extractor_finds_is_proposed():
    """Recall is bounded by the extractor (narrative dates are another piece of work): what it finds, we propose."""
    run = propose_path(GOLD_ARTICLES, EVENTS_DIR, EVENTS_CSV, default_periods())
    proposals = [dict(zip(COLUMNS, p.cells())) for p in run.proposals]
    gold = read_csv(GOLD_EVENTS)
    result = score(proposals, gold, read_csv(GOLD_NOT_EVENTS))
    found = {(m.article, m.expression) for m in extract_path(GOLD_ARTICLES)}
    reachable = [g for g in gold if (g["article"], g["mention"]) in found]
    assert [g["mention"] for g in result.unmatched_gold if g in reachable] == []
    assert result.precision >= 0.80
    assert result.category >= 0.70


def test_an_article_with_windows_line_ends_gives_quotes_without_them(tmp_path, no_events):
    article = tmp_path / "crlf.txt"
    article.write_bytes(b"A test\r\n\r\nOn 3 May 1886 police fired on strikers in Chicago.\r\nIn 1889 it ended.\r\n")
    rows = proposed(tmp_path, article, no_events)
    assert [r["quote"] for r in rows] == ["On 3 May 1886 police fired on strikers in Chicago",
                                          "In 1889 it ended"]


def test_on_a_terminal_the_rows_cannot_carry_control_characters(tmp_path, no_events, capsys, monkeypatch):
    article = tmp_path / "hostile.txt"
    article.write_text("Hostile\n\nIn 1889 the \x1b[2J screen was cleared.\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert run_cli("propose", str(article), "--events", str(no_events)) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


@pytest.mark.parametrize("events", ["missing.csv", "."])
def test_an_events_option_that_is_no_file_is_one_clear_line(tmp_path, capsys, events):
    assert run_cli("propose", str(NEW_ARTICLE), "--events", str(tmp_path / events)) == 2
    err = capsys.readouterr().err
    assert "--events" in err and "no events file there" in err and "Traceback" not in err


@pytest.mark.parametrize("sentence, name", [
    ("Rosa Luxemburg (1871-1919) was a revolutionary.", "Rosa Luxemburg"),
    ("When Rosa Luxemburg (1871-1919) was young, she moved.", "Rosa Luxemburg"),
    ("Among those arrested was J. S. Woodsworth (1874-1942), a minister.", "J. S. Woodsworth"),
])
def test_a_lifespan_takes_the_name_just_before_it(tmp_path, no_events, sentence, name):
    article = tmp_path / "life.txt"
    article.write_text(f"A life\n\n{sentence}\n", encoding="utf-8")
    rows = proposed(tmp_path, article, no_events)
    assert [(r["title"], r["category"], r["people"]) for r in rows] == [(name, "life", name)]
