"""One question a day per circle: the same for everyone, no repeats, swaps, race-safe."""

import threading
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from kinwell.circles.models import CircleKind
from kinwell.core.errors import Conflict, NotFound
from kinwell.daily import selectors, services
from kinwell.daily.models import QuestionDay
from tests.daily.helpers import answer, today
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def couple():
    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    return maya, jordan, CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)


def test_everyone_in_the_circle_gets_the_same_question(couple):
    maya, jordan, circle = couple
    first = today(maya, circle)
    assert today(jordan, circle) == first
    assert QuestionDay.objects.count() == 1
    assert first.question_key in selectors.the_bank().suited_keys("couple")


def test_an_outsider_cannot_open_the_circles_question(couple):
    _maya, _jordan, circle = couple
    with pytest.raises(NotFound):
        today(UserFactory(), circle)
    assert not QuestionDay.objects.exists()


def test_the_day_is_the_owners_day(couple, settings):
    maya, jordan, circle = couple
    # Far from UTC in both directions: the circle's day follows its owner, Maya.
    type(maya).objects.filter(pk=maya.pk).update(time_zone="Pacific/Kiritimati")
    type(jordan).objects.filter(pk=jordan.pk).update(time_zone="Pacific/Pago_Pago")
    maya.refresh_from_db()
    from kinwell.core.localtime import today_for

    assert today(jordan, circle).day == today_for(maya)


def _asked_on(circle, owner, days):
    """Make the circle's questions for `days` past days (as each day's first read would)."""
    keys = []
    start = date(2026, 1, 1)
    for offset in range(days):
        day = start + timedelta(days=offset)
        picked = selectors.next_question(circle=circle, day=day)
        QuestionDay.objects.create(circle=circle, day=day, question_key=picked[0], cycle=picked[1])
        keys.append(picked)
    return keys


def test_no_question_repeats_until_every_suited_one_was_asked(couple):
    maya, _jordan, circle = couple
    suited = selectors.the_bank().suited_keys("couple")
    picked = _asked_on(circle, maya, len(suited) + 3)
    first_cycle = [key for key, cycle in picked if cycle == 1]
    assert sorted(first_cycle) == sorted(suited)  # each once
    second = [key for key, cycle in picked if cycle == 2]
    assert len(second) == 3 and len(set(second)) == 3
    assert second[0] != first_cycle[-1]  # a new cycle does not start with yesterday's question


def test_two_rows_for_one_circle_and_day_are_refused(couple):
    _maya, _jordan, circle = couple
    QuestionDay.objects.create(circle=circle, day=date(2026, 1, 1), question_key="test-light-song")
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionDay.objects.create(circle=circle, day=date(2026, 1, 1), question_key="test-light-snack")


@pytest.mark.django_db(transaction=True)
def test_two_people_opening_at_once_get_the_same_question():
    if connection.vendor != "postgresql":
        # SQLite's shared in-memory test database refuses a second writer ("table is
        # locked") instead of waiting as the file database does.
        pytest.skip("needs separate database connections per thread (run with DATABASE_URL=postgres://...)")
    maya, jordan = UserFactory(), UserFactory()
    circle = CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    barrier, found, errors = threading.Barrier(2), {}, []

    def open_as(person):
        try:
            barrier.wait(timeout=5)
            found[person.pk] = today(person, circle).pk
        except Exception as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_as, args=(person,)) for person in (maya, jordan)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(found.values())) == 1
    assert QuestionDay.objects.filter(circle=circle).count() == 1


def test_swapping_gives_everyone_another_question_up_to_three_times(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    seen = {day.question_key}
    for _ in range(3):
        day = services.swap_question(actor=jordan, circle=circle, day_id=day.pk)
        assert day.question_key not in seen
        seen.add(day.question_key)
    assert today(maya, circle).question_key == day.question_key
    with pytest.raises(Conflict, match="last swap for today"):
        services.swap_question(actor=maya, circle=circle, day_id=day.pk)
    # What was swapped away counts as asked: tomorrow's question is none of them.
    tomorrow = selectors.next_question(circle=circle, day=day.day + timedelta(days=1))
    assert tomorrow[0] not in seen


def test_no_swap_once_someone_answered(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(jordan, circle, day)
    with pytest.raises(Conflict, match="already answered"):
        services.swap_question(actor=maya, circle=circle, day_id=day.pk)


def test_a_circle_kind_with_no_questions_has_no_day(couple, settings, tmp_path):
    maya, _jordan, circle = couple
    settings.DAILY_QUESTIONS_DIR = tmp_path
    assert today(maya, circle) is None
