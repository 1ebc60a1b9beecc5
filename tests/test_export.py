"""Exported CSV: safe in a spreadsheet, and it loads back to the same events."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from timeline_app.data.csvfile import FORMULA_STARTS
from timeline_app.data.dataset import COLUMNS, load_events
from timeline_app.data.export import events_to_csv, rows_to_csv


def fields(event):
    """Everything an event holds except the line it came from."""
    return (event.id, event.title, event.start, event.end, event.category, event.people, event.place,
            event.article, event.quote, event.description, event.extra)


def reload(text, shipped):
    return load_events("export.csv", shipped.articles, shipped.categories, data=text.encode("utf-8"))


def test_the_shipped_events_survive_a_round_trip(shipped):
    events, problems = reload(events_to_csv(shipped.events), shipped)
    assert problems == []
    assert [fields(e) for e in events] == [fields(e) for e in shipped.events]


def make_csv(rows):
    out = io.StringIO()
    csv.writer(out).writerows([COLUMNS, *rows])
    return out.getvalue()


def test_formulas_are_neutralised_and_bc_dates_survive(shipped):
    quote = "Vladimir Lenin (1869-1924)"
    source = make_csv([
        ["spartacus", "=HYPERLINK(\"http://x\";\"click\")", "-0072", "-0070", "uprising",
         "+Crassus", "@Rome", "lenin", quote, "-1 legion"],
        ["caesar", "Caesar killed", "15 March 44 BC", "", "death", "", "", "lenin", quote, "\tIdes"],
    ])
    events, problems = reload(source, shipped)
    assert problems == [] and len(events) == 2
    exported = events_to_csv(events)
    cells = [cell for row in csv.reader(io.StringIO(exported, newline="")) for cell in row]
    assert not any(cell[:1] in FORMULA_STARTS for cell in cells)
    first = next(csv.reader(io.StringIO(exported.splitlines()[1])))
    assert first[1:4] == ["'=HYPERLINK(\"http://x\";\"click\")", "'-0072", "'-0070"]
    again, problems = reload(exported, shipped)
    assert problems == [] and [fields(e) for e in again] == [fields(e) for e in events]
    spartacus = again[0]
    assert (spartacus.start.edtf, spartacus.start.label, spartacus.date_label) == ("-0072", "73 BC", "73 BC–71 BC")
    assert spartacus.title.startswith("=HYPERLINK") and spartacus.people == ("+Crassus",)
    assert again[1].description == "Ides"  # loading strips spaces, tabs included


def test_extra_columns_are_exported_after_the_standard_ones(shipped):
    events, _ = load_events("tests/fixtures/extra_columns.csv", shipped.articles, shipped.categories)
    header, first, second = list(csv.reader(io.StringIO(events_to_csv(events), newline="")))
    assert header == [*COLUMNS, "source_url", "notes"]
    assert first[-2:] == ["https://example.org/lenin", "checked"] and second[-2:] == ["", ""]


def test_exported_text_uses_crlf_so_a_lone_cr_in_a_cell_is_quoted():
    text = rows_to_csv(["a"], [["x\ry"]])
    assert text == 'a\r\n"x\ry"\r\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a"], ["x\ry"]]


SAFE_TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")).map(str.strip)


@given(st.lists(st.tuples(SAFE_TEXT, SAFE_TEXT), max_size=5))
def test_any_cell_reads_back_as_written(rows):
    from timeline_app.data.csvfile import read_rows

    text = rows_to_csv(["a", "b"], rows)
    table = read_rows("x.csv", required=("a",), known=("a", "b"), data=text.encode("utf-8"))
    written = [dict(zip("ab", row)) for row in rows if any(row)]
    assert [row for _, row in table.rows] == written
