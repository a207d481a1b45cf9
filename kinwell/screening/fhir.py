"""FHIR R4 export of screening results: plain Python, no Django.

A Bundle (type "collection") holding the person as a Patient (name, and birth date only
if they gave one: nothing else), for each questionnaire taken its Questionnaire and, for
each result, the QuestionnaireResponse and an Observation for the total (LOINC where a
code exists; our own code system otherwise). Both point at the Patient as `subject`, and
as `author`/`source` (QuestionnaireResponse) or `performer` (Observation): these are
self-reported. Totals are `valueQuantity` in UCUM's `{score}`, as the published PHQ-9
and GAD-7 profiles have them. Built with fhir.resources' R4B models, so every resource is
validated as it is made; R4B keeps R4's shape for these five resources.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from kinwell.screening.scoring import Instrument

LOINC = "http://loinc.org"
# Our own codes, for totals and answers LOINC does not cover (UCLA-3, CSI-4, GAD-2).
KINWELL_SYSTEM = "urn:kinwell:screening"
SURVEY = {
    "coding": [
        {"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey"}
    ]
}
NAMESPACE = uuid.UUID("6f1d3b2e-8a4c-4d2f-9b1e-5c7a2e9d0f11")
UCUM = "http://unitsofmeasure.org"


@dataclass(frozen=True)
class Person:
    """Whom the results are about: the only personal details a bundle carries."""

    key: int
    name: str
    birth_date: date | None = None


@dataclass(frozen=True)
class ResultRecord:
    """What the export needs of one completed result."""

    id: int
    instrument: Instrument
    answers: dict[str, int]
    total: int
    band: str
    completed_at: datetime


def urn(kind: str, key: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def patient_url(person: Person) -> str:
    return urn("patient", person.key)


def patient(person: Person) -> Patient:
    data = {}
    if person.name:
        data["name"] = [{"text": person.name}]
    if person.birth_date:
        data["birthDate"] = person.birth_date.isoformat()
    return Patient(**data)


def quantity(value: float, *, unit: str = "{score}", code: str | None = None) -> dict:
    """A UCUM quantity; `{score}` (a score, no physical unit) unless told otherwise."""
    return {"value": value, "unit": unit, "system": UCUM, "code": code or unit}


def _reference(person: Person) -> dict:
    return {"reference": patient_url(person), "display": person.name} if person.name else {"reference": patient_url(person)}


def _coding_for_answer(instrument: Instrument, item, value: int) -> dict:
    option = item.option(value)
    if option.loinc:
        return {"system": LOINC, "code": option.loinc, "display": option.text}
    return {"system": f"{KINWELL_SYSTEM}:{instrument.key}:{item.key}", "code": str(value), "display": option.text}


def _item_code(item) -> list[dict] | None:
    return [{"system": LOINC, "code": item.loinc, "display": item.text}] if item.loinc else None


def questionnaire(instrument: Instrument) -> Questionnaire:
    items = []
    for item in instrument.all_items:
        entry = {
            "linkId": item.key,
            "text": item.text,
            "type": "choice",
            "required": item.scored,
            "answerOption": [{"valueCoding": _coding_for_answer(instrument, item, o.value)} for o in item.options],
        }
        if _item_code(item):
            entry["code"] = _item_code(item)
        items.append(entry)
    data = {
        "url": f"{KINWELL_SYSTEM}:questionnaire:{instrument.key}",
        "name": instrument.key.upper(),
        "title": instrument.title,
        "status": "active",
        "description": instrument.stem,
        "copyright": f"{instrument.licence} Source: {instrument.source}",
        "item": items,
    }
    if instrument.loinc_panel:
        data["code"] = [{"system": LOINC, "code": instrument.loinc_panel, "display": instrument.title}]
    return Questionnaire(**data)


def questionnaire_response(record: ResultRecord, person: Person) -> QuestionnaireResponse:
    instrument = record.instrument
    return QuestionnaireResponse(
        questionnaire=f"{KINWELL_SYSTEM}:questionnaire:{instrument.key}",
        status="completed",
        subject=_reference(person),
        author=_reference(person),
        source=_reference(person),
        authored=record.completed_at.isoformat(),
        item=[
            {
                "linkId": item.key,
                "text": item.text,
                "answer": [{"valueCoding": _coding_for_answer(instrument, item, record.answers[item.key])}],
            }
            for item in instrument.all_items
            if item.key in record.answers
        ],
    )


def total_observation(record: ResultRecord, response_url: str, person: Person) -> Observation:
    instrument = record.instrument
    if instrument.loinc_total:
        code = {"system": LOINC, "code": instrument.loinc_total, "display": f"{instrument.name} total score"}
    else:
        code = {"system": KINWELL_SYSTEM, "code": f"{instrument.key}-total", "display": f"{instrument.name} total score"}
    return Observation(
        status="final",
        category=[SURVEY],
        code={"coding": [code], "text": f"{instrument.name} total score"},
        subject=_reference(person),
        performer=[_reference(person)],
        effectiveDateTime=record.completed_at.isoformat(),
        valueQuantity=quantity(record.total),
        interpretation=[{"coding": [{"system": KINWELL_SYSTEM, "code": record.band}], "text": record.band}],
        derivedFrom=[{"reference": response_url}],
        note=[{"text": "A screening score, not a diagnosis."}],
    )


def result_entries(records: list[ResultRecord], person: Person) -> list[dict]:
    """Bundle entries for these results: each questionnaire once, then per result its
    QuestionnaireResponse and total Observation (the Patient is the caller's to add)."""
    entries = []
    seen = set()
    for record in records:
        key = record.instrument.key
        if key not in seen:
            seen.add(key)
            entries.append({"fullUrl": urn("questionnaire", key), "resource": questionnaire(record.instrument)})
        response_url = urn("response", record.id)
        entries.append({"fullUrl": response_url, "resource": questionnaire_response(record, person)})
        entries.append(
            {"fullUrl": urn("observation", record.id), "resource": total_observation(record, response_url, person)}
        )
    return entries


def make_bundle(person: Person, entries: list[dict], *, now: datetime) -> Bundle:
    """A collection Bundle: the Patient first, then the given entries."""
    first = {"fullUrl": patient_url(person), "resource": patient(person)}
    return Bundle(type="collection", timestamp=now.isoformat(), entry=[first, *entries])


def bundle(records: list[ResultRecord], *, person: Person, now: datetime) -> Bundle:
    return make_bundle(person, result_entries(records, person), now=now)


def as_json(built: Bundle) -> str:
    return built.model_dump_json(indent=2, exclude_none=True)


def bundle_json(records: list[ResultRecord], *, person: Person, now: datetime) -> str:
    return as_json(bundle(records, person=person, now=now))
