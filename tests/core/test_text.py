"""One rule for every short name and title a person types (issue 16): trimmed, and no
control characters (C0, C1) or text-direction embeddings, overrides and isolates,
which could make a name read differently from what was typed."""

import pytest
from django.contrib.auth import get_user_model

from kinwell.accounts.models import ApiToken
from kinwell.checkins.models import CheckIn
from kinwell.connect.models import PlannedDate
from kinwell.core.errors import ServiceError
from kinwell.core.text import clean_name, has_hidden_characters
from kinwell.journal.models import Goal
from kinwell.library.catalogue import articles
from kinwell.library.models import Reply
from kinwell.support.models import PlanStep, SupportPlan
from kinwell.talk.models import Conflict, Conversation
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory

MESSAGE = "one line of ordinary text"
REFUSED = [chr(c) for c in range(0x00, 0x20)] + [chr(c) for c in range(0x7F, 0xA0)] + [
    "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
ALLOWED = ["Maya & Jordan", "💞", "مايا", "שלום\u200f", "Ana\u200dLuis", "Sofía", "数字", "<b>"]


@pytest.mark.parametrize("character", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_every_control_and_direction_character_inside_a_name_is_refused(character):
    assert has_hidden_characters(f"a{character}b")
    with pytest.raises(ServiceError, match=MESSAGE):
        clean_name(f"a{character}b", max_length=80)


@pytest.mark.parametrize("name", ALLOWED)
def test_what_people_really_write_is_kept(name):
    assert clean_name(f"  {name} ", max_length=80) == name


def test_length_and_emptiness_are_checked_after_trimming():
    assert clean_name("  ", max_length=5, allow_empty=True) == ""
    with pytest.raises(ServiceError, match="Name it"):
        clean_name(" \t ", max_length=5, empty_message="Name it")
    with pytest.raises(ServiceError, match="under 5"):
        clean_name("abcdef", max_length=5)
    assert clean_name("one\r\ntwo", max_length=20, join_lines=True) == "one two"


@pytest.fixture
def couple(db):
    maya, jordan = UserFactory(), UserFactory()
    return maya, jordan, CircleFactory(owner=maya, members=[jordan], kind="couple")


def _cases(maya, jordan, circle):
    """(path, body with {bad} where the name goes, what must stay unsaved) for each short
    name or title the API takes."""
    plan = SupportPlan.objects.create(owner=maya)
    slug = next(iter(articles()))
    return [
        ("patch", "/me", {"display_name": "{bad}"}, lambda: type(maya).objects.filter(pk=maya.pk).exclude(display_name=maya.display_name)),
        ("post", "/checkins", {"mood": 3, "tags": ["walk", "{bad}"]}, lambda: CheckIn.objects.all()),
        ("post", "/journal/goals", {"area": "rest", "title": "{bad}"}, lambda: Goal.objects.all()),
        ("post", f"/together/circles/{circle.pk}/plans",
         {"invitee_id": jordan.pk, "title": "{bad}", "starts_local": "2099-01-01T10:00:00", "minutes": 60},
         lambda: PlannedDate.objects.all()),
        ("post", f"/talk/circles/{circle.pk}/conversations", {"partner_id": jordan.pk, "topic": "{bad}"},
         lambda: Conversation.objects.all()),
        ("post", f"/talk/circles/{circle.pk}/conflicts", {"people": [jordan.pk], "issue": "{bad}"},
         lambda: Conflict.objects.all()),
        ("post", f"/support-plan/{plan.pk}/steps", {"text": "{bad}"}, lambda: PlanStep.objects.all()),
        ("post", f"/library/articles/{slug}/replies", {"text": "Thank you.", "display_name": "{bad}"},
         lambda: Reply.objects.all()),
    ]


@pytest.mark.parametrize("bad", ["x\x16y", "x\u202ey", "x\x9by"], ids=["SYN", "RLO", "CSI"])
def test_every_short_name_the_api_takes_refuses_hidden_characters_and_saves_nothing(couple, bad):
    maya, jordan, circle = couple
    api = Api(maya)
    for method, path, body, saved in _cases(maya, jordan, circle):
        body = {key: (value.replace("{bad}", bad) if isinstance(value, str) else
                      [v.replace("{bad}", bad) for v in value] if isinstance(value, list) and value
                      and isinstance(value[0], str) else value) for key, value in body.items()}
        response = getattr(api, method)(path, body)
        assert response.status_code == 400, (path, response.content)
        assert MESSAGE in response.json()["detail"], path
        assert not saved().exists(), path


def test_the_token_and_sign_up_forms_refuse_them_too(client_for, db):
    person = UserFactory()
    response = client_for(person).post("/accounts/tokens/", {"name": "My\u202ephone"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not ApiToken.objects.filter(user=person).exists()
    response = client_for(person).post("/accounts/settings/", {"display_name": "Sam\x1b[31m", "time_zone": "UTC",
                                                              "language": "en"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    person.refresh_from_db()
    assert "\x1b" not in person.display_name


def test_signing_up_with_a_hidden_character_in_the_name_makes_no_account(client, db):
    response = client.post("/accounts/signup/", {
        "display_name": "\u202eEve", "email": "eve@example.org", "time_zone": "UTC", "language": "en",
        "password1": "a-long-enough-password-1", "password2": "a-long-enough-password-1"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not get_user_model().objects.filter(email="eve@example.org").exists()


# One-line text boxes that are not names or titles, and why they may stay as they are.
NOT_NAMES = {
    ("directory", "FinderForm", "zip"): "search words: never saved, never shown to anyone",
    ("directory", "FinderForm", "q"): "search words: never saved, never shown to anyone",
    ("library", "SearchForm", "q"): "search words: never saved, never shown to anyone",
    ("moderation", "ModerationForm", "target_type"): "a key checked against the moderation registry",
    ("moderation", "ModerationForm", "note"): "a moderator's message to a person, free text",
    ("safety", "SafetyPlanForm", "crisis_message"): "a message in the person's own words, screened as free text",
}
APPS = ["accounts", "checkins", "circles", "connect", "directory", "journal", "library", "moderation", "safety",
        "screening", "summary", "support", "talk"]


def test_every_one_line_text_box_in_a_form_is_a_name_field_or_says_why_not():
    import importlib
    import inspect

    from django import forms

    from kinwell.core.text import NameField

    unchecked = []
    for app in APPS:
        module = importlib.import_module(f"kinwell.{app}.forms")
        for form_name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module.__name__:
                continue
            for field_name, field in form.base_fields.items():
                one_line_text = type(field.widget) is forms.TextInput and type(field) in (forms.CharField, NameField)
                if one_line_text and not isinstance(field, NameField) and (app, form_name, field_name) not in NOT_NAMES:
                    unchecked.append(f"{app}.{form_name}.{field_name}")
    assert unchecked == []
    assert isinstance(importlib.import_module("kinwell.circles.forms").CircleForm.base_fields["name"], NameField)
