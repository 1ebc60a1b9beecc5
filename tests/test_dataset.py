"""Validation of events, categories and periods: every bad input gives its line, column and fix."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.data.categories import load_categories
from timeline_app.data.dataset import (
    COLUMNS,
    load_dataset,
    load_events,
    slugify,
    split_list,
)
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.data.periods import check_periods

FIXTURES = "tests/fixtures"


def load_fixture(name, shipped):
    return load_events(f"{FIXTURES}/{name}", shipped.articles, shipped.categories)


# (fixture, expected "FILE:LINE: column:" prefix of one problem, fragment of the rest)
BAD_EVENTS = [
    ("bad_dates.csv", "3: start:", "could not read 'Octobr 1956' as a date; fix: did you mean 'October 1956'?"),
    ("bad_dates.csv", "4: start:", "'1956-13-01' is not a day of the calendar; fix: write it as e.g. 1956"),
    ("bad_dates.csv", "5: start:", "could not read 'sometime' as a date"),
    ("bad_dates.csv", "6: end:", "could not read"),
    ("bad_dates.csv", "7: start:", "warning: '23/10/1956' can be read day-first or month-first; "
                                   "it was read as 23 October 1956; fix: write it as 1956-10-23"),
    ("end_before_start.csv", "2: end:", "the end (1953) is before the start (1956); fix: swap start and end"),
    ("end_before_start.csv", "4: end:", "the end (73 BC) is before the start (71 BC)"),
    ("duplicate_ids.csv", "4: id:", "the id 'lenin-life' is already used on line 2"),
    ("duplicate_ids.csv", "5: id:", "warning: the id 'Lenin Death' is not lowercase letters, digits and "
                                    "hyphens; fix: write it as 'lenin-death'"),
    ("unknown_refs.csv", "2: category:", "unknown category 'strke'; fix: did you mean 'strike'?"),
    ("unknown_refs.csv", "3: category:", "unknown category 'Revolution'; fix: did you mean 'revolution'?"),
    ("unknown_refs.csv", "4: category:", "unknown category 'weather'; fix: use one of: life, activism"),
    ("unknown_refs.csv", "5: article:", "unknown article 'lenin-bio'; fix: did you mean 'lenin'?"),
    ("unknown_refs.csv", "6: article:", "unknown article 'rosa-luxembourg'; fix: did you mean 'rosa-luxemburg'?"),
    ("unknown_refs.csv", "7: category:", "the category is empty; fix: use one of:"),
    ("quote_not_found.csv", "2: quote:", "warning: the quote is not found word for word in the article; fix: "
                                         "the article has 'Vladimir Lenin (1869-1924) was one of many' but then "
                                         "differs at 'young workers'"),
    ("quote_not_found.csv", "3: quote:", "the words match but the spaces or line breaks differ"),
    ("quote_not_found.csv", "4: quote:", "warning: the quote is empty"),
    ("quote_not_found.csv", "5: article:", "warning: the event cites no source article"),
    ("missing_fields.csv", "2: title:", "the title is empty"),
    ("missing_fields.csv", "3: start:", "the start date is empty"),
    ("missing_fields.csv", "4: id:", "the id is empty"),
    ("ragged.csv", "3: (row):", "the row has 11 cells but the header has 10; fix: put double quotes around"),
    ("ragged.csv", "4: (row):", "warning: the row has 8 cells but the header has 10"),
    ("extra_columns.csv", "1: source_url, Notes:", "warning: column(s) the timeline does not use; "
                                                   "their values are kept"),
    ("blank_lines.csv", "7: title:", "the title is empty"),
    ("multiline.csv", "5: start:", "could not read 'sometime' as a date"),
    ("unclosed_quote.csv", "3: (row):", "a quote mark opened in this row is not closed, so lines 3-5 were read "
                                        "as one row"),
    ("stray_quote.csv", "2: (row):", "a quote mark opened in this row is not closed, so lines 2-3"),
    ("header_typos.csv", "1: (header):", "the header has no 'title' column; fix: rename 'Titel' to 'title'"),
    ("header_typos.csv", "1: (header):", "none of the 2 rows (lines 2-3) can be shown without the column(s) title"),
    ("header_case.csv", "2: Start:", "could not read 'Octobr 1956'"),
    ("cp1252.csv", "2: (file):", "warning: the file is not UTF-8; it was read as Windows-1252 (Western "
                                 "European), giving the letters è, é, É, ü, ñ"),
    ("cp1250.csv", "2: (file):", "warning: the file is not UTF-8; it was read as Windows-1250 (Central "
                                 "European), giving the letters ł, ę, ń"),
    ("latin2.csv", "2: (file):", "warning: the file is not UTF-8; it was read as ISO-8859-2 (Latin-2)"),
]


@pytest.mark.parametrize("name, prefix, fragment", BAD_EVENTS)
def test_each_bad_input_is_reported_on_its_line_and_column_with_a_fix(name, prefix, fragment, shipped):
    _, problems = load_fixture(name, shipped)
    lines = [str(p) for p in problems if str(p).startswith(f"{FIXTURES}/{name}:{prefix} ")]
    assert any(fragment in line for line in lines), "\n".join(map(str, problems))


# fixture -> (ids loaded, number of errors, number of warnings): good rows always load
LOADED = {
    "bad_dates.csv": (["lenin-life", "slashes"], 4, 1),
    "end_before_start.csv": (["bc-span"], 2, 0),
    "duplicate_ids.csv": (["lenin-life", "stalin-life", "Lenin Death"], 1, 1),
    "unknown_refs.csv": ([], 6, 0),
    "quote_not_found.csv": (["wrong-words", "double-space", "no-quote", "no-article"], 0, 4),
    "missing_fields.csv": (["complete"], 3, 0),
    "ragged.csv": (["good", "too-few", "trailing"], 1, 2),
    "extra_columns.csv": (["lenin-life", "stalin-life"], 0, 1),
    "blank_lines.csv": (["lenin-life", "stalin-life"], 1, 0),
    "multiline.csv": (["lenin-life", "stalin-life"], 1, 0),
    "unclosed_quote.csv": (["lenin-life", "stalin-life", "luxemburg-life"], 1, 0),
    "stray_quote.csv": (["stalin-life", "lenin-life"], 1, 0),
    "header_typos.csv": ([], 2, 1),
    "semicolon.csv": (["lenin-life", "luxemburg-leaves-poland-1889"], 0, 0),
    "bom.csv": (["lenin-life", "stalin-life"], 0, 0),
    "cp1252.csv": (["greve-generale", "espana"], 0, 1),
    "cp1250.csv": (["walesa", "lodz"], 0, 1),
    "latin2.csv": (["slask"], 0, 1),
}


@pytest.mark.parametrize("name", sorted(LOADED))
def test_good_rows_load_and_every_problem_is_counted(name, shipped):
    events, problems = load_fixture(name, shipped)
    ids, errors, warnings = LOADED[name]
    assert [e.id for e in events] == ids
    assert sum(p.is_error for p in problems) == errors
    assert sum(not p.is_error for p in problems) == warnings


def test_legacy_encodings_keep_the_letters(shipped):
    [walesa, lodz], _ = load_fixture("cp1250.csv", shipped)
    assert walesa.people == ("Lech Wałęsa",) and walesa.place == ("Gdańsk",)
    assert lodz.title == "Strike in Łódź" and lodz.description == "Żeby było jasne: strajk."
    [slask], _ = load_fixture("latin2.csv", shipped)
    assert slask.place == ("Śląsk",)
    [greve, espana], _ = load_fixture("cp1252.csv", shipped)
    assert greve.title == "Grève générale" and greve.people == ("Émile Müller",)


def test_semicolon_file_keeps_commas_and_splits_lists(shipped):
    events, _ = load_fixture("semicolon.csv", shipped)
    assert events[1].place == ("Poland", "Zurich")
    assert events[1].description == "She went to Zurich, to study."


def test_event_lines_are_the_physical_lines_rows_start_on(shipped):
    events, _ = load_fixture("multiline.csv", shipped)
    assert [e.line for e in events] == [2, 6]
    assert events[0].description == 'A description\nover three lines,\nwith commas, and "quotes".'


def test_extra_columns_are_kept_on_the_event(shipped):
    events, _ = load_fixture("extra_columns.csv", shipped)
    assert events[0].extra == (("source_url", "https://example.org/lenin"), ("notes", "checked"))


def test_a_file_without_an_article_column_warns_once(shipped):
    data = b"id,title,start,category\na,A,1956,strike\nb,B,1957,strike\n"
    events, problems = load_events("x.csv", shipped.articles, shipped.categories, data=data)
    assert len(events) == 2
    assert [str(p) for p in problems] == [
        "x.csv:1: (header): warning: the header has no 'article' column, so no event links to its source; "
        "fix: add an 'article' column naming each event's article"]


def test_the_shipped_dataset_has_no_problem_at_all(shipped):
    assert shipped.problems == []
    assert len(shipped.events) == sum(1 for _ in open(EVENTS_DIR / "events.csv", encoding="utf-8")) - 1


# --------------------------------------------------------------------------
# Nothing silently dropped

ROW_FAULTS = st.sampled_from(["ok", "ok", "ok", "bad-date", "end-first", "no-title", "bad-category",
                              "duplicate", "too-many", "too-few", "blank-before", "multiline"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(faults=st.lists(ROW_FAULTS, min_size=1, max_size=12))
def test_every_row_is_loaded_or_has_an_error_on_its_line(faults, shipped):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    starts = {}
    for i, fault in enumerate(faults):
        if fault == "blank-before":
            out.write("\n")
        row = [f"e{i}", f"Event {i}", "1956", "", "strike", "", "", "lenin", "", "x"]
        row = {"bad-date": lambda r: r[:2] + ["Octobr 1956"] + r[3:],
               "end-first": lambda r: r[:3] + ["1950"] + r[4:],
               "no-title": lambda r: r[:1] + [""] + r[2:],
               "bad-category": lambda r: r[:4] + ["strke"] + r[5:],
               "duplicate": lambda r: ["e0"] + r[1:],
               "too-many": lambda r: r + ["extra"],
               "too-few": lambda r: r[:8],
               "multiline": lambda r: r[:9] + ["two\nlines"]}.get(fault, lambda r: r)(row)
        starts[i] = out.getvalue().count("\n") + 1
        writer.writerow(row)
    events, problems = load_events("x.csv", shipped.articles, shipped.categories,
                                   data=out.getvalue().encode())
    loaded = {e.line for e in events}
    errors = {p.line for p in problems if p.is_error}
    for i, line in starts.items():
        assert (line in loaded) != (line in errors), (i, faults[i], line, [str(p) for p in problems])
        if faults[i] in ("ok", "blank-before", "too-few", "multiline"):
            assert line in loaded
        elif faults[i] != "duplicate":
            assert line in errors


def test_load_dataset_never_raises_for_a_broken_folder(tmp_path):
    shutil.copytree(EVENTS_DIR / "sources", tmp_path / "sources")
    (tmp_path / "events.csv").write_bytes((EVENTS_DIR / "events.csv").read_bytes())
    dataset = load_dataset(tmp_path)  # no categories.csv
    assert str(dataset.problems[0]).startswith("categories.csv:1: (file): the file cannot be read")
    assert dataset.events == [] and len(dataset.errors) > 1  # every event: unknown category


def test_load_dataset_reports_the_folders_periods(tmp_path):
    for name in ("sources", "categories.csv", "events.csv"):
        src = EVENTS_DIR / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    (tmp_path / "periods.csv").write_text("name,aliases,start,end,description\nX,,sometime,,\n")
    dataset = load_dataset(tmp_path)
    [problem] = dataset.problems
    assert str(problem).startswith("periods.csv:2: start: could not read 'sometime'")
    assert len(dataset.events) == len(load_dataset(EVENTS_DIR).events)


def test_split_list_and_slugify():
    assert split_list(" Rosa Luxemburg ;; Leo Jogiches; ") == ("Rosa Luxemburg", "Leo Jogiches")
    assert split_list("") == ()
    assert slugify("Who was Rosa Luxemburg?") == "who-was-rosa-luxemburg"


# --------------------------------------------------------------------------
# Categories and periods

BAD_CATEGORIES = [
    ("3: name:", "category 'strike' is already defined on line 2; fix: keep one row per category"),
    ("4: colour:", "warning: '#12345' is not a colour; it is drawn grey; fix: write it as #RRGGBB"),
    ("4: label:", "warning: the label is empty; the legend shows 'Riot'"),
    ("4: symbol:", "warning: 'triangle_up' is not a marker symbol; it is drawn as a circle; "
                   "fix: did you mean 'triangle-up'?"),
    ("5: name:", "the category has no name"),
    ("6: symbol:", "warning: 'squiggle' is not a marker symbol; it is drawn as a circle; fix: use a plotly "
                   "marker symbol such as circle"),
]


@pytest.mark.parametrize("prefix, fragment", BAD_CATEGORIES)
def test_bad_categories(prefix, fragment):
    _, problems = load_categories(f"{FIXTURES}/categories_bad.csv")
    assert any(str(p).startswith(f"{FIXTURES}/categories_bad.csv:{prefix} ") and fragment in str(p)
               for p in problems), "\n".join(map(str, problems))


def test_categories_with_warnings_still_load_with_safe_defaults():
    categories, problems = load_categories(f"{FIXTURES}/categories_bad.csv")
    assert list(categories) == ["strike", "riot", "march"] and len(problems) == 6
    riot, march = categories["riot"], categories["march"]
    assert (riot.label, riot.colour, riot.symbol) == ("Riot", "#777777", "circle")
    assert (march.colour, march.symbol) == ("#AABBCC", "circle")


BAD_PERIODS = [
    ("3: start:", "could not read 'sometime' as a date"),
    ("4: end:", "the end (1940) is before the start (1950)"),
    ("5: name:", "'Good Period' already names the period on line 2"),
    ("6: aliases:", "'GP' already names the period on line 2"),
    ("7: name:", "the period has no name"),
]


@pytest.mark.parametrize("prefix, fragment", BAD_PERIODS)
def test_bad_periods(prefix, fragment):
    _, problems = check_periods(f"{FIXTURES}/periods_bad.csv")
    assert any(str(p).startswith(f"{FIXTURES}/periods_bad.csv:{prefix} ") and fragment in str(p)
               for p in problems), "\n".join(map(str, problems))


def test_only_valid_periods_load_and_the_shipped_gazetteer_is_clean():
    periods, problems = check_periods(f"{FIXTURES}/periods_bad.csv")
    assert [p.name for p in periods] == ["Good Period"] and len(problems) == 5
    periods, problems = check_periods(EVENTS_DIR / "periods.csv")
    assert problems == [] and all(p.span() for p in periods)


def test_events_stay_frozen_dataclasses_despite_their_fast_constructor(shipped):
    import dataclasses
    import inspect

    event = shipped.events[0]
    assert list(inspect.signature(type(event)).parameters) == [f.name for f in dataclasses.fields(event)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.title = "changed"
    copy = dataclasses.replace(event, title="changed")
    assert copy.title == "changed" and copy.start is event.start
    assert dataclasses.replace(copy, title=event.title) == event
    assert hash(dataclasses.replace(event)) == hash(event)
