"""``events/datapackage.json`` is a real Table Schema: frictionless reads the dataset with it.

The descriptor is what other tools see of the dataset (fields, patterns, the
category foreign key).  These tests keep it true to the files: the shipped
package validates, and a row an editor breaks is caught by frictionless and
by ``check`` alike, at the same line and column.  ``check`` stays the editors'
tool (faster on the same schema, and it also checks quotes and gives fixes);
frictionless is only a test dependency.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from frictionless import validate

from timeline_app.cli import main
from timeline_app.data.dataset import KNOWN_COLUMNS, REQUIRED, load_dataset
from timeline_app.data.media import COLUMNS as MEDIA_COLUMNS
from timeline_app.data.paths import EVENTS_DIR

DESCRIPTOR = "datapackage.json"


def frictionless_errors(folder) -> list[tuple[str, int, str]]:
    """(error type, line, column) of every problem frictionless finds in the package."""
    report = validate(str(folder / DESCRIPTOR))
    found = []
    for task in report.tasks:
        for error in task.errors:
            column = getattr(error, "field_name", None) or ", ".join(getattr(error, "field_names", []))
            found.append((error.type, getattr(error, "row_number", 1), column))
    return found


def check_errors(events_file, capsys, *options: str) -> list[tuple[int, str]]:
    """(line, column) of every problem ``python -m timeline_app check`` (with ``options``) prints for the file."""
    status = main(["check", *options, str(events_file)])
    lines = capsys.readouterr().out.splitlines()
    assert status == (1 if lines else 0)
    places = []
    for line in lines:
        assert line.startswith(f"{events_file}:"), line
        number, column = line[len(f"{events_file}:"):].split(": ", 2)[:2]
        places.append((int(number), column))
    return places


def test_the_shipped_package_validates_and_describes_every_table():
    report = validate(str(EVENTS_DIR / DESCRIPTOR))
    assert report.valid, report.flatten(["type", "rowNumber", "fieldName", "message"])
    described = {resource["path"] for resource in json.loads((EVENTS_DIR / DESCRIPTOR).read_text())["resources"]}
    assert described == {path.name for path in EVENTS_DIR.glob("*.csv")}, "datapackage.json: one resource per CSV"
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    shipped = load_dataset(EVENTS_DIR)
    assert (rows["events"], rows["categories"]) == (len(shipped.events), len(shipped.categories))


@pytest.mark.parametrize("column, value, error_type", [
    ("start", "Octobr 1956", "constraint-error"),
    ("start", "sometime", "constraint-error"),
    ("end", "the sixties", "constraint-error"),
    ("category", "weather", "foreign-key"),
])
def test_a_broken_row_is_caught_by_frictionless_and_by_check(tmp_path, capsys, column, value, error_type):
    folder = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, folder)
    events_file = folder / "events.csv"
    rows = list(csv.reader(io.StringIO(events_file.read_text(encoding="utf-8"), newline="")))
    assert not any("\n" in cell for cells in rows for cell in cells)  # one row per line: row 5 is line 5
    row = 5
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    events_file.write_text(out.getvalue(), encoding="utf-8")

    assert check_errors(events_file, capsys) == [(row, column)]
    assert frictionless_errors(folder) == [(error_type, row, column)]


def events_schema() -> dict:
    package = json.loads((EVENTS_DIR / DESCRIPTOR).read_text(encoding="utf-8"))
    return next(r for r in package["resources"] if r["name"] == "events")["schema"]


def test_the_events_schema_describes_every_column_the_loader_reads():
    """Schema and loader cannot drift: a column the loader reads (the image's included) is a described
    field, in the loader's order, and a file may leave the optional ones out, as the loader allows."""
    schema = events_schema()
    fields = {f["name"]: f for f in schema["fields"]}
    assert list(fields) == list(KNOWN_COLUMNS)
    assert all(f.get("description") and f.get("title") and f["type"] == "string" for f in fields.values())
    required = {name for name, f in fields.items() if f.get("constraints", {}).get("required")}
    assert set(REQUIRED) <= required and not required & set(MEDIA_COLUMNS)
    assert schema["fieldsMatch"] == "superset", "an events file without the image's columns is valid"


PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


@pytest.mark.parametrize("media, caught", [
    ("portraits/lenin.png", False),
    ("lenin.bmp", True),
    ("../lenin.png", True),
    ("/lenin.png", True),
])
def test_an_image_cell_is_judged_by_frictionless_as_check_judges_it(tmp_path, capsys, media, caught):
    """An events file with the image's columns validates; an image name the loader refuses is a
    constraint error for frictionless and a warning for ``check`` (the event stays, without it), at the
    same line and column.  (A web address depends on the server's media_origins, which no schema knows.)"""
    folder = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, folder)
    (folder / "media" / "portraits").mkdir()
    (folder / "media" / "portraits" / "lenin.png").write_bytes(PNG)
    events_file = folder / "events.csv"
    rows = list(csv.reader(io.StringIO(events_file.read_text(encoding="utf-8"), newline="")))
    rows[0] += MEDIA_COLUMNS
    for cells in rows[1:]:
        cells += [""] * len(MEDIA_COLUMNS)
    row = 5
    rows[row - 1][-len(MEDIA_COLUMNS):] = [media, "Lenin speaking", "Photo: public domain", "Lenin in 1920"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    events_file.write_text(out.getvalue(), encoding="utf-8")

    assert check_errors(events_file, capsys, "--strict") == ([(row, "media")] if caught else [])
    assert frictionless_errors(folder) == ([("constraint-error", row, "media")] if caught else [])
