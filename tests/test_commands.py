"""What the commands write and print (issue 11, points 1, 11 and 14).

No command replaces an existing file unless asked (``--force``), none
replaces a file that has rows with one that has none, every output is
written through one atomic helper, and text from files reaches the terminal
with its control characters escaped.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from timeline_app.cli import main
from timeline_app.commands import escaped
from timeline_app.data.paths import EVENTS_CSV, SOURCES_DIR

TEMPLATE_HEADER = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
                   "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")
"""The TimelineJS template columns; tests drop Group for sheets made without it."""


def sheet(tmp_path, *rows: str, header: str = TEMPLATE_HEADER):
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def events_copy(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(EVENTS_CSV.read_bytes())
    return path


def test_import_does_not_overwrite_an_existing_file_without_force(tmp_path, events_copy, capsys):
    before = events_copy.read_bytes()
    source = sheet(tmp_path, "1956,10,23,,,,,,,Hungarian Revolution,,,,,,,revolution,")
    assert main(["import-timelinejs", source, "--out", str(events_copy)]) == 1
    assert capsys.readouterr().err == (f"{events_copy}: the file exists; add --force to overwrite it, "
                                       "or choose another output\n")
    assert events_copy.read_bytes() == before
    assert main(["import-timelinejs", source, "--out", str(events_copy), "--force"]) == 0
    assert events_copy.read_text(encoding="utf-8").count("\n") == 2


def test_no_output_with_zero_events_replaces_a_file_with_events_even_forced(tmp_path, events_copy, capsys):
    before = events_copy.read_bytes()
    source = sheet(tmp_path, "MCMLVI,,,,,,,,,Roman year,,,,,,,revolution,")
    assert main(["import-timelinejs", source, "--out", str(events_copy), "--force"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"{events_copy}: nothing was written: the output has no rows and would replace a file with 29 rows")
    assert events_copy.read_bytes() == before


def test_the_knight_lab_template_without_group_imports_whole(tmp_path, capsys):
    header = TEMPLATE_HEADER.replace(",Group", "")
    source = sheet(tmp_path, "1956,10,23,,,,,,,Hungarian Revolution,,,,,,,", "-44,3,15,,,,,,,Caesar killed,,,,,,,",
                   header=header)
    out = tmp_path / "new.csv"
    assert main(["import-timelinejs", source, "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [
        f"{source}:1: (header): warning: the sheet has no Group column, so its 2 rows get the default category "
        "'life' (the first in categories.csv); fix: add a Group column, or choose the category with --category"]
    assert printed.err == f"{out}: 2 events written; 0 errors, 1 warning\n"
    assert [line.split(",")[4] for line in out.read_text(encoding="utf-8").splitlines()[1:]] == ["life", "life"]


def test_a_missing_output_folder_is_one_line_not_a_traceback(tmp_path, repo_root):
    source = sheet(tmp_path, "1956,10,23,,,,,,,Hungarian Revolution,,,,,,,revolution,")
    out = tmp_path / "missing" / "new.csv"
    run = subprocess.run([sys.executable, "-m", "timeline_app", "import-timelinejs", source, "--out", str(out)],
                         cwd=repo_root, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr == (f"{out}: the folder {out.parent} does not exist; create it or choose another output\n")


def test_extract_refuses_to_overwrite_and_writes_atomically(tmp_path, capsys):
    out = tmp_path / "mentions.csv"
    out.write_text("article,expression\nkept,1956\n", encoding="utf-8")
    assert main(["extract", str(SOURCES_DIR), "--out", str(out)]) == 1
    assert capsys.readouterr().err == (f"extract: {out}: the file exists; add --force to overwrite it, or choose "
                                       "another output\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["extract", str(empty), "--out", str(out), "--force"]) == 1  # no mention over mentions
    assert "nothing was written" in capsys.readouterr().err
    assert main(["extract", str(SOURCES_DIR), "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("article,article_title,expression")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "mentions.csv"]


def test_extract_reports_an_unreadable_article_and_reads_the_others(tmp_path, capsys):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "good.txt").write_text("Good\n\nIn 1956 workers struck.\n", encoding="utf-8")
    (folder / "old.txt").write_bytes("Old\n\nIn 1968 came the grève générale.\n".encode("cp1252"))
    assert main(["extract", str(folder), "--out", str(tmp_path / "m.csv")]) == 0
    err = capsys.readouterr().err
    assert f"{folder}/old.txt:3: (file): warning: the file is not UTF-8" in err
    assert "2 date mentions in 2 articles" in err


CONTROL_CELL = "Strike\x1b[2J\x1b]0;owned\x07 \u202eevil"


def test_control_characters_from_files_are_escaped_on_the_terminal(tmp_path, capsys):
    events = tmp_path / "events.csv"
    events.write_text(f"id,title,start,category\nx-1,{CONTROL_CELL},Octobr 1956\x1b[2J,strike\n", encoding="utf-8")
    main(["check", str(events)])
    source = sheet(tmp_path, f"MCMLVI\x1b[2J,,,,,,,,,{CONTROL_CELL},,,,,,,revolution,")
    main(["import-timelinejs", source, "--out", str(tmp_path / "new.csv")])
    printed = capsys.readouterr()
    text = printed.out + printed.err
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "'Octobr 1956\\x1b[2J'" in text and "'MCMLVI\\x1b[2J'" in text


def test_escaped_keeps_ordinary_text():
    assert escaped("Wałęsa, 1956 — ok\n") == "Wałęsa, 1956 — ok\n"
    assert escaped("a\x1b[2Jb\x07\x9b\u202e") == "a\\x1b[2Jb\\x07\\x9b\\u202e"


def test_check_says_one_error_and_one_warning_in_the_singular(tmp_path, capsys):
    events = tmp_path / "events.csv"
    events.write_text("id,title,start,category\nx-1,A,Octobr 1956,strike\ny-1,B,1956,strike\n", encoding="utf-8")
    main(["check", str(events)])
    assert capsys.readouterr().err == f"{events}: 1 event ok, 1 error, 1 warning\n"
