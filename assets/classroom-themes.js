/*
 * Themes and the timeline's look (timeline_app/web/classroom/presentation.py).
 *
 * Themes: <html data-theme="light|dark">, from the reader's choice
 * (localStorage) or else the system's prefers-color-scheme.  The timeline
 * takes its look from lib.figureStyle (read by timeline-render.js): large
 * labels scaled to the screen in presentation mode, and colours that keep
 * 3:1 contrast with the background in the dark and high-contrast looks.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const { status, announce, isPresenting, setPresenting, presentationPx } = lib.classroom;
  const root = document.documentElement;

  const THEME_KEY = 'timeline-theme';

  const darkScheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function storedTheme() {
    try {
      const value = window.localStorage.getItem(THEME_KEY);
      return value === 'dark' || value === 'light' ? value : null;
    } catch (err) {
      return null;
    }
  }

  function setTheme(theme) {
    const changed = root.dataset.theme !== theme;
    root.dataset.theme = theme;
    status.theme = theme;
    const button = document.getElementById('theme-toggle');
    if (button) button.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
    if (changed && lib.redraw) lib.redraw();
  }

  const applyTheme = () => setTheme(storedTheme() || (darkScheme && darkScheme.matches ? 'dark' : 'light'));

  applyTheme();
  if (darkScheme) darkScheme.addEventListener('change', applyTheme);
  lib.applyTheme = applyTheme;

  document.addEventListener('click', (event) => {
    const themeButton = event.target.closest && event.target.closest('#theme-toggle');
    if (themeButton) {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(THEME_KEY, next);
      } catch (err) { /* storage off: the choice lasts for this page */ }
      setTheme(next);
      announce(next === 'dark' ? 'Dark theme.' : 'Light theme.');
    }
  });

  /* React draws the toolbar after this script ran: set the switch's state once it exists. */
  const waitForToolbar = new MutationObserver(() => {
    if (document.getElementById('theme-toggle')) {
      waitForToolbar.disconnect();
      const theme = root.dataset.theme;
      document.getElementById('theme-toggle').setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
    }
  });
  waitForToolbar.observe(document.documentElement, { childList: true, subtree: true });

  /* ---- the timeline's look -------------------------------------------------------- */

  /* Relative luminance and contrast ratio (WCAG 2). */
  function luminance(hex) {
    const v = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  function mix(hex, towards, share) {
    const a = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
    const b = [1, 3, 5].map((k) => parseInt(towards.slice(k, k + 2), 16));
    return '#' + a.map((c, k) => Math.round(c + (b[k] - c) * share).toString(16).padStart(2, '0')).join('');
  }
  const legibleCache = new Map();
  /* The colour itself, or lightened/darkened just enough for 3:1 against the background. */
  function legible(colour, background) {
    if (typeof colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(colour)) return colour;
    const key = colour + background;
    if (legibleCache.has(key)) return legibleCache.get(key);
    const towards = luminance(background) < 0.5 ? '#ffffff' : '#000000';
    let out = colour;
    for (let share = 0.1; contrast(out, background) < 3 && share <= 1; share += 0.1) out = mix(colour, towards, share);
    legibleCache.set(key, out);
    return out;
  }

  const LOOKS = {
    dark: { bg: '#121212', ink: '#e8eaed', muted: '#bdc1c6', grid: '#2e3134', axis: '#9aa0a6',
      labelBg: 'rgba(18, 18, 18, 0.85)', outline: '#e8eaed', faded: 'rgba(200, 200, 200, 0.28)',
      span: 'rgba(220, 220, 220, 0.6)' },
    contrast: { bg: '#ffffff', ink: '#000000', muted: '#000000', grid: '#c8c8c8', axis: '#000000',
      labelBg: 'rgba(255, 255, 255, 0.92)', outline: '#000000', faded: 'rgba(0, 0, 0, 0.22)',
      span: 'rgba(0, 0, 0, 0.62)' },
    darkContrast: { bg: '#000000', ink: '#ffffff', muted: '#ffffff', grid: '#3c3c3c', axis: '#ffffff',
      labelBg: 'rgba(0, 0, 0, 0.9)', outline: '#ffffff', faded: 'rgba(255, 255, 255, 0.3)',
      span: 'rgba(255, 255, 255, 0.65)' },
  };

  /*
   * What timeline-render.js asks before each draw: null for the normal look, else
   *   labelPx    event labels' font size;
   *   rowMargin  room for the row names at that size;
   *   look       colours (also given to CSS through <html data-theme>);
   *   decorate   (figure) -> the figure with the look applied (fonts, colours, sizes).
   */
  lib.figureStyle = function (payload, view) {
    const present = view ? !!view.present : isPresenting();
    // The page's layout first, so the timeline is measured at its new size.
    setPresenting(present);
    const dark = root.dataset.theme === 'dark';
    if (!present && !dark) {
      status.labelPx = null;
      root.style.removeProperty('--cr-label-px');
      return null;
    }
    const look = present ? (dark ? LOOKS.darkContrast : LOOKS.contrast) : LOOKS.dark;
    const labelPx = present ? presentationPx() : null;
    const rowPx = present ? Math.round(labelPx * 0.8) : null;
    let rowMargin = null;
    if (present && payload) {
      const family = (payload.figure && payload.figure.layout.font.family) || 'sans-serif';
      const names = ['Lives'].concat((payload.categories || []).map((c) => c.label));
      rowMargin = Math.ceil(Math.max(...names.map((n) => lib.labels.textWidth(n, rowPx, family)))) + 16;
    }
    status.labelPx = labelPx;
    if (labelPx) root.style.setProperty('--cr-label-px', labelPx + 'px');
    else root.style.removeProperty('--cr-label-px');
    return {
      key: [present ? 'present' : '', dark ? 'dark' : '', labelPx || ''].join(' '),
      labelPx, rowMargin, look, dark, present,
      decorate: (figure) => decorate(figure, look, present ? labelPx / 13 : 1, rowPx),
    };
  };

  const decoratedTraces = new WeakMap();

  function decorateTrace(trace, look, scale) {
    const key = look.bg + scale;
    const cached = decoratedTraces.get(trace);
    if (cached && cached.key === key) return cached.trace;
    const out = { ...trace };
    const role = trace.meta || '';
    const fix = (c) => (Array.isArray(c) ? c.map((x) => legible(x, look.bg)) : legible(c, look.bg));
    const grow = (v) => (Array.isArray(v) ? v.map((x) => Math.round(x * scale))
      : typeof v === 'number' ? Math.round(v * scale) : v);
    if (trace.marker) {
      out.marker = { ...trace.marker, color: fix(trace.marker.color), size: grow(trace.marker.size) };
      // Event marks (they carry event positions): an outline in the look's ink, for contrast.
      if (trace.customdata) out.marker.line = { ...(trace.marker.line || {}), color: look.outline, width: 1 };
    }
    if (trace.line) {
      const colour = { extents: look.faded, spans: look.span }[role] || fix(trace.line.color);
      out.line = { ...trace.line, color: colour };
      if (typeof trace.line.width === 'number') out.line.width = Math.round(trace.line.width * Math.sqrt(scale) * 10) / 10;
    }
    decoratedTraces.set(trace, { key, trace: out });
    return out;
  }

  function decorate(figure, look, scale, rowPx) {
    const layout = figure.layout;
    const font = layout.font || {};
    layout.paper_bgcolor = look.bg;
    layout.plot_bgcolor = look.bg;
    layout.font = { ...font, color: look.ink };
    const tickPx = rowPx ? Math.round(rowPx * 1.05) : null;
    for (const name of ['xaxis', 'yaxis']) {
      const axis = layout[name];
      if (!axis) continue;
      const tickfont = { ...(axis.tickfont || {}), color: name === 'yaxis' ? look.muted : look.ink };
      if (tickPx) tickfont.size = name === 'yaxis' ? rowPx : tickPx;
      layout[name] = { ...axis, gridcolor: look.grid, linecolor: look.axis, tickcolor: look.axis, tickfont };
    }
    if (tickPx && layout.margin) layout.margin = { ...layout.margin, b: Math.max(layout.margin.b || 0, tickPx + 18) };
    if (layout.hoverlabel) {
      layout.hoverlabel = { ...layout.hoverlabel, bgcolor: look.bg, bordercolor: look.axis,
        font: { ...(layout.hoverlabel.font || {}), color: look.ink } };
    }
    if (Array.isArray(layout.annotations)) {
      layout.annotations = layout.annotations.map((a) => (a.bordercolor && a.bordercolor !== 'rgba(0, 0, 0, 0)' ? a
        : { ...a, bgcolor: a.bgcolor ? look.labelBg : a.bgcolor, font: { ...(a.font || {}), color: look.ink } }));
    }
    if (Array.isArray(figure.data)) figure.data = figure.data.map((t) => decorateTrace(t, look, scale));
    return figure;
  }
})();
