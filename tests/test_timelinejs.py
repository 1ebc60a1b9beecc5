"""TimelineJS sheets: dates from Year/Month/Day (negative years BC), HTML reduced to text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from timeline_app.data.dataset import load_events
from timeline_app.commands import import_command
from timeline_app.data.timelinejs import html_to_text, load_timelinejs
from timeline_app.data.validate import load_upload

SHEET = "tests/fixtures/timelinejs.csv"
HEADER = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
          "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")


@pytest.fixture(scope="module")
def sheet(shipped):
    return load_timelinejs(SHEET, shipped.articles, shipped.categories)


def sheet_of(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode("utf-8") + b"\n"


@pytest.mark.parametrize("html, text", [
    ("<p>Workers' councils <b>formed</b> &amp; fought.</p>", "Workers' councils formed & fought."),
    ("a<br>b<br/>c", "a b c"),
    ("<script>alert('x')</script>Safe", "Safe"),
    ("<style>p { color: red }</style>Styled", "Styled"),
    ("<SCRIPT type='text/javascript'>document.write('<b>x</b>')</SCRIPT>After", "After"),
    ('<a href="javascript:alert(1)" onclick="steal()">link text</a>', "link text"),
    ("<img src=x onerror=alert(1)>", ""),
    ("&lt;script&gt; is shown as text", "<script> is shown as text"),
    ("<!-- a comment -->kept", "kept"),
    ("  plain\n text  ", "plain text"),
    ("<p>unclosed <i>tags", "unclosed tags"),
    ("1 &lt; 2 &#8211; &eacute;", "1 < 2 – é"),
    ("bell\x07 char", "bell char"),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


# (line, column, message fragment) of every problem the fixture sheet has
SHEET_PROBLEMS = [
    (1, "Background", "warning: the timeline does not show these columns; their values were not imported"),
    (2, "Type", "warning: the title slide is not an event; it was not imported"),
    (6, "Month", "13 is not a month; fix: write a month from 1 to 12"),
    (7, "Day", "February has no day 30; fix: correct the day or the month"),
    (8, "Media", "warning: the image 'https://example.org/gdansk.jpg' is a web address from a site the server "
                 "does not allow"),
    (8, "media_alt", "warning: the image has no alt text, so it is not shown"),
    (9, "Type", "warning: an era is a named period, not an event; it was not imported; fix: add it to "
                "events/periods.csv"),
    (10, "Group", "warning: the Group is empty; the row gets the default category 'life' (the first in "
                  "categories.csv); fix: write a category in Group, or choose one with --category"),
    (11, "Group", "warning: 'wer' is not a category; the row gets the default category 'life' (the first in "
                  "categories.csv); fix: did you mean 'war'?"),
    (13, "Year", "'MCMLVI' is not a whole number; fix: write the year as a number, e.g. 1956 or -44 for 44 BC"),
    (14, "End Year", "the end (1955) is before the start (1956)"),
]


def test_every_problem_of_the_sheet_names_its_line_and_column(sheet):
    _, problems = sheet
    assert [(p.line, p.column) for p in problems] == [(line, column) for line, column, _ in SHEET_PROBLEMS]
    for problem, (line, column, fragment) in zip(problems, SHEET_PROBLEMS):
        assert str(problem).startswith(f"{SHEET}:{line}: {column}: ") and fragment in str(problem)


def test_good_slides_become_events(sheet):
    events, _ = sheet
    by_id = {e.id: e for e in events}
    assert list(by_id) == ["hungarian-revolution-1956", "spartacus-revolt-73bc", "caesar-killed-44bc",
                           "solidarnosc-1980", "no-group-1848", "world-war-two-1939",
                           "year-as-a-spreadsheet-float-1956"]
    assert by_id["no-group-1848"].category == by_id["world-war-two-1939"].category == "life"
    hungary = by_id["hungarian-revolution-1956"]
    assert (hungary.start.edtf, hungary.end.edtf, hungary.category) == ("1956-10-23", "1956-11-10", "revolution")
    assert hungary.description == "Workers' councils formed & fought."
    assert hungary.line == 3
    spartacus = by_id["spartacus-revolt-73bc"]  # TimelineJS shows -73 as "73 BCE"
    assert (spartacus.start.label, spartacus.end.label) == ("73 BC", "71 BC")
    assert spartacus.start.lower_year == -72
    caesar = by_id["caesar-killed-44bc"]
    assert (caesar.start.edtf, caesar.start.label) == ("-0043-03-15", "15 March 44 BC")
    assert caesar.description == "The Ides of March in Rome"
    solidarnosc = by_id["solidarnosc-1980"]
    assert (solidarnosc.title, solidarnosc.category) == ("Solidarność", "strike")  # Group matched ignoring case
    assert (solidarnosc.start.edtf, solidarnosc.end.edtf) == ("1980-08", "1981-12")


@pytest.mark.parametrize("row, problem", [
    ("0,,,,,,,,,Year zero,,,,,,,war,", "2: Year: there is no year 0; fix: write 1 for AD 1 or -1 for 1 BC"),
    (",5,,,,,,,,No year,,,,,,,war,", "2: Year: there is a month or day but no year"),
    ("1956,,3,,,,,,,Day only,,,,,,,war,", "2: Month: there is a day but no month"),
    ("1956,,,,,,4,,,End day only,,,,,,,war,", "2: End Year: there is a month or day but no year"),
    ("1900,2,29,,,,,,,Not a leap year,,,,,,,war,", "2: Day: February has no day 29"),
    ("-1,2,29,,,,,,,1 BC was a leap year,,,,,,,war,", None),
    ("1956,,,,,,,,,,,,,,,,war,", "2: Headline: the title is empty"),
    (",,,,,,,,,No date,,,,,,,war,", "2: Year: the start date is empty"),
    ("1956,x,,,,,,,,Month in words,,,,,,,war,", "2: Month: 'x' is not a whole number"),
])
def test_sheet_dates(row, problem, shipped):
    events, problems = load_timelinejs("s.csv", shipped.articles, shipped.categories, data=sheet_of(row))
    if problem is None:
        assert problems == [] and len(events) == 1
    else:
        assert [str(p) for p in problems][0].startswith(f"s.csv:{problem}") and events == []


@pytest.mark.parametrize("year, edtf, label", [
    ('"1,956"', "1956", "1956"),          # as a spreadsheet with thousands separators writes it
    ('"-1,066"', "-1065", "1066 BC"),
    ("1956.0", "1956", "1956"),
])
def test_years_as_timelinejs_reads_them(year, edtf, label, shipped):
    events, problems = load_timelinejs("s.csv", shipped.articles, shipped.categories,
                                       data=sheet_of(f"{year},,,,,,,,,Year,,,,,,,war,"))
    assert problems == [] and (events[0].start.edtf, events[0].start.label) == (edtf, label)


def test_messages_quote_the_year_as_the_editor_wrote_it(shipped):
    events, problems = load_timelinejs("s.csv", shipped.articles, shipped.categories,
                                       data=sheet_of("-65000000,,,,,,,,,Dinosaurs die out,,,,,,,war,"))
    assert events == [] and [str(p) for p in problems] == [
        "s.csv:2: Year: '-65000000' is outside the years the timeline can draw; "
        "fix: write a year from -10000 (10,000 BC) to 9999"]


def test_the_upload_preview_imports_a_sheet_without_group_whole(shipped):
    header = HEADER.replace(",Group", "")
    data = (header + "\n1956,10,23,,,,,,,Hungarian Revolution,,,,,,,\n").encode()
    events, problems = load_upload(data, "template.csv", shipped.articles, shipped.categories)
    assert [e.category for e in events] == ["life"]
    assert not any(p.is_error for p in problems)


def test_ids_are_unique_within_a_sheet(shipped):
    data = sheet_of(*["1956,,,,,,,,,Strike,,,,,,,strike,"] * 3)
    events, _ = load_timelinejs("s.csv", shipped.articles, shipped.categories, data=data)
    assert [e.id for e in events] == ["strike-1956", "strike-1956-2", "strike-1956-3"]


def test_default_category_fills_an_empty_group(shipped):
    data = sheet_of("1848,,,,,,,,,No group,,,,,,,,")
    events, problems = load_timelinejs("s.csv", shipped.articles, shipped.categories, data=data,
                                       default_category="revolution")
    assert problems == [] and events[0].category == "revolution"


def test_the_upload_function_tells_a_sheet_from_an_events_file(shipped):
    sheet = open(SHEET, "rb").read()
    events, problems = load_upload(sheet, "upload.csv", shipped.articles, shipped.categories)
    assert len(events) == 7 and str(problems[0]).startswith("upload.csv:1: Background: warning:")
    plain = open("tests/fixtures/bom.csv", "rb").read()
    events, problems = load_upload(plain, "mine.csv", shipped.articles, shipped.categories)
    assert [e.id for e in events] == ["lenin-life", "stalin-life"] and problems == []


def test_import_command_writes_the_good_events(tmp_path, capsys, shipped):
    out = tmp_path / "new.csv"
    assert import_command(SHEET, str(out)) == 1  # the sheet has errors
    printed = capsys.readouterr()
    assert printed.out.splitlines()[2] == f"{SHEET}:6: Month: 13 is not a month; fix: write a month from 1 to 12"
    assert printed.err.strip() == f"{out}: 7 events written; 4 errors, 7 warnings"
    events, problems = load_events(out, shipped.articles, shipped.categories)
    assert [e.id for e in events] == [e.id for e in load_timelinejs(SHEET, shipped.articles,
                                                                    shipped.categories)[0]]
    assert problems and all(p.column in ("article", "media", "media_alt") and not p.is_error for p in problems)
    # the sheet's Media web address is written as it was, and still not shown
    solidarity = next(e for e in events if e.title == "Solidarność")
    assert (solidarity.media.src, solidarity.media.shown) == ("https://example.org/gdansk.jpg", False)
    assert events[1].start.text == "73 BC"


def test_import_refuses_to_overwrite_the_sheet(capsys):
    assert import_command(SHEET, SHEET) == 1
    assert "would overwrite the sheet" in capsys.readouterr().err


def test_import_timelinejs_command_line(tmp_path, repo_root):
    out = tmp_path / "clean.csv"
    clean = tmp_path / "clean-sheet.csv"
    clean.write_bytes(sheet_of("1956,10,23,,,,,,,Hungarian Revolution,<b>Budapest</b>,,,,,,revolution,"))
    run = subprocess.run([sys.executable, "-m", "timeline_app", "import-timelinejs", str(clean), "--out", str(out)],
                         cwd=repo_root, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (0, "")
    assert out.read_text(encoding="utf-8").splitlines()[1] == (
        "hungarian-revolution-1956,Hungarian Revolution,1956-10-23,,revolution,,,,,Budapest")
