"""Tests for kinwell/screening/selectors.py, views.py and personal_data.py.

Who sees which results (always through the access policy), the data export, account
deletion, and the FHIR download parsed back and validated."""

import json

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from kinwell.accounts.services import delete_account
from kinwell.circles import services as circle_services
from kinwell.circles.models import AccessLogEntry, DataKind
from kinwell.core.personal_data import export_for
from kinwell.screening.models import Reminder, Response
from kinwell.screening.services import set_reminder
from tests.factories import CircleFactory, UserFactory, screening_result, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    owner, member, outsider = UserFactory(display_name="Owner"), UserFactory(display_name="Member"), UserFactory()
    circle = CircleFactory(owner=owner, members=[member])
    result = screening_result(owner, "gad7", answers={f"gad7_{n}": 2 for n in range(1, 8)})
    url = reverse("screening:member_results", args=[circle.pk, owner.pk])
    return {"owner": owner, "member": member, "outsider": outsider, "circle": circle, "result": result, "url": url}


def test_an_outsider_gets_404(client_for, world):
    assert client_for(world["outsider"]).get(world["url"]).status_code == 404


def test_a_member_without_sharing_sees_nothing(client_for, world):
    response = client_for(world["member"]).get(world["url"])
    assert response.status_code == 404 and "14 out of" not in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_with_sharing_a_member_sees_score_and_band_only(client_for, world):
    share(world["owner"], world["circle"], DataKind.SCREENING)
    page = client_for(world["member"]).get(world["url"]).content.decode()
    assert "Score 14 out of 21: Moderate" in page
    assert "More than half the days" not in page and "Feeling nervous" not in page
    assert AccessLogEntry.objects.filter(viewer=world["member"], kind=DataKind.SCREENING).count() == 1


def test_answers_only_with_the_second_kind(client_for, world):
    share(world["owner"], world["circle"], DataKind.SCREENING, DataKind.SCREENING_ANSWERS)
    page = client_for(world["member"]).get(world["url"]).content.decode()
    assert "Feeling nervous, anxious or on edge" in page and "More than half the days" in page
    assert AccessLogEntry.objects.filter(kind=DataKind.SCREENING_ANSWERS).count() == 1


def test_answers_alone_are_not_enough_without_the_score_kind(client_for, world):
    share(world["owner"], world["circle"], DataKind.SCREENING_ANSWERS)
    assert client_for(world["member"]).get(world["url"]).status_code == 404


def test_taking_space_hides_shared_results(client_for, world):
    share(world["owner"], world["circle"], DataKind.SCREENING)
    circle_services.set_space(user=world["owner"], circle=world["circle"], paused=True)
    assert client_for(world["member"]).get(world["url"]).status_code == 404


def test_unfinished_questionnaires_are_never_shown_to_members(client_for, world):
    share(world["owner"], world["circle"], DataKind.SCREENING, DataKind.SCREENING_ANSWERS)
    Response.objects.create(owner=world["owner"], instrument="phq9", answers={"phq9_1": 3})
    page = client_for(world["member"]).get(world["url"]).content.decode()
    assert "PHQ-9" not in page


def test_results_are_in_the_data_export(world):
    set_reminder(owner=world["owner"], instrument="phq9")
    section = export_for(world["owner"])["screening"]
    assert section["responses"][0]["total"] == 14 and section["responses"][0]["band"] == "moderate"
    assert section["responses"][0]["answers"]["gad7_1"] == 2
    assert section["reminder"]["instrument"] == "phq9"
    assert export_for(world["member"])["screening"] is None


def test_results_go_with_account_deletion(world):
    set_reminder(owner=world["owner"], instrument="phq9")
    delete_account(user=world["owner"])
    assert not Response.objects.exists() and not Reminder.objects.exists()


def parse_bundle(response) -> Bundle:
    assert response["Content-Type"].startswith("application/fhir+json")
    assert "attachment" in response["Content-Disposition"]
    return Bundle.model_validate_json(response.content)


def test_one_result_downloads_as_a_valid_fhir_bundle(client_for, world):
    bundle = parse_bundle(client_for(world["owner"]).get(reverse("screening:fhir", args=[world["result"].pk])))
    kinds = [entry.resource.__resource_type__ for entry in bundle.entry]
    assert kinds == ["Patient", "Questionnaire", "QuestionnaireResponse", "Observation"]
    patient, questionnaire, answers, observation = (entry.resource for entry in bundle.entry)
    assert patient.name[0].text == world["owner"].display_name
    assert questionnaire.code[0].code == "69737-5" and "Pfizer" in questionnaire.copyright
    assert observation.code.coding[0].system == "http://loinc.org" and observation.code.coding[0].code == "70274-6"
    assert (observation.valueQuantity.value, observation.valueQuantity.code) == (14, "{score}")
    assert answers.item[0].answer[0].valueCoding.code == "LA6570-1"  # "More than half the days"
    assert observation.derivedFrom[0].reference == bundle.entry[2].fullUrl
    assert observation.subject.reference == answers.subject.reference == bundle.entry[0].fullUrl


def test_all_results_download_as_one_valid_bundle(client_for, world):
    screening_result(world["owner"], "phq9", total=6)
    screening_result(world["owner"], "phq9", total=3)
    screening_result(world["owner"], "ucla3", total=5)
    bundle = parse_bundle(client_for(world["owner"]).get(reverse("screening:fhir_all")))
    kinds = [entry.resource.__resource_type__ for entry in bundle.entry]
    assert kinds.count("Questionnaire") == 3 and kinds.count("Observation") == 4
    codes = {entry.resource.code.coding[0].code for entry in bundle.entry if entry.resource.__resource_type__ == "Observation"}
    assert codes == {"70274-6", "44261-6", "ucla3-total"}
    assert len({entry.fullUrl for entry in bundle.entry}) == len(bundle.entry)
    assert json.loads(client_for(world["owner"]).get(reverse("screening:fhir_all")).content)["resourceType"] == "Bundle"


def test_demo_data_has_results_over_months_and_maya_shares_scores(client):
    from django.core.management import call_command

    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    maya = Response.objects.filter(owner__email="maya@example.com", instrument="phq9").order_by("completed_at")
    assert [r.total for r in maya] == [16, 11, 8, 5]
    jordan = UserFactory._meta.model.objects.get(email="jordan@example.com")
    maya_user = maya[0].owner
    circle = maya_user.memberships.get(circle__kind="couple").circle
    from kinwell.circles.access import can_view

    assert can_view(viewer=jordan, owner=maya_user, kind=DataKind.SCREENING, circle=circle)
    assert not can_view(viewer=jordan, owner=maya_user, kind=DataKind.SCREENING_ANSWERS, circle=circle)
