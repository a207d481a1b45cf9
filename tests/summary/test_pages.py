"""Tests for kinwell/summary/views.py and selectors.py (content).

Making a summary through the pages, the printable page, the FHIR download, and what
goes in: exactly what was chosen, and nothing made after it."""

import json
from datetime import timedelta

import fhirkit
import pytest
from django.urls import reverse
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from kinwell.checkins import services as checkin_services
from kinwell.checkins.models import CheckIn
from kinwell.summary import services
from kinwell.summary.models import Summary
from tests.factories import UserFactory, screening_result

pytestmark = pytest.mark.django_db


def note_id(person, text):
    # Notes are encrypted at rest, so they are found by reading, not by a query.
    return next(c.pk for c in CheckIn.objects.filter(owner=person) if c.note == text)


def test_the_chooser_lists_what_there_is_to_choose(client_for, maya):
    page = client_for(maya).get(reverse("summary:index")).content.decode()
    assert "PHQ-9" in page and "GAD-7" in page
    assert "Hard week at work" in page and "Walked with Sam" in page
    assert "Long ago" not in page  # outside the default 90 days
    assert "Long ago" in client_for(maya).get(reverse("summary:index") + "?days=365").content.decode()


def test_making_a_summary_of_the_last_90_days(client_for, maya):
    client = client_for(maya)
    picked = note_id(maya, "Walked with Sam, felt lighter")
    response = client.post(reverse("summary:index"), {
        "days": 90, "instruments": ["phq9", "gad7"], "trends": "on", "signs": "on", "notes": [picked]})
    summary = Summary.objects.get(owner=maya)
    assert response.status_code == 302 and response["Location"] == reverse("summary:detail", args=[summary.pk])
    assert (summary.end - summary.start).days == 89 and summary.note_ids == [picked]
    page = client.get(response["Location"]).content.decode()
    assert "This is not a diagnosis" in page
    assert "Pfizer" in page  # each instrument's attribution, as the screening pages show it
    # Inside the 90 days: PHQ-9 at 80 and 20 days, GAD-7 at 75 and 15; not the PHQ-9 of 200 days ago.
    assert page.count("<td>14</td>") == 1 and page.count("<td>9</td>") >= 1 and "<td>16</td>" not in page
    assert "Walked with Sam" in page and "Hard week at work" not in page  # only the note picked
    assert "Mood well under the usual on 5 of 7 days" in page
    assert "Support plan" not in page  # not chosen (and Maya has none)


def test_nothing_chosen_is_refused_kindly(client_for, maya):
    response = client_for(maya).post(reverse("summary:index"), {"days": 90})
    assert response.status_code == 400
    assert "Choose at least one thing to include." in response.content.decode()
    assert not Summary.objects.exists()


def test_someone_elses_note_cannot_be_picked(maya):
    other = UserFactory()
    theirs = checkin_services.record_checkin(owner=other, mood=2, note="Not Maya's words").value
    with pytest.raises(Exception, match="Pick notes from the list"):
        services.make_summary(owner=maya, days=90, note_ids=[theirs.pk])
    outside = note_id(maya, "Long ago")
    with pytest.raises(Exception, match="Pick notes from the list"):
        services.make_summary(owner=maya, days=90, note_ids=[outside])
    with pytest.raises(Exception, match="Choose one of the periods"):
        services.make_summary(owner=maya, days=91, trends=True)


def test_results_and_check_ins_after_the_summary_was_made_stay_out(client_for, maya):
    summary = services.make_summary(owner=maya, days=30, instruments=["phq9"], trends=True)
    Summary.objects.filter(pk=summary.pk).update(made_at=timezone.now() - timedelta(minutes=5))
    screening_result(maya, "phq9", total=27)
    checkin_services.record_checkin(owner=maya, mood=1, note="After the summary")
    page = client_for(maya).get(reverse("summary:detail", args=[summary.pk])).content.decode()
    assert "<td>27</td>" not in page and "<td>9</td>" in page
    assert "Checked in on 1 day" in page  # the check-in from 10 days ago, not today's


def test_the_fhir_download_holds_the_same_content_and_validates(client_for, maya):
    picked = note_id(maya, "Walked with Sam, felt lighter")
    summary = services.make_summary(owner=maya, days=90, instruments=["phq9", "gad7"], trends=True, signs=True,
                                    note_ids=[picked])
    response = client_for(maya).get(reverse("summary:fhir", args=[summary.pk]))
    assert response["Content-Type"].startswith("application/fhir+json")
    assert "attachment" in response["Content-Disposition"]
    bundle = Bundle.model_validate_json(response.content)
    data = json.loads(response.content)
    assert [str(issue) for issue in fhirkit.validate(data)] == []
    kinds = [entry.resource.__resource_type__ for entry in bundle.entry]
    assert kinds[0] == "Patient" and kinds.count("QuestionnaireResponse") == 4
    patient_url = bundle.entry[0].fullUrl
    observations = [e.resource for e in bundle.entry if e.resource.__resource_type__ == "Observation"]
    assert all(o.subject.reference == patient_url for o in observations)
    totals = sorted(o.valueQuantity.value for o in observations if o.code.coding[0].system == "http://loinc.org")
    assert totals == [7, 9, 12, 14]
    codes = {o.code.coding[0].code for o in observations}
    assert {"mood-average", "stress-average", "sleep-average", "mood_below_baseline", "checkin-note"} <= codes
    note = next(o for o in observations if o.code.coding[0].code == "checkin-note")
    assert note.valueString == "Walked with Sam, felt lighter"


def test_the_support_plan_pathways_go_in_when_chosen(client_for, maya):
    from kinwell.support import services as support_services
    from kinwell.support.rules import Signals

    plan = support_services.start_or_resume(owner=maya)
    support_services.save_answers(plan=plan, actor=maya, step="situation", answers={"concerns": ["loneliness"]})
    support_services.make_plan(plan=plan, actor=maya, signals=Signals(), use_what_kinwell_knows=False,
                               in_own_words="Private words about my week")
    client = client_for(maya)
    assert "name=\"plan\"" in client.get(reverse("summary:index")).content.decode()
    summary = services.make_summary(owner=maya, days=30, plan=True)
    page = client.get(reverse("summary:detail", args=[summary.pk])).content.decode()
    assert "The kinds of help the person" in page and "Private words" not in page
    bundle = json.loads(client.get(reverse("summary:fhir", args=[summary.pk])).content)
    plans = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "CarePlan"]
    assert plans and all(p["subject"]["reference"] == bundle["entry"][0]["fullUrl"] for p in plans)
    assert fhirkit.validate(bundle) == []


def test_someone_else_gets_404_for_every_summary_url(client_for, maya):
    summary = services.make_summary(owner=maya, days=30, trends=True)
    link, _token = services.make_link(owner=maya, summary_id=summary.pk)
    client = client_for(UserFactory())
    for name in ("summary:detail", "summary:fhir"):
        assert client.get(reverse(name, args=[summary.pk])).status_code == 404
    assert client.post(reverse("summary:share", args=[summary.pk]), {"days": 14}).status_code == 404
    assert client.post(reverse("summary:revoke_link", args=[summary.pk, link.pk])).status_code == 404
    assert client.post(reverse("summary:delete", args=[summary.pk])).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None and Summary.objects.filter(pk=summary.pk).exists()


def test_the_feature_is_linked_from_screening_history_the_support_plan_and_the_nav(client_for, maya):
    client = client_for(maya)
    url = reverse("summary:index")
    assert url in client.get(reverse("screening:history")).content.decode()
    assert url in client.get(reverse("core:home")).content.decode()  # the Me group of the main navigation


def test_spanish_pages(client_for):
    ana = UserFactory(display_name="Ana", language="es")
    screening_result(ana, "phq9", total=12)
    client = client_for(ana)
    assert "Un resumen para" in client.get(reverse("summary:index")).content.decode()
    summary = services.make_summary(owner=ana, days=30, instruments=["phq9"])
    page = client.get(reverse("summary:detail", args=[summary.pk])).content.decode()
    assert "no es un diagnóstico" in page
