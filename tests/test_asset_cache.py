"""Scripts and styles named with their file's time (``?m=``) are kept by the browser for good
(timeline_app/server/asset_cache.py): a returning reader's page does not ask again for each."""

from __future__ import annotations

import re


def test_every_script_and_style_the_page_names_is_kept_for_good(client):
    page = client.get("/").get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="(/assets/[^"]+)"', page)
    assert len(assets) > 10 and all("?m=" in url for url in assets)
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", url


def test_an_asset_without_its_time_is_checked_again(client):
    response = client.get("/assets/timeline.css")
    assert response.status_code == 200 and "immutable" not in response.headers.get("Cache-Control", "")


def test_a_missing_asset_is_not_kept(client):
    response = client.get("/assets/no-such-file.js?m=1")
    assert response.status_code == 404 and "immutable" not in response.headers.get("Cache-Control", "")
