"""Answering privately, the reveal, taking space, leaving, the access log, reactions,
replies and the gentle count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse

from kinwell.circles import services as circle_services
from kinwell.circles.models import AccessLogEntry, CircleKind
from kinwell.core.errors import Conflict, NotFound
from kinwell.daily import selectors, services
from kinwell.daily.models import Answer, QuestionDay, Reply
from tests.daily.helpers import answer, today
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def couple():
    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    return maya, jordan, CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)


def seen_texts(viewer, circle, day):
    day.refresh_from_db()
    return [s.answer.text for s in selectors.answers_seen_by(viewer=viewer, circle=circle, day=day)]


def test_answers_stay_private_until_both_answered(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(jordan, circle, day, "Jordan's secret sandwich")
    assert seen_texts(maya, circle, day) == []
    page = client_for(maya).get(reverse("daily:today", args=[circle.pk])).content.decode()
    assert "Jordan answered." in page
    assert "secret sandwich" not in page
    answer(maya, circle, day, "Maya's picnic")
    assert sorted(seen_texts(maya, circle, day)) == ["Jordan's secret sandwich", "Maya's picnic"]
    page = client_for(maya).get(reverse("daily:today", args=[circle.pk])).content.decode()
    assert "secret sandwich" in page


def test_an_answer_can_change_until_revealed_and_not_after(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day, "First try")
    answer(maya, circle, day, "Second try")
    assert Answer.objects.get(author=maya).text == "Second try"
    answer(jordan, circle, day)
    with pytest.raises(Conflict, match="stays as it is"):
        answer(maya, circle, day, "Third try")


def test_in_a_circle_of_five_three_answers_reveal():
    people = [UserFactory(display_name=name) for name in ("Ana", "Ben", "Cy", "Di", "Ed")]
    circle = CircleFactory(owner=people[0], members=people[1:], kind=CircleKind.FRIENDS)
    day = today(people[0], circle)
    answer(people[0], circle, day)
    answer(people[1], circle, day)
    day.refresh_from_db()
    assert not day.revealed
    answer(people[2], circle, day)
    day.refresh_from_db()
    assert day.revealed
    assert len(seen_texts(people[4], circle, day)) == 3
    # A later answer is seen at once.
    answer(people[3], circle, day, "Di's late answer")
    assert "Di's late answer" in seen_texts(people[4], circle, day)


def test_someone_taking_space_is_not_waited_for_and_not_seen(couple):
    maya, jordan, circle = couple
    sam = UserFactory(display_name="Sam")
    from kinwell.circles.models import Membership

    Membership.objects.create(circle=circle, user=sam)
    day = today(maya, circle)
    answer(sam, circle, day, "Sam's words")
    circle_services.set_space(user=sam, circle=circle, paused=True)
    answer(maya, circle, day, "Maya's words")
    answer(jordan, circle, day, "Jordan's words")
    day.refresh_from_db()
    assert day.revealed  # Sam, taking space, was not needed
    assert sorted(seen_texts(maya, circle, day)) == ["Jordan's words", "Maya's words"]
    assert "Sam" not in [p.display_name for p in selectors.who_answered(viewer=maya, circle=circle, day=day)]
    assert "Sam's words" in seen_texts(sam, circle, day)  # their own, always
    circle_services.set_space(user=sam, circle=circle, paused=False)
    assert "Sam's words" in seen_texts(maya, circle, day)


def test_a_pause_that_starts_after_others_answered_opens_the_day(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day)
    circle_services.set_space(user=jordan, circle=circle, paused=True)
    day = today(maya, circle)
    assert day.revealed


def test_someone_who_left_keeps_their_answer_but_the_circle_no_longer_sees_it(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day, "Maya's words")
    answer(jordan, circle, day, "Jordan's words")
    circle_services.leave_circle(user=jordan, circle=circle)
    assert seen_texts(maya, circle, day) == ["Maya's words"]
    assert Answer.objects.filter(author=jordan).exists()
    from kinwell.core.personal_data import export_for

    assert export_for(jordan)["daily_question"]["answers"][0]["answer"] == "Jordan's words"


def test_each_view_of_anothers_answer_is_in_their_access_log(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day)
    assert not AccessLogEntry.objects.exists()  # before the reveal nothing is shown
    answer(jordan, circle, day)
    seen_texts(maya, circle, day)
    entry = AccessLogEntry.objects.get(owner=jordan)
    assert (entry.viewer, entry.kind, entry.circle) == (maya, "daily_answer", circle)
    assert not AccessLogEntry.objects.filter(owner=maya, viewer=maya).exists()


def test_the_access_log_page_says_what_was_viewed(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day)
    answer(jordan, circle, day)
    client_for(maya).get(reverse("daily:today", args=[circle.pk]))
    page = client_for(jordan).get(reverse("circles:access_log")).content.decode()
    assert "Maya read your answer to the daily question" in page


def test_answers_are_encrypted_at_rest(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    saved = answer(maya, circle, day, "Pickles and peanut butter").value
    answer(jordan, circle, day)
    reply = services.reply_to_answer(author=jordan, circle=circle, day_id=day.pk, answer_id=saved.pk,
                                     text="Brave choice, pickles").value
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM daily_answer WHERE id = %s", [saved.pk])
        raw_answer = cursor.fetchone()[0]
        cursor.execute("SELECT text FROM daily_reply WHERE id = %s", [reply.pk])
        raw_reply = cursor.fetchone()[0]
    assert "Pickles" not in raw_answer and raw_answer.startswith("fernet:")
    assert "pickles" not in raw_reply and raw_reply.startswith("fernet:")


def test_reactions_toggle_and_are_for_others_answers(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    mine = answer(maya, circle, day).value
    theirs = answer(jordan, circle, day).value
    services.react(person=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, kind="love")
    services.react(person=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, kind="hug")
    assert set(theirs.reactions.values_list("kind", flat=True)) == {"love", "hug"}
    services.react(person=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, kind="love")
    assert set(theirs.reactions.values_list("kind", flat=True)) == {"hug"}
    with pytest.raises(Exception, match="others' answers"):
        services.react(person=maya, circle=circle, day_id=day.pk, answer_id=mine.pk, kind="love")


def test_no_reaction_or_reply_before_the_reveal(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    theirs = answer(jordan, circle, day).value
    with pytest.raises(NotFound):
        services.react(person=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, kind="love")
    with pytest.raises(Conflict):
        services.reply_to_answer(author=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, text="Oh?")
    assert not Reply.objects.exists()


def test_an_answer_from_another_circle_is_not_found(couple):
    maya, jordan, circle = couple
    other = CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    day, elsewhere = today(maya, circle), today(maya, other)
    answer(maya, other, elsewhere)
    foreign = answer(jordan, other, elsewhere).value
    answer(maya, circle, day)
    answer(jordan, circle, day)
    with pytest.raises(NotFound):
        services.react(person=maya, circle=circle, day_id=day.pk, answer_id=foreign.pk, kind="love")


def test_the_gentle_count_counts_days_answered_together(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    assert selectors.days_together(circle) == 0
    answer(maya, circle, day)
    answer(jordan, circle, day)
    yesterday = QuestionDay.objects.create(circle=circle, day=day.day - timedelta(days=1),
                                           question_key="test-light-song")
    answer(maya, circle, yesterday)  # only one: not counted, and nothing said about it
    assert selectors.days_together(circle) == 1


def test_the_page_never_scolds(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    QuestionDay.objects.create(circle=circle, day=day.day - timedelta(days=1), question_key="test-light-song")
    page = client_for(maya).get(reverse("daily:today", args=[circle.pk])).content.decode().lower()
    for word in ("streak", "missed", "lost"):
        assert word not in page


def test_a_past_day_is_answered_no_later_than_the_next_day(couple):
    maya, _jordan, circle = couple
    day = today(maya, circle)
    old = QuestionDay.objects.create(circle=circle, day=day.day - timedelta(days=3), question_key="test-light-song")
    with pytest.raises(Conflict, match="has passed"):
        answer(maya, circle, old)


def test_the_policy_lets_members_see_daily_answers_without_a_sharing_choice(couple):
    from kinwell.circles import access

    maya, jordan, circle = couple
    outsider = UserFactory()
    assert access.can_view(viewer=maya, owner=jordan, kind=access.DAILY_ANSWER, circle=circle)
    assert not access.can_view(viewer=outsider, owner=jordan, kind=access.DAILY_ANSWER)
    assert access.DAILY_ANSWER not in access.visible_kinds(viewer=maya, owner=jordan, circle=circle)
    circle_services.set_space(user=jordan, circle=circle, paused=True, quietly=True)
    assert not access.can_view(viewer=maya, owner=jordan, kind=access.DAILY_ANSWER, circle=circle)


def test_a_removed_member_keeps_their_answer_and_the_circle_no_longer_sees_it(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day, "Maya's words")
    answer(jordan, circle, day, "Jordan's words")
    circle_services.remove_member(actor=maya, circle=circle, member=jordan)
    assert seen_texts(maya, circle, day) == ["Maya's words"]
    with pytest.raises(NotFound):
        today(jordan, circle)
    assert Answer.objects.get(author=jordan).text == "Jordan's words"


def test_a_quiet_pause_is_not_mentioned_on_the_page(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(jordan, circle, day, "Jordan's words")
    circle_services.set_space(user=jordan, circle=circle, paused=True, quietly=True)
    body = client_for(maya).get(reverse("daily:today", args=[circle.pk])).content.decode()
    assert "Jordan" not in body.split("<main", 1)[1] and "space" not in body.split("<main", 1)[1].lower()


def test_a_quiet_pause_is_waited_for_like_someone_who_has_not_answered_yet(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(jordan, circle, day, "Jordan's words")
    circle_services.set_space(user=jordan, circle=circle, paused=True, quietly=True)
    answer(maya, circle, day, "Maya's words")
    day.refresh_from_db()
    assert not day.revealed  # sharing at once would tell Maya of a pause she must not see
    circle_services.set_space(user=jordan, circle=circle, paused=False)
    assert today(maya, circle).revealed
