/*
 * Draws the timeline in the browser from the event store (clientside callback).
 *
 * The server sends every event once, as columns (timeline_app/view/figure.py,
 * event_columns), and the figure's look with four empty WebGL traces.  This
 * module owns the plotly.js graph in #timeline-plot; the pieces it draws
 * with are modules of their own:
 *
 *   timeline-data.js     decode the columns, filter (shown);
 *   timeline-traces.js   rows, and the traces with their level of detail;
 *   timeline-marks.js    the SVG path's event marks, drawn by the page;
 *   timeline-labels.js   labels that fit and never overlap;
 *   timeline-calendar.js calendar ticks for the range;
 *   timeline-proposed.js the proposed rows' layer and its card;
 *
 * and here: Plotly.react only when the filters change; on a zoom plotly.js
 * moves the WebGL view itself, then only the tick labels change
 * (Plotly.relayout, no trace is recomputed) - except above LOD_EVENTS events,
 * where the traces are refilled for the scale; the labels and the selection
 * highlight are drawn as an HTML layer (#timeline-labels).
 *
 * The page's first draw does not wait for Dash: the page preloads the events
 * and, on a plain address, draws them as soon as the plot's box exists
 * (drawEarly); Dash's first calls then find them drawn.
 *
 * Zooms and clicks go back to Dash through the graph-range and graph-click
 * stores.  Titles reach plotly.js escaped and the HTML layer as text nodes.
 * window.timelineStatus counts renders and paints for the tests and bench/app.py.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.timeline = clientside.timeline || {});

  const ROW_LABEL_MARGIN = 170;
  const FIT_PAD_LEFT = 0.03;
  const FIT_PAD_RIGHT = 0.1;
  const MIN_FIT_DAYS = 3 * 365;
  const REPORT_AFTER_MS = 500;

  /* Presentation mode and the themes (assets/classroom-themes.js) restyle the timeline:
     lib.figureStyle(payload, view) -> null, or {key, labelPx, rowMargin, decorate(figure)}. */
  let style = null;
  const labelPx = () => (style && style.labelPx) || lib.labels.FONT_PX;

  const status = (window.timelineStatus = {
    renders: 0, lastRender: 0, paints: 0, firstPaint: null, firstShown: null, lastPaint: 0, lastDraw: 0, settled: 0,
    shown: 0, labels: [], range: null, ticks: [], selectedDrawn: null, refines: 0,
    selectedId: null, // the selection the page holds, known before it is drawn (lib.selectedIndex)
  });

  const noUpdate = () => window.dash_clientside.no_update;
  /* The other modules are looked up when called, so the files' load order does not matter. */
  const isShown = (s, i) => lib.data.isShown(s, i);

  /* ---- the HTML layer: labels and the selection highlight ------------------ */
  function drawLayer(gd, placed, highlight, plot) {
    const layer = document.getElementById('timeline-labels');
    if (!layer) return;
    layer.style.left = plot.l + 'px';
    layer.style.top = plot.t + 'px';
    layer.style.width = plot.w + 'px';
    layer.style.height = plot.h + 'px';
    const nodes = [];
    if (highlight) {
      const box = document.createElement('div');
      box.className = 'tl-selection';
      Object.assign(box.style, { left: highlight.left + 'px', width: highlight.width + 'px',
        top: highlight.top + 'px', height: highlight.height + 'px' });
      const line = document.createElement('div');
      line.className = 'tl-selection-line';
      line.style.left = highlight.mid + 'px';
      nodes.push(line, box);
    }
    for (const p of placed) {
      if (p.leader) {
        // A label stacked away from its mark: a thin line joins them.
        const line = document.createElement('div');
        line.className = 'tl-leader';
        Object.assign(line.style, lib.labels.leaderStyle(p.leader));
        nodes.push(line);
      }
      const label = document.createElement('span');
      label.className = p.selected ? 'tl-label selected' : 'tl-label';
      label.textContent = p.text;
      label.dataset.index = String(p.i);
      Object.assign(label.style, { left: p.left + 'px', top: p.top + 'px', maxWidth: (p.right - p.left) + 'px' });
      nodes.push(label);
    }
    layer.replaceChildren(...nodes);
  }

  function highlightBox(d, s, R, view, selected) {
    if (selected === null || isShown(s, selected) < 0) return null;
    const { xa, ya } = view;
    let x0 = xa.l2p(d.start[selected]);
    let x1 = xa.l2p(d.end[selected]);
    const mid = (x0 + x1) / 2;
    if (x1 - x0 < 14) {
      x0 = mid - 7;
      x1 = mid + 7;
    }
    const y = ya.l2p(R.y(selected));
    const half = Math.max(8, view.unit * 0.42);
    return { left: x0, width: x1 - x0, top: y - half, height: 2 * half, mid };
  }

  /* ---- drawing --------------------------------------------------------------- */
  const state = {
    gd: null, plotted: false, filterKey: null, narrow: null, appliedRev: null, selected: null,
    d: null, s: null, R: null, expectRange: null, grid: null, kept: null, reported: null, ticks: null,
    lined: null, barUnit: null, firstDraw: null,
  };

  function geometry(base) {
    const box = document.getElementById('timeline');
    const width = (box && box.clientWidth) || 1000;
    const height = (box && box.clientHeight) || 480;
    const narrow = width < lib.labels.NARROW_PX;
    const margin = { ...base.margin, l: narrow ? 8 : (style && style.rowMargin) || ROW_LABEL_MARGIN };
    return { width, height, narrow, margin };
  }

  function fit(s, fallback) {
    if (!s.idx.length) return fallback;
    let lo = s.lo;
    let hi = s.hi;
    if (hi - lo < MIN_FIT_DAYS) {
      const mid = (lo + hi) / 2;
      lo = mid - MIN_FIT_DAYS / 2;
      hi = mid + MIN_FIT_DAYS / 2;
    }
    // More room on the right, where the last events' labels go.
    return [lo - (hi - lo) * FIT_PAD_LEFT, hi + (hi - lo) * FIT_PAD_RIGHT];
  }

  /* The x axis's ticks for a range: those of the screens on either side too (plotly.js draws the
     ones in view), so a pan of up to a screen keeps them and plotly.js draws the pan once, not
     once for the range and again for the ticks.  The ticks of a scale depend on days per pixel only
     (timeline-calendar.js), so the wider range at the wider width gives the same ticks in view. */
  const TICK_SCREENS = 1;
  function tickUpdate(range, plotWidth) {
    const span = range[1] - range[0];
    const lo = range[0] - TICK_SCREENS * span;
    const hi = range[1] + TICK_SCREENS * span;
    const ticks = lib.calendar.ticks(lo, hi, plotWidth * (1 + 2 * TICK_SCREENS));
    state.ticks = { lo, hi, perPx: span / plotWidth, vals: ticks.vals, text: ticks.text };
    noteTicks(range);
    return { 'xaxis.tickvals': ticks.vals, 'xaxis.ticktext': ticks.text };
  }

  /* Whether the ticks drawn serve ``range`` at ``plotWidth`` pixels: the same scale, within them. */
  function ticksHold(range, plotWidth) {
    const t = state.ticks;
    const perPx = (range[1] - range[0]) / plotWidth;
    return !!t && Math.abs(perPx - t.perPx) <= 1e-9 * t.perPx && range[0] >= t.lo && range[1] <= t.hi;
  }

  /* The tick labels in view (for the tests and bench/app.py). */
  function noteTicks(range) {
    const t = state.ticks;
    status.ticks = t.text.filter((_, k) => t.vals[k] >= range[0] && t.vals[k] <= range[1]);
  }

  /* The x axis's labels that the graph's edge would cut, hidden.  plotly.js can do it itself, but it
     measures every label at every draw of the axis to find them: a forced layout of the page in
     the middle of the draw, a sixth of a drag pan's release at 100 events.  So the figure has that
     off (figure.py, ticklabeloverflow) and this finds them after each draw without a layout, from
     each label's place (its transform; anchored at its middle) and its width on a canvas. */
  const TICK_AT = /translate\(\s*([-+\d.e]+)/;
  function hideCutTicks(gd) {
    const fl = gd._fullLayout;
    const font = fl.xaxis.tickfont;
    for (const text of gd.querySelectorAll('.xaxislayer-above .xtick text')) {
      const at = TICK_AT.exec(text.getAttribute('transform') || '');
      const half = lib.labels.textWidth(text.textContent, font.size, font.family) / 2;
      const cut = !at || Number(at[1]) - half < 0 || Number(at[1]) + half > fl.width;
      text.style.display = cut ? 'none' : '';
    }
  }

  /* Labels, highlight and status for what is on screen now (after every draw). */
  function drawOverlay() {
    const { gd, d, s, R } = state;
    if (!gd || !gd._fullLayout || !d) return;
    hideCutTicks(gd);
    const fl = gd._fullLayout;
    const xa = fl.xaxis;
    const ya = fl.yaxis;
    const plot = { l: fl._size.l, t: fl._size.t, w: fl._size.w, h: fl._size.h };
    const range = xa.range.slice();
    // A render that moved nothing (the view callback's answer to what the page shows already, say)
    // keeps the labels it has: placing them costs tens of ms at a thousand events.
    const key = JSON.stringify([range, ya.range, plot, state.selected, labelPx(), fl.font.family]);
    const last = state.overlay;
    status.lastDraw = performance.now();
    if (last && last.d === d && last.s === s && last.R === R && last.kept === state.kept && last.key === key &&
        document.getElementById('timeline-labels') === last.layer) return;
    state.overlay = { d, s, R, kept: state.kept, key, layer: document.getElementById('timeline-labels') };
    const unit = R.unitPx(plot.h);
    const placed = lib.labels.labels(d, s, R, range, plot, state.selected, lib.labels.canvasType(labelPx(), fl.font.family),
      unit, ya, state.kept);
    status.labels = placed.map((p) => ({ index: p.i, leader: !!p.leader, left: Math.round(p.left), right: Math.round(p.right),
      top: Math.round(p.top), text: p.text }));
    drawLayer(gd, placed, highlightBox(d, s, R, { xa, ya, unit }, state.selected), plot);
    status.range = range;
    status.selectedDrawn = state.selected !== null && isShown(s, state.selected) >= 0 ? state.selected : null;
    lib.current = { d, s, R, range, selected: state.selected };
  }

  const rangeOf = (gd) => gd._fullLayout.xaxis.range.slice();
  const sameRange = (a, b) => !!a && !!b && Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;

  /* After plotly.js moved the view (wheel, drag, pinch, keys, or us): new
     ticks, new labels, and - when the reader moved it - tell Dash. */
  function onRelayout(event) {
    const gd = state.gd;
    const keys = Object.keys(event || {});
    if (!keys.some((k) => k.startsWith('xaxis.range') || k === 'xaxis.autorange' || k === 'autosize' || k === 'width')) {
      return;
    }
    layerMoving(false);
    if (event['xaxis.autorange']) {
      clientside.set_props('graph-range', { data: { fit: true, at: Date.now() } });
      return;
    }
    const range = rangeOf(gd);
    const mine = sameRange(range, state.expectRange);
    const width = gd._fullLayout._size.w;
    const resized = event.autosize || event.width ? keepBarWidths(gd) : null;
    let drawn;
    if (lib.traces.needsDetail(state.grid, range, width)) drawn = refine(range, width);
    else if (ticksHold(range, width)) drawn = Promise.resolve(noteTicks(range));
    else drawn = window.Plotly.relayout(gd, tickUpdate(range, width));
    Promise.all([resized, drawn]).then(() => {
      drawOverlay();
      status.settled = performance.now();
    });
    reportRange(range, !mine && keys.some((k) => k.startsWith('xaxis.range')));
  }

  /* The traces refilled for a new scale or place (level of detail, see traces), with the ticks. */
  function refine(range, width) {
    const { gd, d, s, R } = state;
    const filled = lib.traces.traces(d, s, R, range, width);
    Object.assign(state, { grid: filled.grid, kept: filled.kept });
    status.refines += 1;
    const ticks = Object.fromEntries(Object.entries(tickUpdate(range, width)).map(([k, v]) => [k.slice(6), v]));
    const figure = dress({ data: filled.data, layout: { ...gd.layout, xaxis: { ...gd.layout.xaxis, range: range.slice(), ...ticks } } },
      R, gd._fullLayout.height);
    return window.Plotly.react(gd, figure.data, figure.layout, d.payload.figure.config);
  }

  /* The figure as drawn for a graph height px tall: the look applied (presentation, themes), the
     tick labels' angle for their size (timeline-calendar.js, tickAngle), then the SVG path's
     traces (svgTraces).  state.lined keeps the bars as lines for keepBarWidths. */
  function dress(figure, R, height) {
    if (style && style.decorate) style.decorate(figure);
    const { xaxis, font } = figure.layout;
    xaxis.tickangle = lib.calendar.tickAngle((xaxis.tickfont && xaxis.tickfont.size) || (font && font.size));
    const { t, b } = figure.layout.margin;
    state.lined = figure.data.some((trace) => trace.type === 'scatter') ? figure.data : null;
    state.barUnit = R.unitPx(height - t - b);
    figure.data = svgTraces(figure.data, state.barUnit);
    return figure;
  }

  /* In the SVG path: each bar trace as one filled shape, in axis units for unitPx pixels a unit
     (timeline-traces.js, bands), and the event marks drawn by the page (timeline-marks.js). */
  function svgTraces(data, unitPx) {
    return lib.marks.take(lib.traces.bands(data, unitPx), window.Plotly.filledMarkerPath);
  }

  /* When the plot's height changes (the window resized, the table opened), the bars are made again
     for it, so each keeps its width in pixels; null when nothing changed. */
  function keepBarWidths(gd) {
    const unit = state.R.unitPx(gd._fullLayout._size.h);
    if (!state.lined || !(unit > 0) || Math.abs(unit - state.barUnit) <= 0.01 * state.barUnit) return null;
    state.barUnit = unit;
    return window.Plotly.react(gd, svgTraces(state.lined, unit), gd.layout, state.d.payload.figure.config);
  }

  /* Tell Dash what is on screen (shown-range) and, when the reader moved it,
     where to (graph-range, for the URL), once the gesture has rested: a wheel
     turn fires a relayout per notch, and callbacks hang off both stores. */
  let reportTimer = null;
  let readerMoved = false;
  let readerRange = null; // where the reader moved the view, until the view store has it
  function reportRange(range, byReader) {
    readerMoved = readerMoved || byReader;
    if (byReader) readerRange = range.slice();
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => sendReport(range), REPORT_AFTER_MS);
  }

  function sendReport(range) {
    reportTimer = null;
    state.reported = [Math.round(range[0]), Math.round(range[1])];
    clientside.set_props('shown-range', { data: state.reported });
    if (readerMoved) clientside.set_props('graph-range', { data: { range, at: Date.now() } });
    readerMoved = false;
  }

  /* For an address written in the browser (classroom-base.js, navigate): the range the reader
     moved to that the view store has not heard of yet, or null.  The address carries it, and
     no report of it follows: Dash drops a call's answer when a newer call of the same callback
     starts, so a zoom reported after the address (500 ms after a + key, say) would answer for
     the view before the address - a teacher's Esc would be lost, or the zoom undone. */
  lib.takeReaderRange = function () {
    const range = readerRange;
    readerRange = null;
    if (range && reportTimer !== null) {
      clearTimeout(reportTimer);
      readerMoved = false;
      sendReport(range);
    }
    return range;
  };

  /* The reader's range has reached the view (the server's answer to the report), or the app
     moved the view elsewhere since. */
  function noteView(view, moved) {
    if (!readerRange) return;
    const near = (a, b) => a !== null && a !== undefined && Math.abs(a - b) <= 1;
    if (moved || (near(view.x0, readerRange[0]) && near(view.x1, readerRange[1]))) readerRange = null;
  }

  /* While the view moves the labels hide, and the SVG path's marks lose their outline (timeline.css):
     a pan repaints every mark at every step, and their outline is much of that. */
  function layerMoving(moving) {
    for (const id of ['timeline-labels', 'timeline-plot']) {
      const layer = document.getElementById(id);
      if (layer) layer.classList.toggle('moving', moving);
    }
  }

  /* A click on the event at position i of the drawn data: the server hears its id. */
  function clickEvent(i) {
    const id = lib.current ? lib.current.d.ids[i] : undefined;
    if (id !== undefined) clientside.set_props('graph-click', { data: { id, at: Date.now() } });
  }

  function onClick(event) {
    const point = event && event.points && event.points[0];
    if (point && String(point.data.meta).startsWith('marks:') && Number.isInteger(point.customdata)) {
      clickEvent(point.customdata);
    } else if (point && point.data.meta === 'proposed' && Number.isInteger(point.customdata) && lib.proposed) {
      lib.proposed.select(point.customdata);  // a draft, not an event: its card (timeline-proposed.js)
    }
  }

  /* Where the mouse went down: a click that ends a drag (the browser sends one after a pan, on the
     body) is no click on the label the pan ends over. */
  const DRAG_PX = (lib.DRAG_PX = 5);  // timeline-interact.js's pan starts past it too
  let down = null;
  function onDown(event) {
    down = [event.clientX, event.clientY];
  }

  /* Labels sit above the plot with pointer-events off (wheel and drag reach
     plotly.js); a click is matched to a label by position instead.  It is
     heard on the document: plotly.js covers the page while the mouse is down,
     so the click lands on the body. */
  function onLayerClick(event) {
    const layer = document.getElementById('timeline-labels');
    if (!layer) return;
    if (down && Math.hypot(event.clientX - down[0], event.clientY - down[1]) > DRAG_PX) return;
    for (const label of layer.querySelectorAll('.tl-label')) {
      const box = label.getBoundingClientRect();
      if (event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom) {
        clickEvent(Number(label.dataset.index));
        return;
      }
    }
  }

  function attach(gd) {
    gd.on('plotly_relayout', onRelayout);
    gd.on('plotly_relayouting', (event) => {
      layerMoving(true);
      // plotly.js's own zoom says which range it previews; the page's pan says none (timeline-interact.js).
      if (event && Object.keys(event).length) lib.marks.preview(gd);
    });
    gd.on('plotly_click', onClick);
    gd.on('plotly_afterplot', () => {
      lib.marks.draw(gd);  // the page's marks (timeline-marks.js), in the task of plotly.js's draw
      status.paints += 1;
      status.lastPaint = performance.now();
      if (status.firstPaint === null) Object.assign(status, { firstPaint: status.lastPaint, firstShown: status.shown });
    });
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('click', onLayerClick);
    if (lib.attachGestures) lib.attachGestures(gd);
  }

  /* Move the view; user=true when it is the reader's gesture (keys, pinch), so Dash hears of it. */
  lib.setRange = function (a, b, user) {
    const gd = state.gd;
    if (!gd || !gd._fullLayout) return Promise.resolve();
    const range = [a, b];
    // Copies: plotly.js later edits the range arrays it was given, in place.
    state.expectRange = user ? null : range.slice();
    // The ticks drawn go with a range they serve (a pan of up to a screen, onRelayout finds them
    // holding): a range alone spares plotly.js a second drawing of the axis for new ticks.
    const width = gd._fullLayout._size.w;
    const ticks = ticksHold(range, width) ? {} : tickUpdate(range, width);
    return window.Plotly.relayout(gd, { 'xaxis.range': range.slice(), ...ticks });
  };

  /* ---- the event data: fetched once, outside Dash's state --------------------- */
  const loads = new Map();

  /* Which data the page drew, for the view and reader callbacks (callbacks.py): a preview's key, or
     null for the shipped data, and the drawn data's address or key.  Only a change asks the server:
     the layout names the version its article index was made from (source.built), so a new page
     drawing that version costs no request; a preview, or another version of the shipped data (a
     new article for the index, also on a page opened after it arrived), does. */
  ns.drawnData = function (ready, current, source) {
    const key = ready && typeof ready.key === 'string' ? ready.key : null;
    const data = key || (ready && typeof ready.url === 'string' ? ready.url : null);
    const built = source && typeof source.built === 'string' ? source.built : null;
    const was = current || {};
    const changed = was.key !== key || (data !== built && data !== was.data);
    return changed ? { key, data } : noUpdate();
  };

  /* The payload of a timeline-source, or null while it loads (timeline-ready is
     set when it has arrived, which runs the callbacks again). */
  lib.payload = function (source) {
    if (source && source.payload) return source.payload; // an editor's upload preview (live_view.py)
    if (!source || !source.url) return null;
    let entry = loads.get(source.url);
    if (!entry) {
      entry = { payload: null };
      loads.set(source.url, entry);
      let url = source.url;
      fetch(source.url, { credentials: 'same-origin' })
        .then((response) => {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          // The layout names the data as it is now; the answer comes from its version's URL,
          // which the page reports (the poll then knows what it drew, web/live_view.py).
          const at = new URL(response.url, window.location.href);
          url = at.pathname + at.search;
          loads.set(url, entry);
          return response.json();
        })
        .then((payload) => {
          entry.payload = payload;
          entry.ready = { url, count: payload.events.count };
          announce();
          drawEarly(source);
        })
        .catch((error) => {
          const box = document.getElementById('timeline-labels');
          if (box) box.textContent = 'The events could not be loaded (' + error.message + '). Reload the page to try again.';
        });
    }
    return entry.payload;
  };

  /* timeline-ready tells Dash a payload has arrived.  The page's own data is fetched before Dash
     has drawn the layout (below), when Dash would not hear of it: it is told on Dash's first call. */
  let dashUp = false;
  function announce() {
    if (!dashUp) return;
    for (const entry of loads.values()) {
      if (entry.ready && !entry.announced) {
        entry.announced = true;
        clientside.set_props('timeline-ready', { data: entry.ready });
      }
    }
  }

  /* f in a task of its own, ahead of the tasks Dash queues where the browser can tell them apart;
     a promise of f's result. */
  const soon = window.scheduler && window.scheduler.postTask
    ? (f) => window.scheduler.postTask(f, { priority: 'user-blocking' })
    : (f) => new Promise((resolve) => setTimeout(() => resolve(f()), 0));

  /* f now, or once the first draw (render) has drawn the marks. */
  const after = (f) => (state.firstDraw ? state.firstDraw.then(f) : f());

  /* A plain address (no query) stands for the default view, which an empty view object is (the
     server reads {} as the default too: url_state.from_store).  Its page is drawn as soon as the
     data and the plot's box are there, not after Dash's first callbacks; the view callback's
     answer for it then moves nothing.  An address with a query waits for the server's reading. */
  function drawEarly(source) {
    if (state.plotted || window.location.search.replace(/^\?/, '') !== '') return;
    const draw = () => {
      if (state.plotted || !document.getElementById('timeline-plot') || !lib.traces || !lib.labels || !lib.eras) {
        return state.plotted;
      }
      render(null, {}, null, source, true);
      return true;
    };
    if (draw()) return;
    // In a task of its own: the box appears within Dash's drawing of the whole layout, a long task
    // already.
    const watch = new MutationObserver(() => {
      if (document.getElementById('timeline-plot')) {
        watch.disconnect();
        soon(draw);
      }
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
  }

  /* The page preloads its data (timeline_app/web/preload.py): ask for it now, while the scripts run. */
  const preload = document.getElementById('timeline-events');
  if (preload) lib.payload({ url: preload.getAttribute('href') });

  /* Dash's clientside callback. */
  ns.render = function (ready, view, selected, source) {
    if (!dashUp) {
      dashUp = true;
      announce();
    }
    return render(ready, view, selected, source);
  };

  /* Draws the timeline for these inputs; returns the range shown for Dash (shown-range), or
     no_update.  ``early``: the page's own first draw, before Dash's (drawEarly), which hands
     nothing on: Dash's first call then passes the range on. */
  function render(ready, view, selected, source, early = false) {
    status.selectedId = selected && typeof selected.id === 'string' ? selected.id : null;
    const payload = lib.payload(source);
    if (!payload || !view || !window.Plotly) return noUpdate();
    const gd = document.getElementById('timeline-plot');
    if (!gd) return noUpdate();
    const d = lib.data.decode(payload);
    const s = lib.data.shown(d, view);
    style = lib.figureStyle ? lib.figureStyle(payload, view) : null;
    const look = style ? style.key : '';
    state.last = [ready, view, selected, source];
    const base = payload.figure.layout;
    const geo = geometry(base);
    const plotWidth = Math.max(geo.width - geo.margin.l - geo.margin.r, 50);
    const at = selected && typeof selected.id === 'string' ? d.position.get(selected.id) : undefined;
    state.selected = at === undefined ? null : at;
    status.renders += 1;
    status.lastRender = performance.now();
    status.shown = s.idx.length;

    const moved = view.rev !== state.appliedRev;
    const current = state.plotted && gd._fullLayout ? rangeOf(gd) : null;
    const proposed = lib.proposed ? lib.proposed.layer(payload, view) : null;  // timeline-proposed.js
    // With no event shown, fit the drafts drawn (an article no event cites yet, opened).
    const fitted = s.idx.length || !proposed ? s : proposed.shown;
    const range = moved || !current
      ? (view.x0 !== null && view.x0 !== undefined && view.x1 !== null ? [view.x0, view.x1] : fit(fitted, base.xaxis.range))
      : current;
    state.appliedRev = view.rev;
    noteView(view, moved);
    const eras = lib.eras.layout(payload, view, range, plotWidth);  // the named periods' bands (timeline-eras.js)

    let drawn;
    if (!state.plotted || d !== state.d || s.key !== state.filterKey || geo.narrow !== state.narrow || look !== state.look || eras.key !== state.eras ||
        proposed !== state.proposed) {
      const R = lib.traces.rows(d, s, proposed);
      const layout = {
        ...base, margin: geo.margin,
        xaxis: { ...base.xaxis, range: range.slice(), ...Object.fromEntries(Object.entries(tickUpdate(range, plotWidth)).map(([k, v]) => [k.slice(6), v])) },
        yaxis: { ...base.yaxis, range: R.yRange.slice(), tickvals: R.vals, ticktext: R.text, showticklabels: !geo.narrow },
        shapes: eras.shapes,
        annotations: eras.annotations.concat(s.idx.length || proposed ? [] : [{ xref: 'paper', yref: 'paper', x: 0.5, y: 0.5,
          showarrow: false, text: 'No events match the filters', font: { size: 14, color: '#666' } }]),
      };
      Object.assign(state, { d, s, R, gd, filterKey: s.key, narrow: geo.narrow, expectRange: range.slice(), look,
        eras: eras.key, proposed });
      const filled = lib.traces.traces(d, s, R, range, plotWidth);
      Object.assign(state, { grid: filled.grid, kept: filled.kept });
      const figure = dress({ data: filled.data, layout }, R, geo.height);
      if (!state.plotted) {
        state.plotted = true;
        // The first draw takes three tasks: this one (the page's layout read, the figure made),
        // plotly.js drawing the marks, then the labels.  The page shows the timeline as soon as
        // one task would, and no task is as long as two.  Draws asked for meanwhile wait (after).
        const plotted = soon(() => {
          const done = window.Plotly.newPlot(gd, figure.data, figure.layout, payload.figure.config);
          attach(gd);
          return done;
        });
        state.firstDraw = plotted.then(() => { state.firstDraw = null; });
        drawn = plotted.then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      } else {
        drawn = after(() => window.Plotly.react(gd, figure.data, figure.layout, payload.figure.config));
      }
    } else if (moved && !sameRange(range, current)) {
      drawn = after(() => lib.setRange(range[0], range[1], false));
    } else {
      drawn = Promise.resolve();
    }
    drawn.then(() => {
      drawOverlay();
      status.settled = performance.now();
    });
    // shown-range feeds other callbacks: pass it on only when it changed.
    const shownRange = [Math.round(range[0]), Math.round(range[1])];
    if (early) return noUpdate();
    if (state.reported && shownRange[0] === state.reported[0] && shownRange[1] === state.reported[1]) return noUpdate();
    state.reported = shownRange;
    return shownRange;
  }

  /* Draw again with the last inputs, e.g. after a theme change (assets/classroom-themes.js). */
  lib.redraw = () => state.last && render(...state.last);
})();
