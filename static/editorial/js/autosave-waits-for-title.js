// A new page cannot be stored without its title (and the URL segment made from it), so Wagtail's autosave of a new page that has
// none fails validation and pauses ("Automatisches Speichern ist pausiert – Es gibt
// Validierungsfehler"), for instance when an author chooses the lead image first. Here the
// autosave of a new page without a title simply waits: nothing is reported, and the first
// autosave after the title is typed stores everything, the image included. "Entwurf speichern"
// and "Zur Freigabe einreichen" still check the form as before.
(function () {
  'use strict';

  document.addEventListener('w-autosave:save', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('[data-edit-form]')) return;
    if (!/\/pages\/add\//.test(form.getAttribute('action') || '')) return;
    // The URL segment follows the title once the title field is left; both are required.
    var missing = ['title', 'slug'].some(function (name) {
      var field = form.elements.namedItem(name);
      return field && !field.value.trim();
    });
    if (missing) event.preventDefault();
  });
})();
