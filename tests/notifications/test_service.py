"""The one notification service: preferences, push falling back to email, quiet hours,
the digest, threads, and the notices that always go."""

from datetime import datetime, time, timedelta, timezone as dt_timezone

import pytest
from django.core import mail

from kinwell.notifications import channels
from kinwell.notifications.channels import register_channel
from kinwell.notifications.models import PendingNotice
from kinwell.notifications.services import (
    HELD, OFF, SENT, SKIPPED, note_viewing, notify, send_waiting, update_preferences,
)
from kinwell.safety import services as safety_services
from tests.factories import CircleFactory, UserFactory
from tests.notifications.samples import SAMPLES

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=dt_timezone.utc)


def appreciation(person, *, now=NOON, **extra):
    return notify(recipient=person, notice="appreciation", url="/together/", now=now,
                  context={"sender": "Jordan", "circle": "Home"}, **extra)


@pytest.fixture
def push_devices():
    """A push channel as the push app registers it: who has a device, and what arrived."""
    delivered, devices = [], set()

    def deliver(*, user, message):
        if user.pk not in devices:
            return False
        delivered.append((user.pk, message))
        return True

    real = channels.channel_named("push")
    register_channel("push", deliver=deliver, reachable=lambda *, user: user.pk in devices)
    yield devices, delivered
    if real is None:
        channels._channels.pop("push", None)
    else:
        register_channel("push", deliver=real.deliver, reachable=real.reachable)


def test_a_group_turned_off_sends_nothing():
    person = UserFactory()
    update_preferences(user=person, channels={"appreciation_plans": "none"})
    assert appreciation(person) == OFF
    assert mail.outbox == [] and not PendingNotice.objects.exists()


def test_push_is_preferred_by_default_and_falls_back_to_email_without_a_device(push_devices):
    devices, delivered = push_devices
    person = UserFactory()
    assert appreciation(person) == SENT
    assert len(mail.outbox) == 1 and delivered == []  # no device: email
    devices.add(person.pk)
    assert appreciation(person, now=NOON + timedelta(hours=2)) == SENT
    assert len(mail.outbox) == 1 and len(delivered) == 1
    message = delivered[0][1]
    assert message.headline == "Jordan sent you an appreciation" and "Home" in message.glance


def test_without_a_push_channel_push_is_not_offered_and_cannot_be_chosen():
    from kinwell.core.errors import ServiceError

    person = UserFactory()
    with pytest.raises(ServiceError):
        update_preferences(user=person, channels={"reminders": "push"})
    with pytest.raises(ServiceError):
        update_preferences(user=person, channels={"nonsense": "email"})


def test_email_preferred_stays_email_even_with_a_device(push_devices):
    devices, delivered = push_devices
    person = UserFactory()
    devices.add(person.pk)
    update_preferences(user=person, channels={"appreciation_plans": "email"})
    appreciation(person)
    assert len(mail.outbox) == 1 and delivered == []


def test_quiet_hours_hold_notices_in_the_persons_own_time_and_release_them_after():
    person = UserFactory(time_zone="America/New_York")
    update_preferences(user=person, set_quiet_hours=True, quiet_from=time(22, 0), quiet_until=time(7, 0))
    night = datetime(2026, 6, 2, 3, 0, tzinfo=dt_timezone.utc)  # 23:00 in New York
    assert appreciation(person, now=night) == HELD
    assert mail.outbox == []
    assert send_waiting(now=night + timedelta(hours=2)) == 0  # 01:00, still quiet
    assert mail.outbox == []
    morning = datetime(2026, 6, 2, 11, 5, tzinfo=dt_timezone.utc)  # 07:05
    assert send_waiting(now=morning) == 1
    assert len(mail.outbox) == 1 and "Jordan sent you an appreciation" in mail.outbox[0].body
    assert send_waiting(now=morning) == 0  # claimed: never twice


def test_account_and_safety_mail_go_at_once_even_in_quiet_hours_and_when_everything_is_off():
    person = UserFactory()
    update_preferences(user=person, channels={key: "none" for key in
                                              ("reminders", "conversations", "appreciation_plans",
                                               "daily_question", "sign_check_ons")},
                       set_quiet_hours=True, quiet_from=time(0, 0), quiet_until=time(23, 59))
    for kind in ("password_reset", "confirm_sign_up", "already_registered", "safety_chosen", "safety_check_on_me"):
        assert notify(recipient=person, notice=kind, url="/x/", context=SAMPLES[kind]) == SENT
    assert len(mail.outbox) == 5
    assert all("List-Unsubscribe" not in email.extra_headers for email in mail.outbox)


def test_an_address_that_is_not_a_person_gets_email():
    assert notify(recipient="someone@example.org", notice="circle_invitation", url="/join/",
                  context=SAMPLES["circle_invitation"]) == SENT
    assert mail.outbox[0].to == ["someone@example.org"]


def test_the_digest_turns_notices_within_the_hour_into_one_message():
    person = UserFactory()
    assert appreciation(person) == SENT
    for minutes, sender in ((5, "Ana"), (20, "Ben"), (40, "Cal")):
        result = notify(recipient=person, notice="appreciation", url=f"/from/{sender}/",
                        now=NOON + timedelta(minutes=minutes), context={"sender": sender, "circle": "Home"})
        assert result == HELD
    assert len(mail.outbox) == 1
    assert send_waiting(now=NOON + timedelta(minutes=50)) == 0  # not an hour since the last one
    assert send_waiting(now=NOON + timedelta(minutes=61)) == 1
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.subject == "News from Kinwell"
    for sender in ("Ana", "Ben", "Cal"):
        assert f"{sender} sent you an appreciation" in digest.body and f"/from/{sender}/" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers


def test_without_the_digest_each_notice_goes_at_once():
    person = UserFactory()
    update_preferences(user=person, digest=False)
    for minutes in (0, 5, 10):
        assert appreciation(person, now=NOON + timedelta(minutes=minutes)) == SENT
    assert len(mail.outbox) == 3


def test_a_thread_sends_one_notice_an_hour_and_none_while_the_page_is_open():
    person = UserFactory()
    update_preferences(user=person, digest=False)

    def move(at):
        return notify(recipient=person, notice="conflict_news", url="/round/", thread="conflict:1",
                      now=at, context={"circle": "Home"})

    assert move(NOON) == SENT
    assert move(NOON + timedelta(minutes=30)) == SKIPPED
    assert move(NOON + timedelta(minutes=61)) == SENT
    note_viewing(user=person, thread="conflict:1", now=NOON + timedelta(minutes=130))
    assert move(NOON + timedelta(minutes=131)) == SKIPPED  # on the page
    assert notify(recipient=person, notice="conflict_news", url="/other/", thread="conflict:2",
                  now=NOON + timedelta(minutes=131), context={"circle": "Home"}) == SENT
    assert move(NOON + timedelta(minutes=140)) == SENT  # left the page ten minutes ago
    assert len(mail.outbox) == 4


def test_nothing_automatic_goes_while_the_persons_automatic_messages_are_paused():
    owner, supporter = UserFactory(), UserFactory()
    CircleFactory(owner=owner, members=[supporter])
    safety_services.pause_automatic_messages(owner=owner)
    assert notify(recipient=supporter, notice="sign_check_on_me", url="/x/", context={"owner": "Rae"},
                  automatic_about=owner) == SKIPPED
    assert mail.outbox == []


def test_a_person_who_left_gets_nothing():
    person = UserFactory(is_active=False)
    assert appreciation(person) == SKIPPED and mail.outbox == []


def test_old_rows_are_forgotten_and_recent_ones_kept():
    from kinwell.notifications.jobs import forget_old_notices

    person = UserFactory()
    update_preferences(user=person, digest=False)
    appreciation(person, now=NOON)
    appreciation(person, now=NOON + timedelta(days=6))
    note_viewing(user=person, thread="conflict:1", now=NOON)
    assert forget_old_notices(now=NOON + timedelta(days=8)) == 2
    assert PendingNotice.objects.count() == 1
