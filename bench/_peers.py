"""The peers bench/app.py measures the timeline against, and the gestures it measures them with.

Every system gets the same synthetic events (bench/app.py's ``synthetic_events``)
and the same real input, sent through Chrome's DevTools protocol (a wheel
step, a drag of 300 px), so no system is driven through its own API:

* ``px.timeline``: one ``plotly.express.timeline`` figure in a Dash page;
* ``scattergl``: one WebGL scatter of the events' starts, one row per category, in a Dash page;
* ``vis-timeline``: vis-timeline (npm, installed by ``make bench`` into
  bench/node_modules from bench/package.json and its lock), a static page
  fetching the events as JSON, one group per category.

A gesture is done when the system says it has drawn the new range: our page's
``timelineStatus.settled`` (labels and ticks included), plotly's
``plotly_relayout`` event, vis-timeline's ``rangechanged``; then one frame.
"""

from __future__ import annotations

import json
from pathlib import Path

BENCH = Path(__file__).resolve().parent
VIS = BENCH / "node_modules" / "vis-timeline"
VIS_SCRIPT = VIS / "standalone" / "umd" / "vis-timeline-graph2d.min.js"
VIS_STYLE = VIS / "styles" / "vis-timeline-graph2d.min.css"

HOOK = """
window.__bench = {firstPaint: null, longest: 0, changed: 0};
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries())
    window.__bench.longest = Math.max(window.__bench.longest, e.duration); })
    .observe({type: 'longtask', buffered: true});
} catch (e) { window.__bench.longest = null; }
(function poll() {
  const gd = document.querySelector('.js-plotly-plot');
  const plotted = gd && gd._fullLayout && (gd._fullData || []).some(t => t.x && t.x.length);
  if (plotted || document.querySelector('.vis-item')) {
    window.__bench.firstPaint = performance.now();
    if (plotted) gd.on('plotly_relayout', () => { window.__bench.changed = performance.now(); });
  } else requestAnimationFrame(poll);
})();
"""
"""Installed before every page's own scripts: first paint (the first frame with events drawn, the same
test for every system), the longest task since navigation, and when plotly last applied a new range."""

TARGET = """
const el = document.querySelector('#timeline-plot .nsewdrag') || document.querySelector('.js-plotly-plot .nsewdrag')
  || document.querySelector('.vis-panel.vis-center');
const r = el.getBoundingClientRect();
return [r.left + r.width / 2, r.top + r.height / 2];
"""
"""Where the gestures happen: the middle of the plotting area."""

DONE = {
    "app": "window.timelineStatus && window.timelineStatus.settled > t0",
    "plotly": "window.__bench.changed > t0",
}
"""When a gesture started at ``t0`` has been drawn (vis-timeline's page sets ``__bench.changed`` too)."""

WAIT_DONE = """
const [t0, done] = arguments;
(function poll() {
  if (%s) requestAnimationFrame(() => done(performance.now() - t0));
  else setTimeout(poll, 1);
})();
"""


def done_script(system: str) -> str:
    return WAIT_DONE % DONE["app" if system == "app" else "plotly"]


def _mouse(driver, kind: str, x: float, y: float, **extra) -> None:
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})


def wheel_step(driver, system: str) -> float:
    """One wheel notch towards the reader (zoom in) over the middle of the timeline; ms until drawn."""
    x, y = driver.execute_script(TARGET)
    _mouse(driver, "mouseMoved", x, y)
    t0 = driver.execute_script("return performance.now()")
    _mouse(driver, "mouseWheel", x, y, deltaX=0, deltaY=-100)
    return driver.execute_async_script(done_script(system), t0)


def drag_pan(driver, system: str, steps: int = 10, step_px: int = 30) -> float:
    """A 300 px drag to the left in ``steps`` moves; ms from the press until the new range is drawn."""
    x, y = driver.execute_script(TARGET)
    _mouse(driver, "mouseMoved", x, y)
    t0 = driver.execute_script("return performance.now()")
    _mouse(driver, "mousePressed", x, y, button="left", buttons=1, clickCount=1)
    for i in range(1, steps + 1):
        _mouse(driver, "mouseMoved", x - i * step_px, y, button="left", buttons=1)
    _mouse(driver, "mouseReleased", x - steps * step_px, y, button="left", buttons=0, clickCount=1)
    return driver.execute_async_script(done_script(system), t0)


def plotly_records(rows: list[dict]):
    """The events as pandas rows (start, end, title, category), for the two plotly.js peers."""
    import pandas as pd

    from timeline_app.data.dates import HISTORY_LANGUAGES, parse_date

    records = []
    for row in rows:
        start = parse_date(row["start"], languages=HISTORY_LANGUAGES)
        last = parse_date(row["end"], languages=HISTORY_LANGUAGES) if row["end"] else start
        records.append({"title": row["title"], "category": row["category"],
                        "start": pd.Timestamp(*start.lower), "end": pd.Timestamp(*last.upper) + pd.Timedelta(days=1)})
    return pd.DataFrame.from_records(records)


def dash_page(figure):
    from dash import Dash, dcc

    figure.update_layout(dragmode="pan")  # the gesture measured is a pan, for every system
    app = Dash(__name__)
    app.layout = dcc.Graph(id="timeline", figure=figure, config={"scrollZoom": True}, style={"height": "600px"})
    return app


def px_app(rows: list[dict]):
    """The plain baseline: one px.timeline figure of the same events in a Dash page."""
    import plotly.express as px

    frame = plotly_records(rows)
    return dash_page(px.timeline(frame, x_start="start", x_end="end", y="category", color="category",
                                 hover_name="title"))


def scattergl_app(rows: list[dict]):
    """A WebGL scatter of the events' starts, one row per category, in a Dash page."""
    import plotly.graph_objects as go

    frame = plotly_records(rows)
    return dash_page(go.Figure(go.Scattergl(x=frame["start"], y=frame["category"], mode="markers",
                                            hovertext=frame["title"], marker={"size": 8})))


VIS_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>vis-timeline</title>
<link rel="stylesheet" href="/assets/vis.css"><script src="/assets/vis.js"></script></head>
<body><div id="timeline"></div><script>
fetch('/data.json').then((r) => r.json()).then((data) => {
  const timeline = new vis.Timeline(document.getElementById('timeline'), new vis.DataSet(data.items),
    new vis.DataSet(data.groups), {height: '600px', zoomKey: ''});
  timeline.on('rangechanged', () => { window.__bench.changed = performance.now(); });
});
</script></body></html>"""


def vis_app(rows: list[dict]):
    """vis-timeline's static page and the events as JSON (the WSGI app bench/app.py serves)."""
    from flask import Flask, Response

    frame = plotly_records(rows)
    groups = sorted(set(frame["category"]))
    items = [{"id": i, "content": title, "group": category, "start": start.isoformat(),
              **({"end": end.isoformat(), "type": "range"} if (end - start).days > 1 else {"type": "point"})}
             for i, (title, category, start, end) in enumerate(frame[["title", "category", "start", "end"]]
                                                               .itertuples(index=False))]
    data = json.dumps({"items": items, "groups": [{"id": g, "content": g} for g in groups]}).encode()
    app = Flask(__name__)
    app.add_url_rule("/", "page", lambda: Response(VIS_PAGE, mimetype="text/html"))
    app.add_url_rule("/data.json", "data", lambda: Response(data, mimetype="application/json"))
    app.add_url_rule("/assets/vis.js", "js", lambda: Response(VIS_SCRIPT.read_bytes(), mimetype="text/javascript"))
    app.add_url_rule("/assets/vis.css", "css", lambda: Response(VIS_STYLE.read_bytes(), mimetype="text/css"))
    return app


def available(system: str) -> str:
    """Why ``system`` cannot be measured here ('' when it can)."""
    if system == "vis-timeline" and not VIS_SCRIPT.exists():
        return "bench/node_modules has no vis-timeline: run `make bench` (npm ci in bench/)"
    return ""
