"""``check --coverage``: which dated mentions of the articles are on the timeline, marked, or missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline_app import cli
from timeline_app.data.dataset import load_dataset
from timeline_app.data.paths import EVENTS_DIR, ROOT
from timeline_app.data.sources import Article
from timeline_app.extract import coverage, phrases, propose
from timeline_app.extract.coverage import NOT_EVENT_COLUMNS, article_coverage, dataset_coverage, load_not_events
from timeline_app.extract.extractor import default_periods, extract_article

GUIDE = ROOT / "docs" / "editing.md"


def test_the_shipped_articles_are_fully_covered_or_marked():
    articles, problems = dataset_coverage(load_dataset(EVENTS_DIR), EVENTS_DIR, default_periods())
    assert problems == []
    assert len(articles) == 10
    missing = [(a.article.id, m.line, m.mention.expression) for a in articles for m in a.missing]
    assert missing == []
    assert all(a.percent == 100.0 for a in articles)
    assert sum(len(a.covered) for a in articles) >= 30


def test_a_quote_covers_the_mention_at_its_own_place_only():
    text = "Title\n\nIn 1956 workers rose. Later, in 1956 again, the army came."
    article = Article("a", "Title", text)
    mentions = extract_article("a", text)
    result = article_coverage(article, mentions, [("rising", "In 1956 workers rose")], [])
    assert [(m.mention.char_start, m.events) for m in result.mentions] == [
        (text.index("1956"), ("rising",)), (text.rindex("1956"), ())]
    assert [m.line for m in result.mentions] == [3, 3]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A dataset folder: one article, one event covering its first date, none for its second."""
    folder = tmp_path / "events"
    (folder / "sources").mkdir(parents=True)
    shutil.copy(EVENTS_DIR / "categories.csv", folder / "categories.csv")
    (folder / "sources" / "strike.txt").write_text(
        "The strike\n\nOn 11 January 1912 the weavers walked out.\n"
        "Historians since the 1980s have doubted the slogan.\n", encoding="utf-8")
    (folder / "events.csv").write_text(
        "id,title,start,end,category,people,place,article,quote,description\n"
        "walkout,Walkout,1912-01-11,,strike,,,strike,On 11 January 1912 the weavers walked out,\n",
        encoding="utf-8")
    return folder


def test_check_coverage_lists_each_mention_with_its_line_and_fails_on_a_missing_one(dataset, capsys):
    assert cli.main(["check", str(dataset / "events.csv"), "--coverage"]) == 1
    out = capsys.readouterr().out
    assert "events/sources/strike.txt: 2 dated mentions, 1 on the timeline, 0 marked not events, 1 missing (50 %)" in out
    assert "events/sources/strike.txt:3: '11 January 1912' on the timeline: walkout" in out
    assert "events/sources/strike.txt:4: 'the 1980s' NOT on the timeline; fix:" in out


def test_a_mention_marked_in_not_events_csv_is_no_longer_missing(dataset, capsys):
    (dataset / "not-events.csv").write_text(
        "article,mention,reason\nstrike,since the 1980s,historiography\n", encoding="utf-8")
    assert cli.main(["check", str(dataset / "events.csv"), "--coverage"]) == 0
    out = capsys.readouterr().out
    assert "events/sources/strike.txt:4: 'the 1980s' not an event: historiography" in out
    assert "(100 %)" in out


def test_without_coverage_check_does_not_list_mentions(dataset, capsys):
    assert cli.main(["check", str(dataset / "events.csv")]) == 0
    assert "dated mention" not in capsys.readouterr().out


@pytest.mark.parametrize("row, column, message, severity", [
    ("nowhere,the 1980s,x", "article", "unknown article 'nowhere'", "error"),
    ("strike,the 1990s,x", "mention", "not found word for word", "error"),
    ("strike,the 1980s,", "reason", "the reason is empty", "warning"),
])
def test_a_bad_mark_is_reported_with_its_line(dataset, row, column, message, severity):
    path = dataset / "not-events.csv"
    path.write_text(f"article,mention,reason\nstrike,11 January 1912,fine\n{row}\n", encoding="utf-8")
    marks, problems = load_not_events(path, load_dataset(dataset).articles)
    assert [(p.line, p.column, p.severity) for p in problems] == [(3, column, severity)]
    assert message in problems[0].message
    assert len(marks) == (2 if severity == "warning" else 1)


# ---------------------------------------------------------------------------
# docs/editing.md and the code agree


def first_column(text: str) -> tuple[str, ...]:
    """The first cells of the first Markdown table in ``text``, below its header."""
    rows = []
    for line in map(str.strip, text.splitlines()):
        if line.startswith("|"):
            rows.append(line.strip("|").split("|")[0].strip().strip("`"))
        elif rows:
            break
    return tuple(rows[2:])


def test_the_guide_documents_the_data_files_columns():
    guide = GUIDE.read_text(encoding="utf-8")
    assert first_column(guide.split("### Marking a date that is not an event")[1]) == NOT_EVENT_COLUMNS
    places, cues = guide.split("### Teaching `propose` new words")[1].split("- background")
    assert first_column(places) == propose.PLACE_COLUMNS
    assert first_column(cues) == propose.NOT_EVENT_CUE_COLUMNS


def test_the_guides_workflow_commands_are_the_clis():
    section = GUIDE.read_text(encoding="utf-8").split("## From a new article to events")[1].split("\n## ")[0]
    commands = [line.strip() for line in section.splitlines() if line.strip().startswith("python -m timeline_app")]
    assert len(commands) == 3
    parser = cli.build_parser()
    for command in commands:
        parser.parse_args(command.split()[3:])        # exits (fails the test) on an unknown option


def test_the_shipped_data_files_load_without_problems():
    dataset = load_dataset(EVENTS_DIR)
    assert load_not_events(EVENTS_DIR / coverage.NOT_EVENTS_FILE, dataset.articles)[1] == []
    vocabulary = propose.load_vocabulary(dataset, EVENTS_DIR)
    assert vocabulary.problems == []
    assert vocabulary.places["United States"] == "USA"
    assert vocabulary.not_event_cues and all(c == c.lower() for c in vocabulary.not_event_cues)
    assert [f.value for f in phrases.PhraseIndex(vocabulary.places.items(), False).find(
        phrases.words_of("from London to the United States"))] == ["London", "USA"]


# ---------------------------------------------------------------------------
# The reader marks every date of the article: on the timeline or not


def spans(component, found=None) -> list:
    """Every ``Span`` (and ``Button``: a date on the timeline) under a Dash component (or list of them), in order."""
    found = [] if found is None else found
    for child in component if isinstance(component, list) else [component]:
        if getattr(child, "__class__", None).__name__ in ("Span", "Button"):
            found.append(child)
        children = getattr(child, "children", None)
        if isinstance(children, (list, tuple)) or hasattr(children, "children"):
            spans(list(children) if isinstance(children, (list, tuple)) else [children], found)
    return found


def reader_marks(events_file: Path | None, event_id: str) -> list[tuple[str, str, str]]:
    from timeline_app.data.catalog import build_catalog
    from timeline_app.web.reader import reader_panel

    catalog = build_catalog(load_dataset(EVENTS_DIR, events_file))
    panel = reader_panel(catalog, catalog.find(event_id))
    text = next(c for c in panel if getattr(c, "id", None) == "article-text")
    return [(s.children, s.className, s.title) for s in spans(text.children) if "mention" in s.className]


def test_the_reader_marks_each_date_of_the_article_and_names_its_events():
    marks = reader_marks(None, "hungary-1956-workers-councils")
    # The third date, "1956" in "In Hungary in 1956, workers set up factory councils", is the quote's own.
    assert [m[0] for m in marks] == ["1953", "1956", "1968", "1980-81", "1945", "1956", "1970"]
    assert all(kind == "mention on-timeline" for _, kind, _ in marks)
    assert ("1953", "mention on-timeline", "On the timeline: East Germany 1953") in marks


def test_a_date_no_event_quotes_is_marked_not_on_the_timeline(tmp_path):
    shipped = (EVENTS_DIR / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    events = tmp_path / "events.csv"
    events.write_text("".join(line for line in shipped if not line.startswith("east-germany-1953,")),
                      encoding="utf-8")
    marks = reader_marks(events, "hungary-1956-workers-councils")
    assert marks[0] == ("1953", "mention off-timeline", "Not on the timeline")


def test_in_the_browser_the_article_shows_its_dates_marked_and_the_quote_whole(page):
    page.open("?event=hungary-1956-workers-councils")
    page.wait("document.querySelectorAll('#reader-body .mention').length > 0")
    marks = page.js("return [...document.querySelectorAll('#reader-body .mention')]"
                    ".map(m => [m.textContent, m.className, m.title])")
    assert [m[0] for m in marks] == ["1953", "1956", "1968", "1980-81", "1945", "1956", "1970"]
    assert all(m[1] == "mention on-timeline" and m[2].startswith("On the timeline: ") for m in marks)
    quote = page.js("return [...document.querySelectorAll('#reader-body mark')].map(m => m.textContent)")
    assert quote == ["In Hungary in 1956, workers set up factory councils"]
    assert page.duo.get_logs() == []
