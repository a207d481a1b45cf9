"""The support plan through the API, as a phone app would use it."""

import pytest

from kinwell.circles.models import CircleKind, DataKind
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_start_answer_make_read_and_tick(user):
    api = Api(user)
    assert api.get("/support-plan/flow").status_code == 404
    flow = api.post("/support-plan/flow").json()
    assert flow["step"] == "situation" and flow["questions"]["details"] == ["involves", "duration", "impact", "tried"]
    assert any(q["key"] == "concerns" and q["many"] for q in flow["catalogue"])
    again = api.post("/support-plan/flow").json()
    assert again["plan_id"] == flow["plan_id"]  # resuming, not a second plan
    assert api.put("/support-plan/flow/situation", {"answers": {"concerns": ["family_tension"]}}).json()["step"] == "details"
    api.put("/support-plan/flow/details", {"answers": {"involves": ["family"], "duration": "long", "impact": "some"}})
    api.put("/support-plan/flow/preferences", {"answers": {"payment": "none", "zip": "60601"}})
    made = api.post("/support-plan/make", {"in_own_words": "Sunday dinners end in shouting"})
    assert made.status_code == 201
    plan = made.json()
    assert plan["safety"]["level"] == "none" and not plan["safety_first"]
    top = plan["pathways"][0]
    assert top["key"] == "family_therapy" and top["suggested"]
    assert any("more than three months" in reason for reason in top["reasons"])
    finder = next(step for step in top["steps"] if step["kind"] == "finder")
    assert "zip=60601" in finder["href"] and "payment%3Asliding" in finder["href"]
    assert api.get("/support-plan").json()["id"] == plan["id"]
    ticked = api.patch(f"/support-plan/{plan['id']}/steps/{finder['id']}", {"done": True})
    assert ticked.status_code == 200 and ticked.json()["done"] is True
    own = api.post(f"/support-plan/{plan['id']}/steps", {"text": "Ask my sister what she thinks"})
    assert own.status_code == 201 and own.json()["safety"]["level"] == "none"


def test_crisis_words_when_making_the_plan_come_back_as_safety_and_put_it_first(user):
    api = Api(user)
    api.put("/support-plan/flow/situation", {"answers": {"concerns": ["low_mood"]}})
    plan = api.post("/support-plan/make", {"in_own_words": "I want to kill myself"}).json()
    assert plan["safety"]["level"] == "urgent" and plan["safety_first"]
    assert plan["safety_steps"][0]["href"] == "/safety-plan/"


@pytest.mark.parametrize("path, body", [
    ("/support-plan/flow/situation", {"answers": {"concerns": ["nonsense"]}}),
    ("/support-plan/flow/details", {"answers": {"duration": "forever"}}),
    ("/support-plan/flow/preferences", {"answers": {"zip": "abc"}}),
])
def test_bad_answers_are_a_400_with_a_message(user, path, body):
    response = Api(user).put(path, body)
    assert response.status_code == 400 and response.json()["detail"]


def test_an_unknown_step_is_404_and_someone_elses_plan_is_404(user):
    api = Api(user)
    assert api.put("/support-plan/flow/signals", {"answers": {}}).status_code == 404
    assert api.put("/support-plan/flow/nope", {"answers": {}}).status_code == 404
    owner = UserFactory()
    Api(owner).put("/support-plan/flow/situation", {"answers": {"concerns": ["stress"]}})
    theirs = Api(owner).post("/support-plan/make", {}).json()
    step = theirs["pathways"][0]["steps"][0]
    assert api.get(f"/support-plan/{theirs['id']}").status_code == 404
    assert api.patch(f"/support-plan/{theirs['id']}/steps/{step['id']}", {"done": True}).status_code == 404


def test_a_circle_member_reads_a_shared_plan_through_the_policy():
    owner, member = UserFactory(), UserFactory()
    circle = CircleFactory(owner=owner, members=[member], kind=CircleKind.FRIENDS)
    Api(owner).put("/support-plan/flow/situation", {"answers": {"concerns": ["loneliness"]}})
    Api(owner).post("/support-plan/make", {})
    path = f"/support-plan/circles/{circle.pk}/members/{owner.pk}"
    assert Api(member).get(path).status_code == 404
    share(owner, circle, DataKind.SUPPORT_PLAN)
    seen = Api(member).get(path).json()
    assert seen["pathways"][0]["key"] == "trusted_people"
    assert "reasons" not in seen and seen["steps"]


def test_a_couple_builds_a_plan_together_through_the_api():
    maya, jordan, stranger = UserFactory(), UserFactory(display_name="Jordan"), UserFactory()
    CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    Api(maya).put("/support-plan/flow/situation", {"answers": {"concerns": ["stress"]}})
    assert Api(maya).post("/support-plan/together", {"partner_id": stranger.pk}).status_code == 400
    flow = Api(maya).post("/support-plan/together", {"partner_id": jordan.pk}).json()
    plan_id = flow["plan_id"]
    assert Api(stranger).put(f"/support-plan/{plan_id}/flow/situation",
                             {"answers": {"concerns": ["stress"]}}).status_code == 404
    theirs = Api(jordan).put(f"/support-plan/{plan_id}/flow/situation", {"answers": {"concerns": ["partner_conflict"]}})
    assert theirs.status_code == 200 and theirs.json()["answers"] == {"concerns": ["partner_conflict"]}
    Api(jordan).put(f"/support-plan/{plan_id}/flow/details", {"answers": {"involves": ["partner"], "duration": "long"}})
    plan = Api(maya).post("/support-plan/make", {}).json()
    assert plan["built_together_with"] == "Jordan"
    suggested = {p["key"] for p in plan["pathways"] if p["suggested"]}
    assert "couples_therapy" in suggested  # Jordan's answer counts in Maya's plan
    seen_by_jordan = Api(jordan).get(f"/support-plan/{plan_id}").json()
    assert "couples_therapy" in {p["key"] for p in seen_by_jordan["pathways"] if p["suggested"]}
