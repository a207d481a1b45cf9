from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection

from kinwell.checkins import services
from kinwell.checkins.models import CheckIn, CheckInResponse, SignNudge
from kinwell.circles.models import DataKind
from kinwell.core.errors import NotFound, ServiceError
from kinwell.core.localtime import today_for
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_a_check_in_needs_only_a_mood_and_lands_on_the_persons_own_day(user):
    user.time_zone = "Pacific/Kiritimati"  # UTC+14: "today" there is often tomorrow in UTC
    user.save()
    checkin = services.record_checkin(owner=user, mood=4).value
    assert checkin.day == today_for(user)
    assert (checkin.feelings, checkin.tags, checkin.note, checkin.wants_support) == ([], [], "", False)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"mood": 0}, "scale from 1"),
        ({"mood": 6}, "scale from 1"),
        ({"mood": 3, "stress": 11}, "Stress goes from 0"),
        ({"mood": 3, "sleep_hours": "25"}, "between 0 and 24"),
        ({"mood": 3, "sleep_hours": "lots"}, "should be a number"),
        ({"mood": 3, "energy": 9}, "Energy goes from 1"),
        ({"mood": 3, "feelings": ["calm", "sparkly"]}, "sparkly"),
        ({"mood": 3, "tags": [f"tag{n}" for n in range(13)]}, "up to 12 tags"),
        ({"mood": 3, "note": "x" * 2001}, "up to 2000"),
    ],
)
def test_bad_values_are_refused_in_plain_words_and_nothing_is_saved(user, fields, message):
    with pytest.raises(ServiceError) as error:
        services.record_checkin(owner=user, **fields)
    assert message in error.value.message
    assert not CheckIn.objects.exists()


def test_back_filling_a_missed_day_works_but_not_the_future_or_beyond_a_year(user):
    today = today_for(user)
    assert services.record_checkin(owner=user, mood=3, day=today - timedelta(days=3)).value.day == today - timedelta(days=3)
    with pytest.raises(ServiceError, match="hasn't come yet"):
        services.record_checkin(owner=user, mood=3, day=today + timedelta(days=1))
    with pytest.raises(ServiceError, match="a year back"):
        services.record_checkin(owner=user, mood=3, day=today - timedelta(days=400))


def test_tags_are_normalised_and_the_persons_own_tags_are_kept(user):
    checkin = services.record_checkin(owner=user, mood=4, tags=["Work", " work ", "Choir   practice"]).value
    assert checkin.tags == ["work", "choir practice"]


def test_several_check_ins_a_day_and_only_the_owner_can_change_or_delete_them(user, other_user):
    first = services.record_checkin(owner=user, mood=2).value
    services.record_checkin(owner=user, mood=4)
    assert CheckIn.objects.filter(owner=user).count() == 2
    with pytest.raises(NotFound):
        services.update_checkin(owner=other_user, checkin_id=first.pk, mood=5)
    with pytest.raises(NotFound):
        services.delete_checkin(owner=other_user, checkin_id=first.pk)
    services.update_checkin(owner=user, checkin_id=first.pk, mood=3, note="Better after lunch")
    first.refresh_from_db()
    assert (first.mood, first.note) == (3, "Better after lunch")
    services.delete_checkin(owner=user, checkin_id=first.pk)
    assert CheckIn.objects.filter(owner=user).count() == 1


def test_notes_are_encrypted_in_the_database(user):
    services.record_checkin(owner=user, mood=2, note="A private worry about the rent")
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin")
        (raw,) = cursor.fetchone()
    assert "rent" not in raw and raw.startswith("fernet:")


def test_only_people_who_may_see_a_check_in_can_react_and_the_owner_sees_who(user, other_user):
    outsider = UserFactory()
    circle = CircleFactory(owner=user, members=[other_user])
    checkin = services.record_checkin(owner=user, mood=1, wants_support=True).value
    with pytest.raises(NotFound):  # in the circle, but moods are not shared yet
        services.respond_to_checkin(author=other_user, checkin_id=checkin.pk, reaction="thinking_of_you")
    share(user, circle, DataKind.CHECKIN_MOOD)
    with pytest.raises(NotFound):
        services.respond_to_checkin(author=outsider, checkin_id=checkin.pk, reaction="thinking_of_you")
    with pytest.raises(ServiceError, match="Write a few words"):
        services.respond_to_checkin(author=other_user, checkin_id=checkin.pk, reaction="message", message="  ")
    services.respond_to_checkin(author=other_user, checkin_id=checkin.pk, reaction="want_to_talk")
    response = CheckInResponse.objects.get()
    assert (response.author, response.checkin.owner, response.reaction) == (other_user, user, "want_to_talk")
    with pytest.raises(ServiceError):
        services.respond_to_checkin(author=user, checkin_id=checkin.pk, reaction="here_for_you")


@pytest.fixture
def hard_month(django_capture_on_commit_callbacks):
    def record(owner):
        """Four good weeks, then a week well under them, the last day checked in through the
        service (signs are looked for after it, with the whole month there)."""
        today = today_for(owner)
        CheckIn.objects.bulk_create(
            [CheckIn(owner=owner, mood=4, day=today - timedelta(days=offset)) for offset in range(34, 7, -1)]
            + [CheckIn(owner=owner, mood=2, day=today - timedelta(days=offset)) for offset in range(6, 0, -1)]
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.record_checkin(owner=owner, mood=2, day=today)

    return record


def test_a_sign_becomes_one_private_nudge_and_no_one_is_told_unless_arranged(user, other_user, hard_month):
    CircleFactory(owner=user, members=[other_user])
    hard_month(user)
    nudges = SignNudge.objects.filter(owner=user)
    assert "mood_below_baseline" in set(nudges.values_list("rule", flat=True))
    count = nudges.count()
    services.look_for_signs(owner=user)  # the same pattern again: no second nudge
    assert SignNudge.objects.filter(owner=user).count() == count
    assert mail.outbox == []


def test_supporters_picked_in_advance_get_a_check_on_me_without_the_check_ins(user, other_user, hard_month):
    CircleFactory(owner=user, members=[other_user])
    services.update_sign_settings(
        user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[other_user.pk]
    )
    hard_month(user)
    assert [message.to for message in mail.outbox] == [[other_user.email]]
    body = mail.outbox[0].body
    assert user.display_name in body and "988" in body
    assert "We don't share what they logged" in body and "Low" not in body


def test_supporters_must_be_in_the_persons_circles(user, other_user):
    with pytest.raises(ServiceError, match="people in your circles"):
        services.update_sign_settings(
            user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[other_user.pk]
        )
    with pytest.raises(ServiceError, match="at least one person"):
        services.update_sign_settings(user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True)


def test_with_nudges_switched_off_no_sign_is_recorded(user, hard_month):
    services.update_sign_settings(user=user, nudges_on=False, streak_rule_on=False, tell_supporters=False)
    hard_month(user)
    assert not SignNudge.objects.exists()


def test_dismissing_the_newest_note_dismisses_the_ones_shown_with_it(user):
    today = date(2026, 11, 20)
    older = SignNudge.objects.create(owner=user, rule="sudden_fall", since=today)
    newer = SignNudge.objects.create(owner=user, rule="mood_below_baseline", since=today)
    services.dismiss_nudge(owner=user, nudge_id=newer.pk)
    assert not SignNudge.objects.filter(pk__in=[older.pk, newer.pk], dismissed_at__isnull=True).exists()


def test_a_nul_character_in_a_tag_is_refused_with_a_clear_message_not_a_server_error(user):
    from kinwell.checkins import services as checkin_services
    from kinwell.checkins.models import CheckIn
    from kinwell.core.errors import ServiceError

    with pytest.raises(ServiceError, match="one line of ordinary text"):
        checkin_services.record_checkin(owner=user, mood=3, tags=["wa\x00lk"])
    assert not CheckIn.objects.filter(owner=user).exists()
