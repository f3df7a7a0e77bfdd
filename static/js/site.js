// Small progressive enhancements. No inline scripts: everything is wired up from data- attributes.
(function () {
  "use strict";

  // Two-click video: the provider's iframe is created only after the reader presses the button.
  function loadVideo(button) {
    var figure = button.closest("[data-video-consent]");
    var frame = figure.querySelector(".video-consent__frame");
    var iframe = document.createElement("iframe");
    iframe.src = button.getAttribute("data-embed-url");
    iframe.title = button.getAttribute("data-embed-title") || "Video";
    iframe.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.className = "video-consent__iframe";
    frame.replaceChildren(iframe);
    figure.classList.add("video-consent--loaded");
    iframe.focus();
  }

  // E-mail addresses arrive as "name(at)domain" in the HTML; with JavaScript they become links.
  function revealEmail(span) {
    var address = span.getAttribute("data-email-reversed").split("").reverse().join("");
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    while (span.firstChild) link.appendChild(span.firstChild); // keeps the <wbr> break points
    link.className = "email-link";
    span.replaceWith(link);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".video-consent__button");
    if (button) {
      loadVideo(button);
    }
  });

  document.querySelectorAll("[data-email-reversed]").forEach(revealEmail);

  // Listing filters start closed on phones (the first item should be on the first screen);
  // where there is room, they are simply shown.
  if (window.matchMedia("(min-width: 48rem)").matches) {
    document.querySelectorAll("[data-filter-disclosure]").forEach(function (details) {
      details.open = true;
    });
  }
})();
