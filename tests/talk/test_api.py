"""Talking together through the API: coach, conversations, conflict rounds, access."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinwell.talk.models import Conversation
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio():
    ana, ben, cal = UserFactory(), UserFactory(), UserFactory()
    circle = CircleFactory(owner=ana, members=[ben, cal])
    return ana, ben, cal, circle


def test_the_coach_returns_findings_and_saves_nothing(trio):
    api = Api(trio[0])
    body = api.post("/talk/coach", {"text": "You never listen. Whatever.", "language": "es"}).json()
    assert body["patterns"] == ["criticism", "stonewalling"]
    assert body["findings"][0]["excerpt"] == "You never" and body["findings"][0]["explanation"].startswith("Esto")
    # The rewrite keeps the draft's own language; a pattern's template follows the page's.
    assert body["findings"][0]["rewritten"] and body["suggestion"].startswith("When you didn't listen")
    assert "20 minutos" in body["findings"][1]["suggestion"] and not body["findings"][1]["rewritten"]
    assert api.post("/talk/coach", {"text": "Thank you for today."}).json() == {
        "patterns": [], "findings": [], "suggestion": "", "afraid": False, "threatening": False, "safety_note": "", "help": [],
        "safety": {"level": "none", "reasons": [], "help_url": "/help-now/"},
    }
    assert api.post("/talk/coach", {"text": "x" * 5000}).status_code == 422


def test_a_conversation_round_through_the_api(trio):
    ana, ben, _cal, circle = trio
    a, b = Api(ana), Api(ben)
    created = a.post(f"/talk/circles/{circle.pk}/conversations", {"partner_id": ben.pk, "topic": "Evenings"})
    assert created.status_code == 201 and created.json()["safety"]["level"] == "none"
    conversation = created.json()
    base = f"/talk/circles/{circle.pk}/conversations/{conversation['id']}"
    assert conversation["your_turn"] and conversation["expected"] == ["speak"]
    assert b.post(f"{base}/actions", {"action": "speak", "text": "me first"}).status_code == 403
    spoke = a.post(f"{base}/actions", {"action": "speak", "text": "I feel lonely"}).json()
    assert spoke["phase"] == "paraphrasing" and spoke["safety"]["level"] == "none"
    wrong = b.post(f"{base}/actions", {"action": "speak", "text": "but"})
    assert wrong.status_code == 409 and "listener" in wrong.json()["detail"]
    b.post(f"{base}/actions", {"action": "paraphrase", "text": "You feel lonely"})
    confirmed = a.post(f"{base}/actions", {"action": "confirm"}).json()
    assert confirmed["speaker_id"] == ben.pk and confirmed["safety"] is None
    assert b.get(base).json()["your_turn"] is True
    assert a.post(f"{base}/actions", {"action": "time_out", "minutes": 10}).status_code == 400
    assert a.post(f"{base}/actions", {"action": "time_out", "minutes": 20}).json()["break_until"]
    assert b.post(f"{base}/actions", {"action": "resume"}).status_code == 409
    assert [c["id"] for c in b.get(f"/talk/circles/{circle.pk}/conversations").json()] == [conversation["id"]]


def test_a_crisis_text_is_saved_and_flagged(trio):
    ana, ben, _cal, circle = trio
    created = Api(ana).post(f"/talk/circles/{circle.pk}/conversations", {"partner_id": ben.pk, "topic": "I want to kill myself"})
    assert created.status_code == 201 and created.json()["safety"]["level"] == "urgent"
    assert Conversation.objects.count() == 1


def test_a_conflict_round_through_the_api(trio):
    ana, ben, _cal, circle = trio
    a, b = Api(ana), Api(ben)
    opened = a.post(f"/talk/circles/{circle.pk}/conflicts", {"people": [ben.pk], "issue": "Dishes"})
    assert opened.status_code == 201
    base = f"/talk/circles/{circle.pk}/conflicts/{opened.json()['id']}"
    a.post(f"{base}/actions", {"action": "view", "view": "Ana's view", "feelings": "tired", "needs": "help"})
    assert all(e["author_id"] == ben.pk or e["kind"] == "issue" for e in b.get(base).json()["entries"])
    b.post(f"{base}/actions", {"action": "view", "view": "v", "feelings": "f", "needs": "n"})
    for api in (a, b):
        assert api.post(f"{base}/actions", {"action": "reflection", "text": "heard"}).status_code == 200
    a.post(f"{base}/actions", {"action": "option", "text": "dishwasher"})
    assert a.post(f"{base}/actions", {"action": "agreement", "text": "t"}).status_code == 409
    b.post(f"{base}/actions", {"action": "finish_brainstorm"})
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    assert a.post(f"{base}/actions", {"action": "agreement", "text": "Ben runs it", "check_back_on": day}).status_code == 200
    done = b.post(f"{base}/actions", {"action": "accept"}).json()
    assert done["stage"] == "agreed" and sorted(done["agreed"]) == sorted([ana.pk, ben.pk])
    assert a.post(f"/talk/circles/{circle.pk}/conflicts", {"people": [UserFactory().pk], "issue": "x"}).status_code == 400


def test_outsiders_and_non_participants_get_404(trio):
    ana, ben, cal, circle = trio
    conversation = Api(ana).post(f"/talk/circles/{circle.pk}/conversations", {"partner_id": ben.pk, "topic": "Evenings"}).json()
    conflict = Api(ana).post(f"/talk/circles/{circle.pk}/conflicts", {"people": [ben.pk], "issue": "Dishes"}).json()
    outsider = Api(UserFactory())
    for who in (outsider, Api(cal)):
        for method, path, body in [
            ("get", f"/talk/circles/{circle.pk}/conversations/{conversation['id']}", None),
            ("post", f"/talk/circles/{circle.pk}/conversations/{conversation['id']}/actions", {"action": "end"}),
            ("get", f"/talk/circles/{circle.pk}/conflicts/{conflict['id']}", None),
            ("post", f"/talk/circles/{circle.pk}/conflicts/{conflict['id']}/actions", {"action": "accept"}),
        ]:
            response = getattr(who, method)(path, body)
            assert response.status_code == 404, (path, response.status_code)
            assert "Evenings" not in response.content.decode() and "Dishes" not in response.content.decode()
    assert outsider.get(f"/talk/circles/{circle.pk}/conversations").status_code == 404
    assert outsider.post(f"/talk/circles/{circle.pk}/conversations", {"partner_id": ben.pk, "topic": "x"}).status_code == 404
    assert Api(cal).get(f"/talk/circles/{circle.pk}/conversations").json() == []


def test_the_coach_steps_aside_for_fear_and_offers_partner_violence_help(trio):
    api = Api(trio[0])
    body = api.post("/talk/coach", {"text": "You are controlling and I am scared of you. Whatever."}).json()
    assert body["afraid"] and body["findings"] == [] and body["patterns"] == []
    assert "not what you need" in body["safety_note"]
    hotline = next(item for item in body["help"] if "Domestic Violence" in item["name"])
    assert any(action["href"] == "tel:18007997233" for action in hotline["actions"])
    spanish = api.post("/talk/coach", {"text": "Me das miedo cuando te enojas.", "language": "es"}).json()
    assert spanish["afraid"] and "miedo" in spanish["safety_note"] and spanish["help"]


def test_leaving_a_conflict_round_through_the_api(trio):
    ana, ben, cal, circle = trio
    a = Api(ana)
    created = a.post(f"/talk/circles/{circle.pk}/conflicts", {"people": [ben.pk, cal.pk], "issue": "Money"}).json()
    left = Api(ben).post(f"/talk/circles/{circle.pk}/conflicts/{created['id']}/leave", {})
    assert left.status_code == 204
    assert Api(ben).get(f"/talk/circles/{circle.pk}/conflicts/{created['id']}").status_code == 404
    seen = a.get(f"/talk/circles/{circle.pk}/conflicts/{created['id']}").json()
    assert seen["members"] == [ana.pk, cal.pk] and seen["stage"] == "views"
    assert Api(cal).post(f"/talk/circles/{circle.pk}/conflicts/{created['id']}/leave", {}).status_code == 204
    assert a.get(f"/talk/circles/{circle.pk}/conflicts/{created['id']}").json()["stage"] == "ended"
    assert Api(ben).post(f"/talk/circles/{circle.pk}/conflicts/{created['id']}/leave", {}).status_code == 404


def test_the_coach_steps_aside_for_a_draft_that_controls_its_reader(trio):
    api = Api(trio[0])
    body = api.post(
        "/talk/coach", {"text": "Delete his number or I'll do it for you. Don't bother going to your sister's, I'll know"}
    ).json()
    assert body["afraid"] and body["threatening"] and body["findings"] == []
    assert body["safety_note"].startswith("This coach can't help with this message")
    assert body["help"], "partner-violence help is listed for the writer too"
