"""Tests for kinwell/circles/services.py (set_space) and selectors.py (member_as_seen_by).

Pausing quietly (issue 15, point 9): the circle sees the person's data simply as not
shared, with no banner and no "taking space" anywhere it can look: pages, API, emails."""

import pytest
from django.core import mail
from django.urls import reverse

from kinwell.checkins import services as checkin_services
from kinwell.circles import access, services
from kinwell.circles.models import DataKind
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db

TELLING = ("taking space", "taking some space", "☾", "paused", "pause")


@pytest.fixture
def world():
    rae, jo = UserFactory(display_name="Rae"), UserFactory(display_name="Jo")
    circle = CircleFactory(owner=jo, members=[rae])
    share(rae, circle, DataKind.CHECKIN_MOOD, DataKind.SAFETY_PLAN)
    services.add_boundary(user=rae, circle=circle, text="Knock before coming in, please.")
    return rae, jo, circle


def pages_jo_sees(client, circle, rae):
    return {
        path: client.get(path).content.decode()
        for path in (
            f"/circles/{circle.pk}/",
            f"/circles/{circle.pk}/members/{rae.pk}/",
            reverse("checkins:circle", args=[circle.pk]),
            reverse("connect:circle", args=[circle.pk]),
        )
    }


def test_a_quiet_pause_hides_the_data_and_the_pause_itself(client_for, world):
    rae, jo, circle = world
    client_for(rae).post(f"/circles/{circle.pk}/sharing/", {"action": "space", "paused": "on", "quietly": "on"})
    membership = circle.memberships.get(user=rae)
    assert membership.space_paused and membership.space_quiet

    # The policy hides everything, as for any pause.
    for kind in (DataKind.CHECKIN_MOOD, DataKind.SAFETY_PLAN, access.BOUNDARIES):
        assert not access.can_view(viewer=jo, owner=rae, kind=kind, circle=circle)
    # And nothing Jo can open says there is a pause.
    for path, page in pages_jo_sees(client_for(jo), circle, rae).items():
        for word in TELLING:
            assert word not in page.lower(), (path, word)
        assert "Knock before coming in" not in page
    member = Api(jo).get(f"/circles/{circle.pk}").json()["members"]
    seen = next(m for m in member if m["user_id"] == rae.pk)
    assert seen["taking_space"] is False and seen["space_until"] is None
    assert seen["shares"] == [] and seen["boundaries"] == []
    assert "quiet" not in str(seen)


def test_an_ordinary_pause_still_says_taking_space(client_for, world):
    rae, jo, circle = world
    client_for(rae).post(f"/circles/{circle.pk}/sharing/", {"action": "space", "paused": "on"})
    assert "Rae is taking some space." in client_for(jo).get(f"/circles/{circle.pk}/").content.decode()


def test_the_person_sees_their_own_quiet_pause_and_can_end_it(client_for, world):
    rae, jo, circle = world
    client = client_for(rae)
    saved = client.post(f"/circles/{circle.pk}/sharing/", {"action": "space", "paused": "on", "quietly": "on"}, follow=True)
    assert "paused quietly" in saved.content.decode()
    assert "paused quietly" in client.get(f"/circles/{circle.pk}/").content.decode()
    client.post(f"/circles/{circle.pk}/sharing/", {"action": "space"})
    membership = circle.memberships.get(user=rae)
    assert not membership.space_paused and not membership.space_quiet
    assert access.can_view(viewer=jo, owner=rae, kind=DataKind.CHECKIN_MOOD, circle=circle)


def test_the_api_pauses_quietly_and_reports_it_to_the_person_only(world):
    rae, jo, circle = world
    answer = Api(rae).put(f"/circles/{circle.pk}/space", {"paused": True, "quietly": True})
    assert answer.status_code == 200, answer.content
    assert answer.json()["taking_space"] is True and answer.json()["quietly"] is True
    seen = next(m for m in Api(jo).get(f"/circles/{circle.pk}").json()["members"] if m["user_id"] == rae.pk)
    assert seen["taking_space"] is False


def test_quiet_is_forgotten_when_the_pause_ends():
    person = UserFactory()
    circle = CircleFactory(owner=person)
    membership = services.set_space(user=person, circle=circle, paused=False, quietly=True)
    assert membership.space_quiet is False


def test_no_email_to_the_circle_mentions_a_quiet_pause(world, django_capture_on_commit_callbacks):
    """Signs still ask the supporters the person chose (their own choice), and no email
    anyone gets says anything about a pause."""
    rae, jo, circle = world
    services.set_space(user=rae, circle=circle, paused=True, quietly=True)
    with django_capture_on_commit_callbacks(execute=True):
        checkin_services.update_sign_settings(
            user=rae, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[jo.pk]
        )
    for message in mail.outbox:
        for word in TELLING:
            assert word not in (message.subject + message.body).lower()
