// Progressive enhancement: without this file the page has a Refresh link. With it, the
// progress is fetched every few seconds and the page is reloaded once the import is done.
(function () {
  "use strict";
  var region = document.querySelector("[data-import-progress]");
  if (!region || !window.fetch || !window.DOMParser) { return; }
  var polls = 0;
  function poll() {
    polls += 1;
    if (polls > 400) { return; }  // about 20 minutes: then the Refresh link is still there
    fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-import-progress]");
        if (!fresh) { window.location.reload(); return; }
        var status = region.querySelector("[role=status]");
        var freshStatus = fresh.querySelector("[role=status]");
        if (status.textContent !== freshStatus.textContent) { status.textContent = freshStatus.textContent; }
        var bar = region.querySelector("progress");
        var freshBar = fresh.querySelector("progress");
        bar.max = freshBar.max;
        if (freshBar.hasAttribute("value")) { bar.value = freshBar.value; } else { bar.removeAttribute("value"); }
        window.setTimeout(poll, 3000);
      })
      .catch(function () { window.setTimeout(poll, 6000); });
  }
  window.setTimeout(poll, 2000);
}());
