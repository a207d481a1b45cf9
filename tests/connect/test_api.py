"""The together and journal endpoints: the access policy, safety in every write, and a
planned date from proposal to accepted through the API."""

from datetime import datetime, timedelta, timezone

import pytest

from kinwell.connect import services
from kinwell.connect.ideas import gesture_for
from kinwell.core.localtime import today_for
from kinwell.circles.models import DataKind
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    circle = CircleFactory(owner=maya, members=[jordan])
    return maya, jordan, circle


def test_appreciation_win_and_gratitude_return_safety(world):
    maya, jordan, circle = world
    api = Api(maya)
    base = f"/together/circles/{circle.pk}"
    saved = api.post(f"{base}/appreciations", {"recipient_id": jordan.pk, "text": "Thank you for today"})
    assert saved.status_code == 201 and saved.json()["safety"]["level"] == "none"
    win = api.post(f"{base}/wins", {"text": "I want to die, nothing is a win"})
    assert win.status_code == 201 and win.json()["safety"]["level"] in ("concern", "urgent")
    assert api.post("/together/gratitude", {"text": "Sunshine"}).json()["safety"]["help_url"] == "/help-now/"
    feed = Api(jordan).get(f"{base}/feed").json()
    assert feed["appreciations"][0]["text"] == "Thank you for today" and len(feed["wins"]) == 1
    week = Api(jordan).get(f"{base}/week").json()
    assert {moment["kind"] for moment in week["positive"]} == {"appreciation", "win"} and week["hard"] == []


def test_an_outsider_gets_404_from_every_circle_endpoint_and_members_see_only_what_is_shared(world):
    maya, jordan, circle = world
    services.add_gratitude(owner=maya, text="Quiet mornings")
    base = f"/together/circles/{circle.pk}"
    outsider = Api(UserFactory())
    plan = {"invitee_id": jordan.pk, "title": "x", "starts_local": "2099-01-01T10:00:00", "minutes": 60}
    calls = [
        ("get", f"{base}/feed", None), ("post", f"{base}/appreciations", {"recipient_id": jordan.pk, "text": "x"}),
        ("post", f"{base}/wins", {"text": "x"}), ("get", f"{base}/week", None), ("get", f"{base}/plans", None),
        ("post", f"{base}/plans", plan), ("get", f"{base}/members/{maya.pk}/gratitude", None),
        ("get", f"/journal/circles/{circle.pk}/members/{maya.pk}/goals", None),
    ]
    for method, path, body in calls:
        response = getattr(outsider, method)(path, body)
        assert response.status_code == 404, (method, path, response.status_code)
        assert "Quiet mornings" not in response.content.decode()
    member = Api(jordan)
    assert member.get(f"{base}/members/{maya.pk}/gratitude").status_code == 404
    share(maya, circle, DataKind.GRATITUDE)
    assert member.get(f"{base}/members/{maya.pk}/gratitude").json()[0]["text"] == "Quiet mornings"


def test_a_planned_date_through_the_api(world):
    maya, jordan, circle = world
    base = f"/together/circles/{circle.pk}/plans"
    start = (datetime.now() + timedelta(days=5)).replace(microsecond=0, second=0)
    created = Api(maya).post(
        base, {"invitee_id": jordan.pk, "title": "Dinner", "starts_local": start.isoformat(), "minutes": 90,
               "time_zone": "Europe/Madrid"},
    )
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    assert Api(maya).post(f"{base}/{plan_id}/accept").status_code == 403
    later = (start + timedelta(hours=2)).isoformat()
    suggested = Api(jordan).post(f"{base}/{plan_id}/suggest", {"starts_local": later, "minutes": 60})
    assert suggested.status_code == 200 and suggested.json()["awaiting_id"] == maya.pk
    accepted = Api(maya).post(f"{base}/{plan_id}/accept")
    assert accepted.json()["status"] == "accepted"
    assert Api(maya).post(f"{base}/{plan_id}/accept").status_code == 409
    assert Api(UserFactory()).get(f"{base}/{plan_id}").status_code == 404
    assert Api(maya).post(base, {"invitee_id": jordan.pk, "title": "x", "starts_local": start.isoformat(),
                                 "minutes": 60, "time_zone": "Nowhere"}).status_code == 400


def test_ideas_and_nudges(world):
    maya, _jordan, _circle = world
    api = Api(maya)
    found = api.get("/together/ideas?place=home&cost=free&max_minutes=15").json()
    assert len(found) >= 1
    assert all(idea["place"] == "home" and idea["cost"] == "free" and idea["minutes"] <= 15 for idea in found)
    every = api.get("/together/ideas").json()
    assert {idea["key"] for idea in found} < {idea["key"] for idea in every}
    assert api.get("/together/ideas?place=moon").status_code == 422
    assert api.get("/together/nudges").json() == {"frequency": "off", "by_email": True, "today": None}
    chosen = api.put("/together/nudges", {"frequency": "daily"}).json()
    assert chosen["frequency"] == "daily"
    assert chosen["today"] == gesture_for(person_id=maya.pk, day=today_for(maya), language="en")


def test_journal_endpoints_are_owner_only(world):
    maya, jordan, circle = world
    share(maya, circle, *DataKind.values)
    entry = Api(maya).post("/journal/entries", {"text": "Just for me"}).json()
    other = Api(jordan)
    for method, body in (("get", None), ("put", {"text": "mine now"}), ("delete", None)):
        assert getattr(other, method)(f"/journal/entries/{entry['id']}", body).status_code == 404
    assert other.get("/journal/entries").json() == []
    assert Api(maya).get(f"/journal/entries/{entry['id']}").json()["text"] == "Just for me"
    goal = Api(maya).post("/journal/goals", {"area": "grow", "title": "Say no kindly"}).json()
    done = Api(maya).put(f"/journal/goals/{goal['id']}/progress", {"steps_done": 4}).json()
    assert done["steps_done"] == 4 and datetime.fromisoformat(done["done_at"]) <= datetime.now(timezone.utc)
    assert other.put(f"/journal/goals/{goal['id']}/progress", {"steps_done": 1}).status_code == 404
    assert other.get(f"/journal/circles/{circle.pk}/members/{maya.pk}/goals").json()[0]["title"] == "Say no kindly"
