"""docs/editing.md and the code must agree: columns, categories, date examples, TimelineJS columns."""

from __future__ import annotations

import re

import pytest

from timeline_app.data import categories, dataset, periods, timelinejs
from timeline_app.data.categories import load_categories
from timeline_app.data.dates import HISTORY_LANGUAGES, parse_date
from timeline_app.data.paths import EVENTS_DIR, ROOT

GUIDE = ROOT / "docs" / "editing.md"


def table_after(heading: str) -> list[list[str]]:
    """The rows (header row excluded) of the first Markdown table after ``heading``."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n")
    rows = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    assert len(rows) > 2, f"no table after {heading!r}"
    return rows[2:]  # after the header and the |---| line


def code(cell: str) -> str:
    """The text inside the first `backticks` of a cell."""
    return re.search(r"`([^`]*)`", cell).group(1)


def test_the_events_columns_are_the_loaders_columns():
    rows = table_after("## Columns of events.csv")
    assert tuple(code(row[0]) for row in rows) == dataset.KNOWN_COLUMNS
    assert tuple(code(row[0]) for row in rows if row[1] == "yes") == dataset.REQUIRED


def test_the_categories_columns_are_the_loaders_columns():
    rows = table_after("## Categories")
    assert tuple(code(row[0]) for row in rows) == categories.COLUMNS


def test_the_category_list_is_categories_csv():
    shipped, _ = load_categories(EVENTS_DIR / "categories.csv")
    rows = table_after("These are the categories today:")
    assert [(code(name), label, code(colour), code(symbol)) for name, label, colour, symbol in rows] == [
        (c.name, c.label, c.colour, c.symbol) for c in shipped.values()]


def test_the_periods_columns_are_the_gazetteers_columns():
    rows = table_after("## Named periods")
    assert tuple(code(row[0]) for row in rows) == periods.COLUMNS


def test_the_timelinejs_columns_are_the_importers_columns():
    rows = table_after("## Importing a TimelineJS sheet")
    assert tuple(row[0].lower() for row in rows) == timelinejs.COLUMNS
    not_imported = tuple(row[0].lower() for row in rows if row[1].startswith("not imported"))
    assert not_imported == timelinejs.NOT_IMPORTED


DATE_ROWS = table_after("## Writing dates")


@pytest.mark.parametrize("written, edtf", [(code(row[0]), code(row[2])) for row in DATE_ROWS])
def test_every_date_example_reads_as_documented(written, edtf):
    assert parse_date(written, languages=HISTORY_LANGUAGES).edtf == edtf


def test_the_guide_shows_each_kind_of_date():
    written = " ".join(code(row[0]) for row in DATE_ROWS)
    for needed in ("BC", "c. ", "?", "~", "between", "-21", "/", "1920s", "century", "-0072"):
        assert needed in written


def texts(component) -> list[str]:
    """Every text of a Dash component tree, in order."""
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    children = children if isinstance(children, (list, tuple)) else [children] if children is not None else []
    return [text for child in children for text in texts(child)]


def test_the_guide_shows_how_to_see_edits_in_the_app():
    """serve --events, live reload, the problems panel and the upload preview, as the code has them."""
    from timeline_app.data.problems import WARNING, Problem
    from timeline_app.server.settings import SETTINGS
    from timeline_app.web.live_view import editor_toggle, live_components, panel_data

    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("\n## Seeing your edits in the app\n"):text.index("\n## Columns of events.csv\n")]
    events = next(s for s in SETTINGS if s.name == "events")
    assert f"serve {events.option} FILE" in section and f"{events.env}=FILE" in section
    for part in ("**Live reload.**", "**The problems panel.**", "**The upload preview.**"):
        assert part in section
    # The panel's summary line, word for word.
    example = re.search(r"`(\d+ problems in events\.csv \([^`]*\))`", section).group(1)
    problems = [Problem("events.csv", 2, "start", "bad")] + [Problem("events.csv", 3, "quote", "odd",
                                                                     severity=WARNING)] * 2
    assert panel_data(problems, "events.csv")["summary"] == example
    # The controls it names are the page's.
    shown = " ".join(texts(editor_toggle()) + texts(live_components([], 1000)))
    named = [" ".join(n.split()) for n in re.findall(r"\*\*(\w[^*.]*)\*\*", section)]
    assert named == ["Editor", "Preview a CSV", "Back to the shipped data"]
    assert all(name in shown for name in named), shown
