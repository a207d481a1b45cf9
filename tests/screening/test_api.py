"""Screening in the API: scored on the server, clear refusals, the safety response for
PHQ-9 item 9, the FHIR export, and a member's results under the access policy."""

import pytest
from django.core import mail
from fhir.resources.R4B.bundle import Bundle

from kinwell.circles.models import DataKind
from kinwell.safety import services as safety_services
from kinwell.screening.models import Response
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory, screening_result, share

pytestmark = pytest.mark.django_db

ZEROES = {f"phq9_{n}": 0 for n in range(1, 10)}


def test_instruments_are_listed_with_their_source_and_items(user):
    listed = {i["key"]: i for i in Api(user).get("/screening/instruments").json()}
    assert set(listed) == {"phq9", "phq2", "gad7", "gad2", "ucla3"}  # CSI-4 only in a couple circle
    assert listed["phq9"]["items"][8]["text"].startswith("Thoughts that you would be better off dead")
    assert listed["phq9"]["items"][9] == {**listed["phq9"]["items"][9], "key": "difficulty", "scored": False}
    assert "Pfizer" in listed["gad7"]["licence"] and listed["gad7"]["highest"] == 21


def test_submitting_scores_on_the_server(user):
    answers = {f"gad7_{n}": 3 for n in range(1, 8)}
    saved = Api(user).post("/screening/results", {"instrument": "gad7", "answers": answers})
    assert saved.status_code == 201
    body = saved.json()
    assert (body["total"], body["band"], body["band_name"]) == (21, "severe", "Severe")
    assert body["safety"] == {"level": "none", "reasons": [], "help_url": "/help-now/"}
    assert "not a diagnosis" in body["not_a_diagnosis"]
    assert [r["id"] for r in Api(user).get("/screening/results").json()] == [body["id"]]


def test_incomplete_answers_are_refused_and_nothing_is_saved(user):
    refused = Api(user).post("/screening/results", {"instrument": "gad7", "answers": {"gad7_1": 1}})
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Please answer questions 2, 3, 4, 5, 6, 7 to see your result."
    assert Api(user).post("/screening/results", {"instrument": "gad7", "answers": {"gad7_1": 9}}).status_code == 400
    assert Api(user).post("/screening/results", {"instrument": "who5", "answers": {}}).status_code == 404
    assert Api(user).post("/screening/results", {"instrument": "phq2", "answers": {"phq9_1": True}}).status_code == 422
    assert not Response.objects.exists()


@pytest.mark.parametrize("value", [2, 3])
def test_item_9_from_more_than_half_the_days_answers_urgent_and_honours_the_arrangement(
    user, value, django_capture_on_commit_callbacks
):
    contact = UserFactory(email="sam@example.org")
    CircleFactory(owner=user, members=[contact])
    safety_services.update_plan(owner=user, crisis_contact_id=contact.pk, tell_without_asking=True)
    with django_capture_on_commit_callbacks(execute=True):
        saved = Api(user).post("/screening/results", {"instrument": "phq9", "answers": {**ZEROES, "phq9_9": value}})
    assert saved.status_code == 201
    assert saved.json()["safety"] == {"level": "urgent", "reasons": ["urgent_answer"], "help_url": "/help-now/"}
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]


def test_item_9_on_several_days_shows_help_as_a_concern_and_tells_nobody(user, django_capture_on_commit_callbacks):
    contact = UserFactory(email="sam@example.org")
    CircleFactory(owner=user, members=[contact])
    safety_services.update_plan(owner=user, crisis_contact_id=contact.pk, tell_without_asking=True)
    with django_capture_on_commit_callbacks(execute=True):
        saved = Api(user).post("/screening/results", {"instrument": "phq9", "answers": {**ZEROES, "phq9_9": 1}})
    assert saved.status_code == 201
    assert saved.json()["safety"] == {"level": "concern", "reasons": ["answer_of_concern"], "help_url": "/help-now/"}
    assert saved.json()["band"] == "minimal"
    assert mail.outbox == []
    # Read back later, the same answer still reports the concern.
    response = Api(user).get(f"/screening/results/{saved.json()['id']}")
    assert response.status_code == 200


def test_fhir_export_validates(user):
    result = screening_result(user, "phq9", total=11)
    response = Api(user).get(f"/screening/results/{result.pk}/fhir")
    assert response["Content-Type"].startswith("application/fhir+json")
    bundle = Bundle.model_validate(response.json())
    assert bundle.entry[3].resource.valueQuantity.value == 11
    everything = Api(user).get("/screening/fhir")
    assert everything["Content-Type"].startswith("application/fhir+json")
    assert Bundle.model_validate(everything.json()).type == "collection"


def test_someone_elses_result_is_a_404(user, other_user):
    result = screening_result(user, "phq9", total=11)
    for path in (f"/screening/results/{result.pk}", f"/screening/results/{result.pk}/fhir"):
        assert Api(other_user).get(path).status_code == 404
    assert Api(other_user).delete(f"/screening/results/{result.pk}").status_code == 404


def test_member_results_follow_the_sharing_setting(user, other_user):
    member, outsider = Api(other_user), Api(UserFactory())
    circle = CircleFactory(owner=user, members=[other_user])
    screening_result(user, "gad7", total=6)
    path = f"/circles/{circle.pk}/members/{user.pk}/screening"
    assert outsider.get(path).status_code == 404
    assert member.get(path).status_code == 404
    share(user, circle, DataKind.SCREENING)
    seen = member.get(path).json()
    assert seen[0]["total"] == 6 and seen[0]["answers"] is None
    share(user, circle, DataKind.SCREENING, DataKind.SCREENING_ANSWERS)
    assert member.get(path).json()[0]["answers"]["gad7_1"] == 3


def test_answering_bit_by_bit_pause_resume_and_complete(user, django_capture_on_commit_callbacks):
    contact = UserFactory(email="sam@example.org")
    CircleFactory(owner=user, members=[contact])
    safety_services.update_plan(owner=user, crisis_contact_id=contact.pk, tell_without_asking=True)
    api = Api(user)
    started = api.post("/screening/responses", {"instrument": "phq9"})
    assert started.status_code == 201 and started.json()["missing"] == list(range(1, 10))
    response_id = started.json()["id"]
    assert api.post("/screening/responses", {"instrument": "phq9"}).json()["id"] == response_id  # resumes
    first = api.patch(f"/screening/responses/{response_id}", {"answers": {"phq9_1": 1, "phq9_2": 0}})
    assert first.json()["safety"]["level"] == "none" and first.json()["missing"] == list(range(3, 10))
    refused = api.post(f"/screening/responses/{response_id}/complete")
    assert refused.status_code == 400 and "3, 4, 5, 6, 7, 8, 9" in refused.json()["detail"]
    with django_capture_on_commit_callbacks(execute=True):
        urgent = api.patch(f"/screening/responses/{response_id}", {"answers": {"phq9_9": 2}})
    assert urgent.json()["safety"]["level"] == "urgent" and len(mail.outbox) == 1
    assert [r["id"] for r in api.get("/screening/responses").json()] == [response_id]
    with django_capture_on_commit_callbacks(execute=True):
        api.patch(f"/screening/responses/{response_id}", {"answers": {f"phq9_{n}": 0 for n in range(3, 9)}})
        done = api.post(f"/screening/responses/{response_id}/complete")
    assert done.status_code == 201
    assert (done.json()["total"], done.json()["safety"]["level"]) == (3, "urgent")
    assert len(mail.outbox) == 1, "the contact is told once for the sitting"
    assert api.patch(f"/screening/responses/{response_id}", {"answers": {}}).status_code == 404
    assert api.get("/screening/responses").json() == []


def test_someone_elses_unfinished_questionnaire_is_a_404(user, other_user):
    started = Api(user).post("/screening/responses", {"instrument": "gad7"}).json()
    other = Api(other_user)
    assert other.patch(f"/screening/responses/{started['id']}", {"answers": {"gad7_1": 1}}).status_code == 404
    assert other.post(f"/screening/responses/{started['id']}/complete").status_code == 404
    assert other.delete(f"/screening/responses/{started['id']}").status_code == 404
    assert Api(user).delete(f"/screening/responses/{started['id']}").status_code == 204
