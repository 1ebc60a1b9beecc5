/*
 * Images of the current view (timeline_app/web/classroom/export_view.py): PNG and SVG
 * downloads and the printed handout's picture.
 *
 * The picture is the graph on screen (its traces and axes, same plot size,
 * so nothing moves; the marks as vector SVG, not WebGL) with the event labels and the selection - an HTML layer
 * on screen (timeline-render.js) - turned into plotly.js annotations and
 * shapes, a title and the date range above, the sources below, on white.
 * The texts come from the server (the export-meta store, filled when a button
 * asks through export-request) and reach plotly.js escaped, like every title
 * on the timeline.
 *
 * window.classroomStatus lists what was exported and the texts of the last
 * export, for the tests (the test hook, see classroom-base.js).
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.classroom = clientside.classroom || {});
  const status = (window.classroomStatus = { exports: [], meta: null });

  const TITLE_PX = 22;
  const SUBTITLE_PX = 14;
  const CAPTION_PX = 12;
  const HEAD_ROOM = 76;
  const CAPTION_LINE = 17;
  const PAPER = { bg: '#ffffff', ink: '#111111', muted: '#444444', grid: '#e6e6e6', axis: '#888888' };

  const graphDiv = () => document.querySelector('#timeline .js-plotly-plot');
  const SELECTION = 'selection'; // the name of the selection's shapes, placed in the screen's rows
  const LEADER = 'rgb(110, 110, 110)';

  /* Break text into lines of at most `chars` characters, at spaces. */
  function wrap(text, chars) {
    const lines = [];
    let line = '';
    for (const word of String(text).split(/\s+/)) {
      if (line && (line + ' ' + word).length > chars) {
        lines.push(line);
        line = word;
      } else line = line ? line + ' ' + word : word;
    }
    if (line) lines.push(line);
    return lines;
  }

  /* The HTML layer (labels, their leaders, selection) as annotations and shapes in paper coordinates. */
  function overlay(size) {
    const layer = document.getElementById('timeline-labels');
    const annotations = [];
    const shapes = [];
    if (!layer) return { annotations, shapes };
    const origin = layer.getBoundingClientRect();
    const toX = (px) => px / size.w;
    const toY = (px) => 1 - px / size.h;
    for (const el of layer.children) {
      const box = el.getBoundingClientRect();
      const left = box.left - origin.left;
      const top = box.top - origin.top;
      if (el.classList.contains('tl-label')) {
        const style = window.getComputedStyle(el);
        const selected = el.classList.contains('selected');
        annotations.push({
          xref: 'paper', yref: 'paper', x: toX(left), y: toY(top + box.height / 2), xanchor: 'left', yanchor: 'middle',
          showarrow: false, text: selected ? '<b>' + lib.escapeText(el.textContent) + '</b>' : lib.escapeText(el.textContent),
          font: { size: parseFloat(style.fontSize) || 11, color: PAPER.ink },
          bgcolor: selected ? 'rgba(255, 236, 179, 0.95)' : 'rgba(255, 255, 255, 0.8)',
          bordercolor: selected ? '#c79100' : 'rgba(0, 0, 0, 0)', borderwidth: selected ? 1 : 0, borderpad: 1,
        });
      } else if (el.classList.contains('tl-selection')) {
        shapes.push({ name: SELECTION, type: 'rect', xref: 'paper', yref: 'paper', layer: 'below',
          x0: toX(left), x1: toX(left + box.width), y0: toY(top + box.height), y1: toY(top),
          fillcolor: 'rgba(255, 193, 7, 0.3)', line: { color: '#c79100', width: 1 } });
      } else if (el.classList.contains('tl-leader')) {
        // The line from a label moved off its mark's line to the mark (timeline-labels.js).
        const [x0, y0, x1, y1] = lib.labels.leaderEnds(el.style);
        shapes.push({ type: 'line', xref: 'paper', yref: 'paper', x0: toX(x0), y0: toY(y0), x1: toX(x1), y1: toY(y1),
          line: { color: LEADER, width: 1 } });
      } else if (el.classList.contains('tl-selection-line')) {
        shapes.push({ name: SELECTION, type: 'line', xref: 'paper', yref: 'paper', layer: 'below', x0: toX(left), x1: toX(left),
          y0: 0, y1: 1, line: { color: 'rgba(199, 145, 0, 0.55)', width: 1, dash: 'dot' } });
      }
    }
    return { annotations, shapes };
  }

  /* The figure to export: {data, layout, width, height}, or null when there is no graph yet.
     `bare`: no title and caption (the printed handout has them as text). */
  function exportFigure(meta, bare) {
    const gd = graphDiv();
    if (!gd || !gd._fullLayout || !gd.data) return null;
    const fl = gd._fullLayout;
    const size = fl._size;
    const width = Math.max(Math.round(fl.width), 900);
    // About 6.5 px a character at CAPTION_PX, across the plot's width.
    const captionLines = meta && meta.caption && !bare ? wrap(meta.caption, Math.floor((width - size.l - 8) / 6.8)) : [];
    const footRoom = captionLines.length * CAPTION_LINE + 14;
    const layout = JSON.parse(JSON.stringify(gd.layout));
    const { annotations, shapes } = overlay(size);
    const margin = { ...layout.margin, t: size.t + (bare ? 0 : HEAD_ROOM), b: (fl.height - size.t - size.h) + footRoom };
    Object.assign(layout, {
      width, height: Math.round(size.h + margin.t + margin.b), margin, autosize: false,
      paper_bgcolor: PAPER.bg, plot_bgcolor: PAPER.bg,
      font: { ...(layout.font || {}), color: PAPER.ink },
      title: bare ? { text: '' } : {
        text: lib.escapeText((meta && meta.title) || document.title), x: 0, xref: 'paper', xanchor: 'left',
        y: 1, yref: 'container', yanchor: 'top', pad: { t: 14 },
        font: { size: TITLE_PX, color: PAPER.ink },
        subtitle: { text: lib.escapeText((meta && meta.subtitle) || ''), font: { size: SUBTITLE_PX, color: PAPER.muted } },
      },
      annotations: [
        ...(layout.annotations || []).filter((a) => a.xref === 'paper' && a.yref === 'paper'),
        ...annotations,
        ...(captionLines.length ? [{
          xref: 'paper', yref: 'paper', x: 0, y: 0, xanchor: 'left', yanchor: 'top', align: 'left',
          yshift: -(fl.height - size.t - size.h) + 2, showarrow: false,
          text: captionLines.map(lib.escapeText).join('<br>'), font: { size: CAPTION_PX, color: PAPER.muted },
        }] : []),
      ],
      shapes: [...(layout.shapes || []), ...shapes],
    });
    for (const name of ['xaxis', 'yaxis']) {
      if (!layout[name]) continue;
      layout[name] = { ...layout[name], gridcolor: PAPER.grid, linecolor: PAPER.axis, tickcolor: PAPER.axis,
        tickfont: { ...(layout[name].tickfont || {}), color: name === 'yaxis' ? PAPER.muted : PAPER.ink } };
    }
    return { data: gd.data.map(vector), layout, width: layout.width, height: layout.height };
  }

  /* On screen the marks are WebGL (scattergl), which an SVG can only hold as a PNG picture;
     exported and printed they are plain SVG scatter traces: vector, sharp at any size.  The SVG
     path's marks, which the page draws on screen (timeline-marks.js), are plotly.js's again. */
  function vector(trace) {
    return trace.type === 'scattergl' ? { ...trace, type: 'scatter' } : lib.marks.plotlyOf(trace);
  }

  function downloadImage(format, meta) {
    const figure = exportFigure(meta);
    if (!figure || !window.Plotly) return;
    const filename = meta.filename || 'timeline';
    const record = { format, filename: filename + '.' + format, width: figure.width, height: figure.height,
      title: meta.title, subtitle: meta.subtitle, caption: meta.caption,
      labels: figure.layout.annotations.length, done: false };
    status.exports.push(record);
    window.Plotly.downloadImage({ data: figure.data, layout: figure.layout },
      { format, width: figure.width, height: figure.height, filename, scale: format === 'png' ? 2 : 1 })
      .then(() => { record.done = true; }, (err) => { record.error = String(err); });
  }

  /* ---- requests: the server prepares the texts (and the handout's list) on demand ---- */

  const KINDS = { 'export-png': 'png', 'export-svg': 'svg', 'print-handout': 'print' };
  const root = document.documentElement;
  let asked = null; // the last request: {at, key}
  let preparedKey = null; // the view the handout's list was made for
  let viewKey = null; // the view on screen

  /* The handout's list is printed only when it was made for the view on screen (print.css). */
  const markCurrent = () => root.classList.toggle('handout-current', preparedKey !== null && preparedKey === viewKey);

  ns.requestExport = function (_png, _svg, _print, view, shown) {
    const kind = KINDS[window.dash_clientside.callback_context.triggered_id];
    if (!kind) return window.dash_clientside.no_update;
    const query = lib.viewQuery(view || {}, shown);
    asked = { at: Date.now(), key: JSON.stringify(query) };
    return { kind, query, at: asked.at };
  };

  ns.runExport = function (meta) {
    if (!meta || !asked || meta.at !== asked.at) return; // an answer to an older request
    status.meta = meta;
    preparedKey = asked.key;
    markCurrent();
    if (meta.kind === 'print') lib.preparePrint(meta).then(() => window.print());
    else downloadImage(meta.kind, meta);
  };

  ns.noteView = function (view, shown) {
    viewKey = JSON.stringify(lib.viewQuery(view || {}, shown));
    markCurrent();
  };

  /* The handout's picture on paper (print.css): the page's width less its margins, at most
     PAPER_MAX_MM high; text is sized so it prints at MIN_PT or more. */
  const PAPER_MM = [273, 128];
  const MIN_PT = 8;
  const MM_PER_PT = 25.4 / 72;
  const MARK_ROOM_PX = 10;

  /* The handout's picture: the listed events' marks numbered as in the list (meta.ids, in the
     list's order) instead of titled, every text at MIN_PT or more on paper, and room at both
     ends so a mark at the edge of the view is drawn whole. */
  function handoutFigure(meta) {
    const figure = exportFigure(meta, true);
    const gd = graphDiv();
    const cur = lib.current;
    if (!figure || !cur || !cur.d) return figure;
    const mmPerPx = Math.min(PAPER_MM[0] / figure.width, PAPER_MM[1] / figure.height);
    const px = Math.ceil(MIN_PT * MM_PER_PT / mmPerPx);
    const numbers = [];
    const layout = figure.layout;
    const range = gd._fullLayout.xaxis.range;
    // On paper the rows are the listed events' rows: the screen keeps a lane or category with
    // nothing in view (the lives, in a view before them) so rows do not jump while panning,
    // a printed picture has no such reason to show an empty row.
    const listed = ((meta && meta.ids) || []).map((id) => cur.d.position.get(id))
      .filter((i) => i !== undefined).sort((a, b) => a - b);
    if (listed.length) {
      const s = { key: 'handout ' + listed.join(' '), idx: listed };
      const R = lib.traces.rows(cur.d, s);
      figure.data = lib.traces.traces(cur.d, s, R, range, gd._fullLayout._size.w).data.map(vector);
      layout.yaxis = { ...layout.yaxis, range: R.yRange.slice(), tickvals: R.vals, ticktext: R.text };
      layout.shapes = (layout.shapes || []).filter((shape) => shape.name !== SELECTION);
    }
    const at = new Map();  // event index -> [x, y] of its first mark
    for (const trace of figure.data) {
      if (!trace.customdata || !trace.marker || trace.meta === 'proposed') continue;  // not events
      Array.from(trace.customdata).forEach((i, k) => {
        if (i !== null && i !== undefined && !at.has(i)) at.set(i, [trace.x[k], trace.y[k]]);
      });
    }
    const pad = MARK_ROOM_PX * (range[1] - range[0]) / Math.max(gd._fullLayout._size.w, 1);
    layout.annotations = layout.annotations.filter((a) => a.bordercolor === undefined && !a.bgcolor);
    ((meta && meta.ids) || []).forEach((id, n) => {
      const point = at.get(cur.d.position.get(id));
      if (!point) return;
      numbers.push(n + 1);
      // A life or span begun before the view is numbered where it enters it.
      const x = Math.min(Math.max(point[0], range[0]), range[1]);
      layout.annotations.push({ xref: 'x', yref: 'y', x, y: point[1], xanchor: x < range[1] ? 'left' : 'right',
        xshift: x < range[1] ? 7 : -7,
        showarrow: false, text: String(n + 1), font: { size: px, color: PAPER.ink },
        bgcolor: 'rgba(255, 255, 255, 0.85)', borderpad: 1 });
    });
    for (const name of ['xaxis', 'yaxis']) {
      const axis = layout[name];
      if (axis) axis.tickfont = { ...(axis.tickfont || {}), size: Math.max((axis.tickfont || {}).size || 0, px) };
    }
    layout.xaxis = { ...layout.xaxis, range: [range[0] - pad, range[1] + pad], autorange: false,
      tickangle: lib.calendar.tickAngle(layout.xaxis.tickfont.size) };
    status.handout = { numbers, fontPx: px, mmPerPx, width: figure.width, height: figure.height,
      rows: (layout.yaxis && layout.yaxis.ticktext) || [], range: layout.xaxis.range, pxPerDay: gd._fullLayout._size.w / (range[1] - range[0]) };
    return figure;
  }

  /* Draw the handout's picture (an SVG, so it prints as vector); resolves once it is in the page,
     and the events' images in the list (export_view.py handout_items) have loaded, so they print. */
  lib.preparePrint = function (meta) {
    const img = document.getElementById('handout-figure');
    const figure = handoutFigure(meta);
    if (!img || !figure || !window.Plotly) return Promise.resolve(false);
    const images = Array.from(document.querySelectorAll('#handout-list img'), (im) => im.decode().catch(() => null));
    return Promise.all(images).then(() => window.Plotly.toImage({ data: figure.data, layout: figure.layout },
      { format: 'svg', width: figure.width, height: figure.height }))
      .then((url) => new Promise((resolve) => {
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.alt = 'The timeline: ' + ((meta && meta.subtitle) || '');
        img.src = url;
      }))
      .then((ok) => {
        root.classList.toggle('handout-ready', ok);
        return ok;
      });
  };

  /* Printed from the browser's menu, the live graph is printed: sized to fit the page. */
  window.addEventListener('beforeprint', () => {
    const gd = graphDiv();
    if (!gd || !gd._fullLayout) return;
    const svg = gd.querySelector('.main-svg');
    const width = Number(svg && svg.getAttribute('width')) || gd._fullLayout.width;
    const height = Number(svg && svg.getAttribute('height')) || gd._fullLayout.height;
    const style = document.documentElement.style;
    style.setProperty('--cr-print-width', width + 'px');
    style.setProperty('--cr-print-height', height + 'px');
    style.setProperty('--cr-print-zoom', String(Math.min(1, 1000 / width, 470 / height)));
  });

  /* After printing, the picture is stale: the next print from the menu shows the live graph. */
  window.addEventListener('afterprint', () => root.classList.remove('handout-ready'));
})();
