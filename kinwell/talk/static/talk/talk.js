// Talking together: progressive enhancement only; every page works without this file.
// 1. A guided conversation keeps itself up to date: it asks the server every few seconds
//    whether anything changed (a tiny JSON answer) and, if so, swaps in the fresh part of
//    the page. A draft being typed is never thrown away: the person chooses when to update.
// 2. Repair phrases get a "Use" button that adds the phrase to the text box in use.
(function () {
  "use strict";
  var POLL_MS = 5000;

  function liveUpdates() {
    var live = document.getElementById("live");
    if (!live || !window.fetch) { return; }
    var status = document.getElementById("live-status");
    var version = live.dataset.version;
    var busy = false;
    var offered = false;

    function typing() {
      var box = live.querySelector("textarea");
      return box && box.value.trim() !== "";
    }

    function swap() {
      return fetch(live.dataset.liveUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (html) {
        var hadFocus = live.contains(document.activeElement);
        live.innerHTML = html;
        offered = false;
        status.textContent = live.dataset.updatedText;
        if (hadFocus) {
          var heading = document.getElementById("live-heading");
          if (heading) { heading.focus(); }
        }
      });
    }

    function offer(newVersion) {
      if (offered) { return; }
      offered = true;
      status.textContent = live.dataset.newText + " ";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--small button--secondary";
      button.textContent = live.dataset.showText;
      button.addEventListener("click", function () {
        swap().then(function () { version = newVersion; });
      });
      status.appendChild(button);
    }

    function poll() {
      if (busy || document.hidden) { return; }
      busy = true;
      fetch(live.dataset.stateUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || data.version === version) { return null; }
          if (typing()) { offer(data.version); return null; }
          return swap().then(function () { version = data.version; });
        })
        .catch(function () { /* offline for a moment: try again next time */ })
        .then(function () { busy = false; });
    }
    window.setInterval(poll, POLL_MS);
  }

  function repairPhrases() {
    var list = document.querySelector(".repair-phrases");
    if (!list) { return; }
    var status = document.getElementById("repair-status");
    var lastBox = null;
    document.addEventListener("focusin", function (event) {
      if (event.target.tagName === "TEXTAREA") { lastBox = event.target; }
    });
    list.querySelectorAll("li").forEach(function (item) {
      var phrase = item.querySelector(".repair-phrase").textContent;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--small button--secondary";
      button.textContent = list.dataset.useLabel;
      button.setAttribute("aria-label", list.dataset.useLabel + ": " + phrase);
      button.addEventListener("click", function () {
        var box = (lastBox && document.body.contains(lastBox)) ? lastBox : document.querySelector("main textarea");
        if (!box) { return; }
        box.value = box.value ? box.value.replace(/\s*$/, " ") + phrase : phrase;
        box.focus();
        status.textContent = list.dataset.usedText;
      });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(button);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    liveUpdates();
    repairPhrases();
  });
})();
