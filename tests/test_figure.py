"""The figure builder and the event columns the browser draws from (no browser, no Dash)."""

from __future__ import annotations

import ast
import json
from itertools import accumulate
from pathlib import Path

import pytest

from timeline_app.data.catalog import (
    LANE_GAP_DAYS,
    MAX_LIFE_LANES,
    Extent,
    build_catalog,
    pack_lanes,
)
from timeline_app.data.dataset import load_dataset
from timeline_app.data.daycount import to_ordinal
from timeline_app.data.validate import dataset_folder_for
from timeline_app.view.figure import (
    ROLE_EXTENTS,
    ROLE_LIVES,
    ROLE_SPANS,
    ROLE_PROPOSED,
    ROLE_UNCERTAIN,
    build_figure,
    event_columns,
    marks_role,
    plain_years,
    timeline_payload,
)

FIGURE_PY = Path(__file__).resolve().parent.parent / "timeline_app" / "view" / "figure.py"


def catalog_of(events_file: Path):
    return build_catalog(load_dataset(dataset_folder_for(events_file), events_file))


@pytest.fixture(scope="module")
def ancient(ancient_events_file):
    return catalog_of(ancient_events_file)


def test_figure_module_does_not_import_dash():
    imported = set()
    for node in ast.walk(ast.parse(FIGURE_PY.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert "dash" not in imported
    assert "plotly" in imported


def test_catalog_is_sorted_by_start_and_indexed(catalog):
    starts = [x.start for x in catalog.extents]
    assert starts == sorted(starts)
    assert len(catalog) == 29
    assert all(catalog.events[catalog.index[e.id]] is e for e in catalog.events)
    assert catalog.find("stalin-life") is not None and catalog.find("nope") is None
    assert "Joseph Stalin" in catalog.people and "Russia" in catalog.places


def test_start_column_decodes_to_day_numbers_of_every_era(ancient):
    columns = event_columns(ancient)
    starts = list(accumulate(columns["start"]))
    assert starts == [x.start for x in ancient.extents]
    by_id = {e.id: starts[i] for i, e in enumerate(ancient.events)}
    assert by_id["spartacus-revolt"] == to_ordinal((-72, 1, 1))  # 73 BC is astronomical year -72
    assert by_id["peasants-revolt"] == to_ordinal((1381, 6, 1))
    assert by_id["wat-tyler-killed"] == to_ordinal((1381, 6, 15))
    assert min(columns["start"][1:]) >= 0, "deltas of a sorted column are never negative"


def test_lengths_kinds_and_whiskers(ancient):
    columns = event_columns(ancient)
    at = {e.id: i for i, e in enumerate(ancient.events)}
    revolt = at["spartacus-revolt"]
    assert set(columns["spans"]) == {revolt, at["spartacus-life"]}
    assert columns["length"][revolt] == to_ordinal((-69, 1, 1)) - to_ordinal((-72, 1, 1))  # 73..71 BC inclusive
    assert columns["length"][at["wat-tyler-killed"]] == 1
    fuzzy = {row[0]: row[1:] for row in columns["fuzzy"]}
    life = at["spartacus-life"]
    assert set(fuzzy) == {life}, "only 'c. 111 BC' is approximate"
    assert fuzzy[life] == [365, 0]  # a year of whisker before, none after the exact 71 BC


def test_dates_as_written_people_places_and_lanes(catalog):
    payload = timeline_payload(catalog)
    columns = payload["events"]
    at = {e.id: i for i, e in enumerate(catalog.events)}
    # Plain years are left for the browser to write; anything else is sent as written.
    assert columns["date"][at["poland-1980-81-workers-movement"]] == ""
    assert plain_years(catalog.events[at["poland-1980-81-workers-movement"]]) == "1980–1981"
    assert columns["date"][at["east-germany-1953"]] == ""
    assert columns["date"][at["stalin-leads-bureaucratic-faction"]] == "the early 1920s"
    assert columns["date"][at["trotskyists-murdered-1930s"]] == "the '30s"
    stalin = at["stalin-life"]
    assert [payload["people"][p] for p in columns["people"][stalin]] == ["Joseph Stalin"]
    assert [payload["places"][p] for p in columns["places"][stalin]] == ["Russia"]
    lives = dict(columns["lives"])
    assert {catalog.events[i].id for i in lives} == {"stalin-life", "guevara-life", "lenin-life",
                                                     "luxemburg-life", "konikow-life"}
    assert [c["name"] for c in payload["categories"]][:2] == ["life", "activism"]


def test_payload_is_compact_json(catalog):
    """The per-event cost on the wire: small integers, the title, the id and the odd date."""
    columns = event_columns(catalog)
    ids = json.dumps(columns.pop("id"), separators=(",", ":"), ensure_ascii=False)
    assert len(ids.encode()) == sum(len(e.id.encode()) + 3 for e in catalog.events) + 1, "the ids as they are"
    rest = json.dumps(columns, separators=(",", ":"), ensure_ascii=False)
    titles = sum(len(e.title.encode()) for e in catalog.events)
    assert (len(rest.encode()) - titles) / len(catalog) < 40


def test_pack_lanes_reuses_free_lanes_and_caps_their_number():
    year = 365
    lives = [(0, Extent(0, 50 * year, 0, 50 * year)), (1, Extent(10 * year, 60 * year, 0, 0)),
             (2, Extent(50 * year + LANE_GAP_DAYS, 90 * year, 0, 0))]
    assert pack_lanes(lives) == {0: 0, 1: 1, 2: 0}
    crowd = [(i, Extent(i, i + 100 * year, 0, 0)) for i in range(MAX_LIFE_LANES + 5)]
    assert max(pack_lanes(crowd).values()) == MAX_LIFE_LANES - 1


def test_figure_traces_have_one_style_each(catalog):
    fig = build_figure(catalog)
    roles = [t.meta for t in fig.data]
    assert roles[:3] == [ROLE_EXTENTS, ROLE_LIVES, ROLE_SPANS] and roles[-2:] == [ROLE_UNCERTAIN, ROLE_PROPOSED]
    assert roles[3:-2] == [marks_role(name) for name in catalog.categories]
    assert all(t.type == "scattergl" for t in fig.data)
    assert all(t.x is None for t in fig.data), "points come from the event store, not the figure"
    proposed = fig.data[-1]  # drafts, not events: hollow marks on a dashed line, one style
    assert proposed.line.dash == "dash" and proposed.marker.symbol == "circle-open"
    for trace, category in zip(fig.data[3:-2], catalog.categories.values()):
        assert (trace.marker.color, trace.marker.symbol) == (category.colour, category.symbol)
        assert "%{hovertext}" in trace.hovertemplate  # the date as written
    assert fig.data[1].line.color == catalog.categories["life"].colour
    assert fig.layout.xaxis.type == "linear" and fig.layout.dragmode is False
    assert fig.layout.yaxis.fixedrange is True and fig.layout.xaxis.zeroline is False
