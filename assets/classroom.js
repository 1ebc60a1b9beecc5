/*
 * Classroom and accessibility: presentation mode, lessons, themes, the table's
 * keys, sharing (timeline_app/web/classroom/presentation.py, share.py, table_view.py).
 *
 * Presentation mode and the lesson live in the URL (present=1, lesson=a,b);
 * the buttons here change the address through dcc.Location (set_props on
 * url.search), so the server callback that owns the view reads them like
 * any link and Back undoes them.  Stepping and zooming reuse
 * timeline-interact.js (lib.selectEvent, lib.stepEvent, lib.zoomBy).
 *
 * Themes: <html data-theme="light|dark">, from the reader's choice
 * (localStorage) or else the system's prefers-color-scheme.  The timeline
 * takes its look from lib.figureStyle (read by timeline-render.js): large
 * labels scaled to the screen in presentation mode, and colours that keep
 * 3:1 contrast with the background in the dark and high-contrast looks.
 *
 * window.classroomStatus is for the tests: the lesson, the theme, the last
 * label size used.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.classroom = clientside.classroom || {});
  const root = document.documentElement;

  const THEME_KEY = 'timeline-theme';
  const status = Object.assign((window.classroomStatus = window.classroomStatus || {}),
    { present: false, lesson: [], theme: null, labelPx: null });
  const noUpdate = () => window.dash_clientside.no_update;
  const triggered = () => {
    const ctx = window.dash_clientside.callback_context;
    return ctx && ctx.triggered_id !== undefined ? ctx.triggered_id : null;
  };
  const announce = (text) => clientside.set_props('classroom-announce', { children: text });

  /* ---- the URL ------------------------------------------------------------------ */

  /* The current address with some parameters set (a string) or removed (null). */
  function searchWith(changes) {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') params.delete(key);
      else params.set(key, value);
    }
    const text = params.toString();
    return text ? '?' + text : '';
  }

  function navigate(changes) {
    clientside.set_props('url', { search: searchWith(changes) });
  }

  /* ---- presentation mode ---------------------------------------------------------- */

  const isPresenting = () => root.classList.contains('presenting');

  ns.applyView = function (view, lessonInfo) {
    const present = !!(view && view.present);
    const was = status.present;
    root.classList.toggle('presenting', present);
    status.present = present;
    status.lesson = lessonInfo && Array.isArray(lessonInfo.indices) ? lessonInfo.indices : [];
    if (present !== was) {
      if (present) {
        const pane = document.getElementById('timeline-pane');
        if (pane && !pane.contains(document.activeElement)) pane.focus({ preventScroll: true });
        announce('Presentation mode. Arrow keys step through the events, Escape leaves.');
      } else {
        announce('Presentation mode left.');
      }
      // The graph's box changed size with the layout: let plotly.js follow.
      window.requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    }
  };

  ns.togglePresent = function () {
    navigate({ present: isPresenting() ? null : '1' });
  };

  /* ---- lessons -------------------------------------------------------------------- */

  /* What the server's lesson callback needs (timeline_app/web/classroom/presentation.py), passed on only when
     it changes: the presentation flag, the lesson, and the selected event while a lesson exists
     or the panel is open (for "Add" and "event 2 of 5").  The first value is what the layout
     already shows, so a plain first visit sends nothing. */
  let lastLessonKey = JSON.stringify({ present: false, lesson: [], event: null });
  ns.lessonQuery = function (view, selected, panelHidden) {
    if (!view) return noUpdate();
    const lesson = Array.isArray(view.lesson) ? view.lesson : [];
    const wanted = lesson.length > 0 || panelHidden === false;
    const query = { present: view.present === true, lesson, event: wanted && selected && selected.id ? selected.id : null };
    const key = JSON.stringify(query);
    if (key === lastLessonKey) return noUpdate();
    lastLessonKey = key;
    return query;
  };

  /* The lesson as the address has it now (the lesson-info store follows it a request later). */
  const currentLesson = () => (new URLSearchParams(window.location.search).get('lesson') || '')
    .split(',').filter(Boolean);

  ns.editLesson = function (_add, _clear, _present, removes, selected, info) {
    const trigger = triggered();
    let ids = currentLesson();
    const changes = {};
    if (trigger === 'lesson-add') {
      if (!selected || !selected.id || ids.includes(selected.id)) return;
      ids.push(selected.id);
      announce('Added to the lesson: event ' + ids.length + '.');
    } else if (trigger === 'lesson-clear') {
      ids = [];
      announce('Lesson cleared.');
    } else if (trigger === 'lesson-present') {
      if (!ids.length) return;
      changes.present = '1';
      changes.event = ids[0];
      // Fit the timeline when the lesson's first event is out of view.
      const cur = lib.current;
      const first = info && info.ids && info.ids[0] === ids[0] ? info.indices[0] : undefined;
      if (cur && cur.d && first !== undefined &&
          (cur.d.end[first] < cur.range[0] || cur.d.start[first] > cur.range[1])) {
        changes.from = null;
        changes.to = null;
      }
    } else if (trigger && typeof trigger === 'object' && trigger.type === 'lesson-remove') {
      const clicks = window.dash_clientside.callback_context.triggered;
      if (!clicks.length || !clicks[0].value) return;
      ids = ids.filter((id) => id !== trigger.index);
      announce('Removed from the lesson.');
    } else {
      return;
    }
    changes.lesson = ids.join(',') || null;
    navigate(changes);
  };

  /* ---- panels --------------------------------------------------------------------- */

  /* Open/close buttons of a panel: the toggle flips it, a "-close" button closes it. */
  ns.togglePanel = function () {
    const args = Array.from(arguments);
    const hidden = args[args.length - 1];
    const trigger = triggered();
    const open = typeof trigger === 'string' && trigger.endsWith('-close') ? false : hidden !== false;
    if (open) focusSoon(trigger, 'panel');
    else if (typeof trigger === 'string' && trigger.endsWith('-close')) {
      // Closed from inside: the focus goes back to the button that opened it.
      const toggle = document.querySelector('[aria-controls="' + trigger.replace(/-close$/, '-panel') + '"]');
      if (toggle) window.requestAnimationFrame(() => toggle.focus());
    }
    // The table changes the timeline's height: let plotly.js fit the new box.
    if (trigger === 'table-toggle') window.requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    return [!open, open ? 'true' : 'false'];
  };

  /* After opening, move the focus into the panel.  A floating panel opens just below its
     button, so it never covers the button that closes it. */
  function focusSoon(trigger, what) {
    const button = document.getElementById(trigger);
    const panel = button && document.getElementById(button.getAttribute('aria-controls'));
    if (panel && panel.classList.contains('floating')) {
      panel.style.top = Math.round(button.getBoundingClientRect().bottom + 6) + 'px';
    }
    window.requestAnimationFrame(() => window.requestAnimationFrame(() => {
      const target = panel && panel.querySelector('input, button:not([disabled]), [tabindex]');
      if (target && what === 'panel') target.focus();
    }));
  }

  /* ---- share ---------------------------------------------------------------------- */

  ns.openShare = function (_open, _close, hidden) {
    const trigger = triggered();
    const open = trigger === 'share-close' ? false : hidden !== false;
    if (open) focusSoon('share-toggle', 'panel');
    else {
      const button = document.getElementById('share-toggle');
      if (button) button.focus();
    }
    const base = window.location.origin + window.location.pathname;
    return [!open, open ? 'true' : 'false', open ? { base, at: Date.now() } : noUpdate()];
  };

  /* While the panel is open, a new view means a new link. */
  ns.shareView = function (_view, hidden) {
    return hidden === false ? Date.now() : noUpdate();
  };

  ns.copyLink = function (_clicks, link) {
    if (!link) return noUpdate();
    const field = document.getElementById('share-link');
    const done = (ok) => clientside.set_props('share-status', {
      children: ok ? 'Link copied.' : 'Select the link and copy it (Ctrl+C).' });
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(() => done(true), () => {
        if (field) field.select();
        done(false);
      });
    } else {
      if (field) field.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (err) {
        ok = false;
      }
      done(ok);
    }
    return 'Copying…';
  };

  /* ---- themes --------------------------------------------------------------------- */

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

  /* Presentation type follows the screen: draw again when the window changes size. */
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    if (!status.present || !lib.redraw) return;
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (status.labelPx !== presentationPx()) lib.redraw();
    }, 150);
  });

  document.addEventListener('click', (event) => {
    const themeButton = event.target.closest && event.target.closest('#theme-toggle');
    if (themeButton) {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(THEME_KEY, next);
      } catch (err) { /* storage off: the choice lasts for this page */ }
      setTheme(next);
      announce(next === 'dark' ? 'Dark theme.' : 'Light theme.');
      return;
    }
    const row = event.target.closest && event.target.closest('.table-select');
    if (row && lib.selectEvent) lib.selectEvent(Number(row.dataset.index));
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
  lib.legible = legible;

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

  /* Presentation type: 1/75 of the screen's width or 1/42 of its height, whichever is less
     (26 px at 1920x1080, 17 px at 1280x720: the same size on the wall). */
  function presentationPx() {
    return Math.max(16, Math.round(Math.min(window.innerWidth / 75, window.innerHeight / 42)));
  }

  let measureContext = null;
  function textWidth(text, px, family) {
    measureContext = measureContext || document.createElement('canvas').getContext('2d');
    measureContext.font = px + 'px ' + family;
    return measureContext.measureText(text).width;
  }

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
    root.classList.toggle('presenting', present);
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
      rowMargin = Math.ceil(Math.max(...names.map((n) => textWidth(n, rowPx, family)))) + 16;
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

  /* ---- the table ------------------------------------------------------------------ */

  /* The selected event's row is marked here, not by redrawing the table on the server:
     Dash remounts replaced children, which would take the keyboard focus away. */
  let selectedRow = null;
  let focusedRow = null;

  function markRows() {
    for (const row of document.querySelectorAll('#table-body tr')) {
      const button = row.querySelector('.table-select');
      const on = !!button && Number(button.dataset.index) === selectedRow;
      row.classList.toggle('selected', on);
      if (on) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
      if (button) button.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  /* What decides the events in view: the view's filters and the range on screen (the server
     picks the events from these for the table and the exports, timeline_app/web/classroom/table_view.py). */
  lib.viewQuery = (view, shown) => ({
    view: { x0: view.x0, x1: view.x1, cat: view.cat, person: view.person, place: view.place, q: view.q },
    range: shown || null,
  });

  /* The table's input: the view's filters and the range on screen, passed on only while the
     table is open and only when they change (a selection changes the view too, but not the
     events in view).  A closed table asks the server for nothing. */
  let lastQuery = null;
  ns.tableQuery = function (view, shown, hidden) {
    if (!view || hidden !== false) return noUpdate();
    const query = lib.viewQuery(view, shown);
    const key = JSON.stringify(query);
    if (key === lastQuery) return noUpdate();
    lastQuery = key;
    return query;
  };

  ns.markRow = function (selected) {
    selectedRow = selected && Number.isInteger(selected.index) ? selected.index : null;
    markRows();
  };

  document.addEventListener('focusin', (event) => {
    const button = event.target.closest && event.target.closest('#table-body .table-select');
    if (button) focusedRow = Number(button.dataset.index);
  });

  /* New rows (zoom, filters, sorting): mark them, and give the focus back to the row it was on. */
  const rowsChanged = () => {
    markRows();
    if (focusedRow === null || (document.activeElement && document.activeElement !== document.body)) return;
    const again = document.querySelector('#table-body .table-select[data-index="' + focusedRow + '"]');
    if (again) again.focus({ preventScroll: true });
  };
  const watchTable = new MutationObserver(() => {
    const body = document.getElementById('table-body');
    if (!body) return;
    watchTable.disconnect();
    new MutationObserver(rowsChanged).observe(body, { childList: true, subtree: true });
  });
  watchTable.observe(document.documentElement, { childList: true, subtree: true });

  /* ---- keys ----------------------------------------------------------------------- */

  const typing = (el) => !!(el && el.closest && el.closest('input, textarea, select, [contenteditable="true"], .dash-dropdown'));

  function selectedIndex() {
    const cur = lib.current;
    return cur && Number.isInteger(cur.selected) ? cur.selected : null;
  }

  function stepLesson(dir) {
    const lesson = status.lesson;
    if (!lesson.length || !lib.selectEvent) return;
    const at = lesson.indexOf(selectedIndex());
    let next;
    if (at < 0) next = dir > 0 ? lesson[0] : lesson[lesson.length - 1];
    else next = lesson[at + dir];
    if (next !== undefined) lib.selectEvent(next);
  }

  function goToEnd(last) {
    if (!lib.selectEvent) return;
    if (status.present && status.lesson.length) {
      lib.selectEvent(status.lesson[last ? status.lesson.length - 1 : 0]);
      return;
    }
    const cur = lib.current;
    if (cur && cur.s && cur.s.idx.length) lib.selectEvent(cur.s.idx[last ? cur.s.idx.length - 1 : 0]);
  }

  /* Up/Down/Home/End between the table's row buttons. */
  function tableKey(event) {
    const buttons = Array.from(document.querySelectorAll('#table-body .table-select'));
    const at = buttons.indexOf(event.target);
    const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return false;
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, moves[event.key]))];
    if (target) target.focus();
    return true;
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    let handled = false;
    if (target && target.classList && target.classList.contains('table-select')) {
      handled = tableKey(event);
    } else if (status.present) {
      if (event.key === 'Escape') {
        const share = document.getElementById('share-panel');
        if (share && !share.hidden) document.getElementById('share-close').click();
        else navigate({ present: null });
        handled = true;
      } else if (!typing(target)) {
        if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
          const dir = event.key === 'ArrowRight' ? 1 : -1;
          if (status.lesson.length) stepLesson(dir);
          else if (lib.stepEvent) lib.stepEvent(dir);
          handled = true;
        } else if (event.key === 'Home' || event.key === 'End') {
          goToEnd(event.key === 'End');
          handled = true;
        } else if ((event.key === '+' || event.key === '=' || event.key === '-') && lib.zoomBy) {
          lib.zoomBy(event.key === '-');
          handled = true;
        }
      }
    } else if ((event.key === 'Home' || event.key === 'End') && !typing(target)) {
      const pane = document.getElementById('timeline-pane');
      if (pane && pane.contains(target)) {
        goToEnd(event.key === 'End');
        handled = true;
      }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /* Capture phase: in presentation mode these keys are ours, not the timeline pane's. */
  document.addEventListener('keydown', onKey, true);
})();
