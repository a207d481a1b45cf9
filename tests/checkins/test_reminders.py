from urllib.parse import urlsplit
from datetime import date, datetime, time, timezone

import pytest
from django.core import mail

from kinwell.checkins import services
from kinwell.checkins.jobs import send_due_checkin_reminders
from kinwell.checkins.reminders import is_due
from kinwell.checkins.models import ReminderSettings

UTC = timezone.utc


@pytest.mark.parametrize(
    "now, zone, at, last_sent, snoozed, checked_in, due",
    [
        # 20:00 in Chicago is 02:00 UTC the next day in winter (UTC-6)...
        (datetime(2026, 1, 15, 1, 59, tzinfo=UTC), "America/Chicago", time(20), None, None, False, False),
        (datetime(2026, 1, 15, 2, 0, tzinfo=UTC), "America/Chicago", time(20), None, None, False, True),
        # ...and 01:00 UTC in summer (UTC-5): the local time stays 20:00 across the change.
        (datetime(2026, 7, 15, 1, 0, tzinfo=UTC), "America/Chicago", time(20), None, None, False, True),
        (datetime(2026, 7, 15, 0, 59, tzinfo=UTC), "America/Chicago", time(20), None, None, False, False),
        # Spring forward in Chicago (8 March 2026): 02:30 never happens; it is sent once the clock passes it.
        (datetime(2026, 3, 8, 8, 0, tzinfo=UTC), "America/Chicago", time(2, 30), None, None, False, True),
        (datetime(2026, 3, 8, 7, 59, tzinfo=UTC), "America/Chicago", time(2, 30), None, None, False, False),
        # Once a local day only.
        (datetime(2026, 1, 15, 3, 0, tzinfo=UTC), "America/Chicago", time(20), date(2026, 1, 14), None, False, False),
        (datetime(2026, 1, 16, 3, 0, tzinfo=UTC), "America/Chicago", time(20), date(2026, 1, 14), None, False, True),
        # Snoozed through a day, or already checked in: no reminder.
        (datetime(2026, 1, 16, 3, 0, tzinfo=UTC), "America/Chicago", time(20), None, date(2026, 1, 15), False, False),
        (datetime(2026, 1, 16, 3, 0, tzinfo=UTC), "America/Chicago", time(20), None, None, True, False),
        # Far east of UTC: Tokyo's 08:00 is 23:00 UTC the day before.
        (datetime(2026, 5, 1, 23, 0, tzinfo=UTC), "Asia/Tokyo", time(8), date(2026, 5, 1), None, False, True),
        # An unknown zone falls back to UTC rather than failing.
        (datetime(2026, 5, 1, 9, 0, tzinfo=UTC), "Mars/Olympus", time(9), None, None, False, True),
    ],
)
def test_when_a_reminder_is_due(now, zone, at, last_sent, snoozed, checked_in, due):
    assert is_due(
        now=now, zone_name=zone, at=at, last_sent_on=last_sent, snoozed_until=snoozed, checked_in_today=checked_in
    ) is due


@pytest.mark.django_db
def test_the_job_sends_one_email_a_day_with_one_click_links_that_work(user, client, django_capture_on_commit_callbacks):
    user.time_zone = "America/New_York"
    user.save()
    services.update_reminder(user=user, enabled=True, local_time=time(19, 30))
    evening = datetime(2026, 11, 20, 0, 45, tzinfo=UTC)  # 19:45 in New York
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_checkin_reminders(now=evening) == 1
        assert send_due_checkin_reminders(now=evening) == 0
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    snooze_link = next(line for line in body.splitlines() if "/reminder/snooze/" in line)
    stop_link = next(line for line in body.splitlines() if "/reminder/stop/" in line)
    # Opening a link (as mail scanners do) changes nothing; the button on the page does.
    assert client.get(urlsplit(snooze_link).path).status_code == 200
    assert ReminderSettings.objects.get(user=user).snoozed_until is None
    assert client.post(urlsplit(snooze_link).path).status_code == 200
    assert ReminderSettings.objects.get(user=user).snoozed_until is not None
    assert client.get(urlsplit(stop_link).path).status_code == 200
    assert ReminderSettings.objects.get(user=user).enabled is True
    assert client.post(urlsplit(stop_link).path).status_code == 200
    assert ReminderSettings.objects.get(user=user).enabled is False
    assert client.get("/check-ins/reminder/stop/not-a-token/").status_code == 404
    assert client.get(urlsplit(stop_link).path.replace("/stop/", "/delete/")).status_code == 404
