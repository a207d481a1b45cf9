"""Tests for kinwell/accounts/services.py (sign_up, confirm_sign_up), views.py and tokens.py."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "display_name": "Robin",
    "email": "Robin@Example.org",
    "password1": "quiet-harbour-lantern",
    "password2": "quiet-harbour-lantern",
    "time_zone": "America/Denver",
    "language": "es",
}


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Posts the sign-up form and runs what waits for the commit (the email task)."""

    def post(data=SIGN_UP, path="/accounts/signup/"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, data)

    return post


def main_of(response) -> str:
    page = response.content.decode()
    return page[page.index("<main"):page.index("</main>")]


def confirmation_path(message) -> str:
    link = re.search(r"http://\S+/accounts/signup/confirm/\S+", message.body).group(0)
    return link.split("testserver", 1)[-1].split("127.0.0.1:8000", 1)[-1]


def test_sign_up_creates_a_person_who_confirms_by_email_and_is_signed_in(client, sign_up):
    response = sign_up()
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/sent/"
    person = get_user_model().objects.get()
    assert (person.email, person.display_name, person.time_zone, person.language, person.is_active) == (
        "robin@example.org",
        "Robin",
        "America/Denver",
        "es",
        False,
    )
    assert person.password.startswith("md5$") or person.password.startswith("argon2")
    assert not client.get("/").context["user"].is_authenticated
    # Not usable until confirmed: a login now fails like any wrong password.
    refused = client.post("/accounts/login/", {"username": "robin@example.org", "password": SIGN_UP["password1"]})
    assert refused.status_code == 400
    (message,) = mail.outbox
    assert message.to == ["robin@example.org"]
    path = confirmation_path(message)
    wrong = client.post(path, {"password": "not-the-one-i-chose"})
    assert wrong.status_code == 400 and not get_user_model().objects.get().is_active
    response = client.post(path, {"password": SIGN_UP["password1"]})
    assert response.status_code == 302
    assert client.get("/").context["user"] == person
    # The link works once.
    client.post("/accounts/logout/")
    assert client.get(path).status_code == 410


def test_a_confirmation_link_leads_on_to_where_sign_up_started(client, sign_up):
    sign_up({**SIGN_UP, "next": "/circles/new/"}, "/accounts/signup/?next=/circles/new/")
    path = confirmation_path(mail.outbox[0])
    assert "next=%2Fcircles%2Fnew%2F" in path
    response = client.post(path, {"password": SIGN_UP["password1"], "next": "/circles/new/"})
    assert response["Location"] == "/circles/new/"


def test_signing_up_again_before_confirming_makes_the_first_link_stop_working(client, sign_up):
    sign_up()
    first = confirmation_path(mail.outbox[0])
    sign_up({**SIGN_UP, "password1": "another-harbour-lamp", "password2": "another-harbour-lamp"})
    second = confirmation_path(mail.outbox[1])
    assert client.get(first).status_code == 410
    assert client.post(second, {"password": "another-harbour-lamp"}).status_code == 302
    assert get_user_model().objects.count() == 1


def test_passwords_are_stored_as_argon2_hashes_outside_tests(settings):
    from kinwell import settings as project_settings
    from kinwell.accounts import services

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS  # the tests swap in a fast hasher
    services.sign_up(email="argon@example.org", password="river-stone-meadow", display_name="Argon")
    person = get_user_model().objects.get(email="argon@example.org")
    assert person.password.startswith("argon2$argon2id$") and "river-stone-meadow" not in person.password
    assert person.check_password("river-stone-meadow") and not person.check_password("river-stone-meadoW")


def test_signing_up_with_a_registered_email_looks_the_same_and_tells_the_owner(client, sign_up):
    owner = UserFactory(email="robin@example.org", display_name="Robin Owner")
    new = sign_up({**SIGN_UP, "email": "someone-new@example.org"})
    taken = sign_up()
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert main_of(client.get(taken["Location"])) == main_of(client.get(new["Location"]))
    owner.refresh_from_db()
    assert owner.check_password(DEFAULT_PASSWORD) and owner.display_name == "Robin Owner" and owner.is_active
    warning = [m for m in mail.outbox if m.to == ["robin@example.org"]]
    assert len(warning) == 1 and "tried to create a Kinwell account with your email" in warning[0].body
    reset = re.search(r"http://\S+/accounts/password/reset/\S+/\S+/", warning[0].body).group(0)
    response = client.get(reset.split("127.0.0.1:8000", 1)[-1], follow=True)
    assert response.status_code == 200 and "new_password1" in response.content.decode()
    assert get_user_model().objects.filter(email="robin@example.org").count() == 1


def test_missing_fields_are_named_next_to_the_field_and_in_the_summary(client):
    response = client.post("/accounts/signup/", {"email": "x@example.org"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'aria-invalid="true"' in page
    assert 'id="id_display_name_error"' in page
    assert not get_user_model().objects.exists()


def test_a_weak_password_is_refused(client):
    response = client.post("/accounts/signup/", {**SIGN_UP, "password1": "12345678", "password2": "12345678"})
    assert response.status_code == 400
    assert not get_user_model().objects.exists()


def test_log_in_and_out(client):
    person = UserFactory(email="kim@example.org")
    response = client.post("/accounts/login/", {"username": "KIM@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == person
    assert client.post("/accounts/logout/").status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_a_wrong_password_gets_a_400_with_a_message(client):
    UserFactory(email="kim@example.org")
    response = client.post("/accounts/login/", {"username": "kim@example.org", "password": "nope"})
    assert response.status_code == 400
    assert "do not match an account" in response.content.decode()


def test_repeated_failures_lock_the_account_in_the_database(client, settings):
    UserFactory(email="kim@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "kim@example.org", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "kim@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert "locked for 15 minutes" in response.content.decode()
    from axes.models import AccessAttempt

    # Kept in the database, so every app server sees the same count.
    assert AccessAttempt.objects.filter(username="kim@example.org").exists()


def test_password_reset_by_email(client):
    UserFactory(email="kim@example.org")
    response = client.post("/accounts/password/reset/", {"email": "kim@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    path = urlsplit(link).path
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"})
    assert response.status_code == 302
    client.post("/accounts/logout/")
    response = client.post("/accounts/login/", {"username": "kim@example.org", "password": "a-brand-new-passphrase"})
    assert response.status_code == 302


def test_password_reset_for_an_unknown_email_says_the_same_and_sends_nothing(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_change_password(client_for):
    person = UserFactory()
    client = client_for(person)
    bad = client.post("/accounts/password/", {"old_password": "wrong", "new_password1": "x", "new_password2": "y"})
    assert bad.status_code == 400
    good = client.post(
        "/accounts/password/",
        {"old_password": DEFAULT_PASSWORD, "new_password1": "river-stone-meadow", "new_password2": "river-stone-meadow"},
    )
    assert good.status_code == 302
    person.refresh_from_db()
    assert person.check_password("river-stone-meadow")
