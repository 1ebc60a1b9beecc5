"""Reading CSV files as editors save them: encodings, delimiters, line numbers, broken rows."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.data.csvfile import (
    FORMULA_STARTS,
    column_key,
    decode,
    guard_cell,
    header_keys,
    read_rows,
    sniff_delimiter,
    unguard_cell,
)

COLUMNS = ("id", "title", "start")


def read(text: str | bytes, required=("id",), known=COLUMNS):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_rows("t.csv", required=required, known=known, data=data)


def lines_of(table):
    return [line for line, _ in table.rows]


def messages(table):
    return [str(p) for p in table.problems]


# --------------------------------------------------------------------------
# Encodings

@pytest.mark.parametrize("text, encoding, label", [  # label: how the warning names the encoding
    ("Grève générale, España, Müller", "cp1252", "Windows-1252"),
    ("Müller, Wałęsa", "cp1250", "Windows-1250"),
    ("Wałęsa, Solidarność, Łódź", "cp1250", "Windows-1250"),
    ("Żeby było jasne; Kraków", "cp1250", "Windows-1250"),
    ("Śląsk, Wałęsa, Gdańsk", "iso-8859-2", "ISO-8859-2"),
    ("Győr, Wałęsa", "cp1250", "Windows-1250"),
])
def test_legacy_encodings_are_read_with_a_warning_naming_them(text, encoding, label):
    data = f"id,title\n1,ok\n2,{text}\n".encode(encoding)
    decoded, problems = decode(data, "f.csv")
    [problem] = problems
    assert problem.severity == "warning" and problem.line == 3  # the first line that is not UTF-8
    assert "is not UTF-8; it was read as" in problem.message
    assert label in problem.message
    assert decoded == f"id,title\n1,ok\n2,{text}\n"


def test_the_warning_lists_the_letters_it_read_so_editors_can_see_a_misreading():
    _, [problem] = decode("Wałęsa".encode("cp1250"), "f.csv")
    assert "giving the letters ł, ę" in problem.message
    # The bytes of "Gdańsk" are also "Gdañsk" in Windows-1252 and nothing
    # tells the two apart: the Western reading wins, and the letters show it.
    text, [problem] = decode("Gdańsk".encode("cp1250"), "f.csv")
    assert text == "Gdañsk" and "Windows-1252" in problem.message and "ñ" in problem.message


@pytest.mark.parametrize("data", [
    "id,title\n1,Wałęsa\n".encode("utf-8"),
    codecs.BOM_UTF8 + "id,title\n1,Wałęsa\n".encode("utf-8"),
    "id,title\n1,Wałęsa\n".encode("utf-16"),            # with BOM, little-endian here
    codecs.BOM_UTF16_BE + "id,title\n1,Wałęsa\n".encode("utf-16-be"),
])
def test_unicode_files_are_read_silently_and_the_bom_is_not_part_of_the_header(data):
    text, problems = decode(data, "f.csv")
    assert text == "id,title\n1,Wałęsa\n" and problems == []
    assert header_keys(data) == ["id", "title"]


# --------------------------------------------------------------------------
# Delimiters and header

@pytest.mark.parametrize("header, delimiter", [
    ("id,title,start", ","), ("id;title;start", ";"), ("id\ttitle\tstart", "\t"),
    ("id;title,with comma;start", ";"), ("id", ","),
])
def test_sniff_delimiter(header, delimiter):
    assert sniff_delimiter(header) == delimiter


def test_semicolon_file_with_excel_separator_line_and_quoted_semicolons():
    table = read('sep=;\r\nid;title\r\n1;"a; b"\r\n2;c, d\r\n')
    assert table.rows == [(3, {"id": "1", "title": "a; b"}), (4, {"id": "2", "title": "c, d"})]
    assert table.problems == []


def test_header_is_matched_ignoring_case_and_spaces_but_reported_as_written():
    table = read("ID ,  Title,Start,Source  URL\n1,x,1956,http://x\n")
    assert table.header == ["id", "title", "start", "source url"]
    assert table.label("title") == "Title" and table.label("source url") == "Source URL"
    assert messages(table) == [
        "t.csv:1: Source URL: warning: column(s) the timeline does not use; their values are kept; "
        "fix: rename the column if it was meant to be one of: id, title, start"]
    assert table.rows[0][1]["source url"] == "http://x"  # kept


def test_extra_columns_are_reported_once_however_many_rows():
    table = read("id,title,notes\n" + "".join(f"{i},t,n\n" for i in range(50)))
    assert len(table.problems) == 1 and table.extra_columns == ["notes"]


def test_missing_required_column_suggests_the_misspelt_one():
    table = read("id,titel\n1,x\n", required=("id", "title"))
    assert "t.csv:1: (header): the header has no 'title' column; fix: rename 'titel' to 'title'" in messages(table)


def test_a_column_named_twice_is_an_error_and_the_second_is_not_read_as_it():
    table = read("id,title,title\n1,first,second\n")
    assert messages(table)[0].startswith("t.csv:1: title: the column appears twice (columns 2 and 3)")
    assert table.rows[0][1]["title"] == "first"


def test_unnamed_columns_are_reported_only_when_a_row_fills_them():
    assert read("id,title,,\n1,x,,\n").problems == []
    table = read("id,title,\n1,x,\n2,y,oops\n")
    assert messages(table) == ["t.csv:1: (column 3): warning: column(s) with no name in the header; "
                               "their values are kept; fix: give the column a name in the first row"]


def test_column_key():
    assert column_key("  End   Year ") == "end year"


# --------------------------------------------------------------------------
# Line numbers

def test_rows_carry_the_physical_line_they_start_on():
    text = ('\n\nid,title,start\n\n1,"two\nlines",1956\n   \n,,\n2,"three\r\nline\ncell",1957\r\n'
            '3,last,1958')
    table = read(text)
    assert lines_of(table) == [5, 9, 12]
    assert table.header_line == 3
    assert table.rows[1][1]["title"] == "three\r\nline\ncell"


def test_old_mac_line_ends_count_as_lines():
    assert lines_of(read("id,title\r1,a\r\r2,b\r")) == [2, 4]


CELLS = st.text(alphabet='ab ,;"\n\r\t\'é', max_size=6)


@given(st.lists(st.lists(CELLS, min_size=3, max_size=3), max_size=8))
def test_any_table_written_by_a_csv_writer_reads_back_with_its_line_numbers(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # with "\n" a lone CR is left unquoted
    writer.writerow(COLUMNS)
    expected, line = [], 2
    for cells in rows:
        before = out.tell()
        writer.writerow(cells)
        record = out.getvalue()[before:]
        values = [unguard_cell(c.strip()) for c in cells]
        if any(values):
            expected.append((line, dict(zip(COLUMNS, values))))
        line += len(io.StringIO(record, newline="").readlines())
    table = read(out.getvalue())
    assert table.rows == expected
    assert table.problems == []


@given(st.binary(max_size=300))
def test_read_rows_never_raises(data):
    table = read_rows("t.csv", required=("id",), known=COLUMNS, data=data)
    for line, _ in table.rows:
        assert line >= 1


# --------------------------------------------------------------------------
# Broken rows

@pytest.mark.parametrize("row, expected", [
    ("1,a,b,c", "t.csv:2: (row): the row has 4 cells but the header has 3; fix: put double quotes"),
    ("1,a", "t.csv:2: (row): warning: the row has 2 cells but the header has 3; the missing cells are read as empty"),
])
def test_ragged_rows(row, expected):
    table = read(f"id,title,start\n{row}\n")
    assert messages(table)[0].startswith(expected)
    assert (2 in table.bad_lines) == ("warning" not in expected)


def test_empty_cells_after_the_last_column_are_not_a_problem():
    table = read("id,title\n1,a,,,\n")
    assert table.problems == [] and table.rows == [(2, {"id": "1", "title": "a"})]


def test_a_quote_left_open_to_the_end_of_the_file_swallows_no_rows():
    table = read('id,title,start\n1,"open,1956\n2,b,1957\n3,c,1958\n')
    assert messages(table) == [
        "t.csv:2: (row): a quote mark opened in this row is not closed, so lines 2-4 were read as one row; "
        'fix: close the quote, or write a quote mark inside a quoted cell as two ("")']
    assert lines_of(table) == [3, 4] and table.bad_lines == {2}


def test_a_quote_closed_rows_later_by_another_rows_quote_is_caught_too():
    table = read('id,title,start\n1,"open,1956\n2,b,1957\n3,"c, d",1958\n4,e,1959\n')
    assert messages(table)[0].startswith("t.csv:2: (row): a quote mark opened in this row is not closed")
    assert [row["id"] for _, row in table.rows] == ["2", "3", "4"]


def test_a_quote_closed_by_a_later_rows_inch_mark_is_caught_by_the_cell_count():
    table = read('id,title,start\n1,"open,1956\n2,a 5",1957,x\n3,c,1958\n')
    assert messages(table)[0].startswith("t.csv:2: (row): a quote mark opened in this row is not closed")
    assert [row["id"] for _, row in table.rows] == ["2", "3"]


def test_a_legitimate_multi_line_cell_is_not_mistaken_for_a_runaway_quote():
    table = read('id,title,start\n1,"a title, with a comma\nand a line, that looks, like a row",1956\n'
                 '2,b,1957\n')
    assert table.problems == [] and lines_of(table) == [2, 4]


@pytest.mark.parametrize("data, message", [
    (b"", "t.csv:1: (header): the file has no header row (it is empty)"),
    (b"\n \n,,\n", "t.csv:1: (header): the file has no header row; fix: start with a header row: id"),
])
def test_empty_files(data, message):
    assert messages(read(data))[0].startswith(message)


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path):
    table = read_rows(tmp_path / "nope.csv", required=("id",), known=COLUMNS)
    assert str(table.problems[0]).startswith(f"{tmp_path / 'nope.csv'}:1: (file): the file cannot be read")


# --------------------------------------------------------------------------
# Formula guard

@pytest.mark.parametrize("value, guarded", [
    ("-0072", "'-0072"), ("=1+1", "'=1+1"), ("+44", "'+44"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'-0072", "''-0072"),
    ("1956", "1956"), ("'30s", "'30s"), ("Workers' councils", "Workers' councils"), ("", ""),
])
def test_guard_cell(value, guarded):
    assert guard_cell(value) == guarded
    assert unguard_cell(guarded) == value


@given(st.text())
def test_guarding_is_undone_exactly_and_never_leaves_a_formula(value):
    guarded = guard_cell(value)
    assert unguard_cell(guarded) == value
    assert guarded[:1] not in FORMULA_STARTS


def test_the_loader_removes_the_guard():
    table = read("id,title,start\n'=1,'-x,'-0072\n")
    assert table.rows[0][1] == {"id": "=1", "title": "-x", "start": "-0072"}


def test_rows_pasted_in_from_a_legacy_file_are_read_line_by_line():
    data = "id,title\n1,Wałęsa\n".encode("utf-8") + "2,Łódź\n3,Gdańsk\n".encode("cp1250") + b"4,plain\r5,x\n"
    text, [problem] = decode(codecs.BOM_UTF8 + data, "f.csv")
    assert text == "id,title\n1,Wałęsa\n2,Łódź\n3,Gdańsk\n4,plain\r5,x\n"
    assert str(problem) == (
        "f.csv:3: (file): warning: 2 of the lines are not UTF-8 (this is the first); they were read as "
        "Windows-1250 (Central European), giving the letters Ł, ó, ź, ń; fix: if any letter looks "
        "wrong, save the file again as 'CSV UTF-8'")
