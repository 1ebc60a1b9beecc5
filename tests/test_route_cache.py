"""/_dash-layout and /_dash-dependencies are serialised once: a class opening the page at once does not pay 200 times."""

from __future__ import annotations

from timeline_app.web.app import create_app


def test_layout_is_serialised_once_and_served_the_same_to_everyone():
    app = create_app()
    calls = []
    real = app.get_layout
    app.get_layout = lambda: calls.append(1) or real()
    client = app.server.test_client()
    first = client.get("/_dash-layout")
    second = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert first.status_code == second.status_code == 200
    assert first.mimetype == "application/json"
    assert second.headers.get("Content-Encoding") == "gzip"
    assert client.get("/_dash-layout").data == first.data
    assert len(calls) == 1, "the layout was serialised again"
    assert first.get_json()["props"]["children"], "the whole layout, not an empty page"


def test_callback_list_is_serialised_once():
    app = create_app()
    client = app.server.test_client()
    first = client.get("/_dash-dependencies")
    assert first.status_code == 200 and len(first.get_json()) > 10
    app._callback_list = []  # were the list serialised again, it would now be empty
    assert client.get("/_dash-dependencies").data == first.data


def test_page_is_rendered_once():
    app = create_app()
    client = app.server.test_client()
    first = client.get("/?event=russian-revolution-1917")
    assert first.status_code == 200 and b"_dash-config" in first.data
    app.index_string = app.index_string.replace("<body>", "<body><p>changed</p>")  # rendered again: it shows
    assert "changed" in app.index_string
    assert client.get("/").data == first.data
    assert client.get("/").headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
