"""An image per event (issue 15 point 12): the media columns, their checks, the route, the reader card.

No image ships (no licence could be recorded), so the tests make small PNGs
themselves (:func:`png`) in a copy of the shipped dataset.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.data import media as media_module
from timeline_app.data.catalog import build_catalog
from timeline_app.data.dataset import load_dataset, load_events
from timeline_app.data.export import events_to_csv
from timeline_app.data.live import LiveDataset
from timeline_app.data.media import COLUMNS, MAX_MEDIA_BYTES, ImageRules, media_type
from timeline_app.data.paths import EVENTS_DIR
from timeline_app.data.timelinejs import load_timelinejs
from timeline_app.web.app import create_app
from timeline_app.web.classroom.export_view import handout_items
from timeline_app.web.classroom.table_view import Sort, table_rows
from timeline_app.web.reader import reader_panel

EVENTS_FILE = "media_events_file"
EVENT = "hungary-1956-revolution"
"""The event given an image: line 3 of the shipped events.csv."""
LINE = 3


def png(width: int = 8, height: int = 6) -> bytes:
    """A valid red PNG, written by hand (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def dataset_with(folder: Path, cells: tuple[str, str, str, str], event: str = EVENT) -> Path:
    """``folder`` (a copy of the shipped dataset) with the media columns, filled for ``event``."""
    events_file = folder / "events.csv"
    rows = list(csv.reader(io.StringIO(events_file.read_text(encoding="utf-8"), newline="")))
    rows[0] += list(COLUMNS)
    for row in rows[1:]:
        row += list(cells) if row[0] == event else [""] * len(COLUMNS)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    events_file.write_text(out.getvalue(), encoding="utf-8")
    return events_file


@pytest.fixture
def media_folder(dataset_copy) -> Path:
    (dataset_copy / "media" / "people").mkdir(parents=True)
    (dataset_copy / "media" / "people" / "crowd.png").write_bytes(png())
    return dataset_copy


@pytest.fixture(scope="module")
def media_events_file(tmp_path_factory) -> Path:
    """The shipped dataset with one image, credited and captioned, on the Hungarian Revolution."""
    folder = tmp_path_factory.mktemp("media") / "events"
    shutil.copytree(EVENTS_DIR, folder)
    (folder / "media").mkdir(exist_ok=True)  # the shipped folder holds only its README
    (folder / "media" / "budapest.png").write_bytes(png(40, 30))
    return dataset_with(folder, ("budapest.png", "A red square standing for Budapest",
                                 "Drawn by the tests, public domain", "Budapest, October 1956"))


def event_of(dataset, event_id: str = EVENT):
    return next(e for e in dataset.events if e.id == event_id)


# -- the data rules -------------------------------------------------------------------------------

def test_an_image_with_alt_text_is_shown_with_its_credit_and_caption(media_folder):
    dataset_with(media_folder, ("people/crowd.png", "A crowd", "Photo: someone", "The crowd"))
    dataset = load_dataset(media_folder)
    assert dataset.problems == []
    media = event_of(dataset).media
    assert (media.src, media.alt, media.credit, media.caption, media.shown) == (
        "people/crowd.png", "A crowd", "Photo: someone", "The crowd", True)
    assert sum(e.media is not None for e in dataset.events) == 1


@pytest.mark.parametrize("cells, column, fragment", [
    (("nobody.png", "alt", "", ""), "media", "there is no file 'nobody.png' in media/"),
    (("people/crowd.png", "", "", ""), "media_alt", "the image has no alt text, so it is not shown"),
    (("https://example.org/a.png", "alt", "", ""), "media", "is a web address"),
    (("//example.org/a.png", "alt", "", ""), "media", "is a web address"),
    (("../categories.csv", "alt", "", ""), "media", "is not a file name inside media/"),
    (("people/../../events.csv", "alt", "", ""), "media", "is not a file name inside media/"),
    (("/etc/passwd", "alt", "", ""), "media", "is not a file name inside media/"),
    (("C:\\pictures\\a.png", "alt", "", ""), "media", "is not a file name inside media/"),
    (("notes.txt", "alt", "", ""), "media", "is not an image the timeline shows"),
    (("fake.png", "alt", "", ""), "media", "is not the image its name says (.png)"),
    (("people", "alt", "", ""), "media", "is not an image the timeline shows"),
    (("", "alt", "credit", ""), "media", "there is alt text, a credit or a caption but no image"),
])
def test_an_image_that_cannot_be_shown_is_a_warning_on_its_line_and_column(media_folder, cells, column, fragment):
    """The event stays on the timeline, without its image; check names line, column and a fix."""
    (media_folder / "media" / "fake.png").write_text("<script>alert(1)</script>")
    (media_folder / "media" / "notes.txt").write_text("notes")
    dataset_with(media_folder, cells)
    dataset = load_dataset(media_folder)
    [problem] = dataset.problems
    assert (problem.file, problem.line, problem.column, problem.is_error) == ("events.csv", LINE, column, False)
    assert fragment in problem.message and problem.hint
    assert event_of(dataset).media.shown is False


def test_an_image_linked_from_outside_the_media_folder_is_refused(media_folder, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(png())
    os.symlink(outside, media_folder / "media" / "linked.png")
    dataset_with(media_folder, ("linked.png", "alt", "", ""))
    [problem] = load_dataset(media_folder).problems
    assert "link to a place outside" in problem.message


def test_an_image_over_the_size_cap_is_refused(media_folder, monkeypatch):
    monkeypatch.setattr(media_module, "MAX_MEDIA_BYTES", 20)
    dataset_with(media_folder, ("people/crowd.png", "alt", "", ""))
    [problem] = load_dataset(media_folder).problems
    assert "too big" in problem.message and "at most 20 bytes" in problem.hint


def test_the_size_cap_is_a_few_megabytes():
    assert 1024 * 1024 <= MAX_MEDIA_BYTES <= 16 * 1024 * 1024


@pytest.mark.parametrize("name, data, kind", [
    ("a.png", png(), "image/png"),
    ("a.PNG", png(), "image/png"),
    ("a.jpg", b"\xff\xd8\xff\xe0rest", "image/jpeg"),
    ("a.jpeg", b"\xff\xd8\xff\xdbrest", "image/jpeg"),
    ("a.gif", b"GIF89a....", "image/gif"),
    ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    ("a.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", None),
    ("a.jpg", png(), None),
    ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
    ("a.html", b"<html>", None),
])
def test_an_image_type_is_its_extension_and_its_bytes(name, data, kind):
    assert media_type(name, data) == kind


def test_check_prints_each_image_problem_with_its_line(media_folder, capsys):
    events_file = dataset_with(media_folder, ("missing.png", "", "", ""))
    assert main(["check", str(events_file)]) == 0  # warnings pass ...
    out = capsys.readouterr().out
    assert f"{events_file}:{LINE}: media: warning: there is no file 'missing.png' in media/" in out
    assert f"{events_file}:{LINE}: media_alt: warning: the image has no alt text" in out
    assert main(["check", "--strict", str(events_file)]) == 1  # ... but not --strict


def test_an_export_writes_the_image_columns_back(media_folder):
    dataset_with(media_folder, ("people/crowd.png", "A crowd", "Photo, 1956", "=cmd"))
    dataset = load_dataset(media_folder)
    text = events_to_csv(dataset.events)
    assert text.splitlines()[0].endswith(",media,media_alt,media_credit,media_caption")
    again, problems = load_events("again.csv", dataset.articles, dataset.categories, data=text.encode(),
                                  images=ImageRules(media_folder))
    assert problems == [] and event_of(dataset).media == next(e.media for e in again if e.id == EVENT)
    assert "media" not in events_to_csv(load_dataset(EVENTS_DIR).events).splitlines()[0]


def test_an_image_put_in_the_media_folder_is_shown_without_saving_the_events_again(media_folder):
    dataset_with(media_folder, ("late.png", "A late image", "", ""))
    live = LiveDataset(media_folder, check_seconds=0)
    assert event_of(live.current().dataset).media.shown is False
    (media_folder / "media" / "late.png").write_bytes(png())
    os.utime(media_folder / "media", ns=(0, os.stat(media_folder / "media").st_mtime_ns + 1_000_000))
    snapshot = live.current()
    assert event_of(snapshot.dataset).media.shown is True and snapshot.problems == ()


# -- TimelineJS -----------------------------------------------------------------------------------

SHEET_HEADER = "Year,Headline,Group,Media,Media Credit,Media Caption,Media Thumbnail"


def test_timelinejs_media_columns_become_the_image(media_folder):
    sheet = "\n".join([
        SHEET_HEADER,
        '1956,Crowd,revolution,people/crowd.png,<b>Photo</b> &amp; licence,<i>The</i> crowd,',
        "1957,Thumbnail only,revolution,,,,people/crowd.png",
        "1958,Both,revolution,people/crowd.png,,,small.png",
    ]).encode()
    shipped = load_dataset(EVENTS_DIR)
    events, problems = load_timelinejs("s.csv", shipped.articles, shipped.categories, data=sheet,
                                       images=ImageRules(media_folder))
    first, thumbnail, both = (e.media for e in events)
    assert (first.src, first.credit, first.caption) == ("people/crowd.png", "Photo & licence", "The crowd")
    assert thumbnail.src == both.src == "people/crowd.png"
    # a sheet has no alt text: each image is reported until the editor writes it
    assert [(p.line, p.column) for p in problems if p.column == "media_alt"] == [(2, "media_alt"), (3, "media_alt"),
                                                                                (4, "media_alt")]
    [not_imported] = [p for p in problems if p.line == 1]
    assert not_imported.column == "Media Thumbnail" and "not imported" in not_imported.message


# -- the route ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def media_client(media_events_file):
    (media_events_file.parent / "media" / "page.png").write_text("<script>alert(1)</script>")
    return create_app(media_events_file).server.test_client()


def test_the_route_serves_an_image_with_its_checked_type(media_client, media_events_file):
    response = media_client.get("/_timeline/media/budapest.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.data == (media_events_file.parent / "media" / "budapest.png").read_bytes()
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    again = media_client.get("/_timeline/media/budapest.png", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("path", [
    "page.png", "nothing.png", "../events.csv", "..%2Fevents.csv", "%2E%2E/categories.csv",
    "../../../../etc/passwd", "sub/", "budapest.png%00.txt", "budapest.png%00", "%0Abudapest.png",
])
def test_the_route_serves_nothing_but_images_of_the_media_folder(media_client, path):
    response = media_client.get("/_timeline/media/" + path)
    assert response.status_code == 404
    assert response.mimetype != "image/png" and b"root:" not in response.data and b"<script>" not in response.data


# -- the reader card ------------------------------------------------------------------------------

def find(component, kind: str):
    """Every component of type ``kind`` in a Dash tree."""
    found = [component] if type(component).__name__ == kind else []
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, str):
            found += find(child, kind)
    return found


def test_the_reader_card_shows_the_image_as_text_never_html(media_folder):
    dataset_with(media_folder, ("people/crowd.png", "<b>A crowd</b>", "<i>Photo</i>", "<script>x</script>"))
    catalog = build_catalog(load_dataset(media_folder))
    position = next(i for i, e in enumerate(catalog.events) if e.id == EVENT)
    [figure] = [f for part in reader_panel(catalog, position) for f in find(part, "Figure")]
    [image] = find(figure, "Img")
    assert (image.src, image.alt) == ("/_timeline/media/people/crowd.png", "<b>A crowd</b>")
    assert [span.children for span in find(figure, "Span")] == ["<script>x</script>", "<i>Photo</i>"]
    others = next(i for i, e in enumerate(catalog.events) if e.id != EVENT)
    assert not [f for part in reader_panel(catalog, others) for f in find(part, "Figure")]


READER_IMAGE = "#reader-body figure.reader-media img"


def open_with_image(page, query: str = "") -> int:
    """The page opened at ``query`` with the Hungarian Revolution selected; the image's drawn width."""
    page.open(query)
    page.js("window.timelineLib.selectEvent(window.timelineLib.current.d.title.indexOf('Hungarian Revolution'))")
    page.wait(f"(() => {{ const img = document.querySelector('{READER_IMAGE}');"
              " return img && img.complete && img.naturalWidth === 40; })()",
              message="the reader card's image did not load")
    return page.js(f"return document.querySelector('{READER_IMAGE}').getBoundingClientRect().width")


def test_the_reader_card_table_and_presentation_show_the_image_in_the_browser(page):
    assert open_with_image(page) == 40  # drawn at its own size in the card
    figure = page.js("const f = document.querySelector('#reader-body figure.reader-media');"
                     "return {alt: f.querySelector('img').alt, caption: f.querySelector('figcaption').innerText}")
    assert figure["alt"] == "A red square standing for Budapest"
    assert figure["caption"].splitlines() == ["Budapest, October 1956", "Drawn by the tests, public domain"]

    page.driver.find_element("id", "table-toggle").click()
    page.wait("(() => { const img = document.querySelector('#table-body img.table-thumb');"
              " return img && img.complete && img.naturalWidth === 40; })()",
              message="the table's thumbnail did not load")
    assert page.js("return document.querySelectorAll('#table-body img').length") == 1

    assert open_with_image(page, "?present=1") > 200  # large: the width of the presented card
    assert page.duo.get_logs() == []


# -- the table and the handout --------------------------------------------------------------------

def test_the_table_shows_a_thumbnail_and_the_handout_the_figure(media_folder):
    dataset_with(media_folder, ("people/crowd.png", "A crowd", "Photo: someone", "The crowd"))
    catalog = build_catalog(load_dataset(media_folder))
    positions = list(range(len(catalog)))
    with_image = next(i for i, e in enumerate(catalog.events) if e.id == EVENT)
    rows = table_rows(catalog, positions, Sort())
    assert [(img.src, img.alt, img.className) for row in rows for img in find(row, "Img")] == [
        ("/_timeline/media/people/crowd.png", "A crowd", "table-thumb")]
    assert find(rows[with_image], "Img")
    items = handout_items(catalog, positions)
    [figure] = [f for item in items for f in find(item, "Figure")]
    assert figure in find(items[with_image], "Figure") and figure.className == "handout-media"
    assert [span.children for span in find(figure, "Span")] == ["The crowd", "Photo: someone"]


# -- images from other sites: off by default, then only from the allowed ones -----------------------

@pytest.mark.parametrize("url, shown", [
    ("https://upload.wikimedia.org/a.jpg", True),
    ("https://img.example.org/a.jpg", True),       # https://*.example.org
    ("https://example.org/a.jpg", False),          # the wildcard is for sub-domains, as in CSP
    ("http://upload.wikimedia.org/a.jpg", False),  # another scheme
    ("https://upload.wikimedia.org:8443/a.jpg", False),
    ("https://upload.wikimedia.org@evil.example.com/a.jpg", False),
    ("https://evil.example.com/upload.wikimedia.org/a.jpg", False),
    ("//upload.wikimedia.org/a.jpg", False),
])
def test_a_web_address_is_shown_only_from_an_allowed_site(media_folder, url, shown):
    dataset_with(media_folder, (url, "alt", "", ""))
    allowed = load_dataset(media_folder, media_origins=("https://upload.wikimedia.org", "https://*.example.org"))
    assert event_of(allowed).media.shown is shown and (allowed.problems == []) is shown
    assert event_of(load_dataset(media_folder)).media.shown is False  # off by default


def test_check_passes_the_sites_the_server_allows(media_folder, capsys, monkeypatch):
    events_file = dataset_with(media_folder, ("https://upload.wikimedia.org/a.jpg", "alt", "", ""))
    assert main(["check", "--strict", str(events_file)]) == 1
    assert "TIMELINE_MEDIA_ORIGINS" in capsys.readouterr().out
    monkeypatch.setenv("TIMELINE_MEDIA_ORIGINS", "https://upload.wikimedia.org")
    assert main(["check", "--strict", str(events_file)]) == 0
    monkeypatch.setenv("TIMELINE_MEDIA_ORIGINS", "'self'")
    assert main(["check", str(events_file)]) == 2
    assert "TIMELINE_MEDIA_ORIGINS: 'self' is always allowed" in capsys.readouterr().err


def test_the_page_allows_images_from_the_allowed_sites_only(media_folder):
    events_file = dataset_with(media_folder, ("https://upload.wikimedia.org/a.jpg", "A remote image", "", ""))
    policy = create_app(events_file, media_origins=()).server.test_client().get("/").headers[
        "Content-Security-Policy"]
    assert "img-src 'self' data: blob:;" in policy
    app = create_app(events_file, media_origins=("https://upload.wikimedia.org",))
    policy = app.server.test_client().get("/").headers["Content-Security-Policy"]
    assert "img-src 'self' data: blob: https://upload.wikimedia.org;" in policy
    catalog = build_catalog(load_dataset(media_folder, media_origins=("https://upload.wikimedia.org",)))
    position = next(i for i, e in enumerate(catalog.events) if e.id == EVENT)
    [image] = [i for part in reader_panel(catalog, position) for i in find(part, "Img")]
    assert (image.src, image.referrerPolicy) == ("https://upload.wikimedia.org/a.jpg", "no-referrer")
