"""Tests for kinwell/core/views.py and urls.py."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/help-now/", "/accessibility/", "/privacy/", "/accounts/login/"])
def test_public_pages_have_the_help_link_and_no_third_party_requests(client, path):
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/help-now/"' in page
    assert "default-src 'self'" in response["Content-Security-Policy"]
    for needle in ('src="http', "src='http", 'href="//', "@import url(http"):
        assert needle not in page


def test_help_now_lists_us_crisis_resources_without_signing_in(client):
    page = client.get("/help-now/").content.decode()
    assert 'href="tel:988"' in page and 'href="sms:988"' in page
    assert "741741" in page and "HOME" in page
    assert 'href="tel:911"' in page
    assert "Outside the United States" in page


def test_help_now_is_in_spanish_for_spanish_browsers(client):
    page = client.get("/help-now/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="es">' in page
    assert "988" in page and "Obtén ayuda ahora" in page


def test_unknown_pages_get_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that" in response.content.decode()


def test_signed_in_pages_are_not_cached(client_for, user):
    response = client_for(user).get("/")
    assert response["Cache-Control"] == "no-store"


def test_a_stale_form_gets_a_plain_403(user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": user.email, "password": "x"})
    assert response.status_code == 403
    assert "reload the page" in response.content.decode()


def test_a_visitor_can_switch_to_spanish(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/help-now/"})
    assert response.status_code == 302
    assert '<html lang="es">' in client.get("/help-now/").content.decode()
