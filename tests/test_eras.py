"""Eras: the named periods of events/periods.csv as labelled bands behind the rows, kept in the URL
(issue 15 point 13)."""

from __future__ import annotations

from classroom_helpers import goto, params, wait_for

from timeline_app.data.catalog import build_catalog
from timeline_app.data.daycount import to_ordinal
from timeline_app.view.url_state import DEFAULT, ViewState, Vocabulary, from_store, parse_query, store_data, to_query

pytest_plugins = ["classroom_fixtures"]

BANDS_JS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const shapes = gd.layout.shapes || [];
const names = (gd.layout.annotations || []).filter((a) => a.name === 'era').map((a) => a.text);
return [shapes.map((s) => [s.x0, s.x1, s.layer]), names];
"""

# [left, top, right, bottom] of each era label drawn: labels the lanes could not hold are left out.
LABEL_BOXES_JS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
return Array.from(gd.querySelectorAll('.annotation')).filter(
  (g) => (gd.layout.annotations[+g.dataset.index] || {}).name === 'era').map((g) => {
  const r = g.querySelector('.annotation-text-g').getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom];
});
"""


def assert_apart(boxes, names):
    """One box per label, no two overlapping."""
    assert len(boxes) == len(names)
    assert not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                   for i, a in enumerate(boxes) for b in boxes[i + 1:]), list(zip(names, boxes))


def test_eras_are_in_the_address():
    vocabulary = Vocabulary(categories=("war",))
    state = ViewState(eras=True)
    assert to_query(state) == "?eras=1"
    assert parse_query("?eras=1", vocabulary) == state and parse_query("?eras=yes", vocabulary) == DEFAULT
    assert from_store(store_data(state)) == state


def test_the_eras_switch_draws_the_periods_behind_the_rows(classroom, shipped):
    eras = build_catalog(shipped).eras
    page = classroom
    goto(page)
    assert page.js(BANDS_JS) == [[], []]
    button = page.driver.find_element("id", "eras-toggle")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    wait_for(page, lambda: params(page).get("eras") == ["1"], message="eras=1 in the address")
    wait_for(page, lambda: len(page.js(BANDS_JS)[0]) == len(eras), message="the bands")
    shapes, names = page.js(BANDS_JS)
    assert [s[:2] for s in shapes] == [[start, end] for _, start, end in eras]
    assert {s[2] for s in shapes} == {"below"}  # behind the rows
    assert set(names) <= {name for name, _, _ in eras} and "Cold War" in names
    assert_apart(page.js(LABEL_BOXES_JS), names)
    assert button.get_attribute("aria-pressed") == "true"
    # A zoom keeps them, in the picture and in the address, and more labels fit.
    page.relayout(to_ordinal((1900, 1, 1)), to_ordinal((1960, 1, 1)))
    wait_for(page, lambda: "from" in params(page), message="the zoom in the address")
    assert params(page).get("eras") == ["1"] and len(page.js(BANDS_JS)[0]) == len(eras)
    wait_for(page, lambda: len(page.js(BANDS_JS)[1]) > len(names), message=f"labels placed for the zoom {page.js(BANDS_JS)[1]}")
    zoomed = page.js(BANDS_JS)[1]
    assert len(zoomed) > len(names) and {"World War One", "Russian Civil War"} <= set(zoomed), zoomed
    assert_apart(page.js(LABEL_BOXES_JS), zoomed)
    # Opened from a link, and switched off again.
    goto(page, "?eras=1&present=1", 1920, 1080)
    wait_for(page, lambda: len(page.js(BANDS_JS)[0]) == len(eras), message="the bands from the link")
    goto(page, "?eras=1")
    page.driver.find_element("id", "eras-toggle").click()
    wait_for(page, lambda: "eras" not in params(page) and page.js(BANDS_JS) == [[], []], message="no bands")
    assert page.duo.get_logs() == []
