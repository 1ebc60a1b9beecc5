/*
 * Says why a file dropped or picked for the preview (timeline_app/web/live_view.py)
 * is refused before it is sent: dcc.Upload drops files over its max_size or not
 * matching its accept list silently, so this listener tells the editor.
 */
(function () {
  'use strict';

  function say(text) {
    const clientside = window.dash_clientside;
    if (clientside && clientside.set_props) clientside.set_props('upload-message', { children: text });
  }

  function check(files) {
    const box = document.getElementById('preview-drop');
    if (!box || !files || !files.length) return;
    const limit = Number(box.getAttribute('data-max-bytes')) || 0;
    const file = files[0];
    const name = file.name || 'the file';
    if (!/\.csv$/i.test(name)) {
      say(name + ' is not a CSV file. Save the sheet as CSV (.csv) and pick that file.');
    } else if (limit && file.size > limit) {
      say(name + ' is too big to preview (' + Math.round(file.size / 1024) + ' KiB; the limit is ' +
        Math.floor(limit / 1024) + ' KiB).');
    } else {
      say('Reading ' + name + '…');
    }
  }

  // dcc.Upload renders a bare <input type=file>: give it an accessible name
  // (screen readers and the axe audit need one) whenever it (re)appears.
  function label() {
    const input = document.querySelector('#preview-upload input[type=file]');
    if (input && !input.hasAttribute('aria-label')) input.setAttribute('aria-label', 'Preview a CSV file');
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener('change', function (event) {
    const target = event.target;
    if (target && target.matches && target.matches('#preview-upload input[type=file]')) check(target.files);
  }, true);
  document.addEventListener('drop', function (event) {
    const target = event.target;
    if (target && target.closest && target.closest('#preview-upload') && event.dataTransfer) {
      check(event.dataTransfer.files);
    }
  }, true);
}());
