"""The daily question through the API: a round trip for two people, and the rules."""

import pytest

from kinwell.circles.models import AccessLogEntry, CircleKind
from kinwell.daily.models import Answer
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def couple():
    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    return maya, jordan, CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)


def test_a_round_trip_for_two(couple):
    maya, jordan, circle = couple
    as_maya, as_jordan = Api(maya), Api(jordan)
    base = f"/daily/circles/{circle.pk}"
    today = as_maya.get(f"{base}/today").json()
    assert today["question"] and today["revealed"] is False and today["swaps_left"] == 3
    assert as_jordan.get(f"{base}/today").json()["id"] == today["id"]
    swapped = as_jordan.post(f"{base}/days/{today['id']}/swap").json()
    assert swapped["question_key"] != today["question_key"] and swapped["swaps_left"] == 2
    day = f"{base}/days/{today['id']}"

    saved = as_jordan.post(f"{day}/answer", {"text": "Jordan's answer"})
    assert saved.status_code == 200
    assert saved.json()["revealed"] is False and saved.json()["safety"]["level"] == "none"
    assert as_maya.get(f"{day}/answers").json() == {"revealed": False, "answers": [], "help_for_you": False}
    assert [p["name"] for p in as_maya.get(f"{base}/today").json()["answered_by"]] == ["Jordan"]

    saved = as_maya.post(f"{day}/answer", {"text": "Maya's answer"}).json()
    assert saved["revealed"] is True
    answers = as_maya.get(f"{day}/answers").json()["answers"]
    assert {a["text"] for a in answers} == {"Jordan's answer", "Maya's answer"}
    jordans = next(a for a in answers if a["author"]["name"] == "Jordan")
    assert AccessLogEntry.objects.filter(owner=jordan, viewer=maya, kind="daily_answer").exists()

    reacted = as_maya.post(f"{day}/answers/{jordans['id']}/reactions", {"kind": "love"}).json()
    assert next(r for r in reacted["reactions"] if r["kind"] == "love") == {
        "kind": "love", "label": "Love this", "count": 1, "mine": True}
    replied = as_maya.post(f"{day}/answers/{jordans['id']}/replies", {"text": "Tell me more!"})
    assert replied.status_code == 201 and replied.json()["safety"]["level"] == "none"
    assert as_jordan.get(f"{day}/answers").json()["answers"][0]["replies"][0]["text"] == "Tell me more!"
    assert as_jordan.get(f"{base}/days").json() == {"page": 1, "pages": 1, "days": []}


def test_a_crisis_answer_answers_with_safety_and_is_kept(couple):
    maya, _jordan, circle = couple
    api = Api(maya)
    day = api.get(f"/daily/circles/{circle.pk}/today").json()["id"]
    saved = api.post(f"/daily/circles/{circle.pk}/days/{day}/answer", {"text": "ya no quiero vivir"}).json()
    assert saved["safety"]["level"] in ("concern", "urgent")
    assert Answer.objects.get().text == "ya no quiero vivir"


def test_retrying_an_answer_with_the_same_key_writes_once(couple):
    maya, _jordan, circle = couple
    api = Api(maya)
    day = api.get(f"/daily/circles/{circle.pk}/today").json()["id"]
    path = f"/api/v1/daily/circles/{circle.pk}/days/{day}/answer"
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api.token}", "HTTP_IDEMPOTENCY_KEY": "answer-1"}
    first = api.client.post(path, data='{"text": "Once"}', content_type="application/json", **headers)
    again = api.client.post(path, data='{"text": "Once"}', content_type="application/json", **headers)
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Answer.objects.count() == 1


def test_outsiders_get_404_and_bad_input_a_4xx(couple):
    maya, jordan, circle = couple
    day = Api(maya).get(f"/daily/circles/{circle.pk}/today").json()["id"]
    outsider = Api(UserFactory())
    base = f"/daily/circles/{circle.pk}"
    for method, path, body in [
        ("get", f"{base}/today", None), ("get", f"{base}/days", None), ("get", f"{base}/days/{day}", None),
        ("get", f"{base}/days/{day}/answers", None), ("post", f"{base}/days/{day}/answer", {"text": "x"}),
        ("post", f"{base}/days/{day}/swap", None),
        ("post", f"{base}/days/{day}/answers/1/reactions", {"kind": "love"}),
        ("post", f"{base}/days/{day}/answers/1/replies", {"text": "x"}),
    ]:
        assert getattr(outsider, method)(path, body).status_code == 404, path
    api = Api(jordan)
    assert api.post(f"{base}/days/{day}/answer", {"text": ""}).status_code == 422
    assert api.post(f"{base}/days/{day}/answer", {"text": "x" * 1001}).status_code == 422
    assert api.post(f"{base}/days/{day}/answers/1/reactions", {"kind": "angry"}).status_code == 422
    assert api.get(f"{base}/days?page=0").status_code == 422


def test_the_api_reaction_kinds_are_the_models():
    from typing import get_args

    from kinwell.daily.api import DailyReactionIn
    from kinwell.daily.models import Reaction

    assert set(get_args(DailyReactionIn.model_fields["kind"].annotation)) == set(Reaction.Kind.values)
