/*
 * Panels that open over the timeline, and the share panel
 * (timeline_app/web/classroom/panels.py, share.py): opening moves the focus
 * into the panel, closing gives it back to the button that opened it.
 */
(function () {
  'use strict';
  const lib = (window.timelineLib = window.timelineLib || {});
  const clientside = (window.dash_clientside = window.dash_clientside || {});
  const ns = (clientside.classroom = clientside.classroom || {});
  const { noUpdate, triggered } = lib.classroom;

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
})();
