/*
 * The proposed layer: the rows `propose` drafts for the articles' dates that no
 * event covers yet (payload.proposed, computed per data version by
 * timeline_app/web/events_route.py), drawn as one dashed, hollow trace on a row
 * of their own ("Proposed", timeline-traces.js).  Nothing here is in events.csv.
 *
 * On with proposed=1 in the address, off with proposed=0; without either it is
 * on in the editor's view (the `editing` class of assets/live-editor.js: on by
 * default on a loopback address, switched by the toolbar's Editor button; see
 * live-notice.js's editing()) and off for readers.  The "Proposed" button
 * (timeline_app/web/filters.py) flips it through the address, as the eras
 * switch does, so a shared link keeps it.
 *
 * The filters apply to the drafts as to the events, by the events' own rule
 * (timeline-data.js's facets and shown, run on the decoded drafts): a draft
 * has a category (the category chips), a title, a date, people and places
 * (the search box, and the Person and Place pickers: the proposer fills the
 * names the dataset knows, so a draft naming nobody is hidden by a person
 * filter, as an event naming nobody is) and an article (article=: only that
 * article's drafts).  One rule for both layers means a filter hides the same
 * kind of row whichever layer draws it, and a filter that hides every draft
 * takes the Proposed row away with them.
 *
 * Selecting a proposed mark fills the card of timeline_app/web/proposed_view.py
 * (text nodes only): title, date, article, quote, and the events.csv row the
 * server wrote with Python's csv module, which "Copy as CSV row" copies (the
 * clipboard, else the row selected in its box for Ctrl+C).
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const parts = new WeakMap();
  const kept = new WeakMap();  // lib.data.shown's answer -> the drafts it keeps
  let shown = null;  // the proposed rows drawn now (those passing the filters), or null

  /* The proposed rows decoded like the events (timeline-data.js), once per payload; null when none.
     Their article column indexes payload.articles, as the events' does, and their people and
     places the events' name lists followed by the names only drafts have (figure.py, proposed_part). */
  function decoded(payload) {
    const part = payload && payload.proposed;
    if (!part || !part.events || !part.events.count) return null;
    let p = parts.get(payload);
    if (!p) {
      p = lib.data.decode({ events: part.events, people: payload.people.concat(part.people),
        places: payload.places.concat(part.places),
        categories: payload.categories, articles: payload.articles, figure: payload.figure });
      p.part = part;
      parts.set(payload, p);
    }
    return p;
  }

  /* The drafts of p passing the view's filters (see the head comment), with the columns the traces
     and the card read, and `shown` (their lib.data.shown answer, for fitting the view to them).
     One object per filter set, as lib.data.shown caches its answer: the render redraws only when it changes. */
  function filtered(p, view) {
    const s = lib.data.shown(p, view);
    let f = kept.get(s);
    if (!f) {
      const pick = (column) => s.idx.map((i) => column[i]);
      f = { n: s.idx.length, shown: s, kind: pick(p.kind), start: pick(p.start), end: pick(p.end),
        title: pick(p.title), date: pick(p.date), safeTitle: pick(p.safeTitle), safeDate: pick(p.safeDate),
        part: { article: pick(p.part.article), quote: pick(p.part.quote), csv: pick(p.part.csv) } };
      kept.set(s, f);
    }
    return f;
  }

  function isOn(view) {
    if (view && typeof view.proposed === 'boolean') return view.proposed;
    return Boolean(lib.editing && lib.editing());
  }

  /* The proposed rows to draw for this view, filtered like the events (null: the layer is off or
     has none), the button showing whether the layer is on. */
  function layer(payload, view) {
    const on = isOn(view);
    const button = document.getElementById('proposed-toggle');
    if (button) button.setAttribute('aria-pressed', on ? 'true' : 'false');
    const p = on ? decoded(payload) : null;
    shown = p ? filtered(p, view) : null;
    return shown;
  }

  function card() {
    return document.getElementById('proposed-card');
  }

  /* Show proposed row i of those drawn in the card. */
  function select(i) {
    const box = card();
    if (!shown || !box || i < 0 || i >= shown.n) return;
    const { part } = shown;
    const set = (cls, text) => { box.querySelector('.' + cls).textContent = text; };
    set('proposed-title', shown.title[i]);
    set('proposed-date', shown.date[i]);
    set('proposed-article', 'From the article ' + part.article[i]);
    set('proposed-quote', part.quote[i]);
    set('proposed-status', '');
    document.getElementById('proposed-csv').value = part.csv[i];
    box.hidden = false;
    document.getElementById('proposed-copy').focus();
  }

  function copy() {
    const row = document.getElementById('proposed-csv');
    const status = card().querySelector('.proposed-status');
    const done = () => { status.textContent = 'Copied: paste it as a new line of events.csv.'; };
    const selectIt = () => {
      row.focus();
      row.select();
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (error) {
        copied = false;
      }
      if (copied) done();
      else status.textContent = 'The row is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(row.value).then(done, selectIt);
    else selectIt();
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const toggle = target.closest('#proposed-toggle');
    if (toggle && lib.classroom) {
      lib.classroom.navigate({ proposed: toggle.getAttribute('aria-pressed') === 'true' ? '0' : '1' });
    } else if (target.closest('#proposed-copy')) {
      copy();
    } else if (target.closest('.proposed-close') && card()) {
      card().hidden = true;
    }
  });
  // Switching the editor's view (live-editor.js) changes the layer's default.
  document.addEventListener('timeline-editing', () => { if (lib.redraw) lib.redraw(); });

  lib.proposed = { layer, select };
})();
