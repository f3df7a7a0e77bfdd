// Filters the options of a checkbox or radio list as the editor types; chosen items stay
// visible, so nothing chosen disappears from sight.
(function () {
  'use strict';

  function normalise(text) {
    return text.toLocaleLowerCase('de').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function setUp(container) {
    if (container.dataset.editorialChoicesReady) return;
    container.dataset.editorialChoicesReady = 'true';
    var input = container.querySelector('[data-editorial-choices-filter]');
    var empty = container.querySelector('[data-editorial-choices-empty]');
    if (!input) return;
    input.addEventListener('keydown', function (event) {
      // Enter filters; it must not submit the page form.
      if (event.key === 'Enter') event.preventDefault();
    });
    input.addEventListener('input', function () {
      var query = normalise(input.value.trim());
      var shown = 0;
      container.querySelectorAll('input[type=checkbox], input[type=radio]').forEach(function (box) {
        var item = box.closest('div') || box.parentElement;
        var label = box.closest('label') || item;
        var match = !query || box.checked || normalise(label.textContent).indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      if (empty) empty.hidden = shown > 0;
    });
  }

  function setUpAll(root) {
    (root || document).querySelectorAll('[data-editorial-choices]').forEach(setUp);
  }

  document.addEventListener('DOMContentLoaded', function () { setUpAll(); });
  // The editor can render panels later (e.g. after a create view is hydrated).
  document.addEventListener('w-formset:added', function (event) { setUpAll(event.target); });
  if (document.readyState !== 'loading') setUpAll();
})();
