"""``python -m timeline_app check``: exit status, one line per problem, every kind of file."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from timeline_app.cli import main
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.commands import check_command
from timeline_app.data.validate import file_kind

FIXTURES = "tests/fixtures"


def run_check(repo_root, *args):
    return subprocess.run([sys.executable, "-m", "timeline_app", "check", *args], cwd=repo_root,
                          capture_output=True, text=True, timeout=120)


def test_the_shipped_dataset_passes_even_strictly(repo_root):
    run = run_check(repo_root, "events/events.csv", "--strict")
    assert (run.returncode, run.stdout) == (0, "")
    assert run.stderr.strip() == "events/events.csv: 29 events ok, 0 errors, 0 warnings"


def test_without_a_file_the_shipped_events_are_checked(repo_root):
    run = run_check(repo_root)
    assert run.returncode == 0 and run.stderr.strip().endswith("events ok, 0 errors, 0 warnings")


@pytest.mark.parametrize("fixture, status, first_line", [
    ("bad_dates.csv", 1, f"{FIXTURES}/bad_dates.csv:3: start: could not read 'Octobr 1956' as a date; "
                         "fix: did you mean 'October 1956'?"),
    ("semicolon.csv", 0, None),
    ("cp1250.csv", 0, f"{FIXTURES}/cp1250.csv:2: (file): warning: the file is not UTF-8; it was read as "
                      "Windows-1250 (Central European)"),
    ("categories_bad.csv", 1, f"{FIXTURES}/categories_bad.csv:3: name: category 'strike' is already defined "
                              "on line 2; fix: keep one row per category"),
    ("timelinejs.csv", 1, f"{FIXTURES}/timelinejs.csv:1: Background: warning: the timeline does not show these "
                          "columns"),
])
def test_command_line(fixture, status, first_line, repo_root):
    run = run_check(repo_root, f"{FIXTURES}/{fixture}")
    assert run.returncode == status
    lines = run.stdout.splitlines()
    assert (lines[0].startswith(first_line) if first_line else lines == [])
    assert all(line.startswith(f"{FIXTURES}/{fixture}:") and "; fix: " in line for line in lines)


@pytest.mark.parametrize("fixture, status, strict_status", [
    ("bom.csv", 0, 0), ("semicolon.csv", 0, 0),
    ("cp1252.csv", 0, 1), ("latin2.csv", 0, 1), ("extra_columns.csv", 0, 1), ("quote_not_found.csv", 0, 1),
    ("bad_dates.csv", 1, 1), ("end_before_start.csv", 1, 1), ("duplicate_ids.csv", 1, 1),
    ("unknown_refs.csv", 1, 1), ("missing_fields.csv", 1, 1), ("ragged.csv", 1, 1),
    ("blank_lines.csv", 1, 1), ("multiline.csv", 1, 1), ("unclosed_quote.csv", 1, 1),
    ("stray_quote.csv", 1, 1), ("header_typos.csv", 1, 1), ("periods_bad.csv", 1, 1),
])
def test_exit_status_errors_fail_warnings_fail_only_strictly(fixture, status, strict_status, capsys):
    assert check_command(f"{FIXTURES}/{fixture}") == status
    assert check_command(f"{FIXTURES}/{fixture}", strict=True) == strict_status
    out = capsys.readouterr().out.splitlines()
    assert all(line.startswith(f"{FIXTURES}/{fixture}:") for line in out)


def test_one_line_per_problem_with_the_summary_on_stderr(capsys):
    assert main(["check", f"{FIXTURES}/missing_fields.csv"]) == 1
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [
        f"{FIXTURES}/missing_fields.csv:2: title: the title is empty; fix: give the event a short title",
        f"{FIXTURES}/missing_fields.csv:3: start: the start date is empty; fix: give at least a year, e.g. 1956",
        f"{FIXTURES}/missing_fields.csv:4: id: the id is empty; fix: give the row a unique id such as "
        "'hungary-1956-revolution'",
    ]
    assert printed.err == f"{FIXTURES}/missing_fields.csv: 1 event ok, 3 errors, 0 warnings\n"


def test_a_multi_line_cell_in_a_problem_is_printed_on_one_line(capsys):
    check_command(f"{FIXTURES}/multiline.csv")
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_missing_file(capsys, tmp_path):
    assert check_command(str(tmp_path / "nope.csv")) == 1
    assert capsys.readouterr().out.startswith(f"{tmp_path / 'nope.csv'}:1: (file): the file cannot be read")


def test_checking_events_also_checks_the_folders_categories_and_periods(tmp_path, capsys):
    shutil.copytree(EVENTS_DIR, tmp_path / "events")
    categories = tmp_path / "events" / "categories.csv"
    categories.write_text(categories.read_text().replace("#44AA99,hexagon", "teal,hexagone"))
    periods = tmp_path / "events" / "periods.csv"
    periods.write_text(periods.read_text().replace("Paris Commune,,1871-03-18", "Paris Commune,,1871-13-18"))
    assert check_command(str(tmp_path / "events" / "events.csv")) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{categories}:6: colour: warning: 'teal' is not a colour; it is drawn grey; fix: write it as #RRGGBB, "
        "e.g. #0072B2",
        f"{categories}:6: symbol: warning: 'hexagone' is not a marker symbol; it is drawn as a circle; fix: use "
        "a plotly marker symbol such as circle, square, diamond, triangle-up, star, hexagon, x",
        f"{periods}:13: start: '1871-13-18' is not a day of the calendar; fix: write it as e.g. 1956, October "
        "1956, 23 October 1956, autumn 1956, 1918-21, 1920s, the early 1920s, the 19th century, c. 1893, "
        "73 BC, or EDTF such as 1956-10-23, 1918/1921, 192X, 1893~, -0072",
    ]


@pytest.mark.parametrize("header, kind", [
    (["id", "title", "start"], "events"),
    (["name", "label", "colour", "symbol"], "categories"),
    (["name", "aliases", "start", "end", "description"], "periods"),
    (["year", "month", "headline", "text"], "timelinejs"),
    (["titel"], "events"),
])
def test_file_kind(header, kind):
    assert file_kind(header) == kind
