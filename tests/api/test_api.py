"""Tests for kinwell/api.py and the apps' api.py routers."""

import json

import pytest
from django.test import Client

from kinwell.accounts.services import create_api_token
from kinwell.circles import services
from kinwell.circles.models import Circle, Membership
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


class Api:
    """A client that speaks JSON with a personal access token, as a phone app would."""

    def __init__(self, person):
        _token, self.token = create_api_token(user=person, name="test")
        self.client = Client()

    def __getattr__(self, method):
        def call(path, body=None):
            kwargs = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"}
            if body is not None:
                kwargs.update(data=json.dumps(body) if not isinstance(body, str) else body, content_type="application/json")
            return getattr(self.client, method)(f"/api/v1{path}", **kwargs)

        return call


def test_without_credentials_the_api_answers_401(client):
    response = client.get("/api/v1/circles")
    assert response.status_code == 401
    assert "token" in response.json()["detail"]
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION="Bearer kw_wrong").status_code == 401


def test_the_openapi_document_is_served(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/circles" in document["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_account_read_and_update(user):
    api = Api(user)
    assert api.get("/me").json()["email"] == user.email
    assert api.patch("/me", {"display_name": "Quinn", "language": "es"}).json()["display_name"] == "Quinn"
    assert api.patch("/me", {"time_zone": "Nowhere/Else"}).status_code == 400
    assert api.patch("/me", {"display_name": ""}).status_code == 422


def test_create_invite_accept_and_share_through_the_api(user, other_user):
    owner, joiner = Api(user), Api(other_user)
    circle = owner.post("/circles", {"name": "Pair", "kind": "couple"})
    assert circle.status_code == 201
    circle_id = circle.json()["id"]
    invitation = owner.post(f"/circles/{circle_id}/invitations", {"days": 3})
    assert invitation.status_code == 201
    token = invitation.json()["token"]
    assert joiner.post("/invitations/accept", {"token": token}).json()["id"] == circle_id
    assert joiner.post("/invitations/accept", {"token": token}).status_code == 410

    assert owner.put(f"/circles/{circle_id}/sharing", {"kinds": ["checkin_mood"]}).json()["kinds"] == ["checkin_mood"]
    assert owner.post(f"/circles/{circle_id}/boundaries", {"text": "Be gentle in the mornings"}).status_code == 201
    seen = joiner.get(f"/circles/{circle_id}/members/{user.pk}").json()
    assert seen["shares"] == ["checkin_mood"] and seen["boundaries"] == ["Be gentle in the mornings"]

    assert owner.put(f"/circles/{circle_id}/space", {"paused": True}).json()["taking_space"] is True
    seen = joiner.get(f"/circles/{circle_id}/members/{user.pk}").json()
    assert seen == {**seen, "taking_space": True, "shares": [], "boundaries": []}


def test_an_outsider_gets_404_from_every_circle_endpoint(user, other_user):
    circle = CircleFactory(owner=user, members=[UserFactory()])
    share(user, circle, "checkin_mood")
    invitation, _token = services.create_invitation(inviter=user, circle=circle)
    outsider = Api(other_user)
    base = f"/circles/{circle.pk}"
    calls = [
        ("get", base, None), ("post", f"{base}/leave", None), ("put", f"{base}/owner", {"user_id": other_user.pk}),
        ("get", f"{base}/members", None), ("get", f"{base}/members/{user.pk}", None),
        ("delete", f"{base}/members/{user.pk}", None), ("get", f"{base}/invitations", None),
        ("post", f"{base}/invitations", {"days": 3}), ("delete", f"{base}/invitations/{invitation.pk}", None),
        ("get", f"{base}/sharing", None), ("put", f"{base}/sharing", {"kinds": []}),
        ("put", f"{base}/space", {"paused": True}), ("post", f"{base}/boundaries", {"text": "x"}),
        ("delete", f"{base}/boundaries/1", None),
    ]
    for method, path, body in calls:
        response = getattr(outsider, method)(path, body)
        assert response.status_code == 404, (method, path, response.status_code)
        assert "checkin_mood" not in response.content.decode()
    assert Membership.objects.filter(circle=circle).count() == 2


def test_malformed_bodies_get_a_4xx_and_change_nothing(user):
    api = Api(user)
    assert api.post("/circles", "{not json").status_code in (400, 422)
    assert api.post("/circles", {"name": "x", "kind": "club"}).status_code == 422
    assert api.post("/circles", {"kind": "family"}).status_code == 422
    assert api.post("/invitations/accept", {"token": "forged"}).status_code == 404
    assert not Circle.objects.exists()


def test_the_browser_session_works_for_reads_and_needs_csrf_for_writes(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert browser.get("/api/v1/me").status_code == 200
    response = browser.post("/api/v1/circles", data={"name": "x", "kind": "family"}, content_type="application/json")
    assert response.status_code == 403
    assert not Circle.objects.exists()


def test_ownership_and_removal(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    owner = Api(user)
    assert owner.post(f"/circles/{circle.pk}/leave").status_code == 409
    assert owner.put(f"/circles/{circle.pk}/owner", {"user_id": other_user.pk}).json()["my_role"] == "member"
    assert Api(other_user).delete(f"/circles/{circle.pk}/members/{user.pk}").status_code == 204
    assert list(circle.memberships.values_list("user", flat=True)) == [other_user.pk]


def test_export_through_the_api(user):
    CircleFactory(owner=user, name="Solo")
    data = Api(user).get("/me/export").json()
    assert data["circles"]["memberships"][0]["circle"] == "Solo"


def test_appreciations_and_wins_pause_in_the_api_while_their_sender_takes_space(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    sender, recipient = Api(user), Api(other_user)
    feed = f"/together/circles/{circle.pk}/feed"
    assert sender.post(f"/together/circles/{circle.pk}/appreciations",
                       {"recipient_id": other_user.pk, "text": "For the soup"}).status_code == 201
    assert sender.post(f"/together/circles/{circle.pk}/wins", {"text": "Ran 5k"}).status_code == 201
    assert len(recipient.get(feed).json()["appreciations"]) == 1
    sender.put(f"/circles/{circle.pk}/space", {"paused": True})
    seen = recipient.get(feed).json()
    assert seen["appreciations"] == [] and seen["wins"] == []
    refused = sender.post(f"/together/circles/{circle.pk}/appreciations", {"recipient_id": other_user.pk, "text": "Hi"})
    assert refused.status_code == 409


def test_conversations_and_conflicts_pause_in_the_api_while_someone_in_them_takes_space(user, other_user):
    from kinwell.talk import conflict_services, services as talk_services

    circle = CircleFactory(owner=user, members=[other_user])
    conversation = talk_services.start_conversation(starter=user, circle=circle, partner=other_user, topic="Evenings").value
    conflict = conflict_services.open_conflict(opener=user, circle=circle, people=[other_user], issue="Dishes").value
    base = f"/talk/circles/{circle.pk}"
    partner = Api(other_user)
    assert partner.get(f"{base}/conversations/{conversation.pk}").status_code == 200
    assert len(partner.get(f"{base}/conflicts").json()) == 1
    Api(user).put(f"/circles/{circle.pk}/space", {"paused": True})
    assert partner.get(f"{base}/conversations/{conversation.pk}").status_code == 404
    assert partner.get(f"{base}/conflicts/{conflict.pk}").status_code == 404
    assert partner.get(f"{base}/conversations").json() == [] and partner.get(f"{base}/conflicts").json() == []
    assert Api(user).get(f"{base}/conversations/{conversation.pk}").status_code == 200
