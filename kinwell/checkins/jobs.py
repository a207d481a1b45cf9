"""Periodic jobs for check-ins (see kinwell/core/schedule.py): daily reminders, and
the once-a-day look for signs that need no new check-in to appear (check-ins
that stopped after a long streak)."""

from django.db import transaction

from kinwell.checkins import reminders
from kinwell.checkins.models import CheckIn, ReminderSettings, SignSettings
from kinwell.core.localtime import local_now
from kinwell.core.schedule import periodic


@periodic
def send_due_checkin_reminders(*, now) -> int:
    from kinwell.checkins.tasks import send_checkin_reminder

    sent = 0
    for reminder in ReminderSettings.objects.filter(enabled=True).select_related("user"):
        user = reminder.user
        today = local_now(now, user.time_zone).date()
        due = reminders.is_due(
            now=now, zone_name=user.time_zone, at=reminder.local_time, last_sent_on=reminder.last_sent_on,
            snoozed_until=reminder.snoozed_until,
            checked_in_today=CheckIn.objects.filter(owner=user, day=today).exists(),
        )
        if not due:
            continue
        with transaction.atomic():
            # Claim the day first, so two schedulers running at once send one email.
            claimed = ReminderSettings.objects.filter(pk=reminder.pk).exclude(last_sent_on=today).update(last_sent_on=today)
            if claimed:
                transaction.on_commit(lambda user_id=user.pk: send_checkin_reminder.enqueue(user_id=user_id))
                sent += 1
    return sent


@periodic
def look_for_quiet_streaks(*, now) -> int:
    from kinwell.checkins.services import look_for_signs

    looked = 0
    for settings_row in SignSettings.objects.filter(nudges_on=True, streak_rule_on=True).select_related("user"):
        today = local_now(now, settings_row.user.time_zone).date()
        if settings_row.last_checked_on != today:
            look_for_signs(owner=settings_row.user, today=today)
            looked += 1
    return looked
