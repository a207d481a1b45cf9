"""Planned dates: propose, suggest another time, accept; .ics export and the private
calendar feed; the reminder the day before, in each person's time zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinwell.connect import jobs, services
from kinwell.connect.models import CalendarFeed, PlannedDate, PlanReminder
from kinwell.core.errors import Conflict, NotAllowed, NotFound, ServiceError
from kinwell.core.schedule import run_due_jobs
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

LISBON = "Europe/Lisbon"


@pytest.fixture
def pair():
    maya = UserFactory(display_name="Maya", time_zone=LISBON)
    jordan = UserFactory(display_name="Jordan", time_zone="America/Chicago")
    circle = CircleFactory(owner=maya, members=[jordan])
    return maya, jordan, circle


def next_saturday_at(hour: int) -> datetime:
    today = timezone.now().date()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 + 7)
    return datetime(saturday.year, saturday.month, saturday.day, hour, 0)


def propose(maya, jordan, circle, **overrides):
    arguments = dict(
        proposer=maya, circle=circle, invitee_id=jordan.pk, title="Picnic by the river",
        starts_local=next_saturday_at(11), minutes=120, time_zone=LISBON, message="Bring the blue blanket?",
    )
    return services.propose_plan(**{**arguments, **overrides}).value


def test_propose_suggest_and_accept_hand_the_answer_back_and_forth(pair, django_capture_on_commit_callbacks):
    maya, jordan, circle = pair
    with django_capture_on_commit_callbacks(execute=True):
        plan = propose(maya, jordan, circle)
    assert plan.awaiting == jordan and plan.starts_at == next_saturday_at(11).replace(tzinfo=ZoneInfo(LISBON))
    assert mail.outbox[-1].to == [jordan.email]
    with pytest.raises(NotAllowed):
        services.accept_plan(actor=maya, plan_id=plan.pk)
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.suggest_time(
            actor=jordan, plan_id=plan.pk, starts_local=next_saturday_at(15), minutes=90,
            time_zone="America/Chicago", message="Afternoon suits me better",
        ).value
    assert plan.awaiting == maya and plan.ends_at - plan.starts_at == timedelta(minutes=90)
    assert mail.outbox[-1].to == [maya.email]
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.accept_plan(actor=maya, plan_id=plan.pk)
    assert plan.status == PlannedDate.Status.ACCEPTED
    assert mail.outbox[-1].to == [jordan.email]
    with pytest.raises(Conflict):
        services.accept_plan(actor=jordan, plan_id=plan.pk)


def test_bad_plans_are_refused_in_plain_words(pair):
    maya, jordan, circle = pair
    with pytest.raises(ServiceError, match="still to come"):
        propose(maya, jordan, circle, starts_local=datetime(2001, 1, 1, 10, 0))
    with pytest.raises(ServiceError, match="time zone"):
        propose(maya, jordan, circle, time_zone="Mars/Olympus")
    with pytest.raises(ServiceError):
        propose(maya, jordan, circle, minutes=5)
    with pytest.raises(NotFound):
        propose(maya, UserFactory(), circle, invitee_id=UserFactory().pk)
    with pytest.raises(NotFound):
        services.accept_plan(actor=UserFactory(), plan_id=propose(maya, jordan, circle).pk)
    assert PlannedDate.objects.count() == 1


def test_the_ics_download_parses_back_with_summary_times_and_time_zone(client_for, pair):
    maya, jordan, circle = pair
    plan = propose(maya, jordan, circle)
    url = reverse("connect:plan_ics", kwargs={"circle_id": circle.pk, "plan_id": plan.pk})
    assert client_for(jordan).get(url).status_code == 404  # not accepted yet
    services.accept_plan(actor=jordan, plan_id=plan.pk)
    response = client_for(jordan).get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    assert str(event["summary"]) == "Picnic by the river, with Maya"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == next_saturday_at(11).replace(tzinfo=ZoneInfo(LISBON))
    assert end - start == timedelta(hours=2)
    assert event["dtstart"].params["TZID"] == LISBON
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == [LISBON]
    assert client_for(UserFactory()).get(url).status_code == 404


def test_the_private_calendar_feed_lists_accepted_plans_stores_a_hash_and_can_be_revoked(client_for, pair):
    maya, jordan, circle = pair
    accepted = propose(maya, jordan, circle)
    services.accept_plan(actor=jordan, plan_id=accepted.pk)
    propose(maya, jordan, circle, title="Still waiting")
    response = client_for(maya).post(reverse("connect:calendar"), {"action": "new"})
    address = response.context["new_address"]
    token = address.rsplit("/", 1)[-1].removesuffix(".ics")
    feed = CalendarFeed.objects.get(owner=maya)
    assert token not in feed.token_hash and len(feed.token_hash) == 64
    body = client_for(UserFactory()).get(address.split("testserver")[-1])  # no session needed
    events = icalendar.Calendar.from_ical(body.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Picnic by the river, with Jordan"]
    client_for(maya).post(reverse("connect:calendar"), {"action": "revoke"})
    assert client_for(maya).get(address.split("testserver")[-1]).status_code == 404
    assert client_for(maya).get("/calendar/kwcal_guessed.ics").status_code == 404


def test_the_reminder_goes_the_day_before_in_each_persons_time_zone_and_only_once(pair, django_capture_on_commit_callbacks):
    maya, jordan, circle = pair
    plan = propose(maya, jordan, circle)
    services.accept_plan(actor=jordan, plan_id=plan.pk)
    start = plan.starts_at  # 11:00 in Lisbon = 05:00 in Chicago (in winter; 06:00 in summer)
    two_days_before = start - timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        run_due_jobs(now=two_days_before)
    assert not PlanReminder.objects.exists()
    # 09:00 in Lisbon the day before: Maya's "tomorrow"; in Chicago it is still two days before.
    day_before_lisbon = (start - timedelta(days=1)).astimezone(ZoneInfo(LISBON)).replace(hour=9)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.remind_day_before(now=day_before_lisbon) >= 1
        jobs.remind_day_before(now=day_before_lisbon + timedelta(minutes=1))
    assert [m.to for m in mail.outbox].count([maya.email]) == 1
    assert "Tomorrow: Picnic by the river" in mail.outbox[0].subject
    # Jordan's "tomorrow" comes when Chicago's date is the day before the local start date.
    chicago_start = start.astimezone(ZoneInfo("America/Chicago"))
    chicago_day_before = (chicago_start - timedelta(days=1)).replace(hour=12)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.remind_day_before(now=chicago_day_before)
        jobs.remind_day_before(now=chicago_day_before + timedelta(hours=1))
    assert [m.to for m in mail.outbox].count([jordan.email]) == 1
    assert PlanReminder.objects.count() == 2


def test_a_moved_plan_is_reminded_again_and_a_cancelled_one_is_not(pair):
    maya, jordan, circle = pair
    plan = propose(maya, jordan, circle)
    services.cancel_plan(actor=maya, plan_id=plan.pk)
    jobs.remind_day_before(now=plan.starts_at - timedelta(hours=20))
    assert not PlanReminder.objects.exists()


def test_keyless_pages_answer_outsiders_with_404(client_for, pair):
    maya, jordan, circle = pair
    plan = propose(maya, jordan, circle)
    outsider = client_for(UserFactory())
    for name in ("connect:plans", "connect:plan"):
        kwargs = {"circle_id": circle.pk} if name == "connect:plans" else {"circle_id": circle.pk, "plan_id": plan.pk}
        assert outsider.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_the_plan_pages_propose_and_accept(client_for, pair):
    maya, jordan, circle = pair
    day = next_saturday_at(10)
    response = client_for(maya).post(
        reverse("connect:plans", kwargs={"circle_id": circle.pk}) + "?idea=picnic",
        {"invitee": jordan.pk, "title": "A simple picnic", "day": day.date().isoformat(), "start": "10:00",
         "minutes": "120", "message": "", "activity": "picnic"},
    )
    assert response.status_code == 302
    plan = PlannedDate.objects.get()
    assert plan.activity == "picnic" and plan.time_zone == LISBON
    bad = client_for(maya).post(
        reverse("connect:plans", kwargs={"circle_id": circle.pk}),
        {"invitee": jordan.pk, "title": "Past", "day": "2001-01-01", "start": "10:00", "minutes": "60"},
    )
    assert bad.status_code == 400 and "still to come" in bad.content.decode()
    page = reverse("connect:plan", kwargs={"circle_id": circle.pk, "plan_id": plan.pk})
    assert client_for(jordan).post(page, {"action": "accept"}).status_code == 302
    assert PlannedDate.objects.get().status == "accepted"
    assert "Add to my calendar" in client_for(jordan).get(page).content.decode()


def test_tomorrow_is_counted_in_each_persons_own_calendar(pair, django_capture_on_commit_callbacks):
    maya, jordan, circle = pair
    # 01:00 on Saturday in Lisbon is Friday evening in Chicago.
    plan = propose(maya, jordan, circle, starts_local=next_saturday_at(1))
    services.accept_plan(actor=jordan, plan_id=plan.pk)
    thursday_noon_chicago = (plan.starts_at.astimezone(ZoneInfo("America/Chicago")) - timedelta(days=1)).replace(
        hour=12, minute=0
    )
    assert thursday_noon_chicago.weekday() == 3
    with django_capture_on_commit_callbacks(execute=True):
        jobs.remind_day_before(now=thursday_noon_chicago)
    assert [message.to for message in mail.outbox] == [[jordan.email]]


def test_absurd_dates_get_a_clear_answer_not_an_error(pair, client_for):
    maya, jordan, circle = pair
    with pytest.raises(ServiceError):
        propose(maya, jordan, circle, starts_local=datetime(9999, 12, 31, 23, 59), minutes=1440)
    week = client_for(maya).get(reverse("connect:week", kwargs={"circle_id": circle.pk}), {"week": "0001-01-01"})
    assert week.status_code == 200


def test_a_plan_keeps_its_real_length_across_the_night_the_clocks_go_forward(client_for, pair):
    maya, jordan, circle = pair
    # 28 March 2027, Lisbon: the clocks go from 01:00 to 02:00. A 3-hour plan from 00:30
    # lasts three real hours and so ends at 04:30 local time, not 03:30.
    plan = propose(maya, jordan, circle, starts_local=datetime(2027, 3, 28, 0, 30), minutes=180)
    assert plan.ends_at.timestamp() - plan.starts_at.timestamp() == 3 * 3600
    assert plan.ends_at.astimezone(ZoneInfo(LISBON)).strftime("%H:%M") == "04:30"
    services.accept_plan(actor=jordan, plan_id=plan.pk)
    url = reverse("connect:plan_ics", kwargs={"circle_id": circle.pk, "plan_id": plan.pk})
    event = icalendar.Calendar.from_ical(client_for(jordan).get(url).content).walk("VEVENT")[0]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert end.timestamp() - start.timestamp() == 3 * 3600


def test_calendar_uids_differ_between_deployments_even_with_the_default_site_url(pair, settings):
    from kinwell.connect.calendar import event_uid

    maya, jordan, circle = pair
    plan = propose(maya, jordan, circle)
    first = event_uid(plan)
    settings.SECRET_KEY = "another deployment's key"
    second = event_uid(plan)
    assert first != second
    assert first.startswith(f"plan-{plan.pk}-") and first.endswith("@127.0.0.1:8000")
