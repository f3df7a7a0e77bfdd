// Feedback form: after a submission with mistakes, move the focus to the summary of errors,
// so that screen-reader and keyboard users start there. Its links lead to each field: they
// focus the field and show its label with it (a plain in-page link would only scroll).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var group = field.closest(".form-field") || field;
    group.scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
