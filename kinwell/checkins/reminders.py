"""Which daily check-in reminders are due, in each person's own time zone.

Plain Python: given the reminder settings and "now", decide. zoneinfo handles
daylight-saving changes: a reminder at 20:00 stays at 20:00 local time on both
sides of the change, and a local time that does not exist on the spring-forward
day (02:30) is sent as soon as that day's clock passes it.
"""

from datetime import date, datetime, time

from kinwell.core.localtime import local_now

REMINDER_SALT = "kinwell.checkins.reminder"
# "Have a week off" from the email: long enough to be a real break, short enough to come back.
SNOOZE_DAYS = 7


def is_due(
    *, now: datetime, zone_name: str, at: time, last_sent_on: date | None, snoozed_until: date | None,
    checked_in_today: bool,
) -> bool:
    """Due once a local day, from the chosen time on, unless snoozed or already checked in."""
    local = local_now(now, zone_name)
    today = local.date()
    if last_sent_on is not None and last_sent_on >= today:
        return False
    if snoozed_until is not None and today <= snoozed_until:
        return False
    if checked_in_today:
        return False
    return local.time().replace(tzinfo=None) >= at
