"""Reads about circles that need more than one line. Anything showing another
person's data goes through kinwell.circles.access as well."""

from django.core import signing
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles import access
# Who is in a circle is the policy's question; these names stay here for the callers.
from kinwell.circles.access import member_of, membership_in  # noqa: F401
from kinwell.circles.models import AccessLogEntry, Circle, DataKind, Invitation, Membership
from kinwell.core.errors import NotFound
from kinwell.core.memo import memoized
from kinwell.core.localtime import today_for


def people_in_circles_with(*, user):
    """Everyone who shares a circle with this person, by name: whom they can pick as a
    contact, a supporter or the one to send a message to."""
    from django.contrib.auth import get_user_model

    circles = Membership.objects.filter(user=user).values("circle_id")
    return (
        get_user_model().objects.filter(memberships__circle_id__in=circles).exclude(pk=user.pk)
        .distinct().order_by("display_name")
    )


def circles_for(*, user):
    return (
        Circle.objects.filter(memberships__user=user)
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name", "id")
    )


def member_as_seen_by(*, viewer, circle, membership: Membership) -> dict:
    """One member as the viewer may see them. Boundaries appear only where the
    policy allows, and showing them is logged for their owner."""
    owner = membership.user
    is_self = owner.pk == viewer.pk
    taking_space = membership.is_taking_space(today=today_for(owner))
    boundaries = []
    if access.can_view(viewer=viewer, owner=owner, kind=access.BOUNDARIES, circle=circle):
        boundaries = list(membership.boundaries.all())
        if boundaries:
            access.record_view(viewer=viewer, owner=owner, kind=access.BOUNDARIES, circle=circle)
    return {
        "membership": membership,
        "user": owner,
        "is_self": is_self,
        # A quiet pause is seen by its owner only: to the others, nothing is shared, that is all.
        "taking_space": taking_space and (is_self or not membership.space_quiet),
        "space_until": membership.space_until if taking_space and (is_self or not membership.space_quiet) else None,
        "quietly": is_self and taking_space and membership.space_quiet,
        "boundaries": boundaries,
        "shared_kinds": sorted(access.visible_kinds(viewer=viewer, owner=owner, circle=circle) & set(DataKind.values))
        if not is_self
        else sorted(setting.kind for setting in membership.shared_kinds.all()),
    }


def members_as_seen_by(*, viewer, circle) -> list[dict]:
    memberships = circle.memberships.select_related("user").prefetch_related("shared_kinds", "boundaries")
    return [member_as_seen_by(viewer=viewer, circle=circle, membership=membership) for membership in memberships]


def open_invitations_for_circle(*, circle):
    return (
        Invitation.objects.filter(circle=circle, status=Invitation.Status.PENDING, expires_at__gt=timezone.now())
        .select_related("invited_by")
        .order_by("-created_at")
    )


INVITATION_SALT = "kinwell.circles.invitation"


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.nonce, salt=INVITATION_SALT, compress=False)


def invitation_from_token(token: str) -> Invitation:
    """The invitation a link points to, whatever its state; NotFound for a bad link."""
    try:
        nonce = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        raise NotFound(_("This invitation link is not valid. Check that you copied all of it."))
    invitation = Invitation.objects.select_related("circle", "invited_by").filter(nonce=nonce).first()
    if invitation is None:
        raise NotFound(_("This invitation link is not valid. Check that you copied all of it."))
    return invitation


def invitations_addressed_to(*, user) -> list[Invitation]:
    """Open invitations sent to the person's email, each with its link token, so they
    can answer from their start page without digging out the email."""
    invitations = list(
        Invitation.objects.filter(email=user.email, status=Invitation.Status.PENDING, expires_at__gt=timezone.now())
        .exclude(circle__memberships__user=user)
        .select_related("circle", "invited_by")
    )
    for invitation in invitations:
        invitation.link_token = invitation_token(invitation)
    return invitations


def access_log_for(*, owner, limit: int = 200):
    return AccessLogEntry.objects.filter(owner=owner).select_related("viewer", "circle", "link")[:limit]


def people_present_for(*, viewer) -> set[tuple[int, int]]:
    """(circle id, person id) for everyone in the viewer's circles, the viewer aside, who is
    there for them today: still a member and not taking space. What waits on another
    person's step across circles (home's "waiting for you") is shown only for these pairs,
    so a removed member or someone taking space never shows up as waiting."""
    def read() -> set[tuple[int, int]]:
        others = set(
            Membership.objects.filter(circle__memberships__user=viewer).exclude(user=viewer)
            .values_list("circle_id", "user_id")
        )
        return others - access.hidden_across_circles(viewer=viewer)

    return memoized(("people_present_for", viewer.pk), read)


def circles_with_people(*, user) -> list[Circle]:
    """The person's circles, each with `people`: its members' display names, the person first."""
    circles = list(circles_for(user=user).prefetch_related("memberships__user"))
    for circle in circles:
        members = sorted(circle.memberships.all(), key=lambda m: (m.user_id != user.pk, m.joined_at, m.pk))
        circle.people = [m.user.display_name for m in members]
    return circles


def has_a_circle(*, user) -> bool:
    return Membership.objects.filter(user=user).exists()
