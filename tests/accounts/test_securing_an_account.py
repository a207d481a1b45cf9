"""Tests for kinwell/accounts/services.py (end_sessions_and_tokens, token_for_api) and middleware.py.

After a compromise a person can secure their account: a password change or reset ends
every other session and every API token; tokens can expire and can be read-only; a shared
device signs out on its own."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import timezone

from kinwell.accounts import services
from kinwell.accounts.middleware import SHARED_DEVICE_KEY
from kinwell.accounts.models import ApiToken
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "river-stone-meadow"


def logged_in(person, password=DEFAULT_PASSWORD, **extra) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": person.email, "password": password, **extra})
    assert response.status_code == 302
    return client


def is_signed_in(client) -> bool:
    return client.get("/accounts/settings/").status_code == 200


def test_changing_the_password_ends_every_other_session_and_token_and_says_so():
    person = UserFactory()
    here, laptop, phone = logged_in(person), logged_in(person), logged_in(person)
    _token, raw = services.create_api_token(user=person, name="Phone app")
    services.create_api_token(user=person, name="Script", read_only=True)
    response = here.post("/accounts/password/", {
        "old_password": DEFAULT_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    }, follow=True)
    page = response.content.decode()
    assert "everywhere else you were signed in has been signed out" in page
    assert "Your 2 API tokens were revoked too" in page
    assert is_signed_in(here)
    assert not is_signed_in(laptop) and not is_signed_in(phone)
    # Gone from the session store, not only refused: one session is left, this one.
    assert Session.objects.count() == 1
    assert not ApiToken.objects.filter(user=person).exists()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert person.signed_in_sessions.count() == 1


def test_resetting_the_password_ends_every_session_and_token(client, django_capture_on_commit_callbacks):
    person = UserFactory(email="kim@example.org")
    elsewhere = logged_in(person)
    _token, raw = services.create_api_token(user=person, name="Phone app")
    client.post("/accounts/password/reset/", {"email": "kim@example.org"})
    link = re.search(r"http://\S+/accounts/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(urlsplit(link).path, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)
    page = response.content.decode()
    assert "Everywhere you were signed in has been signed out" in page and "Your API token was revoked too" in page
    assert not is_signed_in(elsewhere)
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_token_stops_working_when_it_expires():
    person = UserFactory()
    token, raw = services.create_api_token(user=person, name="Short", expires_in_days=30)
    api = Client()
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_read_only_token_reads_but_every_write_is_a_403_with_a_clear_message():
    person = UserFactory(display_name="Ren")
    _token, raw = services.create_api_token(user=person, name="Reader", read_only=True)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/me").json()["display_name"] == "Ren"
    from kinwell.checkins.services import record_checkin

    checkin = record_checkin(owner=person, mood=3).value
    writes = [("patch", "/api/v1/me", {"display_name": "Hacked"}), ("post", "/api/v1/circles", {"name": "X", "kind": "friends"}),
              ("put", "/api/v1/checkins/reminder", {"enabled": True}), ("delete", f"/api/v1/checkins/{checkin.pk}", None)]
    for method, path, body in writes:
        response = getattr(api, method)(path, data=body, content_type="application/json")
        assert response.status_code == 403, method
        assert response["Content-Type"].startswith("application/json")
        assert "This token can only read" in response.json()["detail"]
    person.refresh_from_db()
    assert person.display_name == "Ren" and not person.memberships.exists()
    assert person.checkins.filter(pk=checkin.pk).exists()
    writer_token, writer = services.create_api_token(user=person, name="Writer")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {writer}").patch(
        "/api/v1/me", data={"display_name": "Ren B"}, content_type="application/json").status_code == 200


def test_last_use_is_written_at_most_once_a_minute(django_assert_num_queries):
    person = UserFactory()
    token, raw = services.create_api_token(user=person, name="Busy")
    assert services.token_for_api(raw).last_used_at is not None
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    with django_assert_num_queries(1):  # a read, no write
        services.token_for_api(raw)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    services.token_for_api(raw)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def test_the_token_page_shows_scope_expiry_and_last_use(client_for):
    person = UserFactory()
    client = client_for(person)
    response = client.post("/accounts/tokens/", {"name": "Reader", "access": "read", "lifetime": "90"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=person)
    assert token.read_only and timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    page = client.get("/accounts/tokens/").content.decode()
    assert "Read only" in page and "Never" in page
    services.token_for_api(response.context["new_token"])
    page = client.get("/accounts/tokens/").content.decode()
    assert "Never" not in page
    assert client.post("/accounts/tokens/", {"name": "X", "access": "root", "lifetime": "9999"}).status_code == 400


def test_a_shared_device_session_ends_with_the_browser_and_after_30_idle_minutes():
    person = UserFactory()
    client = logged_in(person, shared_device="on")
    cookie = client.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    assert is_signed_in(client)
    session = client.session
    session[SHARED_DEVICE_KEY] -= 29 * 60
    session.save()
    assert is_signed_in(client)  # 29 idle minutes: still signed in, and the clock restarts
    session = client.session
    session[SHARED_DEVICE_KEY] -= 31 * 60
    session.save()
    response = client.get("/accounts/settings/", follow=True)
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert not is_signed_in(client)


def test_an_ordinary_login_keeps_its_session_cookie_for_two_weeks():
    client = logged_in(UserFactory())
    assert client.cookies["sessionid"]["max-age"] == 1209600
    session = client.session
    assert SHARED_DEVICE_KEY not in session
