"""The installable app: its manifest, its service worker and the pages it keeps offline.

None of these show personal data: the offline pages are fetched by the service worker
without cookies, so the copy kept on a device is the one anybody would see.
"""

import hashlib
import json
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext as _
from django.views.decorators.http import require_safe

from kinwell.safety.panel import crisis_resources

THEME_COLOUR = "#1d5c63"  # site.css --accent: the header's colour
BACKGROUND_COLOUR = "#fbfaf7"  # site.css --paper
ICONS = [
    ("pwa/icons/icon-192.png", "192x192", "any"),
    ("pwa/icons/icon-512.png", "512x512", "any"),
    ("pwa/icons/icon-maskable-512.png", "512x512", "maskable"),
]
# What a page needs to look right offline: kept at install, served from the device.
SHELL_STATIC = ["kinwell/site.css", "kinwell/enhance.js", "kinwell/icon.svg", "safety/quick-exit.js",
                "pwa/icons/icon-192.png"]
# The check-in form: a check-in sent while offline is kept on the device and sent later.
QUEUED_FORMS = ["checkins:new"]


@require_safe
def manifest(request):
    document = {
        "name": "Kinwell",
        "short_name": "Kinwell",
        "description": _("A private space where the people close to you support each other's mental health."),
        "lang": get_language(),
        "start_url": "/?source=app",
        "scope": "/",
        "id": "/?source=app",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [{"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
                  for path, sizes, purpose in ICONS],
        "shortcuts": [
            {"name": _("Check in"), "url": reverse("checkins:new") + "?source=app",
             "icons": [{"src": static("pwa/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"}]},
            {"name": _("Get help now"), "url": reverse("core:help_now"),
             "icons": [{"src": static("pwa/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"}]},
        ],
    }
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2),
                            content_type="application/manifest+json; charset=utf-8")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@lru_cache(maxsize=1)
def _static_fingerprint() -> str:
    """Changes when a kept file does, so the worker installs afresh and drops the old copies."""
    digest = hashlib.sha256()
    for path in SHELL_STATIC:
        found = finders.find(path)
        digest.update(path.encode())
        if found:
            with open(found, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


def worker_config() -> dict:
    pages = [reverse("core:help_now"), reverse("pwa:offline"), reverse("pwa:offline_saved")]
    shell = [static(path) for path in SHELL_STATIC]
    return {
        "pages": pages,
        "static": shell,
        "helpNow": reverse("core:help_now"),
        "offline": reverse("pwa:offline"),
        "offlineSaved": reverse("pwa:offline_saved"),
        "plan": reverse("safety:plan"),
        "logout": reverse("accounts:logout"),
        "queued": [reverse(name) for name in QUEUED_FORMS],
        "icon": static("pwa/icons/icon-192.png"),
    }


@require_safe
def service_worker(request):
    config = worker_config()
    body = render_to_string("pwa/sw.js", {"config": json.dumps(config, indent=2)})
    version = hashlib.sha256((body + _static_fingerprint()).encode()).hexdigest()[:12]
    response = HttpResponse(body.replace("__VERSION__", version), content_type="text/javascript; charset=utf-8")
    # The browser checks for a new worker on every navigation; it must never get a stale one.
    response["Cache-Control"] = "no-cache"
    return response


def _offline_page(request, template: str):
    response = render(request, template, {"country": crisis_resources()})
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_safe
def offline(request):
    return _offline_page(request, "pwa/offline.html")


@require_safe
def offline_saved(request):
    return _offline_page(request, "pwa/offline_saved.html")
