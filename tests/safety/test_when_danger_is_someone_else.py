"""Tests for kinwell/safety/services.py (respond_to_assessment) and selectors.py.

Safe when home is not: when what a person writes says the danger is someone else
(who may be the very contact they chose), nothing automatic reaches anyone, the panel
offers no "let them know" button, and partner-violence help comes first."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kinwell.checkins import services as checkin_services
from kinwell.core.localtime import today_for
from kinwell.safety.detector import assess
from kinwell.safety import services
from kinwell.safety.models import SafetyPlan
from kinwell.safety.selectors import automatic_messages_paused
from tests.factories import CircleFactory

pytestmark = pytest.mark.django_db

SELF_URGENT = "I can't do this anymore. I've been saving my pills and tonight is the night."
DANGER = "My husband hits me and he said he will hurt me if I tell anyone."
WORRY_URGENT = "My husband just took a whole bottle of his pills and won't tell me how many."


def add_boundary(client, circle, text):
    return client.post(f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": text}, follow=True)


@pytest.fixture
def arranged(user, other_user):
    """The person chose other_user as their contact and asked to tell them without asking."""
    circle = CircleFactory(owner=user, members=[other_user])
    services.update_plan(owner=user, crisis_contact_id=other_user.pk, tell_without_asking=True, crisis_message="")
    return circle


@pytest.mark.parametrize("text", [DANGER, WORRY_URGENT])
def test_nothing_automatic_goes_when_the_danger_or_the_worry_is_someone_else(
        client_for, user, other_user, arranged, text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_boundary(client_for(user), arranged, text).content.decode()
    assert "crisis-panel" in page
    assert mail.outbox == []
    assert "we are letting" not in page
    assert f"Let {other_user.display_name} know" not in page


def test_the_urgent_self_directed_text_still_tells_the_contact_as_arranged(
        client_for, user, other_user, arranged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_boundary(client_for(user), arranged, SELF_URGENT).content.decode()
    assert [m.to for m in mail.outbox] == [[other_user.email]]
    assert "we are letting" in page
    assert SafetyPlan.objects.get(owner=user).contact_told_at is not None


def test_after_danger_from_someone_else_automatic_messages_pause_for_a_while(
        client_for, user, other_user, arranged, django_capture_on_commit_callbacks):
    client = client_for(user)
    with django_capture_on_commit_callbacks(execute=True):
        add_boundary(client, arranged, DANGER)
    assert automatic_messages_paused(owner=user)
    with django_capture_on_commit_callbacks(execute=True):
        page = add_boundary(client, arranged, SELF_URGENT).content.decode()
    assert mail.outbox == []
    assert "crisis-panel--urgent" in page and f"Let {other_user.display_name} know" not in page
    # The pause ends by itself.
    SafetyPlan.objects.filter(owner=user).update(automatic_paused_until=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        add_boundary(client, arranged, SELF_URGENT)
    assert [m.to for m in mail.outbox] == [[other_user.email]]


def test_the_signs_check_on_me_is_paused_after_danger_from_someone_else(
        user, other_user, django_capture_on_commit_callbacks):
    CircleFactory(owner=user, members=[other_user])
    checkin_services.update_sign_settings(
        user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[other_user.pk])
    services.respond_to_assessment(author=user, assessment=assess(DANGER))
    today = today_for(user)
    with django_capture_on_commit_callbacks(execute=True):
        for offset in range(34, 7, -1):
            checkin_services.record_checkin(owner=user, mood=4, day=today - timedelta(days=offset))
        for offset in range(6, -1, -1):
            checkin_services.record_checkin(owner=user, mood=2, day=today - timedelta(days=offset))
    from kinwell.checkins.models import SignNudge

    assert SignNudge.objects.filter(owner=user).exists()  # the sign still shows to the person
    assert mail.outbox == []


def test_partner_violence_help_comes_before_the_crisis_lines(client_for, user, arranged):
    page = add_boundary(client_for(user), arranged, DANGER).content.decode()
    assert page.index("1-800-799-7233") < page.index("Call 988")


def test_after_strangulation_the_panel_says_get_checked_by_a_doctor(client_for, user, arranged):
    page = add_boundary(client_for(user), arranged, "he choked me last night, only for a second").content.decode()
    assert "get checked by a doctor" in page
    assert "crisis-panel--urgent" in page


def test_the_contact_field_asks_for_someone_you_feel_safe_with(client_for, user, arranged):
    page = client_for(user).get("/safety-plan/").content.decode()
    assert "someone you feel safe with" in page
