"""A summary as one FHIR R4 Bundle: plain Python, no Django.

The same content as the printed page: the Patient, then the questionnaire results as
screening.fhir builds them, the mood, stress and sleep averages over the period, the
signs that fired and the notes the person picked (Observations), and the support plan's
pathways (a CarePlan each, its steps as activities). Everything points at the Patient.
Kinwell's own codes where no standard code says the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.observation import Observation

from kinwell.screening import fhir as screening_fhir
from kinwell.screening.fhir import SURVEY, Person, ResultRecord, quantity

CHECKINS_SYSTEM = "urn:kinwell:checkins"
SIGNS_SYSTEM = "urn:kinwell:signs"
PLAN_SYSTEM = "urn:kinwell:support-plan"


@dataclass(frozen=True)
class Averages:
    mood: float | None  # 1 (very low) to 5 (great)
    stress: float | None  # 0 to 10
    sleep_hours: float | None
    days: int


@dataclass(frozen=True)
class Sign:
    rule: str
    since: date
    text: str


@dataclass(frozen=True)
class Note:
    id: int
    day: date
    mood: int
    text: str


@dataclass(frozen=True)
class Pathway:
    key: str
    label: str
    steps: tuple[tuple[str, bool], ...] = ()  # (title, done)


@dataclass(frozen=True)
class Content:
    person: Person
    start: date
    end: date
    results: list[ResultRecord] = field(default_factory=list)
    averages: Averages | None = None
    signs: list[Sign] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pathways: list[Pathway] = field(default_factory=list)
    not_a_diagnosis: str = "Self-reported screening and check-ins, not a diagnosis."


def _subject(person: Person) -> dict:
    return {"reference": screening_fhir.patient_url(person)}


def _observation(person: Person, code: dict, **values) -> Observation:
    return Observation(status="final", category=[SURVEY], code=code, subject=_subject(person),
                       performer=[_subject(person)], **values)


def _average(content: Content, key: str, display: str, value: float, unit: str, ucum: str | None = None) -> dict:
    observation = _observation(
        content.person,
        {"coding": [{"system": CHECKINS_SYSTEM, "code": key, "display": display}], "text": display},
        effectivePeriod={"start": content.start.isoformat(), "end": content.end.isoformat()},
        valueQuantity=quantity(value, unit=unit, code=ucum),
        note=[{"text": f"Average over {content.averages.days} days with a check-in."}],
    )
    return {"fullUrl": screening_fhir.urn("average", f"{content.person.key}:{key}:{content.start}:{content.end}"),
            "resource": observation}


def _averages(content: Content) -> list[dict]:
    if content.averages is None or not content.averages.days:
        return []
    entries = []
    if content.averages.mood is not None:
        entries.append(_average(content, "mood-average", "Average self-rated mood (1 very low to 5 great)",
                                content.averages.mood, "{score}"))
    if content.averages.stress is not None:
        entries.append(_average(content, "stress-average", "Average self-rated stress (0 to 10)",
                                content.averages.stress, "{score}"))
    if content.averages.sleep_hours is not None:
        entries.append(_average(content, "sleep-average", "Average hours slept", content.averages.sleep_hours, "h"))
    return entries


def _sign(content: Content, sign: Sign) -> dict:
    observation = _observation(
        content.person,
        {"coding": [{"system": SIGNS_SYSTEM, "code": sign.rule}], "text": sign.text},
        effectiveDateTime=sign.since.isoformat(),
        valueString=sign.text,
    )
    return {"fullUrl": screening_fhir.urn("sign", f"{content.person.key}:{sign.rule}:{sign.since}"), "resource": observation}


def _note(content: Content, note: Note) -> dict:
    observation = _observation(
        content.person,
        {"coding": [{"system": CHECKINS_SYSTEM, "code": "checkin-note", "display": "Check-in note"}],
         "text": "Check-in note"},
        effectiveDateTime=note.day.isoformat(),
        valueString=note.text,
        component=[{
            "code": {"coding": [{"system": CHECKINS_SYSTEM, "code": "mood", "display": "Self-rated mood"}]},
            "valueQuantity": quantity(note.mood),
        }],
    )
    return {"fullUrl": screening_fhir.urn("note", note.id), "resource": observation}


def _care_plan(content: Content, pathway: Pathway) -> dict:
    plan = CarePlan(
        status="active",
        intent="plan",
        title=pathway.label,
        category=[{"coding": [{"system": PLAN_SYSTEM, "code": pathway.key}], "text": pathway.label}],
        subject=_subject(content.person),
        author=_subject(content.person),
        activity=[
            {"detail": {"status": "completed" if done else "not-started", "description": title}}
            for title, done in pathway.steps
        ] or None,
    )
    return {"fullUrl": screening_fhir.urn("pathway", f"{content.person.key}:{pathway.key}"), "resource": plan}


def bundle(content: Content, *, now: datetime) -> Bundle:
    entries = screening_fhir.result_entries(content.results, content.person)
    entries += _averages(content)
    entries += [_sign(content, sign) for sign in content.signs]
    entries += [_note(content, note) for note in content.notes]
    entries += [_care_plan(content, pathway) for pathway in content.pathways]
    return screening_fhir.make_bundle(content.person, entries, now=now)


def bundle_json(content: Content, *, now: datetime) -> str:
    return screening_fhir.as_json(bundle(content, now=now))
