"""Every write for appreciation, wins, gratitude, planned dates, the calendar feed and
nudges. Keyword-only arguments, one transaction each; both people in anything shared
must be in the circle, and anyone outside it gets "not found"."""

import hashlib
import secrets
import zoneinfo
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles import access
from kinwell.circles.models import Membership
from kinwell.connect.ideas import idea_by_key
from kinwell.connect.models import (
    Appreciation,
    CalendarFeed,
    GratitudeEntry,
    NudgeFrequency,
    NudgePreference,
    PlannedDate,
    Win,
)
from kinwell.core.text import clean_name, clean_text
from kinwell.core.errors import Conflict, NotAllowed, NotFound, ServiceError
from kinwell.safety.screened import screens

APPRECIATION_MAX_LENGTH = 1_000
WIN_MAX_LENGTH = 500
GRATITUDE_MAX_LENGTH = 2_000
PLAN_TITLE_MAX_LENGTH = 120
PLAN_MESSAGE_MAX_LENGTH = 1_000
PLAN_MINUTES = (15, 24 * 60)
FEED_TOKEN_PREFIX = "kwcal_"
PLAN_LATEST_YEAR = 9000  # far beyond any real plan, and far from datetime's year 9999 limit


def _member(*, user, circle) -> Membership:
    membership = Membership.objects.filter(user=user, circle=circle).first()
    if membership is None:
        raise NotFound(_("That circle was not found."))
    return membership


def _other_member(*, circle, user_id, actor) -> Membership:
    membership = Membership.objects.select_related("user").filter(circle=circle, user_id=user_id).first()
    if membership is None:
        raise NotFound(_("That person is not in this circle."))
    if membership.user_id == actor.pk:
        raise ServiceError(_("Choose someone else in the circle."))
    return membership


# --- Appreciation and wins ------------------------------------------------------------


@screens("text", author="sender")
@transaction.atomic
def send_appreciation(*, sender, circle, recipient_id: int, text: str) -> Appreciation:
    _member(user=sender, circle=circle)
    if access.is_taking_space(user=sender, circle=circle):
        # Taking space pauses everything a person shares in the circle; an appreciation
        # sent now would reach the other at once and show them the pause is not one.
        raise Conflict(
            _("You are taking space in this circle, so sending is paused too. End your pause in this "
              "circle's sharing settings when you are ready.")
        )
    recipient = _other_member(circle=circle, user_id=recipient_id, actor=sender).user
    text = clean_text(text, max_length=APPRECIATION_MAX_LENGTH, empty_message=_("Write what you appreciate first."))
    appreciation = Appreciation.objects.create(circle=circle, sender=sender, recipient=recipient, text=text)
    from kinwell.connect.tasks import send_appreciation_email

    transaction.on_commit(lambda: send_appreciation_email.enqueue(appreciation_id=appreciation.pk))
    return appreciation


@screens("text", author="author")
@transaction.atomic
def celebrate_win(*, author, circle, text: str, about_id: int | None = None) -> Win:
    _member(user=author, circle=circle)
    about = None
    if about_id is not None and about_id != author.pk:
        about = _other_member(circle=circle, user_id=about_id, actor=author).user
    text = clean_text(text, max_length=WIN_MAX_LENGTH, empty_message=_("Say what the win was first."))
    return Win.objects.create(circle=circle, author=author, about=about, text=text)


@transaction.atomic
def delete_win(*, author, circle, win_id: int) -> None:
    """Only from the circle the win is in: a path naming another circle finds nothing."""
    deleted, _count = Win.objects.filter(pk=win_id, author=author, circle=circle).delete()
    if not deleted:
        raise NotFound(_("That win was not found."))


# --- Gratitude journal ----------------------------------------------------------------


@screens("text", author="owner")
@transaction.atomic
def add_gratitude(*, owner, text: str) -> GratitudeEntry:
    text = clean_text(text, max_length=GRATITUDE_MAX_LENGTH, empty_message=_("Write what you are grateful for first."))
    return GratitudeEntry.objects.create(owner=owner, text=text)


@transaction.atomic
def delete_gratitude(*, owner, entry_id: int) -> None:
    deleted, _count = GratitudeEntry.objects.filter(pk=entry_id, owner=owner).delete()
    if not deleted:
        raise NotFound(_("That entry was not found."))


# --- Planned dates ---------------------------------------------------------------------


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ServiceError(_("That time zone is not one we know."))


def _times(*, starts_local: datetime, minutes: int, time_zone: str, now=None) -> tuple[datetime, datetime]:
    """Local wall-clock time in the chosen zone → start and end in UTC."""
    zone = zone_named(time_zone)
    if not PLAN_MINUTES[0] <= minutes <= PLAN_MINUTES[1]:
        raise ServiceError(_("Plan from 15 minutes to a whole day (1440 minutes)."))
    starts_at = starts_local.replace(tzinfo=None).replace(tzinfo=zone)
    if starts_at <= (now or timezone.now()):
        raise ServiceError(_("Choose a time that is still to come."))
    if starts_at.year > PLAN_LATEST_YEAR:
        raise ServiceError(_("Choose a time in the next few years."))
    # Add the length in UTC: wall-clock arithmetic across a clock change would make a
    # 3-hour plan on the night the clocks go forward last only 2 real hours.
    starts_utc = starts_at.astimezone(dt_timezone.utc)
    return starts_utc, starts_utc + timedelta(minutes=minutes)


@screens("title", "message", author="proposer")
@transaction.atomic
def propose_plan(
    *, proposer, circle, invitee_id: int, title: str, starts_local: datetime, minutes: int,
    time_zone: str, message: str = "", activity: str = "",
) -> PlannedDate:
    _member(user=proposer, circle=circle)
    invitee = _other_member(circle=circle, user_id=invitee_id, actor=proposer).user
    if activity and idea_by_key(activity) is None:
        raise ServiceError(_("That activity idea was not found."))
    starts_at, ends_at = _times(starts_local=starts_local, minutes=minutes, time_zone=time_zone)
    plan = PlannedDate.objects.create(
        circle=circle, proposer=proposer, invitee=invitee, awaiting=invitee, activity=activity,
        title=clean_name(title, max_length=PLAN_TITLE_MAX_LENGTH, empty_message=_("Say what you would like to do.")),
        message=clean_text(message, max_length=PLAN_MESSAGE_MAX_LENGTH, allow_empty=True),
        starts_at=starts_at, ends_at=ends_at, time_zone=time_zone,
    )
    _notify(plan, "proposed")
    return plan


def _plan_for(*, actor, plan_id: int) -> PlannedDate:
    plan = PlannedDate.objects.select_for_update().filter(pk=plan_id).first()
    still_in_circle = plan is not None and Membership.objects.filter(user=actor, circle=plan.circle_id).exists()
    if plan is None or not plan.involves(actor) or not still_in_circle:
        raise NotFound(_("That plan was not found."))
    return plan


def _awaiting_answer_from(plan: PlannedDate, actor) -> None:
    if plan.status != PlannedDate.Status.PROPOSED:
        raise Conflict(_("This plan has already been answered."))
    if plan.awaiting_id != actor.pk:
        raise NotAllowed(_("You made the latest suggestion; the answer is theirs to give."))


@transaction.atomic
def accept_plan(*, actor, plan_id: int) -> PlannedDate:
    plan = _plan_for(actor=actor, plan_id=plan_id)
    _awaiting_answer_from(plan, actor)
    if plan.starts_at <= timezone.now():
        raise Conflict(_("That time has already passed. Suggest another one."))
    plan.status = PlannedDate.Status.ACCEPTED
    plan.save(update_fields=["status", "updated_at"])
    _notify(plan, "accepted")
    return plan


@screens("message", author="actor")
@transaction.atomic
def suggest_time(
    *, actor, plan_id: int, starts_local: datetime, minutes: int, time_zone: str, message: str = ""
) -> PlannedDate:
    """Answer with another time: the plan stays proposed and the other person answers next."""
    plan = _plan_for(actor=actor, plan_id=plan_id)
    _awaiting_answer_from(plan, actor)
    plan.starts_at, plan.ends_at = _times(starts_local=starts_local, minutes=minutes, time_zone=time_zone)
    plan.time_zone = time_zone
    plan.message = clean_text(message, max_length=PLAN_MESSAGE_MAX_LENGTH, allow_empty=True)
    plan.awaiting = plan.other_person(actor)
    plan.save()
    _notify(plan, "suggested")
    return plan


@transaction.atomic
def decline_plan(*, actor, plan_id: int) -> PlannedDate:
    plan = _plan_for(actor=actor, plan_id=plan_id)
    _awaiting_answer_from(plan, actor)
    plan.status = PlannedDate.Status.DECLINED
    plan.save(update_fields=["status", "updated_at"])
    return plan


@transaction.atomic
def cancel_plan(*, actor, plan_id: int) -> PlannedDate:
    plan = _plan_for(actor=actor, plan_id=plan_id)
    if plan.status not in (PlannedDate.Status.PROPOSED, PlannedDate.Status.ACCEPTED):
        raise Conflict(_("This plan is no longer open."))
    plan.status = PlannedDate.Status.CANCELLED
    plan.save(update_fields=["status", "updated_at"])
    return plan


def _notify(plan: PlannedDate, event: str) -> None:
    from kinwell.connect.tasks import send_plan_email

    recipient_id = plan.awaiting_id if event != "accepted" else plan.other_person(plan.awaiting).pk
    transaction.on_commit(lambda: send_plan_email.enqueue(plan_id=plan.pk, event=event, recipient_id=recipient_id))


# --- Private calendar feed -------------------------------------------------------------


def hash_feed_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def new_calendar_feed(*, owner) -> str:
    """A fresh secret feed address token (shown once); any older address stops working."""
    raw = FEED_TOKEN_PREFIX + secrets.token_urlsafe(32)
    CalendarFeed.objects.filter(owner=owner).delete()
    CalendarFeed.objects.create(owner=owner, token_hash=hash_feed_token(raw))
    return raw


@transaction.atomic
def revoke_calendar_feed(*, owner) -> None:
    CalendarFeed.objects.filter(owner=owner).delete()


# --- Small-gesture nudges ---------------------------------------------------------------


@transaction.atomic
def set_nudges(*, owner, frequency: str, by_email: bool = True) -> NudgePreference:
    if frequency not in NudgeFrequency.values:
        raise ServiceError(_("Choose how often you would like a nudge."))
    preference, _created = NudgePreference.objects.select_for_update().get_or_create(owner=owner)
    preference.frequency = frequency
    preference.by_email = by_email
    preference.save(update_fields=["frequency", "by_email"])
    return preference


@transaction.atomic
def stop_nudges(*, owner) -> NudgePreference:
    """The one-click stop from an email: no more nudges of any kind until they choose again."""
    preference, _created = NudgePreference.objects.select_for_update().get_or_create(owner=owner)
    preference.frequency = NudgeFrequency.OFF
    preference.save(update_fields=["frequency"])
    return preference
