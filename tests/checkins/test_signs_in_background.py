"""Signs are looked for in the worker after a check-in, and the next page catches up
when the worker has not run yet (issue 22)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kinwell.checkins import services
from kinwell.checkins.models import CheckIn, SignNudge
from kinwell.checkins.tasks import find_signs
from kinwell.core.localtime import today_for
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _four_good_weeks(owner):
    today = today_for(owner)
    CheckIn.objects.bulk_create([
        CheckIn(owner=owner, day=today - timedelta(days=offset), mood=4) for offset in range(34, 7, -1)
    ])
    CheckIn.objects.bulk_create([
        CheckIn(owner=owner, day=today - timedelta(days=offset), mood=2) for offset in range(6, 0, -1)
    ])


def test_a_check_in_queues_the_look_for_signs_instead_of_doing_it(user, database_queue):
    _four_good_weeks(user)
    services.record_checkin(owner=user, mood=2)
    assert not SignNudge.objects.exists()
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.status) == ("kinwell.checkins.tasks.find_signs", "READY")
    assert queued.args_kwargs["kwargs"] == {"owner_id": user.pk}


def test_the_worker_makes_the_nudge(user, database_queue):
    _four_good_weeks(user)
    services.record_checkin(owner=user, mood=2)
    assert find_signs.call(owner_id=user.pk) >= 1
    assert SignNudge.objects.filter(owner=user, rule="mood_below_baseline").exists()
    assert find_signs.call(owner_id=user.pk) == 0  # once per pattern
    assert find_signs.call(owner_id=user.pk + 999) == 0  # a person since deleted: nothing to do


def test_the_next_page_shows_the_nudge_even_before_the_worker_runs(user, other_user, database_queue):
    _four_good_weeks(user)
    _four_good_weeks(other_user)
    client = signed_in_client(user)
    response = client.post(reverse("checkins:new"), {"mood": 2, "day": today_for(user).isoformat()})
    assert response.status_code == 302
    assert not SignNudge.objects.exists()
    client.get(reverse("checkins:mine"))
    assert set(SignNudge.objects.values_list("owner", flat=True)) == {user.pk}
    services.record_checkin(owner=other_user, mood=2)
    client.get(reverse("checkins:mine"))  # another person's waiting look is theirs to catch up on
    assert not SignNudge.objects.filter(owner=other_user).exists()


def test_with_tasks_run_at_once_the_nudge_is_there_straight_away(user):
    _four_good_weeks(user)
    services.record_checkin(owner=user, mood=2)
    assert SignNudge.objects.filter(owner=user).exists()
