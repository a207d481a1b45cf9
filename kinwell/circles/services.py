"""Every write to circles, memberships, invitations, sharing and boundaries.

Each function takes keyword arguments, runs in one transaction, checks that the
acting person may do it, and raises a ServiceError in plain words when not.
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles import selectors
from kinwell.circles.models import (
    Boundary,
    Circle,
    CircleKind,
    DataKind,
    Invitation,
    Membership,
    Removal,
    SharingSetting,
)
from kinwell.core.errors import Conflict, Gone, NotAllowed, NotFound, ServiceError, TooMany
from kinwell.core.text import clean_name
from kinwell.safety.screened import screens

BOUNDARY_MAX_LENGTH = 280
CIRCLE_NAME_MAX_LENGTH = 80
COUPLE_SIZE = 2


def _membership(*, user, circle: Circle) -> Membership:
    membership = Membership.objects.select_for_update().filter(user=user, circle=circle).first()
    if membership is None:
        raise NotFound(_("That circle was not found."))
    return membership


def _require_owner(*, user, circle: Circle) -> Membership:
    membership = _membership(user=user, circle=circle)
    if not membership.is_owner:
        raise NotAllowed(_("Only the circle's owner can do that."))
    return membership


@transaction.atomic
def create_circle(*, owner, name: str, kind: str) -> Circle:
    name = clean_name(name, max_length=CIRCLE_NAME_MAX_LENGTH, empty_message=_("Give the circle a name."))
    if kind not in CircleKind.values:
        raise ServiceError(_("Choose what kind of circle this is."))
    circle = Circle.objects.create(name=name, kind=kind)
    Membership.objects.create(circle=circle, user=owner, role=Membership.Role.OWNER)
    return circle


@transaction.atomic
def rename_circle(*, actor, circle: Circle, name: str) -> Circle:
    _require_owner(user=actor, circle=circle)
    circle.name = clean_name(name, max_length=CIRCLE_NAME_MAX_LENGTH, empty_message=_("Give the circle a name."))
    circle.save(update_fields=["name"])
    return circle


# --- Invitations ---------------------------------------------------------------------


# Invitations by email go to addresses the inviter types: a cap keeps an account from
# being used to send mail to strangers. Links to copy (no email) are not limited.
INVITATION_EMAILS_PER_DAY = 20


def _check_invitation_emails(inviter) -> None:
    since = timezone.now() - timedelta(days=1)
    if Invitation.objects.filter(invited_by=inviter, created_at__gte=since).exclude(email="").count() \
            >= INVITATION_EMAILS_PER_DAY:
        raise TooMany(_("You have sent many invitations by email today. You can send more tomorrow, "
                        "or copy an invitation link and send it yourself."))


@transaction.atomic
def create_invitation(*, inviter, circle: Circle, email: str = "", days: int | None = None) -> tuple[Invitation, str]:
    """A single-use invitation. Returns it with its secret link token (shown once, to copy)."""
    _membership(user=inviter, circle=circle)
    email = (email or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ServiceError(_("That email address does not look right. Check it, or leave it empty."))
    if email and circle.memberships.filter(user__email=email).exists():
        raise Conflict(_("%(email)s is already in this circle.") % {"email": email})
    if email:
        _check_invitation_emails(inviter)
    days = settings.INVITATION_DAYS if days is None else days
    if not 1 <= days <= 30:
        raise ServiceError(_("An invitation can last from 1 to 30 days."))
    invitation = Invitation.objects.create(
        circle=circle,
        invited_by=inviter,
        email=email,
        nonce=secrets.token_urlsafe(32),
        expires_at=timezone.now() + timedelta(days=days),
    )
    token = selectors.invitation_token(invitation)
    if email:
        from kinwell.circles.tasks import send_invitation_email

        transaction.on_commit(
            lambda: send_invitation_email.enqueue(invitation_id=invitation.pk, token=token)
        )
    return invitation, token


def _open_invitation(token: str) -> Invitation:
    invitation = selectors.invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == Invitation.Status.REVOKED:
        raise Gone(_("This invitation was withdrawn. Ask the person who sent it for a new one."))
    if invitation.status != Invitation.Status.PENDING:
        raise Gone(_("This invitation has already been used. Ask for a new one if you still need to join."))
    if invitation.is_expired:
        raise Gone(_("This invitation has expired. Ask the person who sent it for a new one."))
    return invitation


@transaction.atomic
def accept_invitation(*, user, token: str) -> Membership:
    invitation = _open_invitation(token)
    if Membership.objects.filter(circle=invitation.circle, user=user).exists():
        raise Conflict(_("You are already in %(circle)s.") % {"circle": invitation.circle.name})
    # Locking the circle makes two people accepting at once take turns, so the count
    # below cannot be read by both before either joins.
    circle = Circle.objects.select_for_update().get(pk=invitation.circle_id)
    if circle.kind == CircleKind.COUPLE and circle.memberships.count() >= COUPLE_SIZE:
        raise Conflict(_("A couple circle is for two people, and this one already has two. Ask the person "
                         "who invited you whether another circle would suit, such as one for family or friends."))
    invitation.status = Invitation.Status.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.responded_by = user
    invitation.save(update_fields=["status", "responded_at", "responded_by"])
    Removal.objects.filter(circle=invitation.circle, user=user).delete()
    return Membership.objects.create(circle=invitation.circle, user=user, role=Membership.Role.MEMBER)


@transaction.atomic
def decline_invitation(*, user, token: str) -> Invitation:
    invitation = _open_invitation(token)
    invitation.status = Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.responded_by = user
    invitation.save(update_fields=["status", "responded_at", "responded_by"])
    return invitation


@transaction.atomic
def revoke_invitation(*, actor, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    membership = _membership(user=actor, circle=invitation.circle)
    if not (membership.is_owner or invitation.invited_by_id == actor.pk):
        raise NotAllowed(_("Only the person who sent an invitation, or the circle's owner, can withdraw it."))
    if invitation.status != Invitation.Status.PENDING:
        raise Conflict(_("This invitation is no longer open."))
    invitation.status = Invitation.Status.REVOKED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation


# --- Membership --------------------------------------------------------------------


@transaction.atomic
def leave_circle(*, user, circle: Circle) -> None:
    """Leave. An owner hands the circle on first; a last member's leaving ends the circle."""
    membership = _membership(user=user, circle=circle)
    others = circle.memberships.exclude(pk=membership.pk)
    if membership.is_owner and others.exists():
        raise Conflict(_("You own this circle. Hand ownership to someone else before you leave."))
    membership.delete()
    if not others.exists():
        circle.delete()


@transaction.atomic
def remove_member(*, actor, circle: Circle, member) -> None:
    _require_owner(user=actor, circle=circle)
    if member.pk == actor.pk:
        raise Conflict(_("To leave your own circle, hand ownership on first."))
    target = Membership.objects.filter(circle=circle, user=member).first()
    if target is None:
        raise NotFound(_("That person is not in this circle."))
    target.delete()
    Removal.objects.update_or_create(circle=circle, user=member, defaults={"removed_at": timezone.now()})


@transaction.atomic
def transfer_ownership(*, actor, circle: Circle, new_owner) -> Membership:
    current = _require_owner(user=actor, circle=circle)
    target = Membership.objects.select_for_update().filter(circle=circle, user=new_owner).first()
    if target is None:
        raise NotFound(_("That person is not in this circle."))
    if target.pk == current.pk:
        raise Conflict(_("You already own this circle."))
    # Demote first: the database allows one owner per circle at any moment.
    current.role = Membership.Role.MEMBER
    current.save(update_fields=["role"])
    target.role = Membership.Role.OWNER
    target.save(update_fields=["role"])
    return target


def hand_on_or_end_circles(*, user) -> None:
    """Before an account is deleted: each circle it owns passes to the longest-standing
    other member, or ends when nobody else is in it."""
    for membership in Membership.objects.select_for_update().filter(user=user, role=Membership.Role.OWNER):
        successor = membership.circle.memberships.exclude(pk=membership.pk).order_by("joined_at", "id").first()
        circle = membership.circle
        membership.delete()
        if successor is None:
            circle.delete()
        else:
            successor.role = Membership.Role.OWNER
            successor.save(update_fields=["role"])


# --- Sharing, space and boundaries ------------------------------------------------------


@transaction.atomic
def update_sharing(*, user, circle: Circle, kinds: set[str] | list[str]) -> set[str]:
    membership = _membership(user=user, circle=circle)
    kinds = set(kinds)
    unknown = kinds - set(DataKind.values)
    if unknown:
        raise ServiceError(_("These cannot be shared: %(kinds)s.") % {"kinds": ", ".join(sorted(unknown))})
    membership.shared_kinds.exclude(kind__in=kinds).delete()
    existing = set(membership.shared_kinds.values_list("kind", flat=True))
    SharingSetting.objects.bulk_create(
        SharingSetting(membership=membership, kind=kind) for kind in sorted(kinds - existing)
    )
    return kinds


@transaction.atomic
def set_space(*, user, circle: Circle, paused: bool, until: date | None = None, quietly: bool = False) -> Membership:
    """Pause all sharing in a circle. `quietly`: the others are not told of a pause either."""
    membership = _membership(user=user, circle=circle)
    if paused and until is not None and until < timezone.localdate():
        raise ServiceError(_("Choose a date from today onwards, or leave it empty."))
    membership.space_paused = paused
    membership.space_until = until if paused else None
    membership.space_quiet = paused and quietly
    membership.save(update_fields=["space_paused", "space_until", "space_quiet"])
    return membership


@screens("text", author="user")
@transaction.atomic
def add_boundary(*, user, circle: Circle, text: str) -> Boundary:
    membership = _membership(user=user, circle=circle)
    # A boundary is one short line others read in a list; Enter in its box joins lines.
    text = clean_name(text, max_length=BOUNDARY_MAX_LENGTH, empty_message=_("Write the boundary first."),
                      join_lines=True)
    if membership.boundaries.count() >= Boundary.MAX_PER_MEMBER:
        raise Conflict(
            _("You can keep up to %(max)d boundaries in a circle. Remove one to add another.")
            % {"max": Boundary.MAX_PER_MEMBER}
        )
    return Boundary.objects.create(membership=membership, text=text)


@transaction.atomic
def remove_boundary(*, user, circle: Circle, boundary_id: int) -> None:
    """Only from the circle it was written for: a path naming another circle finds nothing."""
    deleted, _count = Boundary.objects.filter(pk=boundary_id, membership__user=user, membership__circle=circle).delete()
    if not deleted:
        raise NotFound(_("That boundary was not found."))
