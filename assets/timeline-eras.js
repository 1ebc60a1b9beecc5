/*
 * Eras: the dataset's named periods (events/periods.csv; timeline_app/data/catalog.py eras_of,
 * sent as payload.eras = [[name, first day, day after the last], ...]) drawn as labelled
 * background bands behind the rows, as TimelineJS draws its eras.  Off by default; the "Eras"
 * button (timeline_app/web/layout.py) turns them on through the address (eras=1), so a shared
 * link keeps them.  timeline-render.js asks lib.eras.layout for the bands on every full draw;
 * plotly.js keeps them in place on pans and zooms (they are in data coordinates), and the labels
 * are placed again for each new scale, in lanes, none overlapping another.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});

  const MAX_LANES = 3;
  const LANE_PX = 16;
  const CHAR_PX = 6.5;  // an 11 px label's average character
  const TINTS = ['rgba(86, 180, 233, 0.13)', 'rgba(230, 159, 0, 0.13)', 'rgba(0, 158, 115, 0.13)'];

  /* Lanes for the eras' labels at this scale (daysPerPx): each takes the first lane where its
     band and its label fit after the ones before; one that fits in none gets no label (its band
     is still drawn), so labels never overlap at the scale they were placed for. */
  function lanes(eras, daysPerPx) {
    const ends = [];
    return eras.map(([name, start, end]) => {
      const reach = Math.max(end, start + (name.length * CHAR_PX + 8) * daysPerPx);
      let lane = ends.findIndex((e) => e <= start);
      if (lane < 0 && ends.length < MAX_LANES) lane = ends.length;
      if (lane >= 0) ends[lane] = reach;
      return lane;
    });
  }

  function labels(eras, lane, font) {
    return eras.flatMap(([name, start], i) => (lane[i] < 0 ? [] : [{
      xref: 'x', yref: 'paper', x: start, y: 1, xanchor: 'left', yanchor: 'top', yshift: -lane[i] * LANE_PX,
      text: lib.escapeText(name), showarrow: false, font, captureevents: false, name: 'era',
    }]));
  }

  let drawn = [];  // the eras on the graph now, for relabel

  /* {key, shapes, annotations} for the view at this range and width: nothing unless it asks for eras. */
  function layout(payload, view, range, plotWidth) {
    const on = !!(view && view.eras);
    const button = document.getElementById('eras-toggle');
    if (button) button.setAttribute('aria-pressed', on ? 'true' : 'false');
    const eras = on && payload && Array.isArray(payload.eras) ? payload.eras : [];
    drawn = eras;
    const lane = lanes(eras, (range[1] - range[0]) / Math.max(plotWidth, 1));
    window.requestAnimationFrame(watchZoom);
    return {
      key: on ? 'eras' : '',
      shapes: eras.map(([, start, end], i) => ({
        type: 'rect', xref: 'x', yref: 'paper', x0: start, x1: end, y0: 0, y1: 1, layer: 'below',
        fillcolor: TINTS[i % TINTS.length], line: { width: 0 },
      })),
      annotations: labels(eras, lane, { size: 11, color: '#444' }),
    };
  }

  /* After a zoom or pan the labels are placed again for the new scale (more fit when zoomed in);
     the bands move with the axis by themselves.  Other annotations are kept as they are. */
  let watched = null;
  let pending = false;
  function watchZoom() {
    const gd = document.getElementById('timeline-plot');
    if (!gd || typeof gd.on !== 'function' || watched === gd) return;
    watched = gd;
    gd.on('plotly_relayout', (event) => {
      if (!drawn.length || pending || !Object.keys(event || {}).some((k) => k.startsWith('xaxis.range'))) return;
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        const full = gd._fullLayout;
        if (!full || !drawn.length) return;
        const range = full.xaxis.range;
        const others = (gd.layout.annotations || []).filter((a) => a.name !== 'era');
        const font = ((gd.layout.annotations || []).find((a) => a.name === 'era') || {}).font || { size: 11, color: '#444' };
        const lane = lanes(drawn, (range[1] - range[0]) / Math.max(full._size.w, 1));
        window.Plotly.relayout(gd, { annotations: others.concat(labels(drawn, lane, font)) });
      });
    });
  }

  /* The button flips eras=1 in the address; the view callback reads it like any link. */
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('#eras-toggle');
    if (!button || !lib.classroom) return;
    lib.classroom.navigate({ eras: button.getAttribute('aria-pressed') === 'true' ? null : '1' });
  });

  lib.eras = { layout };
})();
