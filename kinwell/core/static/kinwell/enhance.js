// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Lets site.css drop the navigation's groups down over the page: only worth it when
  // the code below can close them again (Escape, a click elsewhere, focus moving on).
  document.documentElement.classList.add("js");

  function navigationGroups() {
    var groups = document.querySelectorAll(".site-nav details");
    function dropsDown(group) {
      var links = group.querySelector(".nav-group__links");
      return links && getComputedStyle(links).position === "absolute";
    }
    groups.forEach(function (group) {
      // Browsers without <details name> would let several groups stay open at once.
      group.addEventListener("toggle", function () {
        if (!group.open) { return; }
        groups.forEach(function (other) { if (other !== group) { other.open = false; } });
      });
      group.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !group.open) { return; }
        event.preventDefault();
        group.open = false;
        group.querySelector("summary").focus();
      });
      // A group over the page must not hide what focus moves to next.
      group.addEventListener("focusout", function (event) {
        if (group.open && dropsDown(group) && event.relatedTarget && !group.contains(event.relatedTarget)) {
          group.open = false;
        }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (group) {
        if (group.open && dropsDown(group) && !group.contains(event.target)) { group.open = false; }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    navigationGroups();

    // Move focus to a form's error summary so screen-reader users hear it first.
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }

    // A "Copy" button beside read-only fields that hold a link or token.
    document.querySelectorAll("input.copy-field").forEach(function (field) {
      if (!navigator.clipboard) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary copy-button";
      button.textContent = field.dataset.copyLabel || "Copy";
      var status = document.createElement("span");
      status.setAttribute("role", "status");
      status.className = "small";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          status.textContent = " Copied.";
        }, function () {
          field.select();
          status.textContent = " Select the text and copy it.";
        });
      });
      field.insertAdjacentElement("afterend", status);
      field.insertAdjacentElement("afterend", button);
    });
  });
})();

// --- On your phone (kinwell/pwa): the service worker, check-ins kept offline, the safety
// plan kept on this device. Without JavaScript or service workers, nothing here runs and
// every page works as before.
(function () {
  "use strict";
  var PLAN_CACHE = "kinwell-plan";  // the same name as in the service worker
  var manifest = document.querySelector('link[rel="manifest"][data-service-worker]');
  if (!manifest || !("serviceWorker" in navigator) || !window.isSecureContext) { return; }

  function cookie(name) {
    var found = document.cookie.split("; ").filter(function (part) { return part.indexOf(name + "=") === 0; })[0];
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function tellWorker(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) { registration.active.postMessage(message); }
    });
  }

  var retryIn = 2000;
  var retry = null;

  function sendKept() {
    clearTimeout(retry);
    if (navigator.onLine === false) { return; }
    tellWorker({type: "send-kept", csrf: cookie("csrftoken")});
  }

  // After the page has loaded: installing fetches the pages kept offline, and the page
  // the person opened comes first.
  function register() {
    navigator.serviceWorker.register(manifest.dataset.serviceWorker).then(sendKept, function () {});
  }
  if (document.readyState === "complete") { register(); } else { window.addEventListener("load", register); }
  window.addEventListener("online", sendKept);
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "kept-status") { return; }
    var status = document.querySelector("[data-kept-status]");
    if (event.data.sent && status && status.dataset.sentText) { status.textContent = status.dataset.sentText; }
    if (event.data.left) {
      // A connection that has only just come back may drop the first try: try again,
      // less and less often, while this page is open.
      clearTimeout(retry);
      retry = setTimeout(sendKept, retryIn);
      retryIn = Math.min(retryIn * 2, 60000);
    } else {
      retryIn = 2000;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Log out: forget the kept plan and unsent check-ins first (the worker does it too
    // when it sees the request; this covers a page it does not control).
    document.querySelectorAll('form[data-forget-on-submit]').forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.dataset.forgotten || !window.caches) { return; }
        event.preventDefault();
        form.dataset.forgotten = "1";
        var done = function () {
          if (form.dataset.forgotten === "sent") { return; }
          form.dataset.forgotten = "sent";
          form.submit();
        };
        Promise.all([caches.delete(PLAN_CACHE), tellWorker({type: "forget-person"})]).then(done, done);
        setTimeout(done, 1500);  // logging out must never wait on this
      });
    });

    var keep = document.querySelector("[data-keep-offline]");
    if (keep && window.caches) { keepPlan(keep); }
  });

  function keepPlan(section) {
    var planUrl = section.dataset.planUrl;
    var ownerKey = planUrl + "?kept-by";
    var owner = section.dataset.owner;
    var keepButton = section.querySelector("[data-keep]");
    var removeButton = section.querySelector("[data-remove]");
    var status = section.querySelector("[role=status]");

    function show(kept, said) {
      section.hidden = false;
      keepButton.hidden = kept;
      removeButton.hidden = !kept;
      if (said) { status.textContent = said; }
    }
    function store(cache) {
      return cache.add(planUrl).then(function () {
        return cache.put(ownerKey, new Response(owner));
      });
    }
    caches.open(PLAN_CACHE).then(function (cache) {
      return cache.match(ownerKey).then(function (marker) {
        if (!marker) { show(false); return; }
        return marker.text().then(function (keptBy) {
          if (keptBy !== owner) {
            // Someone else's plan, left by a session that ended without logging out.
            return caches.delete(PLAN_CACHE).then(function () { show(false); });
          }
          show(true);
          return store(cache);  // the kept copy follows the plan as it changes
        });
      });
    }).catch(function () { section.hidden = true; });

    keepButton.addEventListener("click", function () {
      caches.open(PLAN_CACHE).then(store).then(function () {
        show(true, section.dataset.keptText);
        removeButton.focus();
      }, function () { status.textContent = section.dataset.failedText; });
    });
    removeButton.addEventListener("click", function () {
      caches.delete(PLAN_CACHE).then(function () {
        show(false, section.dataset.removedText);
        keepButton.focus();
      });
    });
  }
})();
