"""Tests for kinwell/accounts/views.py (my_data) and kinwell/core/personal_data.py."""

import json

import pytest
from django.contrib.auth import get_user_model

from kinwell.circles import access, services
from kinwell.circles.models import AccessLogEntry, Boundary, Circle, Invitation, Membership
from tests.factories import DEFAULT_PASSWORD, CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_download_my_data_holds_everything_of_mine(client_for):
    person, friend = UserFactory(display_name="Lee"), UserFactory(display_name="Pat")
    circle = CircleFactory(owner=person, members=[friend], name="Home")
    share(person, circle, "checkin_mood")
    services.add_boundary(user=person, circle=circle, text="Knock first, please.")
    services.create_invitation(inviter=person, circle=circle, email="new@example.org")
    access.open_for_viewing(viewer=friend, owner=person, kind="checkin_mood", circle=circle)

    response = client_for(person).get("/accounts/data/download/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == person.email
    membership = data["circles"]["memberships"][0]
    assert membership["circle"] == "Home" and membership["shares"] == ["checkin_mood"]
    assert membership["boundaries"] == ["Knock first, please."]
    assert data["circles"]["invitations_sent"][0]["email"] == "new@example.org"
    assert data["circles"]["who_viewed_my_data"][0]["viewer"] == "Pat"
    # Nothing of the friend's own is in the person's export.
    assert "Pat" not in json.dumps(data["circles"]["memberships"])


def test_deleting_needs_the_password_and_the_tick(client_for):
    person = UserFactory()
    client = client_for(person)
    assert client.post("/accounts/data/", {"password": "wrong", "confirm": "on"}).status_code == 400
    assert client.post("/accounts/data/", {"password": DEFAULT_PASSWORD}).status_code == 400
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_deleting_really_deletes_and_leaves_others_their_own(client_for):
    person, friend, cousin = UserFactory(), UserFactory(), UserFactory()
    shared = CircleFactory(owner=person, members=[friend, cousin])
    alone = CircleFactory(owner=person)
    theirs = CircleFactory(owner=friend, members=[person])
    services.add_boundary(user=person, circle=shared, text="mine")
    services.add_boundary(user=friend, circle=shared, text="friend's")
    services.create_invitation(inviter=person, circle=theirs)
    share(friend, theirs, "checkin_mood")
    access.open_for_viewing(viewer=person, owner=friend, kind="checkin_mood", circle=theirs)
    access.open_for_viewing(viewer=friend, owner=person, kind="boundaries", circle=shared)

    response = client_for(person).post("/accounts/data/", {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert response.status_code == 302

    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert not Membership.objects.filter(user_id=person.pk).exists()
    assert not Invitation.objects.filter(invited_by_id=person.pk).exists()
    assert list(Boundary.objects.values_list("text", flat=True)) == ["friend's"]
    assert not AccessLogEntry.objects.filter(owner_id=person.pk).exists()
    # The circle they owned passed to the longest-standing member; the empty one ended.
    assert Membership.objects.get(circle=shared, role="owner").user == friend
    assert not Circle.objects.filter(pk=alone.pk).exists()
    assert Circle.objects.filter(pk=theirs.pk).exists()
    # The friend's own log still says their data was viewed, without naming anyone.
    entry = AccessLogEntry.objects.get(owner=friend)
    assert entry.viewer is None


def test_after_deletion_the_browser_is_signed_out(client_for):
    person = UserFactory()
    client = client_for(person)
    client.post("/accounts/data/", {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert client.get("/accounts/settings/").status_code == 302
