"""An unknown category is answered with the closest category names, not the whole list (issue 15 point 10)."""

from __future__ import annotations

import pytest

from timeline_app.data.dataset import load_events
from timeline_app.data.problems import close_matches, closest, did_you_mean

HEADER = "id,title,start,end,category,people,place,article,quote,description\n"


def test_a_compound_name_gets_the_category_it_holds(shipped):
    assert closest("general-strike", shipped.categories) == "strike"
    assert closest("Peasant Uprising", shipped.categories) == "uprising"
    assert closest("weather", shipped.categories) is None  # nothing close: no guess


@pytest.mark.parametrize("names, text", [
    (["strike"], "did you mean 'strike'?"),
    (["revolution", "repression"], "did you mean 'revolution' or 'repression'?"),
    (["a", "b", "c"], "did you mean 'a', 'b' or 'c'?"),
])
def test_did_you_mean_names_each_close_name(names, text):
    assert did_you_mean(names) == text


def test_only_names_about_as_close_as_the_best_are_offered():
    assert sorted(close_matches("strke", ["strike", "stroke", "state"], n=3)) == ["strike", "stroke"]
    assert close_matches("reforms", ["reform", "regime", "revolution"], n=3, cutoff=0.4) == ["reform"]


@pytest.mark.parametrize("category, fix", [
    ("general-strike", "did you mean 'strike'?"),
    ("civil-war", "did you mean 'war'?"),
    ("Peasant Uprising", "did you mean 'uprising'?"),
    ("strikes", "did you mean 'strike'?"),
    ("revolt", "did you mean 'revolution'?"),
    ("rebellion", "did you mean 'revolution' or 'repression'?"),
    ("death-sentence", "did you mean 'death'?"),
    ("weather", "use one of: life, activism, revolution, uprising, strike, war, founding, regime, reform, "
                "exile, repression, death (or add the category to categories.csv)"),
])
def test_check_names_the_closest_categories(shipped, tmp_path, category, fix):
    events = tmp_path / "events.csv"
    events.write_text(HEADER + f'event-1,An event,1905,,"{category}",,,,,\n', encoding="utf-8")
    _, problems = load_events(str(events), shipped.articles, shipped.categories)
    message = [str(p) for p in problems if ": category: " in str(p)]
    assert message == [f"{events}:2: category: unknown category '{category}'; fix: {fix}"]


def test_a_timelinejs_group_names_the_closest_categories(shipped, tmp_path):
    from timeline_app.data.timelinejs import load_timelinejs

    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Year,Headline,Group\n1905,A rising,rebellion\n", encoding="utf-8")
    _, problems = load_timelinejs(str(sheet), shipped.articles, shipped.categories)
    assert any("did you mean 'revolution' or 'repression'?" in str(p) for p in problems), problems
