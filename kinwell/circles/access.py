"""The access policy: the only place that decides whether viewer V may see owner O's data.

Every view, API endpoint and export that shows another person's data asks
`can_view` (or `open_for_viewing`, which also writes the access log). Rules:

1. Everyone may see their own data.
2. The private journal is never shown to anyone else.
3. Otherwise the viewer and the owner must share a circle, and in that circle the
   owner must not be taking space and must have chosen to share that kind.
   Boundaries are written for the circle to read, so they need no separate choice.
4. Answers to the circle's daily question (`daily_answer`) are written for the circle
   too: every member sees them once the day's answers are revealed (the daily app's
   selector decides that), with no separate choice; like everything else they pause
   while their writer takes space, and each view of another's answer is logged.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles.models import AccessLogEntry, Circle, DataKind, Membership, Removal
from kinwell.core.errors import NotFound
from kinwell.core.localtime import today_for

NEVER_SHARED = frozenset({"journal"})
BOUNDARIES = "boundaries"
CIRCLE_VISIBLE = frozenset({BOUNDARIES})
# What people write together (a conversation, a conflict round) is seen by those taking
# part, which their own selectors decide; the policy adds that it pauses while any of
# them is taking space, and logs each view for the others in it.
CONVERSATION = "conversation"
CONFLICT_ROUND = "conflict_round"
TAKING_PART = frozenset({CONVERSATION, CONFLICT_ROUND})
# Written for the whole circle to read (the daily question's answers and replies): seen by
# its members, paused while the writer takes space, each view logged for the writer.
DAILY_ANSWER = "daily_answer"
FOR_THE_CIRCLE = frozenset({DAILY_ANSWER})
KNOWN_KINDS = frozenset(DataKind.values) | CIRCLE_VISIBLE | NEVER_SHARED | TAKING_PART | FOR_THE_CIRCLE


def hidden_while_taking_space(*, viewer, circle: Circle) -> set[int]:
    """Members of the circle who are taking space today (in their own time zone), other
    than the viewer: what they posted to the circle (wins, appreciations) is paused too."""
    paused = Membership.objects.filter(circle=circle, space_paused=True).exclude(user=viewer).select_related("user")
    return {m.user_id for m in paused if m.is_taking_space(today=today_for(m.user))}


def is_taking_space(*, user, circle: Circle) -> bool:
    """Whether this person is taking space in this circle today (in their own time zone):
    while they are, what they would post to the circle waits."""
    membership = Membership.objects.filter(circle=circle, user=user, space_paused=True).first()
    return membership is not None and membership.is_taking_space(today=today_for(user))


def hidden_across_circles(*, viewer) -> set[tuple[int, int]]:
    """(circle id, person id) for everyone taking space today in any circle the viewer is
    in, other than the viewer: for pages and exports that cross circles."""
    paused = (
        Membership.objects.filter(space_paused=True, circle__memberships__user=viewer)
        .exclude(user=viewer).select_related("user").distinct()
    )
    return {(m.circle_id, m.user_id) for m in paused if m.is_taking_space(today=today_for(m.user))}


def _owner_memberships_shared_with(*, viewer, owner, circle: Circle | None):
    memberships = Membership.objects.filter(
        user=owner, circle__memberships__user=viewer
    ).prefetch_related("shared_kinds")
    if circle is not None:
        memberships = memberships.filter(circle=circle)
    return memberships


def _membership_allows(membership: Membership, kind: str, today: date) -> bool:
    if membership.is_taking_space(today=today):
        return False
    if kind in CIRCLE_VISIBLE or kind in TAKING_PART or kind in FOR_THE_CIRCLE:
        return True
    return any(setting.kind == kind for setting in membership.shared_kinds.all())


def can_view(*, viewer, owner, kind: str, circle: Circle | None = None) -> bool:
    if kind not in KNOWN_KINDS:
        raise ValueError(f"Unknown kind of data: {kind!r}")
    if viewer is None or not viewer.is_authenticated:
        return False
    if viewer.pk == owner.pk:
        return True
    if kind in NEVER_SHARED:
        return False
    today = today_for(owner)
    return any(
        _membership_allows(membership, kind, today)
        for membership in _owner_memberships_shared_with(viewer=viewer, owner=owner, circle=circle)
    )


def visible_kinds(*, viewer, owner, circle: Circle) -> set[str]:
    """Every kind viewer may see of owner's data in this circle (for pages that show several)."""
    if viewer is None or not viewer.is_authenticated:
        return set()
    if viewer.pk == owner.pk:
        return set(KNOWN_KINDS)
    today = today_for(owner)
    memberships = list(_owner_memberships_shared_with(viewer=viewer, owner=owner, circle=circle))
    return {
        kind
        for kind in KNOWN_KINDS - NEVER_SHARED - TAKING_PART - FOR_THE_CIRCLE
        if any(_membership_allows(membership, kind, today) for membership in memberships)
    }


# A page reloaded or revisited within this window is one view in the owner's log, not many.
SAME_VIEW_WINDOW = timedelta(minutes=10)


def visible_kinds_by_member(*, viewer, circle: Circle) -> dict:
    """For a circle page listing everyone: {member: kinds the viewer may see}, in two
    queries however many people the circle has. Same rules as visible_kinds."""
    if viewer is None or not viewer.is_authenticated:
        return {}
    memberships = list(circle.memberships.select_related("user").prefetch_related("shared_kinds"))
    if not any(membership.user_id == viewer.pk for membership in memberships):
        return {}
    found = {}
    for membership in memberships:
        owner = membership.user
        if owner.pk == viewer.pk:
            found[owner] = set(KNOWN_KINDS)
            continue
        today = today_for(owner)
        found[owner] = {kind for kind in KNOWN_KINDS - NEVER_SHARED - TAKING_PART - FOR_THE_CIRCLE
                        if _membership_allows(membership, kind, today)}
    return found


def record_view(*, viewer, owner, kind: str, circle: Circle | None) -> None:
    record_views(viewer=viewer, circle=circle, seen=[(owner, kind)])


def record_views(*, viewer, circle: Circle | None, seen) -> None:
    """Log that viewer saw each (owner, kind) in `seen`, in one read and one write."""
    wanted = {(owner.pk, kind) for owner, kind in seen if owner.pk != viewer.pk}
    if not wanted:
        return
    already = set(
        AccessLogEntry.objects.filter(
            viewer=viewer, circle=circle, owner_id__in={owner_id for owner_id, _kind in wanted},
            viewed_at__gte=timezone.now() - SAME_VIEW_WINDOW,
        ).values_list("owner_id", "kind")
    )
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(viewer=viewer, owner_id=owner_id, kind=kind, circle=circle)
        for owner_id, kind in sorted(wanted - already)
    )


# The kind written when a clinician link is opened: not a person, so outside the policy
# above (the token is the key), but written to the owner's log all the same.
CLINICIAN_SUMMARY = "clinician_summary"


def record_link_view(*, link) -> None:
    """A clinician link was opened: one entry in its owner's log every time, with no
    viewer and no circle (the log says "a clinician link")."""
    AccessLogEntry.objects.create(owner_id=link.summary.owner_id, viewer=None, circle=None, kind=CLINICIAN_SUMMARY, link=link)


def open_for_viewing(*, viewer, owner, kind: str, circle: Circle | None = None) -> bool:
    """Ask the policy and, when the answer is yes for someone else's data, log the view."""
    allowed = can_view(viewer=viewer, owner=owner, kind=kind, circle=circle)
    if allowed:
        record_view(viewer=viewer, owner=owner, kind=kind, circle=circle)
    return allowed


@dataclass(frozen=True)
class OpenedMember:
    """What `open_member` found: the viewer's own membership and the owner's."""

    membership: Membership
    member: Membership

    @property
    def circle(self) -> Circle:
        return self.membership.circle

    @property
    def owner(self):
        return self.member.user


def _membership(**lookup) -> Membership | None:
    return (
        Membership.objects.select_related("circle", "user")
        .prefetch_related("shared_kinds", "boundaries")
        .filter(**lookup)
        .first()
    )


def membership_in(*, user, circle_id) -> Membership:
    """The person's own membership; NotFound for anyone outside, so a circle's
    existence is not revealed to them."""
    membership = _membership(user=user, circle_id=circle_id)
    if membership is None:
        if user is not None and user.is_authenticated and Removal.objects.filter(user=user, circle_id=circle_id).exists():
            # They knew the circle; saying so is kinder than "not found", and names nothing in it.
            raise NotFound(_("You are no longer in this circle."))
        raise NotFound(_("That circle was not found."))
    return membership


def member_of(*, circle, user_id) -> Membership:
    membership = _membership(circle=circle, user_id=user_id)
    if membership is None:
        raise NotFound(_("That person is not in this circle."))
    return membership


def open_member(*, viewer, circle_id, user_id, kind: str, refusal: str = "", log: bool = True) -> OpenedMember:
    """The one question for a page about another person's data in a circle: is the viewer
    in the circle named by the path, is the owner in it, and may the viewer see this kind
    there. Yes: the view is logged (unless `log` is False, for a caller with one more
    reason to refuse, who logs with `record_view` once it shows something). No: NotFound,
    the same whether the owner shares nothing or is taking space."""
    membership = membership_in(user=viewer, circle_id=circle_id)
    member = member_of(circle=membership.circle, user_id=user_id)
    if not can_view(viewer=viewer, owner=member.user, kind=kind, circle=membership.circle):
        raise NotFound(refusal or _("That is not shared with you in this circle."))
    if log:
        record_view(viewer=viewer, owner=member.user, kind=kind, circle=membership.circle)
    return OpenedMember(membership=membership, member=member)


def open_together(*, viewer, circle: Circle, people, kind: str, refusal: str) -> None:
    """For something written together (kind in TAKING_PART), already found among the
    viewer's own: NotFound while anyone else in it is taking space in the circle (it
    pauses for the others, as everything they share does); otherwise each other person's
    log gets the view."""
    if kind not in TAKING_PART:
        raise ValueError(f"Not something written together: {kind!r}")
    others = [person for person in people if person.pk != viewer.pk]
    if {person.pk for person in others} & hidden_while_taking_space(viewer=viewer, circle=circle):
        raise NotFound(refusal)
    # Someone who has since left the circle keeps their words here, and no new log entries.
    still_in = set(circle.memberships.filter(user__in=others).values_list("user_id", flat=True))
    record_views(viewer=viewer, circle=circle, seen=[(person, kind) for person in others if person.pk in still_in])
