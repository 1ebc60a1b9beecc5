"""The table view of the events in view (timeline_app/web/classroom/table_view.py)."""

from __future__ import annotations

from classroom_helpers import (
    KEYS,
    click,
    goto,
    press,
    shown,
    titles_of,
    visible_indices,
    wait_for,
    wait_reader,
)

from timeline_app.data.daycount import to_ordinal
from timeline_app.view.url_state import ViewState, store_data
from timeline_app.view.visible import VisibleEvents
from timeline_app.web.classroom.table_view import Sort, table_rows

pytest_plugins = ["classroom_fixtures"]

ROW_TITLES = "return Array.from(document.querySelectorAll('#table-body .table-select')).map((b) => b.textContent)"


def titles(catalog, positions):
    return [catalog.events[p].title for p in positions]


def test_visible_events_follow_filters_and_range(catalog):
    visible = VisibleEvents(catalog)
    everything = visible(store_data(ViewState()), None)
    assert everything == list(range(len(catalog)))
    y1950, y1960 = to_ordinal((1950, 1, 1)), to_ordinal((1960, 1, 1))
    fifties = visible(store_data(ViewState()), [y1950, y1960])
    assert "Hungarian Revolution" in titles(catalog, fifties)
    assert "Joseph Stalin" in titles(catalog, fifties)  # a life overlapping the range
    assert "Russian Revolution" not in titles(catalog, fifties)
    war = visible(store_data(ViewState(categories=("war",))), None)
    assert set(titles(catalog, war)) == {"American Civil War", "Russian civil war"}
    searched = visible(store_data(ViewState(query="  POLAND ")), None)
    assert searched and all("poland" in (catalog.events[p].title + " ".join(catalog.events[p].place)).lower()
                            for p in searched)
    person = visible(store_data(ViewState(people=("Che Guevara",))), None)
    assert set(titles(catalog, person)) >= {"Che Guevara", "Guevara killed in Bolivia"}
    assert visible(store_data(ViewState(categories=())), None) == []
    stalin = visible(store_data(ViewState(article="joseph-stalin")), None)
    assert sorted(stalin) == sorted(catalog.by_article["joseph-stalin"]), "an opened article: its events only"
    # A range from the browser is used as it is; a broken one falls back to the view's.
    assert visible(store_data(ViewState(start=y1950, end=y1960)), ["x", None]) == fifties


def test_sorting(catalog):
    positions = list(range(len(catalog)))
    names = [row.children[2].children[0].children for row in table_rows(catalog, positions, Sort("title"))]
    assert names == sorted(names, key=str.casefold)
    back = table_rows(catalog, positions, Sort("title", descending=True))
    assert [row.children[2].children[0].children for row in back] == names[::-1]
    numbers = [row.children[0].children for row in table_rows(catalog, positions, Sort("date", descending=True))]
    assert numbers == [str(n) for n in range(len(catalog), 0, -1)]
    assert Sort("title").clicked("title") == Sort("title", True)
    assert Sort("title", True).clicked("date") == Sort("date", False)
    assert Sort.from_store({"key": "nonsense"}) == Sort()


def test_table_stays_in_sync_and_selects(classroom):
    page = classroom
    goto(page, "?from=1900&to=1960")
    # Closed, the table asks the server for nothing, however the reader zooms.
    page.relayout(to_ordinal((1910, 1, 1)), to_ordinal((1950, 1, 1)))
    assert page.js("return document.querySelectorAll('#table-body tr').length") == 0
    page.relayout(to_ordinal((1900, 1, 1)), to_ordinal((1960, 1, 1)))
    toggle = page.driver.find_element("id", "table-toggle")
    toggle.click()
    wait_for(page, lambda: shown(page, "#events-table"), message="the table")
    assert toggle.get_attribute("aria-expanded") == "true"
    drawn = lambda: sorted(titles_of(page, visible_indices(page)))  # noqa: E731
    rows = lambda: page.js(ROW_TITLES)  # noqa: E731
    wait_for(page, lambda: sorted(rows()) == drawn(), message="the table to list the events in view")
    assert 5 < len(rows()) < 29
    caption = page.js("return document.querySelector('#events-table caption').textContent")
    assert caption.startswith(f"Events in view: {len(rows())} (29 in the dataset)")
    # Zoom: the table follows.
    page.relayout(to_ordinal((1950, 1, 1)), to_ordinal((1960, 1, 1)))
    wait_for(page, lambda: sorted(rows()) == drawn() and "Hungarian Revolution" in rows()
             and "Russian Revolution" not in rows(), message="the table after zooming")
    # Sort by title, both ways; aria-sort says which.
    header = page.driver.find_element("css selector", '[id*="table-th"][id*="title"]')
    sort = header.find_element("tag name", "button")
    sort.click()
    wait_for(page, lambda: rows() == sorted(rows(), key=str.casefold) and header.get_attribute("aria-sort")
             == "ascending", message="sorted by title")
    sort.click()
    wait_for(page, lambda: rows() == sorted(rows(), key=str.casefold, reverse=True)
             and header.get_attribute("aria-sort") == "descending", message="sorted by title, descending")
    # A row's button selects its event: the reader opens it and the row is marked.
    target = rows()[1]
    buttons = page.driver.find_elements("css selector", "#table-body .table-select")
    buttons[1].click()
    wait_reader(page, target)
    wait_for(page, lambda: page.js("const r = document.querySelector('#table-body tr[aria-current=\"true\"]');"
                                   " return r && r.querySelector('.table-select').textContent") == target,
             message="the selected row marked")
    # Up/Down move between the rows' buttons.
    buttons = page.driver.find_elements("css selector", "#table-body .table-select")
    buttons[0].click()
    press(page, KEYS.ARROW_DOWN)
    assert page.js("return document.activeElement.textContent") == rows()[1]
    # Selecting on the timeline marks the row too.
    page.js("window.timelineLib.selectEvent(window.timelineLib.current.d.title.indexOf('Hungarian Revolution'))")
    wait_for(page, lambda: page.js("const r = document.querySelector('#table-body tr.selected');"
                                   " return r && r.querySelector('.table-select').textContent")
             == "Hungarian Revolution", message="the row of the event selected on the timeline")
    click(page, "table-toggle")
    wait_for(page, lambda: not shown(page, "#events-table"), message="the table closed")
    assert page.duo.get_logs() == []


def test_an_opened_article_is_named_among_the_exports_filters():
    from timeline_app.web.classroom.export_view import filters_text

    assert filters_text(store_data(ViewState(article="joseph-stalin", query="war"))) == \
        "search: “war”; article: joseph-stalin"
