// "Leave this page quickly". Without this file the button is a plain link; with it,
// leaving replaces this page in the history (Back does not bring it back) and Escape
// pressed twice in quick succession leaves too, from anywhere on the page.
(function () {
  "use strict";
  if (window.kinwellQuickExit) { return; }  // the page and the crisis panel may both load it
  window.kinwellQuickExit = true;
  var DOUBLE_PRESS_MS = 1000;
  var lastEscape = 0;

  function leave(url) {
    // Hide the page at once: what it said should not linger on screen while the next loads.
    document.documentElement.style.visibility = "hidden";
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    leave(link.href);
  });

  // Links within the page (the skip link, a table of contents) would each add a history
  // entry for this page, and leaving replaces only the last one: Back would still find
  // it. So on a page with a quick exit they move focus without adding to the history.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link || link.hasAttribute("data-quick-exit") || event.button !== 0) { return; }
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!target) { return; }
    event.preventDefault();
    history.replaceState(history.state, "", link.getAttribute("href"));
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus();
    target.scrollIntoView();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var link = document.querySelector("[data-quick-exit]");
    if (!link) { return; }
    var now = Date.now();
    if (now - lastEscape <= DOUBLE_PRESS_MS) {
      leave(link.href);
    }
    lastEscape = now;
  });
})();
