"""Preview before committing: an editor's CSV drawn instead of the shipped data, nothing saved."""

from __future__ import annotations

import hashlib

import pytest
from live_helpers import panel, panel_open, titles
from selenium.webdriver.common.by import By

from timeline_app.data.paths import EVENTS_DIR
from timeline_app.web.live_view import max_upload_bytes

HEADER = "id,title,start,end,category,people,place,article,quote,description\n"
UPLOAD = (HEADER
          + "preview-one,First preview event,1901,,strike,,,,,\n"
          + "preview-two,Second preview event,1902-05,,strike,Jane Roe,Leeds,,,\n"
          + "preview-bad,Broken preview event,sometime,,strike,,,,,\n")

BANNER = "document.getElementById('preview-banner')"


def upload(page, path) -> None:
    field = page.duo.driver.find_element(By.CSS_SELECTOR, "#preview-upload input[type=file]")
    field.send_keys(str(path))


def message(page) -> str:
    return page.js("return document.getElementById('upload-message').textContent")


@pytest.fixture
def shipped_digest():
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(EVENTS_DIR.rglob("*"))
            if p.is_file()}


def test_an_uploaded_csv_is_previewed_and_nothing_is_saved(page, tmp_path, shipped_digest):
    page.open()
    shipped = titles(page)
    csv = tmp_path / "my events.csv"
    warned = tmp_path / "warnings only.csv"
    warned.write_text(UPLOAD.rsplit("preview-bad", 1)[0], encoding="utf-8")
    upload(page, warned)
    page.wait("document.getElementById('problems-summary').textContent.includes('warnings only.csv')", timeout=5)
    assert panel(page)["summary"].startswith("2 problems in warnings only.csv (0 errors, 2 warnings)")
    assert not panel_open(page), "warnings alone leave the problems line closed"
    csv.write_text(UPLOAD, encoding="utf-8")
    upload(page, csv)
    page.wait(f"{BANNER}.innerText.includes('my events.csv')", timeout=5, message="the preview banner")
    assert page.js(f"return {BANNER}.innerText").startswith(
        "Preview of my events.csv: 2 events, 4 problems — nothing is saved")
    page.wait("window.timelineLib.current.d.title.includes('First preview event')", timeout=5)
    assert sorted(titles(page)) == ["First preview event", "Second preview event"]
    shown = panel(page)
    assert shown["summary"].startswith("4 problems in my events.csv (1 error, 3 warnings)")
    assert any(item.startswith("my events.csv:4: start:") for item in shown["items"])
    assert panel_open(page), "an error opens the problems line"
    assert message(page) == ""

    page.duo.driver.find_element(By.ID, "preview-back").click()
    page.wait(f"!{BANNER}.classList.contains('active')", timeout=5)
    page.wait("window.timelineLib.current.d.title.length === arguments[0]".replace("arguments[0]", str(len(shipped))),
              timeout=5)
    assert sorted(titles(page)) == sorted(shipped)
    assert panel(page)["summary"].startswith("No problems in the data")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(EVENTS_DIR.rglob("*"))
             if p.is_file()}
    assert after == shipped_digest
    assert page.duo.get_logs() == []


def test_too_big_and_non_csv_uploads_get_a_clear_message(page, tmp_path):
    page.open()
    big = tmp_path / "huge.csv"
    row = "x,Title,1900,,strike,,,,,\n"
    big.write_text(HEADER + row * (max_upload_bytes() // len(row) + 10), encoding="utf-8")
    upload(page, big)
    page.wait("document.getElementById('upload-message').textContent.includes('too big')", timeout=5)
    assert "huge.csv is too big to preview" in message(page)

    text = tmp_path / "notes.txt"
    text.write_text("just some notes\n", encoding="utf-8")
    upload(page, text)
    page.wait("document.getElementById('upload-message').textContent.includes('not a CSV')", timeout=5)
    assert message(page).startswith("notes.txt is not a CSV file")

    binary = tmp_path / "picture.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    upload(page, binary)
    page.wait("document.getElementById('upload-message').textContent.includes('binary')", timeout=5)
    assert message(page).startswith("picture.csv is not a CSV file")

    assert not page.js(f"return {BANNER}.classList.contains('active')")
    assert page.duo.get_logs() == []
