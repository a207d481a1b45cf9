"""Tests for kinwell/circles/services.py and forms.py (names, boundaries).

A circle's name and a boundary are one line of visible text, in the web forms and
the API alike: control characters and text-direction overrides are refused with a
clear message and nothing is saved; spaces around them are trimmed (issue 16)."""

import pytest

from kinwell.circles import services
from kinwell.circles.models import Boundary, Circle
from kinwell.core.errors import ServiceError
from tests.api.test_api import Api
from tests.factories import CircleFactory

pytestmark = pytest.mark.django_db

HIDDEN = ["Maya\x16Jordan", "Maya\x00Jordan", "Maya\nJordan", "Maya\x85Jordan", "\u202enadroJ & ayaM",
          "Maya \u2066& Jordan\u2069"]
MESSAGE = "one line of ordinary text"


@pytest.mark.parametrize("name", HIDDEN)
def test_the_new_circle_form_refuses_a_hidden_character_and_saves_nothing(client_for, user, name):
    response = client_for(user).post("/circles/new/", {"name": name, "kind": "couple"})
    assert response.status_code == 400
    assert Circle.objects.count() == 0
    if "\x00" not in name:  # Django's own check answers first for NUL, in its own words
        assert MESSAGE in response.content.decode()


def test_the_message_is_in_spanish_for_a_spanish_speaker(client_for, user):
    user.language = "es"
    user.save()
    response = client_for(user).post("/circles/new/", {"name": "Los\x16Rivera", "kind": "family"},
                                     HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert "una sola línea de texto" in response.content.decode()
    assert not Circle.objects.exists()


def test_the_new_circle_form_trims_the_name(client_for, user):
    client_for(user).post("/circles/new/", {"name": "   Thursday friends \t ", "kind": "friends"})
    assert Circle.objects.get().name == "Thursday friends"


@pytest.mark.parametrize("name", HIDDEN)
def test_the_api_refuses_a_hidden_character_with_a_clear_400_and_saves_nothing(user, name):
    response = Api(user).post("/circles", {"name": name, "kind": "couple"})
    assert response.status_code == 400
    assert MESSAGE in response.json()["detail"]
    assert Circle.objects.count() == 0


def test_the_api_trims_the_name_and_keeps_what_people_really_write(user):
    api = Api(user)
    assert api.post("/circles", {"name": "  Maya & Jordan  ", "kind": "couple"}).json()["name"] == "Maya & Jordan"
    for name in ("💞 Nosotros", "مايا وجوردان", "Ana\u200dLuis", "שלום\u200f!"):
        assert api.post("/circles", {"name": name, "kind": "other"}).status_code == 201
    assert Circle.objects.count() == 5


def test_renaming_follows_the_same_rule(user):
    circle = CircleFactory(owner=user, name="Before")
    with pytest.raises(ServiceError, match=MESSAGE):
        services.rename_circle(actor=user, circle=circle, name="After\u202e")
    circle.refresh_from_db()
    assert circle.name == "Before"
    assert services.rename_circle(actor=user, circle=circle, name="  After ").name == "After"


def test_a_boundary_refuses_hidden_characters_on_the_page_and_in_the_api(client_for, user):
    circle = CircleFactory(owner=user)
    response = client_for(user).post(f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": "Ask\x16 first"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    response = Api(user).post(f"/circles/{circle.pk}/boundaries", {"text": "Ask first\u2067"})
    assert response.status_code == 400
    assert MESSAGE in response.json()["detail"]
    assert not Boundary.objects.exists()


def test_a_boundary_typed_over_two_lines_is_kept_as_one(client_for, user):
    circle = CircleFactory(owner=user)
    client_for(user).post(f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": "Text first.\r\n\r\nThen call."})
    assert Boundary.objects.get().text == "Text first. Then call."
