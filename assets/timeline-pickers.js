/*
 * The Person and Place pickers (dcc.Dropdown, timeline_app/web/filters.py) as one Tab stop each:
 * their button.  Dash's dropdown puts the Tab stop on an aria-hidden "focus target" input that
 * hands the focus on to the button, so a screen reader meets a focusable element it is told to
 * ignore (axe-core's aria-hidden-focus).  Here the button takes the Tab stop and the hidden input
 * leaves the tab order; Dash gives the input tabindex 0 back whenever the button loses the focus,
 * so every change of it is undone as it happens.
 */
(function () {
  'use strict';
  const FOCUS_TARGET = '.picker .dash-dropdown-focus-target';

  function fix(input) {
    if (input.tabIndex !== -1) input.tabIndex = -1;
    const button = input.nextElementSibling;
    if (button && button.tagName === 'BUTTON' && !button.disabled && button.tabIndex !== 0) button.tabIndex = 0;
  }

  const watch = new MutationObserver(() => document.querySelectorAll(FOCUS_TARGET).forEach(fix));

  /* Dash renders the layout after this script runs: wait for the pickers' box, then watch only it. */
  const wait = new MutationObserver(() => {
    const pickers = document.querySelector('.pickers');
    if (!pickers) return;
    wait.disconnect();
    watch.observe(pickers, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
    pickers.querySelectorAll(FOCUS_TARGET).forEach(fix);
  });
  wait.observe(document.documentElement, { childList: true, subtree: true });
})();
