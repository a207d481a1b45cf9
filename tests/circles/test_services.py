from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kinwell.circles import selectors, services
from kinwell.circles.models import Boundary, Circle, Invitation, Membership
from kinwell.core.errors import Conflict, Gone, NotAllowed, NotFound, ServiceError
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_creating_a_circle_makes_the_creator_its_owner(user):
    circle = services.create_circle(owner=user, name="  Our home ", kind="family")
    assert circle.name == "Our home"
    assert Membership.objects.get(circle=circle).role == Membership.Role.OWNER


@pytest.mark.parametrize("name,kind", [("", "family"), ("Us", "club")])
def test_a_circle_needs_a_name_and_a_known_kind(user, name, kind):
    with pytest.raises(ServiceError):
        services.create_circle(owner=user, name=name, kind=kind)
    assert not Circle.objects.exists()


def test_an_invitation_is_single_use(user, other_user):
    circle = CircleFactory(owner=user)
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    services.accept_invitation(user=other_user, token=token)
    with pytest.raises(Gone):
        services.accept_invitation(user=UserFactory(), token=token)
    assert circle.memberships.count() == 2


def test_an_expired_invitation_cannot_be_used(user, other_user):
    circle = CircleFactory(owner=user)
    invitation, token = services.create_invitation(inviter=user, circle=circle, days=7)
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save()
    with pytest.raises(Gone, match="expired"):
        services.accept_invitation(user=other_user, token=token)
    assert not circle.memberships.filter(user=other_user).exists()


def test_a_revoked_invitation_cannot_be_used(user, other_user):
    circle = CircleFactory(owner=user)
    invitation, token = services.create_invitation(inviter=user, circle=circle)
    services.revoke_invitation(actor=user, invitation=invitation)
    with pytest.raises(Gone, match="withdrawn"):
        services.accept_invitation(user=other_user, token=token)


def test_an_altered_link_is_not_found(user):
    circle = CircleFactory(owner=user)
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    with pytest.raises(NotFound):
        selectors.invitation_from_token(token[:-2] + "xx")
    with pytest.raises(NotFound):
        selectors.invitation_from_token("not-a-token")


def test_declining_closes_the_invitation(user, other_user):
    circle = CircleFactory(owner=user)
    invitation, token = services.create_invitation(inviter=user, circle=circle)
    services.decline_invitation(user=other_user, token=token)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    with pytest.raises(Gone):
        services.accept_invitation(user=other_user, token=token)


def test_a_member_cannot_join_twice(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    with pytest.raises(Conflict):
        services.accept_invitation(user=other_user, token=token)


def test_an_emailed_invitation_is_sent_by_the_background_task(user, django_capture_on_commit_callbacks):
    circle = CircleFactory(owner=user, name="The Lees")
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = services.create_invitation(inviter=user, circle=circle, email="Friend@Example.org")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["friend@example.org"]
    assert token in mail.outbox[0].body
    assert "The Lees" in mail.outbox[0].body


@pytest.mark.parametrize("email,days", [("not-an-email", 7), ("", 0), ("", 31)])
def test_invitation_input_is_checked(user, email, days):
    circle = CircleFactory(owner=user)
    with pytest.raises(ServiceError):
        services.create_invitation(inviter=user, circle=circle, email=email, days=days)
    assert not Invitation.objects.exists()


def test_outsiders_cannot_invite_or_revoke(user, other_user):
    circle = CircleFactory(owner=user)
    with pytest.raises(NotFound):
        services.create_invitation(inviter=other_user, circle=circle)
    invitation, _token = services.create_invitation(inviter=user, circle=circle)
    with pytest.raises(NotFound):
        services.revoke_invitation(actor=other_user, invitation=invitation)


def test_only_the_inviter_or_owner_revokes(user, other_user):
    third = UserFactory()
    circle = CircleFactory(owner=user, members=[other_user, third])
    invitation, _token = services.create_invitation(inviter=other_user, circle=circle)
    with pytest.raises(NotAllowed):
        services.revoke_invitation(actor=third, invitation=invitation)
    services.revoke_invitation(actor=user, invitation=invitation)


def test_an_owner_hands_on_before_leaving(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    with pytest.raises(Conflict):
        services.leave_circle(user=user, circle=circle)
    services.transfer_ownership(actor=user, circle=circle, new_owner=other_user)
    services.leave_circle(user=user, circle=circle)
    assert Membership.objects.get(circle=circle).user == other_user
    assert Membership.objects.get(circle=circle).role == Membership.Role.OWNER


def test_the_last_member_leaving_ends_the_circle(user):
    circle = CircleFactory(owner=user)
    services.leave_circle(user=user, circle=circle)
    assert not Circle.objects.filter(pk=circle.pk).exists()


def test_only_the_owner_removes_members(user, other_user):
    third = UserFactory()
    circle = CircleFactory(owner=user, members=[other_user, third])
    with pytest.raises(NotAllowed):
        services.remove_member(actor=other_user, circle=circle, member=third)
    services.remove_member(actor=user, circle=circle, member=third)
    assert not circle.memberships.filter(user=third).exists()


def test_a_person_can_be_in_many_circles(user):
    for _ in range(3):
        CircleFactory(members=[user])
    assert user.memberships.count() == 3


def test_sharing_choices_replace_the_previous_ones(user):
    circle = CircleFactory(owner=user)
    services.update_sharing(user=user, circle=circle, kinds={"checkin_mood", "screening"})
    services.update_sharing(user=user, circle=circle, kinds={"screening", "safety_plan"})
    membership = circle.memberships.get(user=user)
    assert set(membership.shared_kinds.values_list("kind", flat=True)) == {"screening", "safety_plan"}


def test_the_journal_cannot_be_chosen_for_sharing(user):
    circle = CircleFactory(owner=user)
    with pytest.raises(ServiceError):
        services.update_sharing(user=user, circle=circle, kinds={"journal"})
    assert not circle.memberships.get(user=user).shared_kinds.exists()


def test_space_until_a_past_date_is_refused(user):
    circle = CircleFactory(owner=user)
    with pytest.raises(ServiceError):
        services.set_space(user=user, circle=circle, paused=True, until=timezone.localdate() - timedelta(days=1))


def test_boundaries_are_encrypted_at_rest(user):
    from django.db import connection

    circle = CircleFactory(owner=user)
    boundary = services.add_boundary(user=user, circle=circle, text="No phones at dinner, please.").value
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM circles_boundary WHERE id = %s", [boundary.pk])
        stored = cursor.fetchone()[0]
    assert "phones" not in stored
    assert stored.startswith("fernet:")
    assert Boundary.objects.get(pk=boundary.pk).text == "No phones at dinner, please."


def test_boundaries_are_short_and_few(user):
    circle = CircleFactory(owner=user)
    with pytest.raises(ServiceError):
        services.add_boundary(user=user, circle=circle, text="x" * (services.BOUNDARY_MAX_LENGTH + 1))
    with pytest.raises(ServiceError):
        services.add_boundary(user=user, circle=circle, text="   ")
    for number in range(Boundary.MAX_PER_MEMBER):
        services.add_boundary(user=user, circle=circle, text=f"Boundary {number}")
    with pytest.raises(Conflict):
        services.add_boundary(user=user, circle=circle, text="One too many")


def test_nobody_removes_another_persons_boundary(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    boundary = services.add_boundary(user=user, circle=circle, text="Mine").value
    with pytest.raises(NotFound):
        services.remove_boundary(user=other_user, circle=boundary.membership.circle, boundary_id=boundary.pk)
    assert Boundary.objects.filter(pk=boundary.pk).exists()


def test_invitations_by_email_are_capped_per_day_but_links_are_not(client_for, user):
    from django.urls import reverse

    from kinwell.circles.services import INVITATION_EMAILS_PER_DAY
    from kinwell.core.errors import TooMany

    circle = CircleFactory(owner=user)
    for n in range(INVITATION_EMAILS_PER_DAY):
        services.create_invitation(inviter=user, circle=circle, email=f"friend{n}@example.org")
    with pytest.raises(TooMany):
        services.create_invitation(inviter=user, circle=circle, email="one-more@example.org")
    services.create_invitation(inviter=user, circle=circle)  # a link to copy still works
    page = client_for(user).post(reverse("circles:invite", kwargs={"circle_id": circle.pk}),
                                 {"email": "one-more@example.org", "days": 7})
    assert page.status_code == 429 and "copy an invitation link" in page.content.decode()


def test_a_full_couple_circle_cannot_be_joined(client_for, user, other_user):
    from kinwell.circles.models import CircleKind
    from django.urls import reverse

    circle = CircleFactory(owner=user, members=[other_user], kind=CircleKind.COUPLE)
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    third = UserFactory()
    with pytest.raises(Conflict, match="two people"):
        services.accept_invitation(user=third, token=token)
    response = client_for(third).post(reverse("circles:invitation", kwargs={"token": token}), {"answer": "accept"})
    assert response.status_code == 409 and "two people" in response.content.decode()
    assert circle.memberships.count() == 2
    assert Invitation.objects.get().status == Invitation.Status.PENDING  # nothing changed


def test_a_couple_circle_with_one_person_can_be_joined(user, other_user):
    from kinwell.circles.models import CircleKind

    circle = services.create_circle(owner=user, name="Us", kind=CircleKind.COUPLE)
    _invitation, token = services.create_invitation(inviter=user, circle=circle)
    services.accept_invitation(user=other_user, token=token)
    assert circle.memberships.count() == 2
