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
  // (site.css shows them there from the first paint, until they are marked ready.)
  var wide = window.matchMedia("(min-width: 48rem)").matches;
  document.querySelectorAll("[data-filter-disclosure]").forEach(function (details) {
    if (wide) {
      details.open = true;
    }
    details.setAttribute("data-filter-ready", "");
  });

  // Filter and search forms, archive and page links end in #ergebnisse: the reader lands on
  // the results. On a phone the filters fold away (their summary still says how many are
  // active); the results heading takes the focus, so that screen readers announce it
  // ("4 Ergebnisse"). Without JavaScript the browser still scrolls to the heading.
  function landOnResults() {
    var heading = window.location.hash === "#ergebnisse" && document.getElementById("ergebnisse");
    if (!heading) {
      return;
    }
    if (!wide) {
      document.querySelectorAll("[data-filter-disclosure]").forEach(function (details) {
        details.open = false;
      });
    }
    heading.focus({ preventScroll: true });
    // From the top if the heading is on the first screen there (the page's title and the
    // filters stay in view), else with the heading at the top. After "load": the browser
    // scrolls to the fragment until then.
    window.addEventListener("load", function () {
      var top = heading.getBoundingClientRect().top + window.scrollY;
      var fitsFirstScreen = top + heading.offsetHeight <= window.innerHeight;
      window.scrollTo(0, fitsFirstScreen ? 0 : top);
    });
  }
  landOnResults();
})();
