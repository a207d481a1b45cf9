import re

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


def test_sign_up_creates_a_person_and_signs_them_in(client):
    response = client.post("/accounts/signup/", SIGN_UP)
    assert response.status_code == 302
    person = get_user_model().objects.get()
    assert (person.email, person.display_name, person.time_zone, person.language) == (
        "robin@example.org",
        "Robin",
        "America/Denver",
        "es",
    )
    assert person.password.startswith("md5$") or person.password.startswith("argon2")
    assert client.get("/").context["user"] == person


def test_passwords_are_hashed_with_argon2_outside_tests():
    from kinwell import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_duplicate_email_gets_a_clear_400(client):
    UserFactory(email="robin@example.org")
    response = client.post("/accounts/signup/", SIGN_UP)
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    assert get_user_model().objects.count() == 1


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
    path = link.split("testserver", 1)[1]
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
