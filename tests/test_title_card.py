"""The title card: presentation mode and lessons open on the dataset's title and description (issue 15 point 14)."""

from __future__ import annotations

import json

from classroom_helpers import KEYS, goto, params, press, reader_title, shown, wait_for

from timeline_app.data.paths import EVENTS_DIR
from timeline_app.data.title_card import MAX_PACKAGE_BYTES, MAX_TITLE_CHARS, TitleCard, read_title_card

pytest_plugins = ["classroom_fixtures"]


def shipped_card() -> TitleCard:
    package = json.loads((EVENTS_DIR / "datapackage.json").read_text(encoding="utf-8"))
    return TitleCard(package["title"], package["description"])


def test_the_card_is_the_datapackages_title_and_description():
    assert read_title_card(EVENTS_DIR) == shipped_card()


def test_a_folder_without_a_usable_datapackage_has_no_card(tmp_path):
    assert read_title_card(tmp_path) is None
    package = tmp_path / "datapackage.json"
    for text in ("{not json", "[1, 2]", '{"title": 3}', '{"description": "no title"}'):
        package.write_text(text, encoding="utf-8")
        assert read_title_card(tmp_path) is None, text
    package.write_text(json.dumps({"title": "x" * 1000, "description": "  two\nlines "}), encoding="utf-8")
    card = read_title_card(tmp_path)
    assert len(card.title) == MAX_TITLE_CHARS and card.description == "two lines"
    package.write_text(json.dumps({"title": "Big", "description": "y" * MAX_PACKAGE_BYTES}), encoding="utf-8")
    assert read_title_card(tmp_path) is None  # bounded: a file past the cap is not read


def card_text(page) -> list[str]:
    return page.js("return Array.from(document.querySelectorAll('#title-card h2, #title-card p'))"
                   ".map((e) => e.textContent)")


def test_presentation_opens_on_the_title_card(classroom):
    page = classroom
    goto(page)
    assert not shown(page, "#title-card")  # not for readers
    goto(page, "?present=1", 1920, 1080)
    wait_for(page, lambda: shown(page, "#title-card"), message="the title card")
    card = shipped_card()
    assert card_text(page)[:2] == [card.title, card.description]
    assert not shown(page, ".reader-empty")
    size = page.js("return parseFloat(getComputedStyle(document.querySelector('#title-card h2')).fontSize)")
    assert size >= 32, size  # a heading for the back of the room
    # → is the next step: the first event, and the card gives way to it.
    press(page, KEYS.ARROW_RIGHT)
    wait_for(page, lambda: reader_title(page) is not None and "event" in params(page), message="the first event")
    assert not shown(page, "#title-card")
    assert page.duo.get_logs() == []
