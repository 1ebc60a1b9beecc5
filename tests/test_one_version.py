"""One current dataset: one events route keyed by version, and pages that never go back.

Issue 11, points 12 and 13: a new page draws the data as it is now, an event
deleted from the file stops being public, several server processes (or a
restarted one) never make a page flap between versions, and the reader
follows the event's id.  In-process, through the Flask test client, the way
the browser calls the app (``tests/test_soak.py`` does the same under load).
"""

from __future__ import annotations

import os
from pathlib import Path


from timeline_app.data.paths import EVENTS_DIR
from timeline_app.web import events_route
from timeline_app.web.app import create_app

POLL_OUTPUTS = [("timeline-source", "data"), ("timeline-ready", "data"), ("live-state", "data"),
                ("live-show", "data")]


def app_for(folder: Path):
    app = create_app(folder / "events.csv")
    app.server.extensions["timeline_live"].check_seconds = 0
    return app


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def without(folder: Path, event_id: str) -> str:
    lines = (folder / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(event_id + ","))


def poll(client, state, ready=None) -> dict:
    """The live poll's outputs by store ({} when it answered "no change")."""
    response = client.post("/_dash-update-component", json={
        "output": "".join(f"..{i}.{p}.." for i, p in POLL_OUTPUTS).replace("....", "..."),
        "outputs": [{"id": i, "property": p} for i, p in POLL_OUTPUTS],
        "inputs": [{"id": "live-poll", "property": "n_intervals", "value": 1},
                   {"id": "preview-back", "property": "n_clicks", "value": 0}],
        "state": [{"id": "live-state", "property": "data", "value": state},
                  {"id": "timeline-ready", "property": "data", "value": ready}],
        "changedPropIds": ["live-poll.n_intervals"]})
    assert response.status_code in (200, 204)
    if response.status_code == 204:
        return {}
    return {k: v["data"] for k, v in response.get_json()["response"].items()}


def first_load(client) -> tuple[str, dict]:
    """What a new page fetches: the layout's URL, redirected to a version; (versioned URL, payload)."""
    redirect = client.get(events_route.ROUTE)
    assert redirect.status_code == 302 and redirect.headers["Cache-Control"] == "no-store"
    url = redirect.headers["Location"]
    response = client.get(url)
    assert response.status_code == 200
    return url, response.get_json()


def reader_title(client, selected) -> str | None:
    response = client.post("/_dash-update-component", json={
        "output": "..reader-body.children...reader.className..",
        "outputs": [{"id": "reader-body", "property": "children"}, {"id": "reader", "property": "className"}],
        "inputs": [{"id": "selected", "property": "data", "value": selected},
                   {"id": "timeline-drawn", "property": "data", "value": None}],
        "changedPropIds": ["selected.data"]})
    def find(children):
        for c in children if isinstance(children, list) else [children]:
            if not isinstance(c, dict):
                continue
            props = c.get("props", {})
            found = props["children"] if props.get("id") == "reader-title" else find(props.get("children"))
            if found is not None:
                return found
        return None
    return find(response.get_json()["response"]["reader-body"]["children"])


def test_a_new_page_gets_the_current_version(dataset_copy):
    client = app_for(dataset_copy).server.test_client()
    _, before = first_load(client)
    save(dataset_copy / "events.csv", without(dataset_copy, "luxemburg-life"))
    url, after = first_load(client)
    assert "luxemburg-life" in before["events"]["id"] and "luxemburg-life" not in after["events"]["id"]
    assert after["events"]["count"] == before["events"]["count"] - 1


def test_a_deleted_event_stops_being_public(dataset_copy):
    app = app_for(dataset_copy)
    client = app.server.test_client()
    old_url, _ = first_load(client)
    save(dataset_copy / "events.csv", without(dataset_copy, "luxemburg-life"))
    new_url, _ = first_load(client)
    assert new_url != old_url
    assert client.get(old_url).status_code == 200, "a page told of it just before the save still gets it"
    route = app.server.view_functions["timeline_events"].__self__
    now = route.clock()
    route.clock = lambda: now + events_route.GRACE_SECONDS + 1
    gone = client.get(old_url)
    assert gone.status_code == 404 and b"Rosa Luxemburg" not in gone.data
    assert client.get(new_url).status_code == 200, "the current version is served whatever the time"


def test_the_poll_records_what_a_new_page_drew_and_sends_nothing_else(dataset_copy):
    client = app_for(dataset_copy).server.test_client()
    state = {"version": None, "problems": "", "preview": None, "back": 0}
    assert poll(client, state) == {}, "a page still fetching its first data is left alone"
    url, _ = first_load(client)
    out = poll(client, state, ready={"url": url, "count": 29})
    assert "timeline-source" not in out, "the page has the current data: no second download"
    assert out["live-state"]["version"] == events_route.version_in(url)
    assert poll(client, out["live-state"], ready={"url": url, "count": 29}) == {}


def test_a_page_is_never_sent_an_older_version(dataset_copy):
    client = app_for(dataset_copy).server.test_client()
    url, _ = first_load(client)
    version = events_route.version_in(url)
    stamp, digest = version.split("-")
    newer = f"{int(stamp) + 1}-{digest[::-1]}"
    assert poll(client, {"version": newer, "problems": "", "preview": None, "back": 0}) == {}
    older = f"{int(stamp) - 1}-{digest[::-1]}"
    out = poll(client, {"version": older, "problems": "", "preview": None, "back": 0})
    assert out["timeline-source"]["url"] == url


def test_workers_never_make_a_page_flap(dataset_copy):
    """Issue 11.12: a worker restarted while the file is broken holds older data than the others.

    ``serve`` makes the app before the server starts its workers, so a worker
    started again begins with the start-up data (``stale``); the others took
    a later good save (``fresh``) and kept it when the file broke.
    """
    stale = app_for(dataset_copy).server.test_client()
    fresh_app = app_for(dataset_copy)
    fresh = fresh_app.server.test_client()
    events = dataset_copy / "events.csv"
    save(events, without(dataset_copy, "luxemburg-life"))
    url, payload = first_load(fresh)  # a page loads from a worker that took the save
    save(events, "id,tit\n")  # then the file breaks
    assert fresh_app.server.extensions["timeline_live"].current().kept
    state = poll(fresh, {"version": None, "problems": "", "preview": None, "back": 0},
                 ready={"url": url, "count": payload["events"]["count"]})["live-state"]
    for _ in range(3):  # the page's polls land on either worker
        assert poll(stale, state) == {}, "the restarted worker must not send its older data"
        assert "timeline-source" not in poll(fresh, state)
    # Whatever worker answers, the reader opens the event the page selected.
    for client in (stale, fresh):
        assert reader_title(client, {"id": "hungary-1956-revolution", "index": 5}) == "Hungarian Revolution"


def test_a_worker_asked_for_a_newer_version_looks_at_the_files_now(dataset_copy):
    """A page told of a save by one worker fetches it from another that has not looked yet."""
    slow_app = app_for(dataset_copy)
    slow_app.server.extensions["timeline_live"].check_seconds = 3600  # it would look again in an hour
    slow, quick = slow_app.server.test_client(), app_for(dataset_copy).server.test_client()
    first_load(slow)
    save(dataset_copy / "events.csv", without(dataset_copy, "luxemburg-life"))
    url, payload = first_load(quick)
    response = slow.get(url)
    assert response.status_code == 200 and response.get_json() == payload
    stamp = events_route.stamp_of(events_route.version_in(url))
    forged = f"{stamp + 10 ** 12}-0123456789abcdef"
    assert slow.get(f"{events_route.ROUTE}?v={forged}").status_code == 404


def test_a_worker_started_on_broken_files_never_pulls_a_page_back(dataset_copy):
    """Started (or restarted without the start-up data) while the header is broken: nothing to keep,
    so it shows what it can, but a page that drew good data from another worker keeps it."""
    good_app = app_for(dataset_copy)
    good = good_app.server.test_client()
    url, payload = first_load(good)
    save(dataset_copy / "events.csv", "id,tit\n")
    assert good_app.server.extensions["timeline_live"].current().kept
    state = poll(good, {"version": None, "problems": "", "preview": None, "back": 0},
                 ready={"url": url, "count": payload["events"]["count"]})["live-state"]
    started_now = app_for(dataset_copy).server.test_client()
    assert poll(started_now, state) == {}
    # The next good save reaches the page from either worker.
    save(dataset_copy / "events.csv", without(EVENTS_DIR, "luxemburg-life"))
    for client in (started_now, good):
        source = poll(client, state)["timeline-source"]
        assert client.get(source["url"]).get_json()["events"]["count"] == payload["events"]["count"] - 1


def test_each_version_is_encoded_once_and_the_start_up_data_at_start_up(dataset_copy, monkeypatch):
    """100k events take seconds to encode: at start-up, not in the first visitor's request, and once."""
    calls = []
    real_encode = events_route.encode
    monkeypatch.setattr(events_route, "encode", lambda *args: calls.append(1) or real_encode(*args))
    client = app_for(dataset_copy).server.test_client()
    assert len(calls) == 1
    url, payload = first_load(client)
    poll(client, {"version": None, "problems": "", "preview": None, "back": 0},
         ready={"url": url, "count": payload["events"]["count"]})
    assert len(calls) == 1
    save(dataset_copy / "events.csv", without(dataset_copy, "luxemburg-life"))
    first_load(client)
    first_load(client)
    assert len(calls) == 2
