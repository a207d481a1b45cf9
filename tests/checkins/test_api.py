from datetime import timedelta

import pytest

from kinwell.checkins import services
from kinwell.checkins.models import CheckIn
from kinwell.circles.models import DataKind
from kinwell.core.localtime import today_for
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_check_in_by_api_and_hear_back_from_the_safety_layer(user):
    api = Api(user)
    response = api.post("/checkins", {"mood": 2, "tags": ["work"], "note": "Long day, but okay", "sleep_hours": 6.5})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["mood"] == 2 and body["sleep_hours"] == 6.5 and body["safety"]["level"] == "none"
    worried = api.post("/checkins", {"mood": 1, "note": "I don't want to wake up tomorrow"}).json()
    assert worried["safety"]["level"] in {"concern", "urgent"} and worried["safety"]["help_url"] == "/help-now/"
    assert CheckIn.objects.filter(owner=user).count() == 2


def test_bad_input_is_a_clear_4xx(user):
    api = Api(user)
    assert api.post("/checkins", {"mood": 9}).status_code == 422
    response = api.post("/checkins", {"mood": 3, "feelings": ["glorious"]})
    assert response.status_code == 400 and "glorious" in response.json()["detail"]
    future = (today_for(user) + timedelta(days=2)).isoformat()
    assert api.post("/checkins", {"mood": 3, "day": future}).status_code == 400
    assert api.get("/checkins/trends?days=12").status_code == 400


def test_edit_delete_and_trends(user):
    api = Api(user)
    checkin_id = api.post("/checkins", {"mood": 3}).json()["id"]
    assert api.patch(f"/checkins/{checkin_id}", {"mood": 5, "tags": ["exercise"]}).json()["mood"] == 5
    trend = api.get("/checkins/trends?days=7").json()
    assert trend["average_mood"] == 5.0 and trend["days_checked_in"] == 1 and trend["current_streak"] == 1
    assert api.delete(f"/checkins/{checkin_id}").status_code == 204
    assert api.get(f"/checkins/{checkin_id}").status_code == 404


def test_a_member_sees_moods_and_notes_only_as_shared_and_an_outsider_nothing(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    services.record_checkin(owner=user, mood=2, note="Rough week at work")
    member = Api(other_user)
    assert member.get(f"/checkins/circle/{circle.pk}").json() == []
    share(user, circle, DataKind.CHECKIN_MOOD)
    [seen] = member.get(f"/checkins/circle/{circle.pk}").json()
    assert seen["mood"] == 2 and seen["note"] is None and seen["owner"] == user.display_name
    share(user, circle, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES)
    [seen] = member.get(f"/checkins/circle/{circle.pk}").json()
    assert seen["note"] == "Rough week at work"
    outsider = Api(UserFactory())
    assert outsider.get(f"/checkins/circle/{circle.pk}").status_code == 404
    assert outsider.post(f"/checkins/{seen['id']}/reactions", {"reaction": "here_for_you"}).status_code == 404
    assert outsider.get(f"/checkins/{seen['id']}").status_code == 404
    reacted = member.post(f"/checkins/{seen['id']}/reactions", {"reaction": "message", "message": "Here if you want a walk"})
    assert reacted.status_code == 201 and reacted.json()["safety"]["level"] == "none"
    mine = Api(user).get("/checkins").json()
    assert mine[0]["responses"][0]["message"] == "Here if you want a walk"


def test_sign_settings_and_reminder(user, other_user):
    CircleFactory(owner=user, members=[other_user])
    api = Api(user)
    assert api.get("/checkins/sign-settings").json()["nudges_on"] is True
    settings = {"nudges_on": True, "streak_rule_on": True, "tell_supporters": True, "supporter_ids": [other_user.pk]}
    assert api.put("/checkins/sign-settings", settings).json() == settings
    stranger = UserFactory()
    assert api.put("/checkins/sign-settings", {**settings, "supporter_ids": [stranger.pk]}).status_code == 400
    assert api.put("/checkins/reminder", {"enabled": True, "local_time": "07:30"}).json() == {"enabled": True, "local_time": "07:30"}
    assert api.put("/checkins/reminder", {"enabled": True, "local_time": "25:00"}).status_code == 422
