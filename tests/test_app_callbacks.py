"""The app in-process: layout, the server callbacks through /_dash-update-component, gzip.

No browser: requests are built the way dash-renderer builds them, so these
pin the server side of each feature (URL parsing, selection, reader, zoom
buttons) fast, and the browser tests (test_app_*.py) check the whole loop.
"""

from __future__ import annotations

import gzip
import json
from urllib.parse import parse_qs

import pytest

from timeline_app.data.daycount import to_ordinal
from timeline_app.view.navigation import focus_range, unit_window



def view_outputs(client) -> tuple[str, list[dict]]:
    """The view callback's outputs as dash-renderer names them (read from the app: the pickers'
    options are a duplicate output, named with a hash of the callback's inputs)."""
    output = next(d["output"] for d in client.get("/_dash-dependencies").get_json()
                  if d["output"].startswith("..view.data..."))
    return output, [dict(zip(("id", "property"), part.split(".", 1))) for part in output.strip(".").split("...")]


def pattern(kind, names, value=0):
    return [{"id": {"type": kind, "index": n}, "property": "n_clicks", "value": value} for n in names]


def state_call(client, changed, *, search="", view=None, shown=None, chips=(), zoom=(), links=(), mentions=(),
               articles=(), graph_range=None, click=None, key=None, people=(), places=(), query="", close=0,
               drawn=None):
    """POST the view-state callback; return (status, {output id: value}), 204 when nothing changed."""
    inputs = [
        {"id": "url", "property": "search", "value": search},
        chips or pattern("cat-chip", ["life", "war"]),
        {"id": "person-filter", "property": "value", "value": list(people)},
        {"id": "place-filter", "property": "value", "value": list(places)},
        {"id": "search", "property": "value", "value": query},
        zoom or pattern("zoom", ["all", "century", "decade", "year", "reset"]),
        {"id": "graph-range", "property": "data", "value": graph_range},
        {"id": "graph-click", "property": "data", "value": click},
        list(links),
        [],
        list(mentions),
        list(articles),
        {"id": "key-select", "property": "data", "value": key},
        {"id": "reader-close", "property": "n_clicks", "value": close},
        {"id": "timeline-drawn", "property": "data", "value": drawn},
    ]
    state = [{"id": "view", "property": "data", "value": view},
             {"id": "shown-range", "property": "data", "value": shown}]
    output, outputs = view_outputs(client)
    response = client.post("/_dash-update-component", json={
        "output": output, "outputs": outputs, "inputs": inputs, "state": state,
        "changedPropIds": list(changed)})
    if response.status_code == 204 or not response.get_json().get("response"):
        return 204, {}
    body = response.get_json()["response"]
    return response.status_code, {f"{k}.{p}": v for k, props in body.items() for p, v in props.items()}


def test_page_and_layout_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and b"Workers' history timeline" in page.data
    layout = client.get("/_dash-layout").get_json()
    text = json.dumps(layout)
    for component in ("timeline-source", "view", "reader-body", "timeline", "url"):
        assert f'"id": "{component}"' in text
    assert "dangerouslySetInnerHTML" not in text
    assert len(text) < 40_000, "the events are not in the layout"


def test_events_are_served_once_with_a_cache_forever_url(client, catalog):
    layout = client.get("/_dash-layout").get_json()
    source = next(n["props"]["data"] for n in _walk(layout) if n.get("props", {}).get("id") == "timeline-source")
    assert source["url"] == "/_timeline/events.json", "the layout names the data, not a version of it"
    current = client.get(source["url"])
    assert current.status_code == 302 and current.headers["Cache-Control"] == "no-store"
    versioned = current.headers["Location"]
    assert versioned.startswith("/_timeline/events.json?v=")
    assert source["built"] == versioned, "and the version its article index shows"
    response = client.get(versioned, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and "immutable" in response.headers["Cache-Control"]
    payload = json.loads(gzip.decompress(response.data))
    assert payload["events"]["count"] == 29 and payload["events"]["title"][0] == catalog.events[0].title
    assert payload["events"]["id"] == [e.id for e in catalog.events], "the browser names events by id"
    for unknown in ("old", "1-0000000000000000", "x" * 500):
        response = client.get(f"/_timeline/events.json?v={unknown}")
        assert response.status_code == 404 and "immutable" not in response.headers["Cache-Control"]


def test_one_events_route():
    from timeline_app.web.app import create_app as make

    rules = [r.rule for r in make().server.url_map.iter_rules() if r.rule.startswith("/_timeline/")]
    assert [rule for rule in rules if "event" in rule] == ["/_timeline/events.json"]


def test_layout_is_gzipped_for_browsers(client):
    plain = client.get("/_dash-layout")
    packed = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 3


def test_first_load_parses_the_url(client, catalog):
    status, out = state_call(client, ["url.search"], search="?from=1900&to=1960&cat=strike&event=stalin-life")
    assert status == 200
    view = out["view.data"]
    assert (view["x0"], view["x1"]) == (to_ordinal((1900, 1, 1)), to_ordinal((1960, 1, 1)))
    assert view["cat"] == ["strike"] and view["rev"] == 1
    assert out["selected.data"] == {"id": "stalin-life"}
    assert "url.search" not in out  # already in the address bar


@pytest.mark.parametrize("search", ["?from=abc&to=%%", "?cat=nope&event=<b>x</b>", "?q=%00%01",
                                    "?" + "x=1&" * 300, "?from=99999&to=-99999"])
def test_malformed_url_gives_defaults(client, search):
    status, out = state_call(client, ["url.search"], search=search)
    assert status == 200
    view = out["view.data"]
    assert view["x0"] is None and view["cat"] is None and view["event"] is None
    assert "url.search" not in out, "a URL just read is not written back (no history entry)"


def test_url_echo_of_the_current_view_changes_nothing(client):
    _, out = state_call(client, ["url.search"], search="?cat=war")
    status, _ = state_call(client, ["url.search"], search="?cat=war", view=out["view.data"])
    assert status == 204, "writing the URL must not loop back into a new view"


def test_click_selects_and_pushes_history(client, catalog):
    _, first = state_call(client, ["url.search"], search="")
    status, out = state_call(client, ["graph-click.data"], view=first["view.data"],
                             click={"id": "russian-revolution-1917", "at": 1})
    assert status == 200
    assert out["selected.data"] == {"id": "russian-revolution-1917"}
    assert out["url.search"] == "?event=russian-revolution-1917"
    assert out["view.data"]["rev"] == first["view.data"]["rev"], "a click does not move the view"


@pytest.mark.parametrize("click", [None, {}, {"id": "x"}, {"id": 10 ** 9}, {"id": -1}, {"id": True},
                                   {"id": 2.5}, {"id": [1]}, {"id": {"a": 1}}, {"index": 5}])
def test_bad_clicks_select_nothing(client, click):
    status, out = state_call(client, ["graph-click.data"], view={"rev": 1}, click=click)
    assert status in (204, 400) or out.get("selected.data", None) is None


def test_zoom_and_pan_write_the_url(client):
    _, out = state_call(client, ["graph-range.data"], view={"rev": 2, "x0": None, "x1": None},
                        graph_range={"range": [to_ordinal((1903, 5, 17)) + 0.4, to_ordinal((2001, 8, 30))]})
    assert out["url.search"] == "?from=1903-06&to=2001-09"
    assert out["view.data"]["rev"] == 2, "the reader moved the view; the app does not move it again"
    for junk in ({"range": "x"}, {"range": [1]}, {"range": [None, 2]}, {}):
        status, _ = state_call(client, ["graph-range.data"], view={"rev": 2}, graph_range=junk)
        assert status in (204, 400)
    _, fit = state_call(client, ["graph-range.data"], view={"rev": 2, "x0": 1, "x1": 5},
                        graph_range={"fit": True})
    assert fit["view.data"]["x0"] is None and fit["view.data"]["rev"] == 3


def test_zoom_buttons_move_the_view(client, catalog):
    shown = [to_ordinal((1900, 1, 1)), to_ordinal((1960, 1, 1))]
    view = {"rev": 4, "x0": shown[0], "x1": shown[1], "event": "russian-revolution-1917"}
    _, out = state_call(client, ['{"index":"decade","type":"zoom"}.n_clicks'], view=view, shown=shown,
                        zoom=pattern("zoom", ["decade"], 1))
    assert (out["view.data"]["x0"], out["view.data"]["x1"]) == unit_window("decade", to_ordinal((1917, 7, 2)))
    assert out["view.data"]["rev"] == 5 and out["url.search"].startswith("?from=1909")
    _, reset = state_call(client, ['{"index":"reset","type":"zoom"}.n_clicks'], view=dict(view, cat=["war"]),
                          zoom=pattern("zoom", ["reset"], 1))
    assert reset["view.data"]["cat"] is None and reset["selected.data"] is None
    assert reset["search.value"] == "" and reset["person-filter.value"] == []


def test_chip_toggles_its_category(client, catalog):
    _, out = state_call(client, ['{"index":"war","type":"cat-chip"}.n_clicks'], view={"rev": 1},
                        chips=pattern("cat-chip", ["war"], 1))
    assert out["view.data"]["cat"] == [c for c in catalog.categories if c != "war"]
    assert out["view.data"]["rev"] == 2, "a fitted view refits to what the filter leaves"
    _, back = state_call(client, ['{"index":"war","type":"cat-chip"}.n_clicks'], view=out["view.data"],
                         search=out["url.search"], chips=pattern("cat-chip", ["war"], 2))
    assert back["view.data"]["cat"] is None


def test_a_filter_that_hides_the_selected_event_deselects_it(client):
    """Issue 15 point 7: the article of an event gone from the timeline closes (and the keys step
    from what is drawn); a filter that still shows it keeps it."""
    view = {"rev": 1, "event": "american-civil-war"}
    _, hidden = state_call(client, ['{"index":"war","type":"cat-chip"}.n_clicks'], view=view,
                           search="?event=american-civil-war", chips=pattern("cat-chip", ["war"], 1))
    assert hidden["selected.data"] is None and "event=" not in hidden["url.search"]
    _, kept = state_call(client, ['{"index":"life","type":"cat-chip"}.n_clicks'], view=view,
                         search="?event=american-civil-war", chips=pattern("cat-chip", ["life"], 1))
    assert "selected.data" not in kept and "event=american-civil-war" in kept["url.search"]
    _, searched = state_call(client, ["search.value"], view=view, search="?event=american-civil-war", query="lenin")
    assert searched["selected.data"] is None


def test_chip_click_lost_behind_a_zoom_report_still_counts(client, catalog):
    """Dash re-sends the callback when the zoom report arrives while the chip's call is in flight,
    and drops the chip's answer: the next call, whatever its trigger, applies the click."""
    day = to_ordinal((1917, 1, 1))
    _, out = state_call(client, ["graph-range.data"], view={"rev": 1},
                        graph_range={"range": [day, day + 3650], "at": 1}, chips=pattern("cat-chip", ["war"], 1))
    assert out["view.data"]["cat"] == [c for c in catalog.categories if c != "war"]
    assert out["view.data"]["x0"] == day and out["view.data"]["clicks"] == {"war": 1}
    # Recorded: the same count does not toggle again, a double click toggles twice (no change),
    # one more click toggles back.
    status, _ = state_call(client, ["graph-range.data"], view=out["view.data"], search=out["url.search"],
                           graph_range={"range": [day, day + 3650], "at": 2}, chips=pattern("cat-chip", ["war"], 1))
    assert status == 204
    status, _ = state_call(client, ["graph-range.data"], view=out["view.data"], search=out["url.search"],
                           graph_range={"range": [day, day + 3650], "at": 3}, chips=pattern("cat-chip", ["war"], 3))
    assert status == 204
    _, again = state_call(client, ["graph-range.data"], view=out["view.data"], search=out["url.search"],
                          graph_range={"range": [day, day + 3650], "at": 4}, chips=pattern("cat-chip", ["war"], 2))
    assert again["view.data"]["cat"] is None



def test_key_selection_lost_behind_a_fit_report_still_selects(client):
    """A clicker's key pressed while the browser reports the fitted range of a link just opened:
    Dash drops the key's answer for the fit's call, which applies the key's report first."""
    search = "?event=russian-revolution-1917&present=1"
    _, opened = state_call(client, ["url.search"], search=search)
    assert opened["view.data"]["seen"] == {}
    key = {"id": "russian-civil-war", "at": 5}
    _, out = state_call(client, ["graph-range.data"], view=opened["view.data"], search=search,
                        graph_range={"fit": True, "at": 6}, key=key)
    assert out["selected.data"] == {"id": "russian-civil-war"}
    assert "event=russian-civil-war" in out["url.search"]
    assert out["view.data"]["seen"] == {"graph-range": 6, "key-select": 5}
    # Recorded: a later report does not select it again after the reader closed it.
    _, closed = state_call(client, ["reader-close.n_clicks"], view=out["view.data"], search=out["url.search"],
                           graph_range={"fit": True, "at": 6}, key=key, close=1)
    assert closed["selected.data"] is None
    day = to_ordinal((1917, 1, 1))
    status, later = state_call(client, ["graph-range.data"], view=closed["view.data"], search=closed["url.search"],
                               graph_range={"range": [day, day + 3650], "at": 7}, key=key, close=1)
    assert status == 200 and "selected.data" not in later and "event=" not in later["url.search"]

def test_filters_keep_only_known_names(client):
    _, out = state_call(client, ["person-filter.value"], view={"rev": 1}, people=["Joseph Stalin", "Nobody"])
    assert out["view.data"]["person"] == ["Joseph Stalin"]
    assert out["url.search"] == "?person=Joseph+Stalin"
    _, out = state_call(client, ["search.value"], view={"rev": 1}, query="  civil war ")
    assert out["view.data"]["q"] == "civil war"


def test_event_link_selects_and_centres(client, catalog):
    shown = [to_ordinal((1850, 1, 1)), to_ordinal((1870, 1, 1))]
    _, out = state_call(client, ['{"index":"stalinist-regimes-collapse","type":"event-link"}.n_clicks'],
                        view={"rev": 1, "x0": shown[0], "x1": shown[1]}, shown=shown,
                        links=pattern("event-link", ["stalinist-regimes-collapse"], 1))
    assert out["selected.data"]["id"] == "stalinist-regimes-collapse"
    extent = catalog.extents[catalog.find("stalinist-regimes-collapse")]
    assert out["view.data"]["x0"] < extent.start < extent.end < out["view.data"]["x1"]
    assert out["view.data"]["rev"] == 2


def test_a_date_in_the_article_selects_its_event_and_centres_it(client, catalog):
    shown = [to_ordinal((1850, 1, 1)), to_ordinal((1870, 1, 1))]
    mention = "east-germany-1953@120"
    _, out = state_call(client, [f'{{"index":"{mention}","type":"mention-link"}}.n_clicks'],
                        view={"rev": 1, "x0": shown[0], "x1": shown[1]}, shown=shown,
                        mentions=pattern("mention-link", [mention], 1))
    assert out["selected.data"]["id"] == "east-germany-1953" and "event=east-germany-1953" in out["url.search"]
    extent = catalog.extents[catalog.find("east-germany-1953")]
    assert out["view.data"]["x0"] < extent.start < extent.end < out["view.data"]["x1"]
    status, _ = state_call(client, [f'{{"index":"{mention}","type":"mention-link"}}.n_clicks'], view={"rev": 1},
                           mentions=pattern("mention-link", [mention], 0))
    assert status == 204, "a new reader's dates appearing select nothing"


def test_opening_an_article_makes_its_events_a_lesson_in_text_order(client, catalog):
    from timeline_app.web.article_index import events_in_text_order

    order = events_in_text_order(catalog, "joseph-stalin")
    body = catalog.articles["joseph-stalin"].body
    assert sorted(order) == sorted(catalog.events[p].id for p in catalog.by_article["joseph-stalin"])
    places = [body.find(catalog.events[catalog.find(i)].quote) for i in order]
    assert places == sorted(places) and min(places) >= 0, "in the order of their quotes in the text"
    _, out = state_call(client, ['{"index":"joseph-stalin","type":"article-link"}.n_clicks'], view={"rev": 1},
                        articles=pattern("article-link", ["joseph-stalin"], 1))
    assert out["view.data"]["lesson"] == order and out["selected.data"]["id"] == order[0]
    assert parse_qs(out["url.search"].lstrip("?"))["lesson"] == [",".join(order)], "kept in the address"
    assert out["view.data"]["article"] == "joseph-stalin", "the timeline shows only the article's events"
    assert parse_qs(out["url.search"].lstrip("?"))["article"] == ["joseph-stalin"]
    _, closed = state_call(client, ["reader-close.n_clicks"], view=out["view.data"], search=out["url.search"], close=1)
    assert closed["view.data"]["article"] is None and "article=" not in closed["url.search"], "closing ends it"
    extents = [catalog.extents[catalog.find(i)] for i in order]
    assert out["view.data"]["x0"] <= min(x.outer_start for x in extents)
    assert out["view.data"]["x1"] >= max(x.outer_end for x in extents)
    status, _ = state_call(client, ['{"index":"nowhere","type":"article-link"}.n_clicks'], view={"rev": 1},
                           articles=pattern("article-link", ["nowhere"], 1))
    assert status == 204, "an unknown article changes nothing"


def test_new_links_appearing_do_not_select(client):
    status, _ = state_call(client, ['{"index":"stalin-life","type":"event-link"}.n_clicks'], view={"rev": 1},
                           links=pattern("event-link", ["stalin-life"], 0))
    assert status == 204


def test_keyboard_selection_pans_only_when_hidden(client, catalog):
    shown = [to_ordinal((1850, 1, 1)), to_ordinal((1990, 1, 1))]
    _, out = state_call(client, ["key-select.data"], view={"rev": 1}, shown=shown, key={"id": "stalin-life"})
    assert out["selected.data"]["id"] == "stalin-life" and out["view.data"]["rev"] == 1


def reader_call(client, selected):
    response = client.post("/_dash-update-component", json={
        "output": "..reader-body.children...reader.className..",
        "outputs": [{"id": "reader-body", "property": "children"}, {"id": "reader", "property": "className"}],
        "inputs": [{"id": "selected", "property": "data", "value": selected},
                   {"id": "timeline-drawn", "property": "data", "value": None}],
        "changedPropIds": ["selected.data"]})
    return response.get_json()["response"]


def test_reader_follows_the_id_not_a_position(client, catalog):
    """Issue 11.12: a position from another version of the data must not open another event."""
    body = reader_call(client, {"id": "hungary-1956-revolution", "index": catalog.find("luxemburg-life")})
    title = next(c for c in _walk(body["reader-body"]["children"]) if c.get("props", {}).get("id") == "reader-title")
    assert title["props"]["children"] == "Hungarian Revolution"
    for unknown in ({"id": "deleted-since"}, {"index": catalog.find("luxemburg-life")}, {"id": 3}):
        assert reader_call(client, unknown)["reader"]["className"] == "reader"


def test_reader_shows_the_article_with_the_quote_marked(client, catalog):
    body = reader_call(client, {"id": "russian-revolution-1917"})
    children = json.dumps(body["reader-body"]["children"])
    assert body["reader"]["className"] == "reader open"
    marks = [c for c in _walk(body["reader-body"]["children"]) if c.get("type") == "Mark"]
    assert [m["props"]["children"] for m in marks] == ["until after the Russian Revolution of 1917"]
    assert "Who was Joseph Stalin?" in children and "1917" in children
    assert '"index": "stalin-life"' in children  # the other events of the article are links
    assert "dangerouslySetInnerHTML" not in children


def test_reader_of_a_life_lists_the_persons_events(client, catalog):
    from timeline_app.web.reader import reader_panel

    panel = json.dumps(_plain(reader_panel(catalog, catalog.find("stalin-life"))))
    assert "Events in the life of Joseph Stalin" in panel
    assert '"index": "russian-revolution-1917"' in panel and '"type": "person-link"' in panel


def test_focus_range_and_unit_windows():
    from timeline_app.data.catalog import Extent

    bc = unit_window("decade", to_ordinal((-72, 6, 1)))
    assert bc[0] < to_ordinal((-80, 1, 1)) < to_ordinal((-70, 1, 1)) < bc[1]
    extent = Extent(100, 200, 90, 210)
    assert focus_range((0, 1000), extent, only_if_hidden=True) == (0, 1000)
    low, high = focus_range((1000, 1100), extent)
    assert high - low >= 120 and low < 90 and high > 210


def _walk(node):
    if isinstance(node, dict):
        yield node
        yield from _walk(node.get("props", {}).get("children"))
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def _plain(component):
    return json.loads(json.dumps(component, cls=__import__("plotly").utils.PlotlyJSONEncoder))


def test_an_address_whose_answer_was_dropped_is_still_read(client, catalog):
    """Esc, a lesson change or Back writes the address; when a key, click or zoom report starts a
    newer call while the address's call is in flight, Dash drops the address's answer: the newer
    call reads the address first (the view records the address it stands for), then its own trigger."""
    _, first = state_call(client, ["url.search"], search="?present=1&event=russian-revolution-1917")
    view = first["view.data"]
    assert view["present"] is True
    _, out = state_call(client, ["key-select.data"], search="?event=russian-revolution-1917", view=view,
                        key={"id": "hungary-1956-revolution", "at": 1})
    assert out["view.data"]["present"] is False, "Esc lost behind the key's call"
    assert out["view.data"]["event"] == "hungary-1956-revolution"
    assert out["url.search"] == "?event=hungary-1956-revolution"
    # Read once: the next call with the same address applies only its trigger.
    _, again = state_call(client, ["key-select.data"], search=out["url.search"], view=out["view.data"],
                          key={"id": "russian-revolution-1917", "at": 2})
    assert again["view.data"]["present"] is False and again["view.data"]["event"] == "russian-revolution-1917"


def test_an_opened_article_without_a_selected_event_is_what_the_reader_shows(client, catalog):
    """``article=`` with no event selected (an article no event cites yet opens so; here a link to one
    that has events): the reader shows the article's text and its events as links, not the index."""
    _, out = state_call(client, ["url.search"], search="?article=joseph-stalin")
    assert out["selected.data"] == {"article": "joseph-stalin"}
    body = reader_call(client, out["selected.data"])
    assert body["reader"]["className"] == "reader open"
    children = json.dumps(body["reader-body"]["children"])
    title = next(c for c in _walk(body["reader-body"]["children"]) if c.get("props", {}).get("id") == "reader-title")
    assert title["props"]["children"] == catalog.articles["joseph-stalin"].title
    assert '"index": "stalin-life"' in children and "article-index" not in children
    _, closed = state_call(client, ["reader-close.n_clicks"], view=out["view.data"], search="?article=joseph-stalin",
                           close=1)
    assert closed["selected.data"] is None, "closing the reader ends the article"
    assert reader_call(client, {"article": "no-such-article"})["reader"]["className"] == "reader"


def test_an_address_that_says_the_view_is_not_reworded(client):
    """Esc right after a zoom writes the address with the range the browser has (1914-03-25); a
    call answering after it, here the zoom's own report, must not write the same view again in
    the server's words (1914): that was a second history entry, and a teacher's Back after Esc
    reopened the view without presentation mode instead of the one with it."""
    _, first = state_call(client, ["url.search"], search="?present=1&event=russian-revolution-1917")
    written = "?event=russian-revolution-1917&from=1914-03-25&to=2066-10-10"
    status, out = state_call(client, ["graph-range.data"], search=written, view=first["view.data"],
                             graph_range={"range": [to_ordinal((1914, 3, 25)), to_ordinal((2066, 10, 10))]})
    assert status == 200 and out["view.data"]["present"] is False
    assert "url.search" not in out, "the address already says this view"
