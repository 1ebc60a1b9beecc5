"""One reading of dates for text and rows: a named period of periods.csv is a date in events.csv too.

The extractor reads "World War Two" in running text as the gazetteer's
period; an editor who writes it in an event's start or end gets the same
dates (the period's start in ``start``, its end in ``end``) instead of a
'could not read' error from ``check``.
"""

from __future__ import annotations

import shutil

from timeline_app.data.dataset import load_dataset
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.data.periods import load_periods
from timeline_app.extract.extractor import extract_article

HEADER = "id,title,start,end,category,people,place,article,quote,description\n"


def _dataset_with(tmp_path, rows: str):
    for name in ("sources", "categories.csv", "periods.csv"):
        src = EVENTS_DIR / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    category = (EVENTS_DIR / "categories.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    (tmp_path / "events.csv").write_text(HEADER + rows.replace("CAT", category), encoding="utf-8")
    return load_dataset(tmp_path)


def test_a_period_name_is_a_start_and_an_end(tmp_path):
    period = load_periods(EVENTS_DIR / "periods.csv")[0]       # the shipped gazetteer's first period
    alias = period.aliases[0] if period.aliases else period.name
    dataset = _dataset_with(tmp_path, f"a,A,{period.name},{alias},CAT,,,,,\n")
    assert dataset.errors == []
    [event] = dataset.events
    assert (event.start.edtf, event.end.edtf) == (period.span()[0].split("/")[0], period.span()[0].split("/")[1])


def test_the_row_and_the_text_read_a_period_alike(tmp_path):
    period = load_periods(EVENTS_DIR / "periods.csv")[0]
    [mention] = extract_article("x", f"Title\n\nDuring the {period.name} everything changed.",
                                load_periods(EVENTS_DIR / "periods.csv"))
    [event] = _dataset_with(tmp_path, f"a,A,{period.name},{period.name},CAT,,,,,\n").events
    assert mention.edtf == f"{event.start.edtf}/{event.end.edtf}"


def test_an_unknown_name_is_still_an_error(tmp_path):
    dataset = _dataset_with(tmp_path, "a,A,The Long Nowhere,,CAT,,,,,\n")
    assert [p.column for p in dataset.errors] == ["start"]


def test_an_uploaded_file_reads_a_period_name_as_the_dataset_does(shipped):
    """The upload preview checks rows against the dataset's periods too (one reading of dates)."""
    from timeline_app.data.validate import load_upload

    period = shipped.periods[0]
    category = next(iter(shipped.categories))
    data = (HEADER + f"a,A,{period.name},,{category},,,,,\n").encode()
    events, problems = load_upload(data, "mine.csv", shipped.articles, shipped.categories,
                                   periods=shipped.periods)
    assert [p for p in problems if p.is_error] == [] and len(events) == 1
