"""FHIR R4 export of screening results: plain Python, no Django.

A Bundle (type "collection") holding, for each questionnaire taken, its Questionnaire
and, for each result, the QuestionnaireResponse and an Observation for the total
(LOINC where a code exists; our own code system otherwise). Built with fhir.resources'
R4B models, so every resource is validated as it is made; R4B keeps R4's shape for
these four resources.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
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


@dataclass(frozen=True)
class ResultRecord:
    """What the export needs of one completed result."""

    id: int
    instrument: Instrument
    answers: dict[str, int]
    total: int
    band: str
    completed_at: datetime


def _urn(kind: str, key: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


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


def questionnaire_response(record: ResultRecord) -> QuestionnaireResponse:
    instrument = record.instrument
    return QuestionnaireResponse(
        questionnaire=f"{KINWELL_SYSTEM}:questionnaire:{instrument.key}",
        status="completed",
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


def total_observation(record: ResultRecord, response_url: str) -> Observation:
    instrument = record.instrument
    if instrument.loinc_total:
        code = {"system": LOINC, "code": instrument.loinc_total, "display": f"{instrument.name} total score"}
    else:
        code = {"system": KINWELL_SYSTEM, "code": f"{instrument.key}-total", "display": f"{instrument.name} total score"}
    return Observation(
        status="final",
        category=[SURVEY],
        code={"coding": [code], "text": f"{instrument.name} total score"},
        effectiveDateTime=record.completed_at.isoformat(),
        valueInteger=record.total,
        interpretation=[{"coding": [{"system": KINWELL_SYSTEM, "code": record.band}], "text": record.band}],
        derivedFrom=[{"reference": response_url}],
        note=[{"text": "A screening score, not a diagnosis."}],
    )


def bundle(records: list[ResultRecord], *, now: datetime) -> Bundle:
    entries = []
    seen = set()
    for record in records:
        key = record.instrument.key
        if key not in seen:
            seen.add(key)
            entries.append({"fullUrl": _urn("questionnaire", key), "resource": questionnaire(record.instrument)})
        response_url = _urn("response", record.id)
        entries.append({"fullUrl": response_url, "resource": questionnaire_response(record)})
        entries.append({"fullUrl": _urn("observation", record.id), "resource": total_observation(record, response_url)})
    return Bundle(type="collection", timestamp=now.isoformat(), entry=entries)


def bundle_json(records: list[ResultRecord], *, now: datetime) -> str:
    return bundle(records, now=now).model_dump_json(indent=2, exclude_none=True)
