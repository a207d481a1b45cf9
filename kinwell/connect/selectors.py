"""Reads for appreciation, wins, gratitude, plans and nudges.

The weekly view gathers a circle's positive and hard moments from a list of sources:
each source is a function `(viewer, circle, start, end) -> list[Moment]`, and adding
one is one line in POSITIVE_SOURCES or HARD_SOURCES. Hard moments come from the talk
app (conflict rounds opened), without their words. What the message coach noticed is
never a source: it is for the writer alone, and in a shared view it could become
pressure from a controlling partner.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinwell.circles import access
from kinwell.circles.models import DataKind
from kinwell.connect import ideas
from kinwell.connect.models import (
    Appreciation,
    CalendarFeed,
    GratitudeEntry,
    NudgeFrequency,
    NudgePreference,
    PlannedDate,
    Win,
)
from kinwell.connect.services import hash_feed_token
from kinwell.core.errors import NotFound
from kinwell.core.localtime import today_for


@dataclass(frozen=True)
class Moment:
    kind: str  # "appreciation", "win", "reaching_out", "conflict"
    when: datetime
    sentence: str  # who did what, in a whole translated sentence
    text: str = ""  # the words themselves, only when the viewer may read them


def _appreciation_moments(viewer, circle, start, end) -> list[Moment]:
    paused = access.hidden_while_taking_space(viewer=viewer, circle=circle)
    appreciations = Appreciation.objects.filter(circle=circle, created_at__gte=start, created_at__lt=end).exclude(
        sender_id__in=paused)
    return [
        Moment(
            kind="appreciation",
            when=item.created_at,
            sentence=_("%(sender)s appreciated %(recipient)s")
            % {"sender": item.sender.display_name, "recipient": item.recipient.display_name},
            # The words are for the two of them; the circle sees that it happened.
            text=item.text if viewer.pk in (item.sender_id, item.recipient_id) else "",
        )
        for item in appreciations.select_related("sender", "recipient")
    ]


def _win_moments(viewer, circle, start, end) -> list[Moment]:
    return [
        Moment(kind="win", when=win.created_at, sentence=win_sentence(win), text=win.text)
        for win in Win.objects.filter(circle=circle, created_at__gte=start, created_at__lt=end)
        .exclude(author_id__in=access.hidden_while_taking_space(viewer=viewer, circle=circle))
        .select_related("author", "about")
    ]


def _reaching_out_moments(viewer, circle, start, end) -> list[Moment]:
    """Kind reactions to check-ins between people of this circle, where the viewer may
    see that the check-in was shared (or is one of the two)."""
    from kinwell.checkins.models import CheckInResponse

    members = circle.memberships.values("user_id")
    responses = CheckInResponse.objects.filter(
        created_at__gte=start, created_at__lt=end, author_id__in=members, checkin__owner_id__in=members
    ).select_related("author", "checkin__owner")
    return [
        Moment(
            kind="reaching_out",
            when=response.created_at,
            sentence=_("%(author)s reached out to %(owner)s after a check-in")
            % {"author": response.author.display_name, "owner": response.checkin.owner.display_name},
        )
        for response in responses
        if viewer.pk in (response.author_id, response.checkin.owner_id)
        or access.can_view(viewer=viewer, owner=response.checkin.owner, kind=DataKind.CHECKIN_MOOD, circle=circle)
    ]


def _conflict_moments(viewer, circle, start, end) -> list[Moment]:
    from kinwell.talk.selectors import hard_moments

    # That a round was opened, never its words or who is in it: those are for its people.
    return [
        Moment(kind="conflict", when=when, sentence=_("A conflict round was opened"))
        for when in hard_moments(circle=circle, start=start, end=end)["conflicts_opened"]
    ]


POSITIVE_SOURCES = [_appreciation_moments, _win_moments, _reaching_out_moments]
HARD_SOURCES = [_conflict_moments]


def week_bounds(day: date, zone) -> tuple[date, datetime, datetime]:
    """The Monday-to-Sunday week holding `day`, as aware datetimes in the viewer's zone."""
    monday = day - timedelta(days=day.weekday())
    start = datetime.combine(monday, time.min, tzinfo=zone)
    return monday, start, datetime.combine(monday + timedelta(days=7), time.min, tzinfo=zone)


def weekly_moments(*, viewer, circle, week_of: date) -> dict:
    if not date(1900, 1, 1) <= week_of <= date(9000, 1, 1):
        week_of = timezone.localdate()  # a made-up week far out: show this one instead
    monday, start, end = week_bounds(week_of, timezone.get_current_timezone())
    positive = sorted(
        (moment for source in POSITIVE_SOURCES for moment in source(viewer, circle, start, end)),
        key=lambda moment: moment.when,
    )
    hard = sorted(
        (moment for source in HARD_SOURCES for moment in source(viewer, circle, start, end)),
        key=lambda moment: moment.when,
    )
    return {
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "previous": monday - timedelta(days=7),
        "next": monday + timedelta(days=7),
        "positive": positive,
        "hard": hard,
        "has_hard_sources": bool(HARD_SOURCES),
    }


def win_sentence(win: Win) -> str:
    if win.about_id and win.about_id != win.author_id:
        return _("%(author)s celebrates %(person)s") % {
            "author": win.author.display_name,
            "person": win.about.display_name,
        }
    return _("%(author)s celebrates a win") % {"author": win.author.display_name}


def circle_wins(*, viewer, circle, limit: int = 50) -> list[Win]:
    """The circle's wins, without those of anyone taking space (they see their own)."""
    paused = access.hidden_while_taking_space(viewer=viewer, circle=circle)
    return list(Win.objects.filter(circle=circle).exclude(author_id__in=paused).select_related("author", "about")[:limit])


def my_appreciations(*, user, circle, limit: int = 50) -> list[Appreciation]:
    """Appreciations in this circle that the person sent or received: only theirs to read.
    Those from someone taking space wait until they are back, as everything they share does."""
    paused = access.hidden_while_taking_space(viewer=user, circle=circle)
    return list(
        Appreciation.objects.filter(circle=circle)
        .filter(Q(sender=user) | Q(recipient=user))
        .exclude(sender_id__in=paused)
        .select_related("sender", "recipient")[:limit]
    )


def my_gratitude(*, owner):
    return GratitudeEntry.objects.filter(owner=owner)


def member_gratitude(*, viewer, circle_id, user_id) -> tuple[access.OpenedMember, list[GratitudeEntry]]:
    opened = access.open_member(viewer=viewer, circle_id=circle_id, user_id=user_id, kind=DataKind.GRATITUDE,
                                refusal=_("Their gratitude journal is not shared with this circle."))
    return opened, list(GratitudeEntry.objects.filter(owner=opened.owner))


def shared_pages_for(*, viewer, circle, others) -> list[dict]:
    """Links to the gratitude journals and goals others share with this circle. Only
    asks the policy (opening a page is what gets logged)."""
    pages = []
    for person in others:
        if access.can_view(viewer=viewer, owner=person, kind=DataKind.GRATITUDE, circle=circle):
            pages.append({"person": person, "kind": "gratitude"})
        if access.can_view(viewer=viewer, owner=person, kind=DataKind.GOALS, circle=circle):
            pages.append({"person": person, "kind": "goals"})
    return pages


# The sentences the access log (circles.views.VIEWED_SENTENCES) shows for the kinds
# this feature fills, marked here so this app's catalog carries their translations.
ACCESS_LOG_SENTENCES = (
    gettext_noop("%(viewer)s viewed your gratitude journal in %(circle)s"),
    gettext_noop("%(viewer)s viewed your personal goals in %(circle)s"),
)


def plans_in_circle(*, user, circle):
    """The person's own plans in this circle (as proposer or invitee), soonest first."""
    return (
        PlannedDate.objects.filter(circle=circle)
        .filter(Q(proposer=user) | Q(invitee=user))
        .select_related("proposer", "invitee", "awaiting")
    )


def plan_in_circle(*, user, circle, plan_id: int) -> PlannedDate:
    plan = plans_in_circle(user=user, circle=circle).filter(pk=plan_id).first()
    if plan is None:
        raise NotFound(_("That plan was not found."))
    return plan


def accepted_plans_for(*, user):
    """Every planned date the person agreed to, in circles they are still in."""
    return (
        PlannedDate.objects.filter(status=PlannedDate.Status.ACCEPTED, circle__memberships__user=user)
        .filter(Q(proposer=user) | Q(invitee=user))
        .select_related("proposer", "invitee", "circle")
        .distinct()
    )


def person_for_feed_token(raw: str):
    feed = CalendarFeed.objects.select_related("owner").filter(token_hash=hash_feed_token(raw or "")).first()
    return feed.owner if feed is not None and feed.owner.is_active else None


def has_calendar_feed(*, owner) -> bool:
    return CalendarFeed.objects.filter(owner=owner).exists()


def nudge_preference(*, owner) -> NudgePreference:
    """The person's choice, or an unsaved "off" one: reading never writes."""
    return NudgePreference.objects.filter(owner=owner).first() or NudgePreference(
        owner=owner, frequency=NudgeFrequency.OFF
    )


def today_gesture_for(user) -> str | None:
    """Today's small gesture (in the person's own day and language), for people who chose nudges."""
    if nudge_preference(owner=user).frequency == "off":
        return None
    return ideas.gesture_for(person_id=user.pk, day=today_for(user), language=translation.get_language() or "en")


def appreciations_waiting_for(*, user) -> list[Appreciation]:
    """Appreciations sent to this person that they have not seen yet, across circles,
    from people still in that circle with them and not taking space there."""
    from kinwell.circles.selectors import people_present_for

    present = people_present_for(viewer=user)
    unseen = Appreciation.objects.filter(recipient=user, seen_at__isnull=True).select_related("sender", "circle")
    return [item for item in unseen.defer("text") if (item.circle_id, item.sender_id) in present]


def plans_waiting_for(*, user, now: datetime | None = None) -> list[PlannedDate]:
    """Suggested times together that wait for this person's answer and have not passed."""
    from kinwell.circles.selectors import people_present_for

    present = people_present_for(viewer=user)
    proposed = PlannedDate.objects.filter(
        status=PlannedDate.Status.PROPOSED, awaiting=user, ends_at__gt=now or timezone.now()
    ).select_related("proposer", "invitee", "circle")
    return [plan for plan in proposed if (plan.circle_id, plan.other_person(user).pk) in present]


def next_plan_for(*, user, now: datetime | None = None) -> PlannedDate | None:
    """The soonest time together this person agreed to that has not ended yet, with
    someone still in that circle with them."""
    from kinwell.circles.selectors import people_present_for

    present = people_present_for(viewer=user)
    upcoming = accepted_plans_for(user=user).filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "id")
    return next((plan for plan in upcoming if (plan.circle_id, plan.other_person(user).pk) in present), None)
