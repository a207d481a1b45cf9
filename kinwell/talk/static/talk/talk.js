// Talking together: progressive enhancement only; every page works without this file.
// 1. A guided conversation keeps itself up to date: it asks the server every few seconds
//    whether anything changed (a tiny JSON answer) and, if so, swaps in the fresh part of
//    the page. A draft being typed is never thrown away: the person chooses when to update.
// 2. Repair phrases get a "Use" button that adds the phrase to the text box in use.
// 3. The message coach reads a draft as it is written (a pause after typing sends it to
//    the coach endpoint; nothing is saved) and shows what it noticed under the box.
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
        liveCoach(live);
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

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function coachBox(box, form, labels) {
    var panel = document.createElement("div");
    panel.className = "coach-live small";
    var announce = document.createElement("p");
    announce.className = "visually-hidden";
    announce.setAttribute("role", "status");
    var detail = document.createElement("div");
    panel.appendChild(announce);
    panel.appendChild(detail);
    box.insertAdjacentElement("afterend", panel);
    var timer = null;
    var lastCount = 0;

    function paragraph(text) {
      var p = document.createElement("p");
      p.textContent = text;
      return p;
    }

    // Fear or control in the draft: no findings, the coach steps aside and points to help.
    function showAfraid(result) {
      detail.appendChild(paragraph(result.threatening ? labels.dataset.threatTitle : labels.dataset.afraidTitle));
      detail.appendChild(paragraph(result.safety_note));
      var list = document.createElement("ul");
      (result.help || []).forEach(function (resource) {
        resource.actions.forEach(function (action) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = action.href;
          link.textContent = resource.name + ": " + action.label;
          item.appendChild(link);
          list.appendChild(item);
        });
      });
      [[labels.dataset.articleUrl, labels.dataset.articleText], [labels.dataset.helpUrl, labels.dataset.helpText]].forEach(function (pair) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = pair[0];
        link.textContent = pair[1];
        item.appendChild(link);
        list.appendChild(item);
      });
      detail.appendChild(list);
    }

    function show(result) {
      detail.textContent = "";
      var count = result.findings.length;
      // The crisis check runs before the coach: help comes first, as after a saved text.
      var crisis = result.safety && result.safety.level !== "none";
      if (crisis) {
        var help = document.createElement("p");
        help.className = "coach-live__help";
        help.appendChild(document.createTextNode(labels.dataset.crisis + " "));
        var link = document.createElement("a");
        link.href = result.safety.help_url;
        link.textContent = labels.dataset.helpLink;
        help.appendChild(link);
        detail.appendChild(help);
      }
      if (result.afraid) {
        showAfraid(result);
      } else if (count) {
        detail.appendChild(paragraph(labels.dataset.title));
        var list = document.createElement("ul");
        result.findings.forEach(function (finding) {
          var item = document.createElement("li");
          var quote = document.createElement("q");
          quote.textContent = finding.excerpt;
          item.appendChild(quote);
          item.appendChild(document.createTextNode(": " + finding.explanation + " "));
          var lead = document.createElement("strong");
          lead.textContent = finding.rewritten ? labels.dataset.rewritten : labels.dataset.suggestion;
          item.appendChild(lead);
          item.appendChild(document.createTextNode(" " + finding.suggestion));
          list.appendChild(item);
        });
        detail.appendChild(list);
      }
      var state = crisis ? "crisis" : (result.afraid ? "afraid" : count);
      if (state !== lastCount) {
        announce.textContent = crisis ? labels.dataset.crisis : (result.afraid ? labels.dataset.afraidTitle : (count === 0 ? labels.dataset.clear : (count === 1 ? labels.dataset.countOne : labels.dataset.countMany)));
        lastCount = state;
      }
    }

    function check() {
      var text = box.value.trim();
      if (!text) { show({findings: []}); return; }
      fetch(form.dataset.coachUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken(form)},
        body: JSON.stringify({text: text.slice(0, 1500), language: (document.documentElement.lang || "en").slice(0, 2) === "es" ? "es" : "en"})
      }).then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) { if (result) { show(result); } })
        .catch(function () { /* the coach is a help, never a gate */ });
    }

    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 700);
    });
  }

  function liveCoach(root) {
    var labels = document.getElementById("coach-live-labels");
    if (!labels || !window.fetch) { return; }
    root.querySelectorAll("form[data-coach-url] textarea").forEach(function (box) {
      if (box.dataset.coachReady) { return; }
      box.dataset.coachReady = "1";
      coachBox(box, box.form, labels);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    liveUpdates();
    repairPhrases();
    liveCoach(document);
  });
})();
