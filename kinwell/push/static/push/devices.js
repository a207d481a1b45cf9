// Turning push on for this device (kinwell/push). The browser's permission prompt comes
// only after the person presses the button; without this script the page lists devices.
(function () {
  "use strict";
  var section = document.querySelector("[data-push-setup]");
  if (!section) { return; }
  var status = section.querySelector("[data-push-status]");
  var button = section.querySelector("[data-push-turn-on]");
  section.querySelector("[data-push-no-js]").hidden = true;
  var supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window &&
    window.isSecureContext;
  if (!supported) {
    section.querySelector("[data-push-unsupported]").hidden = false;
    return;
  }
  section.querySelector("[data-push-ready]").hidden = false;

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function cookie(name) {
    var found = document.cookie.split("; ").filter(function (part) { return part.indexOf(name + "=") === 0; })[0];
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function said(text) { status.textContent = text; }

  button.addEventListener("click", function () {
    button.disabled = true;
    said(section.dataset.workingText);
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { throw new Error("denied"); }
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(section.dataset.key)
        });
      });
    }).then(function (subscription) {
      return fetch(section.dataset.subscribeUrl, {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": cookie("csrftoken")},
        body: JSON.stringify(subscription.toJSON())
      });
    }).then(function (response) {
      if (!response.ok) { throw new Error("refused"); }
      window.location.reload();  // the list now shows this device, and the page says so
    }).catch(function (error) {
      button.disabled = false;
      said(error && error.message === "denied" ? section.dataset.deniedText : section.dataset.failedText);
    });
  });
})();
