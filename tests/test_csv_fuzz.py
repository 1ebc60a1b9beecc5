"""Property tests: the CSV loaders never raise, and no row goes missing silently.

``read_rows`` and ``load_events`` report what they cannot use as ``Problem``
values instead of raising (see ``timeline_app.data.problems``).  Here they get
arbitrary bytes and text, and well-formed CSV with arbitrary cells: every
non-blank data row must come out as an event or as an error naming its line.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timeline_app.data.categories import load_categories
from timeline_app.data.csvfile import read_rows
from timeline_app.data.dataset import COLUMNS, REQUIRED, load_events
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.data.problems import Problem
from timeline_app.data.sources import load_articles

ARTICLES = load_articles(EVENTS_DIR / "sources")
CATEGORIES, _ = load_categories(EVENTS_DIR / "categories.csv")
LINE_BREAK = re.compile(r"\r\n|\r|\n")

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def line_count(text: str) -> int:
    return len(LINE_BREAK.findall(text)) + 1


def assert_well_formed(problems: list[Problem], lines: int) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert isinstance(problem.line, int) and 1 <= problem.line <= lines + 1, problem
        assert problem.severity in ("error", "warning")
        assert problem.message and str(problem)


def load(data: bytes):
    return load_events("fuzz.csv", ARTICLES, CATEGORIES, data=data, name="fuzz.csv")


# --- arbitrary input: only Problems, never an exception -------------------------

csv_ish_text = st.text(alphabet=st.sampled_from(list('ab1,;"\'\n\r\t =-+@|\\\x00é\ufeffł')) | st.characters(
    blacklist_categories=("Cs",)), max_size=300)


@FUZZ
@given(st.binary(max_size=400))
def test_read_rows_never_raises_on_bytes(data):
    table = read_rows("fuzz.csv", required=REQUIRED, known=COLUMNS, data=data, name="fuzz.csv")
    assert_well_formed(table.problems, data.count(b"\n") + data.count(b"\r") + 1)
    for line, row in table.rows:
        assert line >= 1 and isinstance(row, dict)


@FUZZ
@given(st.binary(max_size=400))
def test_load_events_never_raises_on_bytes(data):
    events, problems = load(data)
    assert_well_formed(problems, data.count(b"\n") + data.count(b"\r") + 1)
    assert all(event.line >= 1 for event in events)


@FUZZ
@given(csv_ish_text, st.sampled_from(["utf-8", "utf-8-sig", "cp1250", "cp1252", "utf-16"]))
def test_load_events_never_raises_on_text_in_any_encoding(text, encoding):
    data = text.encode(encoding, errors="replace")
    events, problems = load(data)
    assert all(isinstance(p, Problem) for p in problems)


@FUZZ
@given(csv_ish_text)
def test_load_events_never_raises_below_a_valid_header(text):
    data = (",".join(COLUMNS) + "\n" + text).encode()
    events, problems = load(data)
    assert_well_formed(problems, line_count(text) + 1)


# --- well-formed CSV, arbitrary cells: every row accounted for -------------------

cell_text = st.text(alphabet=st.sampled_from(list('ab1 ,;"\n\r-?~./')) | st.characters(
    blacklist_categories=("Cs", "Cc")), max_size=12)


@st.composite
def cells(draw, column: str) -> str:
    plausible = {
        "id": st.from_regex(r"\A[a-z]{1,6}(-[0-9]{1,4})?\Z"),
        "title": st.sampled_from(["Strike", "A revolution", "Congress"]),
        "start": st.sampled_from(["1956", "c. 1893", "1980-81", "May 1968", "1917-10-25", "1848?"]),
        "end": st.sampled_from(["", "1957", "1900", "2020"]),
        "category": st.sampled_from(sorted(CATEGORIES)),
        "article": st.sampled_from(sorted(ARTICLES)),
    }.get(column, st.just(""))
    return draw(plausible | cell_text if column in ("id", "start") else st.one_of(plausible, cell_text))


@st.composite
def event_rows(draw) -> list[str]:
    width = draw(st.sampled_from([len(COLUMNS)] * 6 + [0, 1, 3, len(COLUMNS) - 1, len(COLUMNS) + 2]))
    columns = list(COLUMNS) + ["extra"] * 3
    return [draw(cells(columns[i])) for i in range(width)]


def csv_cell(value: str) -> str:
    """A cell as a spreadsheet writes it: quoted when it holds a comma, quote or line break.

    (``csv.writer`` leaves a lone "\r" unquoted when the line ends in "\n".)
    """
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_rows(), min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_every_non_blank_row_is_an_event_or_a_problem_naming_its_line(rows, newline):
    text = ",".join(COLUMNS) + newline
    starts = []
    for row in rows:
        starts.append(line_count(text))
        text += ",".join(map(csv_cell, row)) + newline
    data_rows = [(line, row) for line, row in zip(starts, rows) if any(cell.strip() for cell in row)]
    assume(data_rows)

    events, problems = load(text.encode())

    assert_well_formed(problems, line_count(text))
    event_lines = {event.line for event in events}
    error_lines = {p.line for p in problems if p.severity == "error"}
    for line, row in data_rows:
        assert line in event_lines or line in error_lines, (line, row, [str(p) for p in problems])
        assert not (line in event_lines and line in error_lines), (line, row)
    assert len(events) == len(event_lines)  # one event per line at most


def test_a_plausible_row_becomes_an_event():
    """The strategy above can reach the event path (else the property proves little)."""
    article = sorted(ARTICLES)[0]
    category = sorted(CATEGORIES)[0]
    text = ",".join(COLUMNS) + "\n" + f"x-1,Strike,1956,,{category},,,{article},,\n"
    events, problems = load(text.encode())
    assert [e.line for e in events] == [2], [str(p) for p in problems]


@pytest.mark.parametrize("data", [
    b"", b"\xff\xfe\x00", b"\x00" * 64, b'"' * 1000, b"id,title,start\n\"unclosed,\n" * 50,
    ",".join(COLUMNS).encode() + b"\n" + b"a," * 100_000, b"sep=;\n" + b";" * 1000,
    b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\n" + b"x" * 200_000,
])
def test_pathological_files_only_give_problems(data):
    events, problems = load(data)
    assert all(isinstance(p, Problem) for p in problems)
