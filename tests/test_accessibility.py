"""Accessibility: an axe-core audit, keyboard-only use, themes, focus and the palette.

axe-core comes from the PyPI package axe-selenium-python (its bundled
axe.min.js), run in the page through selenium.  The audit fails on any
violation of impact "serious" or "critical", in several states of the page:
an event open with the table, presentation mode with the share panel, the
dark theme with the lesson panel.
"""

from __future__ import annotations

import html

from axe_selenium_python import Axe
from classroom_helpers import (
    KEYS,
    goto,
    params,
    press,
    reader_title,
    shown,
    wait_for,
    wait_reader,
)

from timeline_app.data.catalog import build_catalog
from timeline_app.data.dataset import load_dataset
from timeline_app.data.paths import EVENTS_CSV

pytest_plugins = ["classroom_fixtures"]

BLOCKING = ("serious", "critical")

# (category, symbol, colour) of every event mark drawn, whatever traces the timeline uses.
MARKS_JS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const d = window.timelineLib.current.d;
const out = [];
for (const t of gd.data) {
  if (!t.marker || !t.customdata) continue;
  t.customdata.forEach((i, k) => {
    if (i === null || i === undefined) return;
    const pick = (v) => (Array.isArray(v) ? v[k] : v);
    out.push([d.categories[d.cat[i]].name, String(pick(t.marker.symbol) || 'circle'), pick(t.marker.color)]);
  });
}
return out;
"""


def known_false_positive(violation: dict, node: dict) -> bool:
    """axe-core 3.1.1 (what axe-selenium-python 2.1.6 ships; its 3.x needs Python 3.12) takes
    autocomplete="off" on a type="search" input for an invalid token; axe-core 4 accepts "off"
    on any input.  Only that exact case is let through."""
    checks = [c["id"] for c in node.get("all", []) + node.get("any", []) + node.get("none", [])]
    return (violation["id"] == "autocomplete-valid" and checks == ["autocomplete-appropriate"]
            and 'autocomplete="off"' in node["html"])


def audit(page) -> list[str]:
    axe = Axe(page.driver)
    axe.inject()
    results = axe.run()
    problems = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            if not known_false_positive(violation, node):
                problems.append(f"{violation['impact']} {violation['id']}: {violation['help']} "
                                f"at {node['target']}: {node['html'][:160]}")
    return problems


def test_axe_reports_no_serious_or_critical_violations(classroom):
    page = classroom
    goto(page, "?event=hungary-1956-revolution")
    page.driver.find_element("id", "table-toggle").click()
    wait_for(page, lambda: page.js("return document.querySelectorAll('#table-body tr').length > 5"), message="rows")
    assert audit(page) == []
    # Presentation mode with the share panel open (the QR code and the link field).
    goto(page, "?event=hungary-1956-revolution&present=1", 1920, 1080)
    page.driver.find_element("id", "share-toggle").click()
    wait_for(page, lambda: page.js("return !!document.getElementById('share-qr').getAttribute('src')"),
             message="the QR code")
    assert audit(page) == []
    page.driver.find_element("id", "share-toggle").click()  # close it: it covers the toolbar
    wait_for(page, lambda: not shown(page, "#share-qr"), message="the share panel closed")
    # The dark theme, with the lesson panel.
    goto(page, "?event=russian-revolution-1917&lesson=russian-revolution-1917,stalin-life")
    page.driver.find_element("id", "theme-toggle").click()
    page.driver.find_element("id", "lesson-toggle").click()
    wait_for(page, lambda: page.js("return document.documentElement.dataset.theme") == "dark", message="dark")
    wait_for(page, lambda: shown(page, "#lesson-panel"), message="the lesson panel")
    assert audit(page) == []
    assert page.duo.get_logs() == []


def test_the_audit_can_fail(classroom):
    """The same audit catches a control without a name and text without contrast."""
    page = classroom
    goto(page)
    page.js("const b = document.createElement('button'); b.id = 'nameless'; document.body.appendChild(b);"
            "const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#eee';"
            " document.body.appendChild(p);")
    problems = audit(page)
    assert any("button-name" in p for p in problems) and any("color-contrast" in p for p in problems)
    page.js("document.getElementById('nameless').remove(); document.body.lastElementChild.remove()")


def test_keyboard_only_reaches_and_opens_events(classroom):
    page = classroom
    page.open()  # a fresh page: the first Tab starts from the top
    page.js("document.activeElement.blur(); window.focus()")
    # The first Tab stop is the skip link; Enter on it lands on the timeline.
    press(page, KEYS.TAB)
    assert page.js("return document.activeElement.className") == "skip-link"
    assert page.js("const s = getComputedStyle(document.activeElement); return s.top") != "-40px"
    press(page, KEYS.ENTER)
    wait_for(page, lambda: page.js("return document.activeElement.id") == "timeline-pane", message="the timeline")
    # Arrow keys pick an event: the reader shows its article with the quote marked.
    press(page, KEYS.ARROW_RIGHT)
    wait_for(page, lambda: reader_title(page), message="an event open")
    first = reader_title(page)
    press(page, KEYS.ARROW_RIGHT)
    wait_for(page, lambda: reader_title(page) not in (None, first), message="the next event")
    assert page.js("return !!document.querySelector('#article-text mark.quote')")
    assert "event" in params(page)
    # Tab to the Table button (focus visible), Enter opens the table and moves into it.
    for _ in range(60):
        press(page, KEYS.TAB)
        if page.js("return document.activeElement.id") == "table-toggle":
            break
    assert page.js("return document.activeElement.id") == "table-toggle"
    outline = page.js("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, outline
    press(page, KEYS.ENTER)
    wait_for(page, lambda: page.js("return !!document.activeElement.closest('#table-panel')"), message="the table")
    for _ in range(10):
        if page.js("return document.activeElement.classList.contains('table-select')"):
            break
        press(page, KEYS.TAB)
    assert page.js("return document.activeElement.classList.contains('table-select')")
    press(page, KEYS.ARROW_DOWN, KEYS.ARROW_DOWN)
    target = page.js("return document.activeElement.textContent")
    press(page, KEYS.ENTER)
    wait_reader(page, target)
    assert page.js("return !!document.querySelector('#article-text')")
    assert page.js("return document.activeElement.textContent") == target  # the focus stays on the row
    assert page.duo.get_logs() == []


def test_themes_follow_the_system_and_the_switch(classroom):
    page = classroom
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    goto(page)
    theme = lambda: page.js("return document.documentElement.dataset.theme")  # noqa: E731
    wait_for(page, lambda: theme() == "dark", message="the system's dark theme")
    background = page.js("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 18, 18)"
    paper = lambda: page.js("return document.querySelector('#timeline .js-plotly-plot')._fullLayout.paper_bgcolor")  # noqa: E731
    wait_for(page, lambda: paper() == "#121212", message="a dark graph")
    # Every mark keeps 3:1 contrast with the dark ground (the palette's darkest colours are lightened).
    colours = {colour for _, _, colour in page.js(MARKS_JS)}
    assert min(contrast(c, "#121212") for c in colours) >= 3, colours
    toggle = page.driver.find_element("id", "theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    wait_for(page, lambda: theme() == "light" and paper() == "white", message="the light theme")
    assert toggle.get_attribute("aria-pressed") == "false"
    # The reader's choice outlasts a reload, whatever the system says.
    page.open()
    assert theme() == "light"
    assert page.duo.get_logs() == []


def test_categories_differ_by_more_than_colour(classroom):
    catalog = build_catalog(load_dataset(EVENTS_CSV.parent, EVENTS_CSV))
    categories = list(catalog.categories.values())
    assert len({c.symbol for c in categories}) == len(categories)
    assert len({c.colour.lower() for c in categories}) == len(categories)
    page = classroom
    goto(page)
    drawn = page.js(MARKS_JS)
    assert len({name for name, _, _ in drawn}) >= 10
    symbols: dict[str, set[str]] = {}
    for name, symbol, _ in drawn:
        symbols.setdefault(name, set()).add(symbol.removesuffix("-open"))
    assert all(len(s) == 1 for s in symbols.values()), symbols
    assert len({next(iter(s)) for s in symbols.values()}) == len(symbols)
    # Each row is labelled with its category, and the legend shows each symbol next to its name.
    rows = {html.unescape(t) for t in page.js(
        "return document.querySelector('#timeline .js-plotly-plot')._fullLayout.yaxis.ticktext")}
    assert {c.label for c in categories if c.name in symbols and c.name != "life"} <= set(rows)
    glyphs = page.js("return Array.from(document.querySelectorAll('.chip .glyph')).map((g) => g.textContent)")
    assert len(set(glyphs)) == len(categories)
    # Every control of the classroom bar has a name for screen readers.
    names = page.js("return Array.from(document.querySelectorAll('#classroom-bar button'))"
                    ".map((b) => b.getAttribute('aria-label'))")
    assert names and all(names), names
    assert page.duo.get_logs() == []


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
