// Esc in a date picker closes only the picker. Wagtail's dialogs close on Esc, and the schedule
// dialog ("Veröffentlichungszeitplan") would close with the date and time just typed while its
// picker is open. Listening on window in the capture phase runs before the dialog's handler.
(function () {
  'use strict';

  function openPicker() {
    var pickers = document.querySelectorAll('.xdsoft_datetimepicker');
    for (var i = 0; i < pickers.length; i += 1) {
      if (window.getComputedStyle(pickers[i]).display !== 'none') return pickers[i];
    }
    return null;
  }

  window.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || !openPicker()) return;
    if (!event.target.closest || !event.target.closest('dialog, [role="dialog"], .w-dialog')) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    var input = event.target;
    if (window.jQuery && window.jQuery.fn.datetimepicker && input.matches('input')) {
      window.jQuery(input).datetimepicker('hide');
    } else {
      openPicker().style.display = 'none';
    }
  }, true);
})();
