/*
 * Reader interactions the graph itself lacks: selection and zoom for the
 * keys (timeline-keys.js), the keyboard focus on a click, a wheel zoom of a
 * useful step, pinch zoom on touch screens, and scrolling the highlighted
 * quote into view.
 *
 * Keyboard selection, wheel and pinch feed the same server callback as clicks
 * and drags (through the key-select store and Plotly.relayout), so the URL and
 * the reader panel follow them like any other change.
 *
 * The drag pan is the page's own too (slide, below), in both drawing paths: the
 * picture slides under the pointer and the new range is drawn once, at the end.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.timeline = clientside.timeline || {});

  const ZOOM_STEP = 2;
  /* One wheel notch (100 px, or 3 lines) zooms by WHEEL_NOTCH, so two notches are one key press:
     plotly.js' own scroll zoom moves about 10 % a notch, 50 notches from the whole span to a
     year; this takes about 15.  A trackpad's small deltas zoom by their share of a notch. */
  const WHEEL_NOTCH = Math.SQRT2;
  const MAX_NOTCHES = 4; // per wheel event, so a flung wheel does not leap
  const SWIPE_SLOP_PX = 8;
  const setRange = (a, b) => lib.setRange && lib.setRange(a, b, true);

  /* ---- selection and zoom for the keys ------------------------------------------ */

  /* The event after (dir 1) or before (-1) the selected one in time order;
     with nothing selected, the first or last one in view. */
  function neighbour(dir) {
    const cur = lib.current;
    if (!cur || !cur.s.idx.length) return null;
    const { d, s, range } = cur;
    const selected = lib.selectedIndex(cur);
    const idx = s.idx;
    const at = selected === null ? -1 : idx.indexOf(selected);
    if (at >= 0) return idx[at + dir] === undefined ? null : idx[at + dir];
    const inView = idx.filter((i) => lib.data.inView(d, i, range));
    const pool = inView.length ? inView : idx;
    return dir > 0 ? pool[0] : pool[pool.length - 1];
  }

  /* The selected event's position in `cur`'s data, or null.  The keys step from the selection
     the page holds (timelineStatus.selectedId, set as soon as a selection arrives), not from
     the last one drawn: a key pressed while the timeline is still redrawing, just after a
     link opened an event, must step from that event. */
  lib.selectedIndex = (cur) => {
    const id = window.timelineStatus ? window.timelineStatus.selectedId : null;
    const at = id === null || !cur ? undefined : cur.d.position.get(id);
    return at === undefined ? null : at;
  };

  /* Select event `index` (a position in the drawn data; the server hears its id), step to the
     next/previous one, zoom in/out around the middle: the keys (timeline-keys.js). */
  lib.selectEvent = (index) => lib.current && lib.selectId(lib.current.d.ids[index]);
  /* Select the event with this id: the table's rows (classroom-table.js), selectEvent. */
  lib.selectId = (id) => clientside.set_props('key-select', { data: { id, at: Date.now() } });
  lib.stepEvent = (dir) => {
    const next = neighbour(dir);
    if (next !== null) lib.selectEvent(next);
    return next;
  };
  lib.zoomBy = (out, centre) => {
    const cur = lib.current;
    if (!cur || panning) return;  // a zoom key during a drag: the pan in hand wins
    const [a, b] = cur.range;
    const half = ((b - a) / 2) * (out ? ZOOM_STEP : 1 / ZOOM_STEP);
    const mid = Number.isFinite(centre) ? centre : (a + b) / 2; // timeline-keys.js: the selected event
    setRange(mid - half, mid + half);
  };

  /* ---- the pan: slide the picture, draw once ---------------------------------------------- */

  /* What a pan slides: the WebGL canvases, and the SVG that moves with the time axis (its grid and
     ticks, the eras' bands and names), each clipped to the plot area here; and the SVG path's
     marks and bars, which their parent already clips.  The labels layer hides while the view
     moves, as for any gesture (timeline-render.js, on plotly_relayouting). */
  const SLIDING = '.gl-container canvas, .gridlayer .x, .xaxislayer-above, .layer-below .shapelayer, .infolayer .annotation';
  const SLIDING_CLIPPED = '.cartesianlayer .overplot .scatterlayer';

  /* plotly.js's own drag pan redraws at every mouse move: the whole WebGL scene (about 150 ms a step
     with a software renderer), or in SVG the axis, the eras and a transform on every mark.  So the
     figure has no plotly.js dragmode (figure.py) and the page pans it: from the pointer's start x,
     the picture drawn slides under the pointer (a CSS transform), and end() draws the range it was
     slid to, once.  In the WebGL path only the range drawn moves the marks: what slides in from the
     edges is blank until then; the SVG path holds every mark (up to SVG_EVENTS), so they slide in. */
  let panning = false;
  function slide(gd, x) {
    const fl = gd._fullLayout;
    const { l, w } = fl._size;
    const right = fl.width - l - w;
    const [a, b] = fl.xaxis.range;
    // Annotations placed on the paper (the "no events" notice) stay; the eras' names move with time.
    const onTime = (el) => !el.classList.contains('annotation') || (fl.annotations[Number(el.dataset.index)] || {}).xref === 'x';
    // Each layer with whether it is clipped here.
    const layers = [...gd.querySelectorAll(SLIDING)].filter(onTime).map((el) => [el, true])
      .concat([...gd.querySelectorAll(SLIDING_CLIPPED)].map((el) => [el, false]));
    const place = (transform, clip) => {
      for (const [el, own] of layers) Object.assign(el.style, { transform, clipPath: own ? clip : '' });
    };
    let dx = 0;
    panning = true;
    gd.emit('plotly_relayouting', {});
    return {
      to(clientX) {
        dx = clientX - x;
        // The clip is in the layer's own coordinates, which the transform moves: it moves back by dx.
        place(`translateX(${dx}px)`, `inset(0px ${right + dx}px 0px ${l - dx}px) view-box`);
      },
      end() {
        const shift = (-dx / w) * (b - a);
        panning = false;
        // Back in place once the range is drawn (before the next frame when plotly.js draws at
        // once): no frame shows the picture slid twice, or back where it started.
        const back = () => place('', '');
        Promise.resolve(setRange(a + shift, b + shift)).then(back, back);
      },
    };
  }

  /* The click the browser sends right after a drag's release (in the same task) is no click, and
     nothing hears it: Dash's html components would count it on every element under the pointer
     (n_clicks), each a store update and a redraw, while the pan's range is drawn. */
  function swallowClick() {
    const stop = (event) => {
      event.stopPropagation();
      event.preventDefault();
    };
    window.addEventListener('click', stop, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', stop, { capture: true }), 0);
  }

  /* Whether the page pans the graph itself: unless the reader picked a plotly.js drag mode in its
     toolbar (a box zoom, say). */
  const slides = (gd) => !!gd._fullLayout && gd._fullLayout.dragmode === false;

  /* ---- focus, wheel, swipe and pinch ------------------------------------------------------ */

  const focusPane = () => {
    const pane = document.getElementById('timeline-pane');
    if (pane && !pane.contains(document.activeElement)) pane.focus({ preventScroll: true });
  };

  /* A zoom button pressed with the mouse hands the keyboard focus to the timeline, so the keys
     zoom and step on from there and the button keeps no focus ring once a key is pressed ("All"
     stayed highlighted after zooming out).  From the keyboard (detail 0) the focus stays. */
  document.addEventListener('click', (event) => {
    if (event.detail > 0 && event.target.closest && event.target.closest('.zoom-bar button')) focusPane();
  });

  /* The graph's own gestures, heard before plotly.js (capture):
     - a press anywhere on it focuses the timeline pane, so the arrows work after a click on
       empty space (plotly.js' drag layer keeps the press from focusing it);
     - the wheel zooms the time axis around the pointer by WHEEL_NOTCH a notch;
     - one finger swiped up or down scrolls the page, sideways pans the time axis: plotly.js
       would pan every way and cancel the touch, so on a phone, where the timeline is most of
       the screen, the page could not be scrolled over it.  The one-finger touch is kept from
       plotly.js (a tap still reaches it, as the mouse events the browser makes of a tap);
     - two fingers zoom it around their midpoint (plotly.js has no pinch);
     - a drag with the mouse's main button, or a sideways swipe, slides the picture and draws
       the range once, at the end (slide).  A press that moves no more than
       DRAG_PX (timeline-render.js) is a click, which plotly.js still hears: it selects the event
       under it, and two make a double click, which fits everything. */
  lib.attachGestures = function (gd) {
    let pinch = null;
    let swipe = null;
    let target = null;
    let wheel = null;
    let drag = null;
    const options = { capture: true, passive: false };

    /* Where an event is in the plot area, as a share of its width, or null outside it. */
    const inPlot = (event) => {
      const fl = gd._fullLayout;
      const box = gd.getBoundingClientRect();
      const x = event.clientX - box.left - fl._size.l;
      const y = event.clientY - box.top - fl._size.t;
      return x < 0 || x > fl._size.w || y < 0 || y > fl._size.h ? null : x / fl._size.w;
    };

    gd.addEventListener('pointerdown', focusPane, true);

    const dragMove = (event) => {
      if (!(event.buttons & 1)) {  // the release went elsewhere (the window lost the focus, say)
        dragEnd();
        return;
      }
      if (!drag.slide) {
        if (Math.hypot(event.clientX - drag.x, event.clientY - drag.y) <= lib.DRAG_PX) return;
        drag.slide = slide(gd, drag.x);
      }
      drag.slide.to(event.clientX);
    };
    const dragEnd = () => {
      window.removeEventListener('mousemove', dragMove, true);
      window.removeEventListener('mouseup', dragEnd, true);
      if (drag.slide) {
        // plotly.js, which hears this release next, then takes the press for no click.
        gd._dragging = false;
        swallowClick();
        drag.slide.end();
      }
      drag = null;
    };
    gd.addEventListener('mousedown', (event) => {
      if (!slides(gd) || event.button !== 0 || drag || inPlot(event) === null) return;
      event.preventDefault();  // no text selected on the way (plotly.js without a dragmode leaves it)
      drag = { x: event.clientX, y: event.clientY, slide: null };
      window.addEventListener('mousemove', dragMove, true);
      window.addEventListener('mouseup', dragEnd, true);
    }, true);

    gd.addEventListener('wheel', (event) => {
      const fl = gd._fullLayout;
      if (!fl || !event.deltaY) return;
      const at = inPlot(event);
      if (at === null) return;
      event.preventDefault();
      event.stopPropagation();
      if (panning) return;  // during a drag the pan in hand wins
      const notches = event.deltaY / ({ 1: 3, 2: 1 }[event.deltaMode] || 100);
      const factor = Math.pow(WHEEL_NOTCH, Math.max(-MAX_NOTCHES, Math.min(MAX_NOTCHES, notches)));
      if (wheel) {
        Object.assign(wheel, { factor: wheel.factor * factor, at });
        return;
      }
      // The notches of one frame are applied together, to the range drawn last.
      wheel = { factor, at };
      window.requestAnimationFrame(() => {
        const [a, b] = gd._fullLayout.xaxis.range;
        const pivot = a + (b - a) * wheel.at;
        const k = wheel.factor;
        wheel = null;
        setRange(pivot - (pivot - a) * k, pivot + (b - pivot) * k);
      });
    }, options);
    const spread = (t) => Math.max(Math.abs(t[0].clientX - t[1].clientX), 20);
    const middle = (t) => (t[0].clientX + t[1].clientX) / 2;
    /* A touch gesture's range, drawn once a frame (the latest one asked for). */
    const moveTo = (start, end) => {
      if (target === null) {
        window.requestAnimationFrame(() => {
          const [a, b] = target;
          target = null;
          setRange(a, b);
        });
      }
      target = [start, end];
    };

    gd.addEventListener('touchstart', (event) => {
      if (!gd._fullLayout || event.touches.length > 2) return;
      event.stopPropagation();
      if (swipe && swipe.slide) swipe.slide.end();  // a second finger: the pinch starts where the swipe took it
      swipe = null;
      const xa = gd._fullLayout.xaxis;
      if (event.touches.length === 1) {
        swipe = { x: event.touches[0].clientX, y: event.touches[0].clientY, range: xa.range.slice(), width: xa._length };
        return; // not cancelled: the browser may scroll the page (touch-action: pan-y, timeline.css)
      }
      const left = gd.getBoundingClientRect().left + gd._fullLayout.margin.l;
      pinch = { spread: spread(event.touches), range: xa.range.slice(), width: xa._length, left };
      event.preventDefault();
    }, options);

    gd.addEventListener('touchmove', (event) => {
      if (swipe && event.touches.length === 1) {
        event.stopPropagation();
        const dx = event.touches[0].clientX - swipe.x;
        const dy = event.touches[0].clientY - swipe.y;
        // The first move past SWIPE_SLOP_PX decides: up or down scrolls the page, sideways pans.
        if (!swipe.sideways) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE_SLOP_PX) return;
          if (Math.abs(dy) > Math.abs(dx)) {
            swipe = null;
            return;
          }
          swipe.sideways = true;
        }
        if (event.cancelable) event.preventDefault();
        if (slides(gd)) {
          swipe.slide = swipe.slide || slide(gd, swipe.x);
          swipe.slide.to(event.touches[0].clientX);
          return;
        }
        const [a, b] = swipe.range;
        const shift = (-dx / swipe.width) * (b - a);
        moveTo(a + shift, b + shift);
        return;
      }
      if (!pinch || event.touches.length !== 2) return;
      event.preventDefault();
      event.stopPropagation();
      const [a, b] = pinch.range;
      const span = ((b - a) * pinch.spread) / spread(event.touches);
      const at = (middle(event.touches) - pinch.left) / pinch.width;
      const start = a + (b - a) * at - span * at;
      moveTo(start, start + span);
    }, options);

    /* A touch cancelled (by the system, say) ends like one lifted: the picture is not left slid. */
    const touchEnd = (event) => {
      if (pinch && event.touches.length < 2) pinch = null;
      if (!event.touches.length) {
        if (swipe && swipe.slide) swipe.slide.end();
        swipe = null;
      }
    };
    gd.addEventListener('touchend', touchEnd, options);
    gd.addEventListener('touchcancel', touchEnd, options);
  };

  /* ---- URL and reader ------------------------------------------------------------ */

  /* Once React has drawn the new article, bring its highlighted quote into view. */
  ns.showQuote = function () {
    window.requestAnimationFrame(() => window.requestAnimationFrame(() => {
      const mark = document.querySelector('#reader-body mark.quote');
      const reader = document.getElementById('reader');
      if (mark && reader) {
        const box = reader.getBoundingClientRect();
        const at = mark.getBoundingClientRect();
        if (reader.scrollHeight > reader.clientHeight + 1) {
          // A third of the way down what the sticky head (the title, timeline.css) leaves.
          const head = reader.querySelector('.reader-head');
          const covered = head ? head.offsetHeight : 0;
          reader.scrollTop += at.top - box.top - covered - (reader.clientHeight - covered) / 3;
        } else if (at.top < 0 || at.bottom > window.innerHeight) {
          mark.scrollIntoView({ block: 'center' });
        }
      }
    }));
  };
})();
