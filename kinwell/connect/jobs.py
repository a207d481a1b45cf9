"""Periodic jobs (see kinwell/core/schedule.py): the day-before reminder for planned
dates, and small-gesture nudges. Both work in each person's own time zone, and both
remember what they sent (PlanReminder rows, NudgePreference.last_sent_on), so running
them again in the same minute, or every minute all day, sends nothing twice."""

from datetime import datetime, timedelta

from django.db import transaction

from kinwell.circles.models import Membership
from kinwell.connect.ideas import gesture_for
from kinwell.connect.models import NudgeFrequency, NudgePreference, PlannedDate, PlanReminder
from kinwell.core.localtime import local_now
from kinwell.core.schedule import periodic

# Nudges arrive in the morning, not at midnight: from this local hour on.
NUDGE_HOUR = 9
NUDGE_EVERY_DAYS = {NudgeFrequency.DAILY: 1, NudgeFrequency.FEW_WEEKLY: 2, NudgeFrequency.WEEKLY: 7}


@periodic
def remind_day_before(*, now: datetime) -> int:
    """On the day before a planned date in each person's calendar, remind them once."""
    from kinwell.connect.tasks import send_plan_reminder

    sent = 0
    # Within 48 hours covers "tomorrow" in every time zone on Earth.
    soon = PlannedDate.objects.filter(
        status=PlannedDate.Status.ACCEPTED, starts_at__gt=now, starts_at__lte=now + timedelta(hours=48)
    ).select_related("proposer", "invitee")
    for plan in soon:
        for person in (plan.proposer, plan.invitee):
            here = local_now(now, person.time_zone)
            if plan.starts_at.astimezone(here.tzinfo).date() != here.date() + timedelta(days=1):
                continue
            if not Membership.objects.filter(user=person, circle_id=plan.circle_id).exists():
                continue
            with transaction.atomic():
                _reminder, created = PlanReminder.objects.get_or_create(
                    plan=plan, person=person, starts_at=plan.starts_at
                )
                if created:
                    transaction.on_commit(
                        lambda plan_id=plan.pk, person_id=person.pk: send_plan_reminder.enqueue(
                            plan_id=plan_id, person_id=person_id
                        )
                    )
                    sent += 1
    return sent


def nudge_is_due(preference: NudgePreference, now: datetime) -> bool:
    every = NUDGE_EVERY_DAYS.get(preference.frequency)
    if every is None or not preference.by_email:
        return False
    here = local_now(now, preference.owner.time_zone)
    if here.hour < NUDGE_HOUR:
        return False
    return preference.last_sent_on is None or (here.date() - preference.last_sent_on).days >= every


@periodic
def send_gesture_nudges(*, now: datetime) -> int:
    from kinwell.connect.tasks import send_nudge

    sent = 0
    candidates = NudgePreference.objects.filter(by_email=True, owner__is_active=True).exclude(
        frequency=NudgeFrequency.OFF
    )
    for preference_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            preference = NudgePreference.objects.select_for_update().select_related("owner").get(pk=preference_id)
            if not nudge_is_due(preference, now):
                continue
            today = local_now(now, preference.owner.time_zone).date()
            preference.last_sent_on = today
            preference.save(update_fields=["last_sent_on"])
            person = preference.owner
            gesture = gesture_for(person_id=person.pk, day=today, language=person.language)
            transaction.on_commit(
                lambda person_id=person.pk, gesture=gesture: send_nudge.enqueue(person_id=person_id, gesture=gesture)
            )
            sent += 1
    return sent
