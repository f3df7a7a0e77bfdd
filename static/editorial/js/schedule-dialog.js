// The schedule dialog ("Zeitplan festlegen") and its two date pickers. Wagtail's dialog and the
// jQuery datetimepicker do not know of each other:
// * Esc in a picker would also close the dialog, with the date and time just typed: Esc closes
//   only the open picker (on window, in the capture phase, before the dialog's handler).
// * A picker stays open when focus or a click moves on, so Tab opened the second picker on top
//   of the first, and both covered "Zeitplan speichern": a picker closes when its field loses
//   focus to anything but the picker itself, or when someone clicks elsewhere in the dialog;
//   a picker that opens on the plugin's own timers closes unless its field has focus.
(function () {
  'use strict';

  function pickerOf(input) {
    if (!window.jQuery || !input || !input.matches || !input.matches('input')) return null;
    var picker = window.jQuery(input).data('xdsoft_datetimepicker');
    return picker && picker.length ? picker[0] : null;
  }

  function isOpen(picker) {
    return Boolean(picker) && window.getComputedStyle(picker).display !== 'none';
  }

  function inDialog(element) {
    return Boolean(element && element.closest &&
      element.closest('dialog, [role="dialog"], .w-dialog'));
  }

  function hide(input) {
    if (window.jQuery && window.jQuery.fn.datetimepicker) {
      window.jQuery(input).datetimepicker('hide');
    }
    var picker = pickerOf(input);
    if (picker) picker.style.display = 'none';
  }

  function dialogInputsWithOpenPickers() {
    var inputs = document.querySelectorAll('.w-dialog input, [role="dialog"] input');
    return Array.prototype.filter.call(inputs, function (input) { return isOpen(pickerOf(input)); });
  }

  function openPicker() {
    var pickers = document.querySelectorAll('.xdsoft_datetimepicker');
    for (var i = 0; i < pickers.length; i += 1) {
      if (isOpen(pickers[i])) return pickers[i];
    }
    return null;
  }

  window.addEventListener('keydown', function (event) {
    if (!inDialog(event.target)) return;
    if (event.key === 'Tab' && openPicker()) {
      hide(event.target); // focus moves on as usual; focusin closes any other picker
      return;
    }
    if (event.key !== 'Escape' || !openPicker()) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    if (pickerOf(event.target)) hide(event.target);
    else openPicker().style.display = 'none';
  }, true);

  function hideAllBut(current) {
    dialogInputsWithOpenPickers().forEach(function (input) {
      if (input !== current) hide(input);
    });
    // A field can hold a second, stray picker (the editor's partials re-render after autosave);
    // the plugin puts pickers at the end of <body>, outside the dialog: only one stays open.
    var keep = pickerOf(current);
    document.querySelectorAll('.xdsoft_datetimepicker').forEach(function (picker) {
      if (picker !== keep && isOpen(picker)) picker.style.display = 'none';
    });
  }

  document.addEventListener('focusin', function (event) {
    if (inDialog(event.target)) hideAllBut(event.target);
  });

  // The plugin also opens pickers on its own timers: the picker of a field that was typed into
  // reopens as it checks the value on blur, and after an autosave a field's old, stray picker
  // can open too. Whenever a picker opens, it stays open only for the field that has focus.
  function closeIfNotFocused(records) {
    records.forEach(function (record) {
      var picker = record.target;
      var wasOpen = /display:\s*block/.test(record.oldValue || '');
      if (wasOpen || !isOpen(picker)) return;
      var active = document.activeElement;
      if (picker.contains(active) || pickerOf(active) === picker) return;
      picker.style.display = 'none';
    });
  }
  var pickerWatch = new MutationObserver(closeIfNotFocused);
  function watchPickers() {
    document.querySelectorAll('.xdsoft_datetimepicker:not([data-watched])').forEach(function (p) {
      p.setAttribute('data-watched', '');
      pickerWatch.observe(p, { attributes: true, attributeFilter: ['style'], attributeOldValue: true });
    });
  }
  function startWatching() {
    watchPickers();
    new MutationObserver(watchPickers).observe(document.body, { childList: true });
  }
  if (document.body) startWatching();
  else document.addEventListener('DOMContentLoaded', startWatching);

  document.addEventListener('mousedown', function (event) {
    if (!inDialog(event.target) || event.target.closest('.xdsoft_datetimepicker')) return;
    hideAllBut(event.target);
  }, true);
})();
