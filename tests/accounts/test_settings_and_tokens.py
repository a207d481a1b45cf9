"""Tests for kinwell/accounts/views.py (settings, API tokens) and services.py."""

import pytest

from kinwell.accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_profile_settings_are_saved_and_applied(client_for):
    person = UserFactory()
    client = client_for(person)
    response = client.post(
        "/accounts/settings/", {"display_name": "Ren", "time_zone": "Europe/Madrid", "language": "es"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.display_name, person.time_zone, person.language) == ("Ren", "Europe/Madrid", "es")
    page = client.get("/accounts/settings/")
    assert page["Content-Language"] == "es"
    assert '<html lang="es">' in page.content.decode()


def test_bad_settings_are_refused_and_nothing_changes(client_for):
    person = UserFactory(display_name="Ren")
    client = client_for(person)
    response = client.post("/accounts/settings/", {"display_name": "", "time_zone": "Mars/Olympus", "language": "xx"})
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.display_name == "Ren" and person.time_zone == "UTC"


def test_tokens_are_created_shown_once_and_revoked(client_for):
    person = UserFactory()
    client = client_for(person)
    response = client.post("/accounts/tokens/", {"name": "My phone", "access": "write", "lifetime": "30"})
    raw = response.context["new_token"]
    assert raw.startswith("kw_")
    token = ApiToken.objects.get(user=person)
    assert token.token_hash != raw and raw not in token.token_hash
    assert raw not in client.get("/accounts/tokens/").content.decode()
    api = client.__class__()
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").json()["email"] == person.email
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_nobody_revokes_another_persons_token(client_for):
    owner, stranger = UserFactory(), UserFactory()
    token = ApiToken.objects.create(user=owner, name="x", token_hash="h" * 64, hint="kw_abc")
    response = client_for(stranger).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_an_empty_token_name_is_a_400(client_for):
    response = client_for(UserFactory()).post("/accounts/tokens/", {"name": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_token_tables_may_column_does_not_turn_may_in_spanish_dates_into_puede():
    import datetime

    from django.utils import dateformat, translation

    with translation.override("es"):
        assert dateformat.format(datetime.date(2026, 5, 2), "F") == "mayo"
