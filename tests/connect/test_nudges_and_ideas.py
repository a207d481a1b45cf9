"""Tests for kinwell/connect/ideas.py, jobs.py and services.py (nudges).

Activity ideas as data, small-gesture nudges by the periodic job, and the one-click stop."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from kinwell.connect import ideas, jobs, services
from kinwell.connect.models import NudgePreference
from kinwell.connect.tasks import stop_nudges_link
from kinwell.notifications import services as notification_services
from tests.factories import UserFactory


def test_there_are_at_least_30_ideas_covering_every_filter():
    found = ideas.all_ideas()
    assert len(found) >= 30
    assert {idea.place for idea in found} == {"home", "outdoors"}
    assert {idea.cost for idea in found} == {"free", "low"}
    assert min(idea.minutes for idea in found) == 15 and max(idea.minutes for idea in found) == 480
    assert all(idea.title("es") != idea.title("en") for idea in found)


def test_filters_combine():
    quick_free_home = ideas.filter_ideas(place="home", cost="free", max_minutes=15)
    assert quick_free_home and all(
        idea.place == "home" and idea.cost == "free" and idea.minutes <= 15 for idea in quick_free_home
    )
    assert len(ideas.filter_ideas()) == len(ideas.all_ideas())


def test_a_gesture_stays_the_same_all_day_and_changes_the_next():
    day = date(2026, 3, 2)
    assert ideas.gesture_for(person_id=1, day=day) == ideas.gesture_for(person_id=1, day=day)
    assert ideas.gesture_for(person_id=1, day=day) != ideas.gesture_for(person_id=1, day=day + timedelta(days=1))
    assert ideas.gesture_for(person_id=1, day=day, language="es") != ideas.gesture_for(person_id=1, day=day)


@pytest.mark.django_db
def test_the_ideas_page_filters(client_for, user):
    page = client_for(user).get(reverse("connect:ideas"), {"place": "outdoors", "cost": "free", "length": "60"})
    body = page.content.decode()
    assert "Walk around the block" in body and "Cook something new together" not in body
    assert client_for(user).get(reverse("connect:ideas"), {"place": "moon"}).status_code == 200


@pytest.mark.django_db
def test_nudges_are_off_until_chosen_then_come_at_the_chosen_rhythm_in_the_morning(django_capture_on_commit_callbacks):
    person = UserFactory(time_zone="Asia/Tokyo")
    # The rhythm is the point here, not the hourly digest (the clock the digest reads is real).
    notification_services.update_preferences(user=person, digest=False)
    tokyo = ZoneInfo("Asia/Tokyo")
    monday_8am = datetime(2026, 3, 2, 8, 0, tzinfo=tokyo)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.send_gesture_nudges(now=monday_8am.replace(hour=10))
    assert not mail.outbox
    services.set_nudges(owner=person, frequency="few_weekly")
    with django_capture_on_commit_callbacks(execute=True):
        jobs.send_gesture_nudges(now=monday_8am)  # too early in Tokyo
        assert not mail.outbox
        jobs.send_gesture_nudges(now=monday_8am.replace(hour=9))
        jobs.send_gesture_nudges(now=monday_8am.replace(hour=21))  # same day: nothing more
        jobs.send_gesture_nudges(now=monday_8am + timedelta(days=1, hours=2))  # Tuesday: too soon
        jobs.send_gesture_nudges(now=monday_8am + timedelta(days=2, hours=2))  # Wednesday
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.subject == "A small gesture for today"
    assert "List-Unsubscribe" in message.extra_headers and "/nudges/stop/" in message.body
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert NudgePreference.objects.get(owner=person).last_sent_on == date(2026, 3, 4)


@pytest.mark.django_db
def test_the_one_click_stop_works_without_signing_in_and_a_forged_link_does_not(client):
    person = UserFactory()
    services.set_nudges(owner=person, frequency="daily")
    link = stop_nudges_link(person).split("testserver")[-1].split("://", 1)[-1]
    path = link[link.index("/nudges/"):]
    assert client.get(path).status_code == 200
    assert NudgePreference.objects.get(owner=person).frequency == "daily"  # a GET changes nothing
    assert client.post(path).status_code == 200
    assert NudgePreference.objects.get(owner=person).frequency == "off"
    assert client.post("/nudges/stop/forged-token/").status_code == 404


@pytest.mark.django_db
def test_the_home_page_shows_todays_gesture_only_when_chosen(client_for, user):
    assert "A small gesture for today" not in client_for(user).get("/").content.decode()
    client_for(user).post(reverse("connect:nudges"), {"frequency": "weekly", "by_email": ""})
    assert "A small gesture for today" in client_for(user).get("/").content.decode()
    assert client_for(user).post(reverse("connect:nudges"), {"frequency": "hourly"}).status_code == 400


@pytest.mark.django_db
def test_the_demo_has_appreciations_a_win_and_a_planned_date_and_reloads_in_place():
    from django.core.management import call_command

    from kinwell.connect.models import Appreciation, PlannedDate, Win

    for _ in range(2):
        call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assert Appreciation.objects.count() == 2 and Win.objects.count() == 2
    plan = PlannedDate.objects.get()
    assert plan.status == "accepted" and plan.starts_at > plan.created_at
    assert not mail.outbox
