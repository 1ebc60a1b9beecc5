"""Component ids: the ones the browser names are the ones Python gives (``timeline_app/web/ids.py``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly

import timeline_app
from timeline_app.web import ids

PACKAGE = Path(timeline_app.__file__).parent
ASSETS = PACKAGE.parent / "assets"
TIMELINE_SCRIPTS = ("timeline-*.js", "live-*.js")
COLOURS = re.compile(r"'#([0-9a-f]{3}|[0-9a-f]{6})'")
NAMED = re.compile(r"""(?:set_props\(|getElementById\()\s*'([a-z][a-z0-9-]*)'|'#([a-z][a-z0-9-]*)[ .\[')]""")


def named_in(script: str) -> set[str]:
    """Ids a script names: ``set_props('x'``, ``getElementById('x')`` and ``'#x ...'`` selectors."""
    return {a or b for a, b in NAMED.findall(script)} - set(COLOURS.findall(script))


def layout_ids() -> set[str]:
    """Every plain id in the page's layout (the classroom panels' too)."""
    from timeline_app.web.app import create_app

    text = json.dumps(create_app().layout, cls=plotly.utils.PlotlyJSONEncoder)
    return set(re.findall(r'"id": "([a-z][a-z0-9-]*)"', text))


def test_every_id_a_script_names_is_given_by_python():
    scripts = {path.name: named_in(path.read_text(encoding="utf-8")) for path in ASSETS.glob("*.js")}
    assert any(scripts.values()), "no id found: the pattern no longer matches how the scripts name ids"
    known = ids.NAMES | layout_ids()
    unknown = {name: [n for n in sorted(found) if n not in known] for name, found in scripts.items()}
    assert {name: found for name, found in unknown.items() if found} == {}
    timeline = {n for pattern in TIMELINE_SCRIPTS for p in ASSETS.glob(pattern) for n in scripts[p.name]}
    assert sorted(timeline - ids.NAMES - layout_ids()) == []


def test_the_timelines_ids_are_named_in_ids_not_spelled_out():
    """The timeline's own modules (not the classroom's) take every id from ``ids``."""
    spelled = {}
    for path in sorted((PACKAGE / "web").glob("*.py")):
        if path.name == "ids.py":
            continue
        found = re.findall(r'''(?:id=|htmlFor=|Input\(|Output\(|State\()"([a-z][a-z0-9-]*)"''',
                           path.read_text(encoding="utf-8"))
        found = [name for name in found if name in ids.NAMES]
        if found:
            spelled[path.name] = found
    assert spelled == {}


def test_every_id_in_ids_is_used():
    text = "".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "web").rglob("*.py") if p.name != "ids.py")
    names = [name for name, value in vars(ids).items() if isinstance(value, str) and name.isupper()]
    assert [name for name in names if f"ids.{name}" not in text] == []


def test_the_pattern_finds_ids():
    assert named_in("set_props('key-select', {}); getElementById('timeline-plot'); q('#table-body .x');"
                    " fill('#ffffff')") == {"key-select", "timeline-plot", "table-body"}
