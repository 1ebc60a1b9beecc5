"""BC and pre-1677 events drawn where they belong, with "73 BC" ticks and hovers.

The app serves a small dataset built in a temporary folder (conftest's
``ancient_events_file``): the Spartacus revolt of 73-71 BC, Spartacus's life
(c. 111 BC - 71 BC) and two events of June 1381, years that pandas
timestamps (1677-2262) cannot hold.
"""

from __future__ import annotations

from timeline_app.data.daycount import to_ordinal

EVENTS_FILE = "ancient_events_file"


def test_bc_and_medieval_events_sit_at_their_days(page):
    page.open()
    uprising = page.trace("marks:uprising")
    revolt = page.position("Spartacus revolt")
    peasants = page.position("Peasants' Revolt")
    xs = {}
    for index, x in zip(uprising["customdata"], uprising["x"]):
        xs.setdefault(index, x)  # a span's start mark comes before its end mark
    assert xs[revolt] == to_ordinal((-72, 1, 1)), "73 BC is astronomical year -72"
    june = (to_ordinal((1381, 6, 1)) + to_ordinal((1381, 7, 1))) / 2
    assert xs[peasants] == june, "June 1381 is drawn in the middle of June 1381"
    assert page.bars("spans")[0][:2] == (to_ordinal((-72, 1, 1)), to_ordinal((-69, 1, 1)))
    assert page.bars("lives")[0][:2] == (to_ordinal((-110, 1, 1)), to_ordinal((-69, 1, 1)))
    death = page.trace("marks:death")
    assert list(death["x"]) == [to_ordinal((1381, 6, 15)) + 0.5]
    assert page.duo.get_logs() == []


def test_bc_ticks_and_hovers_read_bc(page):
    page.open()
    page.relayout(to_ordinal((-100, 1, 1)), to_ordinal((-60, 1, 1)))
    ticks = page.status()["ticks"]
    assert "75 BC" in ticks and "70 BC" in ticks, ticks
    assert all(t.endswith(" BC") for t in ticks)
    hovertext = dict(zip(page.trace("marks:uprising")["customdata"], page.trace("marks:uprising")["hovertext"]))
    assert hovertext[page.position("Spartacus revolt")] == "73 BC–71 BC"
    life = page.trace("marks:life")
    assert life["hovertext"][0] == "c. 111 BC–71 BC"
    actions = page.pointer()
    actions.pointer_action.move_to_location(*map(int, page.mark_point("Spartacus revolt")))
    actions.perform()
    text = page.wait("document.querySelector('.hoverlayer') && document.querySelector('.hoverlayer').textContent")
    assert "Spartacus revolt" in text and "73 BC–71 BC" in text
    assert page.duo.get_logs() == []


def test_ticks_adapt_from_centuries_to_days(page):
    page.open()
    steps = {}
    for name, (a, b) in {"millennium": ((-600, 1, 1), (1500, 1, 1)), "year": ((1375, 1, 1), (1390, 1, 1)),
                         "month": ((1380, 11, 1), (1381, 11, 1)), "day": ((1381, 6, 5), (1381, 6, 25))}.items():
        page.relayout(to_ordinal(a), to_ordinal(b))
        steps[name] = page.status()["ticks"]
    assert "500 BC" in steps["millennium"] and "500" in steps["millennium"], steps["millennium"]
    assert "1380" in steps["year"] and all(t.isdigit() and 1375 <= int(t) <= 1390 for t in steps["year"])
    assert any(t.startswith("Jun 1381") or t == "Jul 1381" for t in steps["month"]), steps["month"]
    assert "15 Jun 1381" in steps["day"], steps["day"]
    assert page.duo.get_logs() == []


def test_ticks_across_the_era_boundary_mark_it(page):
    """80 BC - 951 at 100- or 200-year steps: a tick at AD 1 (issue 15 point 8), none crowding it."""
    page.open()
    page.relayout(to_ordinal((-79, 1, 1)), to_ordinal((951, 1, 1)))
    ticks = page.status()["ticks"]
    # The axis holds the ticks of a screen on either side too (a pan keeps them); these are the ones in view.
    vals = page.js("""const xa = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis;
        return Array.from(xa.tickvals).filter((v) => v >= xa.range[0] && v <= xa.range[1]);""")
    assert len(vals) == len(ticks) and "AD 1" in ticks, ticks
    assert vals[ticks.index("AD 1")] == to_ordinal((1, 1, 1))
    assert all(t == "AD 1" or t.endswith(" BC") or t.isdigit() and int(t) > 1 for t in ticks), ticks
    # No label crowds another: ticks stay a label's width (56 px) apart, "1 BC" gives way here.
    width = page.js("return document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis._length")
    days_per_px = (to_ordinal((951, 1, 1)) - to_ordinal((-79, 1, 1))) / width
    assert min(b - a for a, b in zip(vals, vals[1:])) / days_per_px >= 56, (ticks, vals)
    # Zoomed in to years, the boundary reads "1 BC", "AD 1" too.
    page.relayout(to_ordinal((-3, 1, 1)), to_ordinal((3, 1, 1)))
    ticks = page.status()["ticks"]
    assert "1 BC" in ticks and "AD 1" in ticks and "1" not in ticks, ticks
    assert page.duo.get_logs() == []
