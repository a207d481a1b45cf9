"""Tests for kinwell/screening/fhir.py.

FHIR, complete: every response and score points at the person as a Patient in the
bundle, scores are UCUM `{score}` quantities, the difficulty answers carry their LOINC
codes, and an independent R4 validator (fhirkit, written apart from fhir.resources)
finds nothing wrong with any bundle we make."""

import json
from datetime import date, datetime, timezone as dt_timezone

import fhirkit
from hypothesis import given, settings, strategies as st

from kinwell.screening import fhir, scoring

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=dt_timezone.utc)
KIM = fhir.Person(key=7, name="Kim")


def record(key, answers, id=1):
    instrument = scoring.get(key)
    result = scoring.score(instrument, answers)
    return fhir.ResultRecord(id=id, instrument=instrument, answers=answers, total=result.total, band=result.band,
                             completed_at=WHEN)


def phq9(difficulty=None, id=1):
    answers = {f"phq9_{n}": 1 for n in range(1, 10)}
    if difficulty is not None:
        answers["difficulty"] = difficulty
    return record("phq9", answers, id)


def as_dict(records, person=KIM) -> dict:
    return json.loads(fhir.bundle_json(records, person=person, now=WHEN))


def resources(bundle, kind):
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_every_response_and_score_points_at_the_patient_in_the_bundle():
    bundle = as_dict([phq9(id=1), record("gad7", {f"gad7_{n}": 2 for n in range(1, 8)}, id=2)])
    patients = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Patient"]
    assert len(patients) == 1
    patient_url = patients[0]["fullUrl"]
    responses, observations = resources(bundle, "QuestionnaireResponse"), resources(bundle, "Observation")
    assert len(responses) == len(observations) == 2
    for response in responses:
        assert response["subject"]["reference"] == response["author"]["reference"] == patient_url
        assert response["source"]["reference"] == patient_url
    for observation in observations:
        assert observation["subject"]["reference"] == patient_url
        assert [p["reference"] for p in observation["performer"]] == [patient_url]


def test_the_patient_carries_the_name_and_nothing_else():
    patient = resources(as_dict([phq9()]), "Patient")[0]
    assert patient == {"resourceType": "Patient", "name": [{"text": "Kim"}]}
    born = resources(as_dict([phq9()], fhir.Person(key=7, name="Kim", birth_date=date(1990, 5, 2))), "Patient")[0]
    assert born["birthDate"] == "1990-05-02" and set(born) == {"resourceType", "name", "birthDate"}


def test_scores_are_ucum_score_quantities():
    observation = resources(as_dict([phq9()]), "Observation")[0]
    assert observation["valueQuantity"] == {
        "value": 9, "unit": "{score}", "system": "http://unitsofmeasure.org", "code": "{score}",
    }
    assert "valueInteger" not in observation


def test_the_difficulty_answers_carry_their_loinc_answer_codes():
    assert [o.loinc for o in scoring.get("phq9").difficulty.options] == ["LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3"]
    for value, code in [(0, "LA6572-7"), (1, "LA6573-5"), (2, "LA6575-0"), (3, "LA6574-3")]:
        response = resources(as_dict([phq9(difficulty=value)]), "QuestionnaireResponse")[0]
        difficulty = next(item for item in response["item"] if item["linkId"] == "difficulty")
        assert difficulty["answer"][0]["valueCoding"] == {
            "system": "http://loinc.org", "code": code, "display": scoring.get("phq9").difficulty.option(value).text,
        }
    questionnaire = resources(as_dict([phq9()]), "Questionnaire")[0]
    asked = next(item for item in questionnaire["item"] if item["linkId"] == "difficulty")
    assert asked["code"][0]["code"] == "69722-7"
    assert {o["valueCoding"]["code"] for o in asked["answerOption"]} == {"LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3"}


def test_the_independent_validator_catches_a_broken_bundle():
    """So a clean result below means something: it does look inside the entries."""
    bundle = as_dict([phq9()])
    resources(bundle, "Observation")[0]["valueQuantity"]["value"] = "nine"
    del resources(bundle, "QuestionnaireResponse")[0]["status"]
    problems = [str(issue) for issue in fhirkit.validate(bundle)]
    assert any("valueQuantity.value" in p for p in problems) and any("status" in p for p in problems)


@st.composite
def records(draw):
    instrument = draw(st.sampled_from(sorted(scoring.instruments().values(), key=lambda i: i.key)))
    answers = {item.key: draw(st.sampled_from(sorted(item.values))) for item in instrument.all_items}
    result = scoring.score(instrument, answers)
    return fhir.ResultRecord(id=draw(st.integers(1, 10**6)), instrument=instrument, answers=answers,
                             total=result.total, band=result.band, completed_at=WHEN)


@settings(max_examples=40, deadline=None)
@given(st.lists(records(), min_size=1, max_size=4, unique_by=lambda r: r.id))
def test_every_bundle_passes_an_independent_r4_validator(drawn):
    bundle = as_dict(drawn)
    assert [str(issue) for issue in fhirkit.validate(bundle)] == []
