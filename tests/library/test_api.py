"""The library in the API: articles and replies public to read, posting with `safety`."""

import pytest

from kinwell.library.models import Reply, ReplyStatus
from tests.api.test_api import Api
from tests.factories import post_reply

pytestmark = pytest.mark.django_db

URGENT = "I can't do this anymore. I've been saving my pills and tonight is the night."


def test_articles_are_public(client):
    listing = client.get("/api/v1/library/articles").json()
    assert [a["slug"] for a in listing] == ["first-steps-together", "paying-for-therapy", "talking-it-through"]
    assert [a["slug"] for a in client.get("/api/v1/library/articles?tag=anxiety").json()] == ["talking-it-through"]
    article = client.get("/api/v1/library/articles/paying-for-therapy").json()
    assert article["reviewed_by"] == "Test editors" and "<h2>Where to get help</h2>" in article["html"]
    assert client.get("/api/v1/library/articles/nope").status_code == 404


def test_post_and_list_replies_with_safety(user, other_user, client):
    api = Api(user)
    response = api.post("/library/articles/first-steps-together/replies", {"text": "It helped", "display_name": "Kit"})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "published" and body["safety"]["level"] == "none" and body["name"] == "Kit"
    crisis = api.post("/library/articles/first-steps-together/replies", {"text": URGENT}).json()
    assert crisis["status"] == "held" and crisis["safety"]["level"] == "urgent"
    assert crisis["safety"]["help_url"] == "/help-now/"
    mine = api.get("/library/articles/first-steps-together/replies").json()
    assert [r["status"] for r in mine] == ["published", "held"] and all(r["is_mine"] for r in mine)
    public = client.get("/api/v1/library/articles/first-steps-together/replies").json()
    assert [r["text"] for r in public] == ["It helped"] and not public[0]["is_mine"]
    assert client.post("/api/v1/library/articles/first-steps-together/replies", {"text": "x"}, content_type="application/json").status_code == 401


def test_rate_limit_is_429_in_the_api(user):
    api = Api(user)
    codes = [api.post("/library/articles/first-steps-together/replies", {"text": f"n{n}"}).status_code for n in range(6)]
    assert codes == [201] * 5 + [429]


def test_report_through_the_api(user, other_user):
    reply = post_reply(user)
    api = Api(other_user)
    response = api.post("/reports", {"target_type": "reply", "target_id": reply.pk, "reason": "spam", "note": "ad"})
    assert response.status_code == 201 and response.json()["safety"]["level"] == "none"
    assert api.post("/reports", {"target_type": "reply", "target_id": reply.pk, "reason": "nope"}).status_code == 422
    assert api.post("/reports", {"target_type": "reply", "target_id": 99999, "reason": "spam"}).status_code == 404
    assert Reply.objects.get().status == ReplyStatus.PUBLISHED
