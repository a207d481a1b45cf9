// Kinwell's service worker (served by kinwell/pwa/views.py from the site's root, so it
// looks after every page). What it keeps on the device, and nothing else:
// - "Get help now" and the offline pages, fetched without cookies at install, so the copy
//   kept is the one anybody would see;
// - the person's own safety plan, only after they press "Keep on this device" (the page
//   stores it; see enhance.js), deleted on "Remove from this device" and on log out;
// - a check-in sent while offline, until it can be sent (IndexedDB), also deleted on log out.
// Every other page goes to the network, and offline gets the offline page.
"use strict";

var CONFIG = {{ config|safe }};
var VERSION = "__VERSION__";
var SHELL = "kinwell-shell-" + VERSION;
var PLAN = "kinwell-plan";
var OUTBOX_DB = "kinwell-outbox";
var OUTBOX = "checkins";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    var pages = CONFIG.pages.map(function (url) {
      // Without cookies: a signed-in "Get help now" shows the safety plan, and that copy
      // must only ever be kept when the person asks.
      return fetch(new Request(url, {credentials: "omit", cache: "reload"})).then(function (response) {
        if (!response.ok) { throw new Error(url + " answered " + response.status); }
        return cache.put(url, response);
      });
    });
    return Promise.all(pages.concat([cache.addAll(CONFIG.static)]));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("kinwell-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST") {
    if (url.pathname === CONFIG.logout) {
      // A shared device must not keep anyone's plan or unsent words after they leave.
      event.respondWith(forgetPerson().then(function () { return fetch(request); }));
    } else if (request.mode === "navigate" && CONFIG.queued.indexOf(url.pathname) !== -1) {
      event.respondWith(sendOrKeep(request));
    }
    return;
  }
  if (request.method !== "GET") { return; }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
  } else if (CONFIG.static.indexOf(url.pathname) !== -1) {
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request, {ignoreVary: true}).then(function (kept) { return kept || fetch(request); });
    }));
  }
});

function navigate(request, url) {
  return fetch(request).catch(function () {
    if (url.pathname === CONFIG.plan) {
      return caches.open(PLAN).then(function (cache) { return cache.match(CONFIG.plan, {ignoreVary: true}); })
        .then(function (kept) { return kept || offlinePage(CONFIG.offline); });
    }
    if (url.pathname === CONFIG.helpNow) { return offlinePage(CONFIG.helpNow); }
    return offlinePage(CONFIG.offline);
  });
}

function offlinePage(path) {
  return caches.open(SHELL).then(function (cache) { return cache.match(path, {ignoreVary: true}); }).then(function (kept) {
    return kept || new Response("Offline. Call or text 988, text HOME to 741741, or call 911.",
                                {status: 503, headers: {"Content-Type": "text/plain; charset=utf-8"}});
  });
}

// --- Check-ins made offline ------------------------------------------------------------
function sendOrKeep(request) {
  var copy = request.clone();
  return fetch(request).catch(function () {
    return copy.text().then(function (body) {
      var key = new URLSearchParams(body).get("idempotency_key") || self.crypto.randomUUID();
      return outbox("readwrite", function (store) {
        store.put({key: key, url: copy.url, body: body, keptAt: Date.now()});
      });
    }).then(function () {
      if (self.registration.sync) {
        return self.registration.sync.register("kinwell-outbox").catch(function () {});
      }
    }).then(function () { return offlinePage(CONFIG.offlineSaved); });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag === "kinwell-outbox") { event.waitUntil(sendKept(null)); }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "send-kept") { event.waitUntil(sendKept(data.csrf || null)); }
  if (data.type === "forget-person") { event.waitUntil(forgetPerson()); }
});

var sending = null;

function sendKept(csrf) {
  // One round at a time; a check-in sent twice anyway is saved once (its Idempotency-Key).
  if (!sending) {
    sending = sendEach(csrf).finally(function () { sending = null; });
  }
  return sending;
}

function sendEach(csrf) {
  return outbox("readonly", function (store) { return store.getAll(); }).then(function (items) {
    var sent = 0;
    var chain = Promise.resolve(true);
    items.forEach(function (item) {
      chain = chain.then(function (online) {
        if (!online) { return false; }
        var body = new URLSearchParams(item.body);
        // The form's own token is refused once the person has signed in again; the page
        // that asks for the send passes the current one.
        if (csrf) { body.set("csrfmiddlewaretoken", csrf); }
        return fetch(item.url, {method: "POST", body: body, credentials: "same-origin", redirect: "manual",
                                headers: {"Idempotency-Key": item.key}})
          .then(function (response) {
            // Saved (or saved before), or a request that can never succeed: done with it.
            // Signed out (a redirect), an old token (403) or a server error: kept for later.
            if (response.ok || [400, 409, 422].indexOf(response.status) !== -1) {
              if (response.ok) { sent += 1; }
              return outbox("readwrite", function (store) { store.delete(item.key); }).then(function () { return true; });
            }
            return true;
          }, function () { return false; });
      });
    });
    return chain.then(function () {
      return outbox("readonly", function (store) { return store.count(); });
    }).then(function (left) {
      // The pages say when it went, and ask again later while something is left.
      return self.clients.matchAll({type: "window", includeUncontrolled: true}).then(function (windows) {
        windows.forEach(function (client) { client.postMessage({type: "kept-status", sent: sent, left: left}); });
      });
    });
  });
}

function outbox(mode, work) {
  return new Promise(function (resolve, reject) {
    var opening = indexedDB.open(OUTBOX_DB, 1);
    opening.onupgradeneeded = function () { opening.result.createObjectStore(OUTBOX, {keyPath: "key"}); };
    opening.onerror = function () { reject(opening.error); };
    opening.onsuccess = function () {
      var db = opening.result;
      var transaction = db.transaction(OUTBOX, mode);
      var request = work(transaction.objectStore(OUTBOX));
      transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
      transaction.onerror = function () { db.close(); reject(transaction.error); };
    };
  });
}

function forgetPerson() {
  return Promise.all([
    caches.delete(PLAN),
    outbox("readwrite", function (store) { store.clear(); }).catch(function () {}),
  ]);
}

// --- Push ------------------------------------------------------------------------------
// The payload is only ever {title, body, url} built from a notice's headline and glance:
// never anyone's words (kinwell/push/services.py).
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "Kinwell", {
    body: data.body || "",
    icon: CONFIG.icon,
    data: {url: sameOrigin(data.url)},
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = sameOrigin(event.notification.data && event.notification.data.url);
  event.waitUntil(self.clients.matchAll({type: "window", includeUncontrolled: true}).then(function (windows) {
    for (var i = 0; i < windows.length; i += 1) {
      if (windows[i].url === url && "focus" in windows[i]) { return windows[i].focus(); }
    }
    return self.clients.openWindow(url);
  }));
});

function sameOrigin(address) {
  // A notification only ever opens a page of this site.
  try {
    var url = new URL(address, self.location.origin);
    if (url.origin === self.location.origin) { return url.href; }
  } catch (error) { /* fall through to the start page */ }
  return self.location.origin + "/";
}
