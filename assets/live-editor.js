/*
 * The editor's view (timeline_app/web/live_view.py): the `editing` class on
 * <html> shows the editor's tools (the upload box and the problems line, below
 * the title; assets/live.css) and makes the change notice ask twice a second
 * (assets/live-notice.js).  Readers see the title, then the timeline.
 *
 * It is on by default on a loopback address (the editor runs `serve` beside
 * the files) and off elsewhere (a class reading a school's server); the
 * toolbar's Editor switch changes it, and the choice is remembered in the
 * browser (localStorage), for this server's address.  The problems line opens
 * by itself when there are errors.
 */
(function () {
  'use strict';
  const KEY = 'timeline-editor';
  const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;
  const root = document.documentElement;

  function chosen() {
    try {
      const value = window.localStorage.getItem(KEY);
      return value === 'on' || value === 'off' ? value === 'on' : null;
    } catch (err) {
      return null;
    }
  }

  function pressed() {
    const button = document.getElementById('editor-toggle');
    if (button) button.setAttribute('aria-pressed', root.classList.contains('editing') ? 'true' : 'false');
    return Boolean(button);
  }

  function apply(on) {
    root.classList.toggle('editing', on);
    pressed();
    document.dispatchEvent(new Event('timeline-editing'));
  }

  const stored = chosen();
  apply(stored === null ? LOOPBACK.test(window.location.hostname) : stored);

  document.addEventListener('click', (event) => {
    if (!(event.target.closest && event.target.closest('#editor-toggle'))) return;
    const on = !root.classList.contains('editing');
    try {
      window.localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch (err) { /* storage off: the choice lasts for this page */ }
    apply(on);
  });

  /* The problems line opens by itself when the data (or a preview) has errors: a Dash
   * callback on the live-show store (live_view.py), whose `errors` counts them. */
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  clientside.live = {
    openOnErrors(data) {
      const panel = document.getElementById('problems-panel');
      if (panel && data && data.errors > 0) panel.open = true;
    },
  };

  /* React draws the toolbar after this script ran: set the switch's state once it exists. */
  const waitForToolbar = new MutationObserver(() => {
    if (pressed()) waitForToolbar.disconnect();
  });
  waitForToolbar.observe(root, { childList: true, subtree: true });
}());
