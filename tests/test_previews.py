"""The previews the server keeps (web/current.py): bounded, least recently used out, resolved by the key drawn."""

from __future__ import annotations

import pytest

from timeline_app.data.catalog import Catalog
from timeline_app.data.live import LiveDataset
from timeline_app.data.paths import EVENTS_CSV
from timeline_app.data.validate import dataset_folder_for
from timeline_app.web.current import GONE, CurrentData, Previews


def catalog_of(size: int) -> Catalog:
    return Catalog(events=[object()] * size, extents=[], categories={}, articles={})


def test_previews_keep_the_last_few_least_recently_used_out():
    previews = Previews(entries=2, events=100)
    first, second, third = catalog_of(1), catalog_of(1), catalog_of(1)
    previews.add("a", first)
    previews.add("b", second)
    assert previews.get("a") is first  # used: "b" is now the oldest
    previews.add("c", third)
    assert previews.get("b") is None
    assert previews.get("a") is first and previews.get("c") is third


def test_previews_are_bounded_in_size_but_keep_the_newest_whatever_its_size():
    previews = Previews(entries=4, events=10)
    small = catalog_of(6)
    previews.add("small", small)
    previews.add("also-small", catalog_of(4))
    assert previews.get("small") is small
    huge = catalog_of(50)
    previews.add("huge", huge)
    assert previews.get("huge") is huge
    assert previews.get("small") is None and previews.get("also-small") is None


@pytest.fixture
def current() -> CurrentData:
    return CurrentData(LiveDataset(dataset_folder_for(EVENTS_CSV), EVENTS_CSV))


def test_the_catalog_drawn_is_the_shipped_one_the_preview_kept_or_none(current):
    shipped = current.snapshot().catalog
    assert current.catalog(None) is shipped
    assert current.catalog({"url": "/_timeline/events.json?v=1-abc", "count": 3}) is shipped
    preview = catalog_of(2)
    current.previews.add("preview:x", preview)
    assert current.catalog({"key": "preview:x", "count": 2}) is preview
    assert current.catalog({"key": "preview:forgotten", "count": 2}) is GONE


def test_one_object_per_catalog_the_shipped_one_kept_while_previews_come_and_go(current):
    made = []
    per_version = current.per_version(lambda catalog: made.append(catalog) or len(made))
    shipped = per_version()
    for n in range(current.previews.entries):
        current.previews.add(f"preview:{n}", catalog_of(1))
        assert per_version({"key": f"preview:{n}"}) == per_version({"key": f"preview:{n}"})
        assert per_version() == shipped
    assert len(made) == current.previews.entries + 1


def test_the_reader_of_a_preview_no_longer_kept_says_to_pick_the_file_again(client):
    response = client.post("/_dash-update-component", json={
        "output": "..reader-body.children...reader.className..",
        "outputs": [{"id": "reader-body", "property": "children"}, {"id": "reader", "property": "className"}],
        "inputs": [{"id": "selected", "property": "data", "value": {"id": "american-civil-war"}},
                   {"id": "timeline-drawn", "property": "data", "value": {"key": "preview:forgotten"}}],
        "changedPropIds": ["selected.data"]})
    children = response.get_json()["response"]["reader-body"]["children"]
    assert "no longer holds this preview" in children[0]["props"]["children"]
