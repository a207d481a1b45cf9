from datetime import timedelta

import pytest
from django.utils import timezone

from kinwell.circles import services
from kinwell.circles.models import Circle, Invitation, Membership
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_a_circle_and_get_an_invitation_link(client_for, user):
    client = client_for(user)
    response = client.post("/circles/new/", {"name": "Us two", "kind": "couple"})
    circle = Circle.objects.get()
    assert response["Location"] == f"/circles/{circle.pk}/invite/"
    response = client.post(f"/circles/{circle.pk}/invite/", {"email": "", "days": 7})
    assert response.status_code == 200
    assert "/invite/" in response.context["link"]
    assert Invitation.objects.filter(circle=circle, status="pending").count() == 1


def test_a_circle_form_with_missing_fields_is_a_400(client_for, user):
    response = client_for(user).post("/circles/new/", {"name": ""})
    assert response.status_code == 400
    assert not Circle.objects.exists()


def test_accepting_from_the_link(client_for, user, other_user):
    circle = CircleFactory(owner=user, name="The Parks")
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    client = client_for(other_user)
    page = client.get(f"/invite/{token}/")
    assert page.status_code == 200 and "The Parks" in page.content.decode()
    response = client.post(f"/invite/{token}/", {"answer": "accept"})
    assert response["Location"] == f"/circles/{circle.pk}/sharing/"
    assert Membership.objects.filter(circle=circle, user=other_user).exists()


def test_a_signed_out_visitor_sees_the_invitation_and_is_sent_to_log_in_to_answer(client, user):
    circle = CircleFactory(owner=user, name="The Parks")
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    page = client.get(f"/invite/{token}/").content.decode()
    assert "The Parks" in page and "/accounts/signup/?next=/invite/" in page
    response = client.post(f"/invite/{token}/", {"answer": "accept"})
    assert response["Location"].startswith("/accounts/login/?next=%2Finvite%2F")


def test_a_used_or_expired_link_is_a_410_with_a_plain_message(client_for, user, other_user):
    circle = CircleFactory(owner=user)
    invitation, token = services.create_invitation(inviter=user, circle=circle)
    client = client_for(other_user)
    client.post(f"/invite/{token}/", {"answer": "accept"})
    again = client_for(UserFactory()).post(f"/invite/{token}/", {"answer": "accept"})
    assert again.status_code == 410
    assert "already been used" in again.content.decode()

    expired, expired_token = services.create_invitation(inviter=user, circle=circle)
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(f"/invite/{expired_token}/").status_code == 410
    response = client_for(UserFactory()).post(f"/invite/{expired_token}/", {"answer": "accept"})
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_a_mangled_link_is_a_404(client):
    assert client.get("/invite/nonsense:abc/").status_code == 404


def test_decline_from_the_link(client_for, user, other_user):
    circle = CircleFactory(owner=user)
    invitation, token = services.create_invitation(inviter=user, circle=circle)
    client_for(other_user).post(f"/invite/{token}/", {"answer": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert not circle.memberships.filter(user=other_user).exists()


def test_pending_invitations_are_listed_and_revoked(client_for, user):
    circle = CircleFactory(owner=user)
    invitation, token = services.create_invitation(inviter=user, circle=circle, email="a@example.org")
    client = client_for(user)
    assert "a@example.org" in client.get(f"/circles/{circle.pk}/invite/").content.decode()
    client.post(f"/circles/{circle.pk}/invitations/{invitation.pk}/revoke/")
    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    assert "a@example.org" not in client.get(f"/circles/{circle.pk}/invite/").content.decode()


def test_an_invitation_addressed_to_me_shows_on_my_start_page(client_for, user):
    invitee = UserFactory(email="invitee@example.org")
    circle = CircleFactory(owner=user, name="Book club")
    services.create_invitation(inviter=user, circle=circle, email="invitee@example.org")
    page = client_for(invitee).get("/").content.decode()
    # Under "Waiting for you", linking straight to the invitation.
    assert "invited you to join “Book club”" in page and 'href="/invite/' in page


def test_sharing_space_and_boundaries_from_the_sharing_page(client_for, user):
    circle = CircleFactory(owner=user)
    client = client_for(user)
    url = f"/circles/{circle.pk}/sharing/"
    client.post(url, {"action": "sharing", "kinds": ["checkin_mood", "screening"]})
    membership = circle.memberships.get(user=user)
    assert set(membership.shared_kinds.values_list("kind", flat=True)) == {"checkin_mood", "screening"}
    client.post(url, {"action": "space", "paused": "on", "until": ""})
    membership.refresh_from_db()
    assert membership.space_paused and membership.space_until is None
    client.post(url, {"action": "boundary", "text": "Text before calling."})
    boundary = membership.boundaries.get()
    assert boundary.text == "Text before calling."
    client.post(url, {"action": "remove_boundary", "boundary": boundary.pk})
    assert not membership.boundaries.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "sharing", "kinds": ["journal"]},
        {"action": "space", "paused": "on", "until": "2001-01-01"},
        {"action": "space", "paused": "on", "until": "not a date"},
        {"action": "boundary", "text": "x" * 400},
        {"action": "boundary", "text": ""},
        {"action": "remove_boundary", "boundary": "abc"},
        {"action": "something-else"},
    ],
)
def test_bad_sharing_input_is_a_4xx_and_changes_nothing(client_for, user, data):
    circle = CircleFactory(owner=user)
    services.update_sharing(user=user, circle=circle, kinds={"checkin_mood"})
    response = client_for(user).post(f"/circles/{circle.pk}/sharing/", data)
    assert 400 <= response.status_code < 500
    membership = circle.memberships.get(user=user)
    assert list(membership.shared_kinds.values_list("kind", flat=True)) == ["checkin_mood"]
    assert not membership.space_paused and not membership.boundaries.exists()


def test_owner_removes_a_member_and_hands_on(client_for, user, other_user):
    third = UserFactory()
    circle = CircleFactory(owner=user, members=[other_user, third])
    client = client_for(user)
    client.post(f"/circles/{circle.pk}/members/{third.pk}/remove/")
    assert not circle.memberships.filter(user=third).exists()
    client.post(f"/circles/{circle.pk}/owner/", {"new_owner": other_user.pk})
    assert circle.memberships.get(role="owner").user == other_user
    bad = client_for(other_user).post(f"/circles/{circle.pk}/owner/", {"new_owner": 999999})
    assert bad.status_code == 400


def test_a_member_cannot_remove_others(client_for, user, other_user):
    third = UserFactory()
    circle = CircleFactory(owner=user, members=[other_user, third])
    response = client_for(other_user).post(f"/circles/{circle.pk}/members/{third.pk}/remove/")
    assert response.status_code == 403
    assert circle.memberships.filter(user=third).exists()


def test_leaving(client_for, user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    assert client_for(user).post(f"/circles/{circle.pk}/leave/").status_code == 409
    assert client_for(other_user).post(f"/circles/{circle.pk}/leave/").status_code == 302
    assert not circle.memberships.filter(user=other_user).exists()


def test_removing_a_member_asks_first_and_they_are_told_they_are_no_longer_in_it(client_for, user, other_user):
    from django.urls import reverse

    from kinwell.circles.models import Membership
    from tests.factories import CircleFactory

    circle = CircleFactory(owner=user, members=[other_user], name="The Quiet Hour Circle")
    url = reverse("circles:remove_member", kwargs={"circle_id": circle.pk, "user_id": other_user.pk})
    detail = client_for(user).get(reverse("circles:detail", kwargs={"circle_id": circle.pk})).content.decode()
    assert f'href="{url}"' in detail  # a link to a page that asks, not a button that acts
    confirm = client_for(user).get(url)
    assert confirm.status_code == 200 and "<form method=\"post\"" in confirm.content.decode()
    assert Membership.objects.filter(circle=circle, user=other_user).exists()  # asking changed nothing
    assert client_for(other_user).get(url).status_code == 403  # only the owner is asked
    assert client_for(user).post(url).status_code == 302
    assert not Membership.objects.filter(circle=circle, user=other_user).exists()

    seen = client_for(other_user).get(reverse("circles:detail", kwargs={"circle_id": circle.pk}))
    body = seen.content.decode()
    assert seen.status_code == 404 and "You are no longer in this circle" in body and "Quiet Hour" not in body
    from tests.api.test_api import Api

    api = Api(other_user).get(f"/circles/{circle.pk}")
    assert api.status_code == 404 and api.json()["detail"] == "You are no longer in this circle."
    # Anyone who never was in it still learns nothing.
    stranger = client_for(UserFactory()).get(reverse("circles:detail", kwargs={"circle_id": circle.pk}))
    assert stranger.status_code == 404 and "no longer" not in stranger.content.decode()
    from kinwell.core.personal_data import export_for

    assert [r["circle"] for r in export_for(other_user)["circles"]["removed_from"]] == ["The Quiet Hour Circle"]
    # Invited back, they are simply in it again.
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    services.accept_invitation(user=other_user, token=token)
    assert client_for(other_user).get(reverse("circles:detail", kwargs={"circle_id": circle.pk})).status_code == 200
    assert export_for(other_user)["circles"]["removed_from"] == []
