"""docs/classroom.md names the buttons by the texts the page shows (issue 15 point 10)."""

from __future__ import annotations

import re

from test_editing_doc import texts

from timeline_app.data.paths import ROOT
from timeline_app.web.classroom.presentation import Presentation
from timeline_app.web.layout import build_layout

GUIDE = ROOT / "docs" / "classroom.md"


def button_texts(catalog) -> set[str]:
    """The visible text of every button of the page, in every state the classroom code sets."""
    found: set[str] = set()

    def walk(component):
        if type(component).__name__ == "Button":
            found.add(" ".join("".join(texts(component)).split()))
        children = getattr(component, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(build_layout(catalog, "Title", {"url": "/"}))
    presentation = Presentation(catalog)
    walk(presentation._item(0))
    present = presentation.lesson({"present": True})
    found.add(present[8])  # the Present button's text while presenting
    return found


def test_every_button_the_guide_names_is_on_the_page(shipped):
    from timeline_app.data.catalog import build_catalog

    buttons = button_texts(build_catalog(shipped))
    text = GUIDE.read_text(encoding="utf-8")
    named = {" ".join(n.split()) for n in re.findall(r"\*\*(\w[^*]*?)\*\*", text)}
    assert "Exit presentation" in named
    assert named - {"Lesson"} <= buttons, named - buttons
    assert any(b.startswith("Lesson ") for b in buttons)  # "Lesson 3": the count follows
