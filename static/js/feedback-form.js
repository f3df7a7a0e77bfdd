// Feedback form: after a submission with mistakes, move the focus to the summary of errors,
// so that screen-reader and keyboard users start there. Its links lead to each field.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
