import json
import struct

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from kinwell.pwa.views import ICONS, worker_config

pytestmark = pytest.mark.django_db


def png_size(path) -> tuple[int, int]:
    with open(path, "rb") as handle:
        header = handle.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_manifest_is_served_from_our_origin_with_what_browsers_need(client):
    response = client.get(reverse("pwa:manifest"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == "Kinwell" and manifest["short_name"] == "Kinwell" and manifest["description"]
    assert manifest["start_url"] == "/?source=app" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#1d5c63" and manifest["background_color"] == "#fbfaf7"
    declared = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= declared
    shortcuts = {shortcut["url"] for shortcut in manifest["shortcuts"]}
    assert shortcuts == {"/check-ins/new/?source=app", "/help-now/"}


def test_every_declared_icon_exists_at_its_declared_size(client):
    manifest = json.loads(client.get(reverse("pwa:manifest")).content)
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        width, height = png_size(path)
        assert f"{width}x{height}" == icon["sizes"]
    assert png_size(finders.find("pwa/icons/apple-touch-icon-180.png")) == (180, 180)
    assert len(ICONS) == 3


def test_the_manifest_speaks_spanish(client):
    manifest = json.loads(client.get(reverse("pwa:manifest"), HTTP_ACCEPT_LANGUAGE="es").content)
    assert manifest["lang"] == "es"
    assert {shortcut["name"] for shortcut in manifest["shortcuts"]} == {"Haz un registro", "Obtén ayuda ahora"}


def test_every_page_links_the_manifest_and_the_theme_colour(client):
    page = client.get(reverse("core:help_now")).content.decode()
    assert f'rel="manifest" href="{reverse("pwa:manifest")}"' in page
    assert '<meta name="theme-color" content="#1d5c63">' in page
    assert 'rel="apple-touch-icon"' in page


def test_the_service_worker_is_served_from_the_root_never_stale(client):
    response = client.get(reverse("pwa:service_worker"))
    assert reverse("pwa:service_worker") == "/sw.js"
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    # Our own origin only: the policy every page has.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    body = response.content.decode()
    assert "__VERSION__" not in body and "{{" not in body and "{%" not in body
    assert 'var VERSION = "' in body


def test_the_worker_keeps_only_public_pages_and_sends_check_ins_later():
    config = worker_config()
    assert config["pages"] == ["/help-now/", "/offline/", "/offline/saved/"]
    assert config["queued"] == ["/check-ins/new/"]
    assert config["plan"] == "/safety-plan/" and config["logout"] == "/accounts/logout/"


def test_the_worker_changes_when_a_kept_file_does(client, monkeypatch):
    from kinwell.pwa import views

    before = client.get(reverse("pwa:service_worker")).content.decode()
    monkeypatch.setattr(views, "_static_fingerprint", lambda: "another")
    after = client.get(reverse("pwa:service_worker")).content.decode()
    assert before != after


@pytest.mark.parametrize("name", ["pwa:offline", "pwa:offline_saved"])
def test_the_offline_pages_list_the_lines_that_work_without_internet(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    for number in ("tel:988", "sms:988", "741741", "tel:911"):
        assert number in page, number
    assert reverse("core:help_now") in page
    assert "Leave this page quickly" in page
    assert 'name="csrfmiddlewaretoken"' not in page  # nothing on a kept page ties it to a visit


def test_the_saved_page_says_the_check_in_waits(client):
    page = client.get(reverse("pwa:offline_saved")).content.decode()
    assert "Saved on this device — it will be sent when you're back online." in page


def test_the_offline_page_in_spanish(client):
    page = client.get(reverse("pwa:offline"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Sin conexión" in page


def test_the_safety_plan_page_offers_to_keep_it_only_with_javascript(client_for, user):
    page = client_for(user).get(reverse("safety:plan")).content.decode()
    assert "data-keep-offline hidden" in page
    assert "Keep on this device for offline use" in page and "Remove from this device" in page
    assert "Anyone who picks up this device could then read it" in page


@pytest.mark.parametrize("name", ["pwa:manifest", "pwa:service_worker", "pwa:offline"])
def test_writes_are_refused(client, name):
    assert client.post(reverse(name)).status_code == 405
