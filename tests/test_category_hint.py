"""An unknown category is answered with the closest category names, not the whole list (issue 15 point 10)."""

from __future__ import annotations

from timeline_app.data.dataset import load_events
from timeline_app.data.problems import closest

HEADER = "id,title,start,end,category,people,place,article,quote,description\n"


def test_a_compound_name_gets_the_category_it_holds(shipped):
    assert closest("general-strike", shipped.categories) == "strike"
    assert closest("Peasant Uprising", shipped.categories) == "uprising"
    assert closest("weather", shipped.categories) is None  # nothing close: no guess


def test_check_names_the_closest_category(shipped, tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(HEADER + "general-strike-1905,General strike,1905,,general-strike,,,,,\n", encoding="utf-8")
    _, problems = load_events(str(events), shipped.articles, shipped.categories)
    message = [str(p) for p in problems if ": category: " in str(p)]
    assert message == [f"{events}:2: category: unknown category 'general-strike'; fix: did you mean 'strike'?"]
