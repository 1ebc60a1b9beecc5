"""Accessibility: an axe-core audit, keyboard-only use, themes, focus and the palette.

axe-core is the npm package, pinned in tests/axe/package.json and its lock
file (``make test`` runs ``npm ci --prefix tests/axe``); its axe.min.js is
injected into the page and run through selenium.  The audit fails on any
violation of impact "moderate", "serious" or "critical", in every state the
tests visit: an event open with the table (1280x720), presentation mode with
the share panel (1920x1080), the dark theme with the lesson panel, the
phone (390x844), and a reader's view (a host that is not loopback, so no
editor's tools) at 1280x720 and on the phone.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
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

AXE_PACKAGE = Path(__file__).resolve().parent / "axe"
AXE_JS = AXE_PACKAGE / "node_modules" / "axe-core" / "axe.min.js"
AXE_MAX_BYTES = 2_000_000
BLOCKING = ("moderate", "serious", "critical")

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


def axe_source() -> str:
    """The pinned axe-core's script; the test stops with how to install it when `make test` did not."""
    pinned = json.loads((AXE_PACKAGE / "package.json").read_text(encoding="utf-8"))["dependencies"]["axe-core"]
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `make test` (or `npm ci --prefix {AXE_PACKAGE}`)")
    installed = json.loads((AXE_JS.parent / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == pinned, f"axe-core {installed} installed, {pinned} pinned: run `npm ci --prefix {AXE_PACKAGE}`"
    with AXE_JS.open(encoding="utf-8") as f:
        return f.read(AXE_MAX_BYTES)


def audit(page) -> list[str]:
    """Every moderate, serious or critical violation axe-core finds in the page as it is now."""
    if not page.js("return !!window.axe"):
        page.js(axe_source())
    results = page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done, (e) => done({error: String(e)}));")
    assert "error" not in results, results
    return [f"{violation['impact']} {violation['id']}: {violation['help']} at {node['target']}: {node['html'][:160]}"
            for violation in results["violations"] if violation["impact"] in BLOCKING
            for node in violation["nodes"]]


def assert_accessible(page) -> None:
    problems = audit(page)
    assert not problems, "\n".join(problems)


def test_axe_is_current():
    assert int(json.loads((AXE_PACKAGE / "package.json").read_text(encoding="utf-8"))
               ["dependencies"]["axe-core"].split(".")[0]) >= 4


def test_axe_reports_no_moderate_serious_or_critical_violations(classroom):
    page = classroom
    goto(page, "?event=hungary-1956-revolution")
    page.driver.find_element("id", "table-toggle").click()
    wait_for(page, lambda: page.js("return document.querySelectorAll('#table-body tr').length > 5"), message="rows")
    assert_accessible(page)
    # Presentation mode with the share panel open (the QR code and the link field).
    goto(page, "?event=hungary-1956-revolution&present=1", 1920, 1080)
    page.driver.find_element("id", "share-toggle").click()
    wait_for(page, lambda: page.js("return !!document.getElementById('share-qr').getAttribute('src')"),
             message="the QR code")
    assert_accessible(page)
    page.driver.find_element("id", "share-toggle").click()  # close it: it covers the toolbar
    wait_for(page, lambda: not shown(page, "#share-qr"), message="the share panel closed")
    # The dark theme, with the lesson panel.
    goto(page, "?event=russian-revolution-1917&lesson=russian-revolution-1917,stalin-life")
    page.driver.find_element("id", "theme-toggle").click()
    page.driver.find_element("id", "lesson-toggle").click()
    wait_for(page, lambda: page.js("return document.documentElement.dataset.theme") == "dark", message="dark")
    wait_for(page, lambda: shown(page, "#lesson-panel"), message="the lesson panel")
    assert_accessible(page)
    # The phone, with an event open.
    goto(page, "?event=hungary-1956-revolution", 390, 844)
    assert_accessible(page)
    # A reader's view (not the editor's machine: no upload box or problems line), wide and on the phone.
    for width, height in ((1280, 720), (390, 844)):
        page.open("?event=hungary-1956-revolution", width, height, reader=True)
        assert not shown(page, "#preview-drop"), "the editor's tools are hidden for readers"
        assert_accessible(page)
    page.open()  # back on the loopback address the other classroom tests use
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


OUTLINES = """
return [...new Set([...document.querySelectorAll('#timeline .page-marks > g')]
  .filter(g => g.dataset.meta.startsWith('marks:')).flatMap(g => [...g.children])
  .map(p => getComputedStyle(p).stroke + ' ' + getComputedStyle(p).strokeWidth))];
"""
"""The outline the filled marks are drawn with (by the page, timeline-marks.js), as 'colour width'
(each different one once)."""


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
    assert page.js(OUTLINES) == ["rgb(232, 234, 237) 1px"], "the marks' outline in the dark look's ink"
    toggle = page.driver.find_element("id", "theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    wait_for(page, lambda: theme() == "light" and paper() == "white", message="the light theme")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.js(OUTLINES) == ["rgb(255, 255, 255) 1px"]
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
