"""Screening in the API: the questionnaires, taking one (scored on the server), my
results and their FHIR export, and a circle member's results as their sharing allows."""

from datetime import datetime
from typing import Annotated

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import StrictInt

from kinwell.core.errors import NotFound
from kinwell.core.schemas import ERRORS
from kinwell.screening import exports, scoring, selectors, services, texts
from kinwell.safety.schemas import SafetyOut

router = Router(tags=["screening"])


class OptionOut(Schema):
    value: int
    text: str


class ItemOut(Schema):
    key: str
    number: int
    text: str
    scored: bool
    options: list[OptionOut]


class BandOut(Schema):
    key: str
    name: str
    low: int
    high: int


class InstrumentOut(Schema):
    key: str
    name: str
    title: str
    topic: str
    source: str
    authors: str
    licence: str
    stem: str
    lowest: int
    highest: int
    positive_at: int | None
    offers: str
    items: list[ItemOut]
    bands: list[BandOut]


# A choice's value (0 to 6 in today's questionnaires); bounded so no client can send a number
# the database cannot hold.
AnswerValue = Annotated[StrictInt, Field(ge=0, le=99)]


class SubmitIn(Schema):
    instrument: str = Field(..., min_length=1, max_length=16)
    answers: dict[str, AnswerValue] = Field(..., description="Item key to the chosen value, e.g. {\"gad7_1\": 2}")


class ResultOut(Schema):
    id: int
    instrument: str
    name: str
    completed_at: datetime
    total: int
    band: str
    band_name: str
    meaning: str
    not_a_diagnosis: str


class ResultWithAnswersOut(ResultOut):
    answers: dict[str, int]


class ResultSavedOut(ResultWithAnswersOut):
    safety: SafetyOut


class SharedResultOut(ResultOut):
    answers: dict[str, int] | None


class StartIn(Schema):
    instrument: str = Field(..., min_length=1, max_length=16)


class ScreeningAnswersIn(Schema):
    answers: dict[str, AnswerValue] = Field(..., description="Some or all answers; the others stay as they were")


class InProgressOut(Schema):
    id: int
    instrument: str
    answers: dict[str, int]
    missing: list[int] = Field(..., description="Numbers of the scored questions still without an answer")
    started_at: datetime
    updated_at: datetime


class InProgressSavedOut(InProgressOut):
    safety: SafetyOut


INSTRUMENT_FIELDS = (
    "key", "name", "title", "topic", "source", "authors", "licence", "stem", "lowest", "highest", "positive_at", "offers",
)


def _instrument_out(instrument: scoring.Instrument) -> dict:
    return {
        **{name: getattr(instrument, name) for name in INSTRUMENT_FIELDS},
        "items": [
            {
                "key": item.key, "number": item.number, "text": item.text, "scored": item.scored,
                "options": [{"value": o.value, "text": o.text} for o in item.options],
            }
            for item in instrument.all_items
        ],
        "bands": [{"key": b.key, "name": str(texts.band_name(b.key)), "low": b.low, "high": b.high} for b in instrument.bands],
    }


def _result_out(response, *, answers: bool = True) -> dict:
    instrument = response.definition
    out = {
        "id": response.pk,
        "instrument": response.instrument,
        "name": instrument.name,
        "completed_at": response.completed_at,
        "total": response.total,
        "band": response.band,
        "band_name": str(texts.band_name(response.band)),
        "meaning": str(texts.meaning(instrument.topic, response.band)),
        "not_a_diagnosis": str(texts.NOT_A_DIAGNOSIS),
    }
    if answers:
        out["answers"] = dict(response.answers)
    return out


@router.get("/screening/instruments", response={200: list[InstrumentOut], **ERRORS})
def list_instruments(request):
    return [_instrument_out(i) for i in selectors.available_instruments(user=request.auth)]


@router.post("/screening/results", response={201: ResultSavedOut, **ERRORS})
def submit(request, payload: SubmitIn):
    submitted = services.submit_answers(owner=request.auth, instrument=payload.instrument, answers=dict(payload.answers))
    return Status(201, {**_result_out(submitted.value.response), "safety": SafetyOut.of(submitted.safety)})


def _in_progress_out(response) -> dict:
    return {
        "id": response.pk,
        "instrument": response.instrument,
        "answers": dict(response.answers),
        "missing": [i.number for i in response.definition.items if i.key not in response.answers],
        "started_at": response.started_at,
        "updated_at": response.updated_at,
    }


@router.post("/screening/responses", response={201: InProgressOut, **ERRORS})
def start(request, payload: StartIn):
    """Start a questionnaire to answer bit by bit, or get back the one left unfinished."""
    return Status(201, _in_progress_out(services.start_response(owner=request.auth, instrument=payload.instrument)))


@router.get("/screening/responses", response={200: list[InProgressOut], **ERRORS})
def unfinished(request):
    return [_in_progress_out(r) for r in selectors.unfinished(owner=request.auth)]


def _own_unfinished(request, response_id: int):
    response = selectors.own_response(owner=request.auth, response_id=response_id)
    if response.is_complete:
        raise NotFound(_("That questionnaire is already finished; its result is under /screening/results."))
    return response


@router.patch("/screening/responses/{id:response_id}", response={200: InProgressSavedOut, **ERRORS})
def save(request, response_id: int, payload: ScreeningAnswersIn):
    response = _own_unfinished(request, response_id)
    saved = services.save_answers(owner=request.auth, response=response, answers=dict(payload.answers))
    return {**_in_progress_out(saved.value.response), "safety": SafetyOut.of(saved.safety)}


@router.post("/screening/responses/{id:response_id}/complete", response={201: ResultSavedOut, **ERRORS})
def complete(request, response_id: int):
    """Score the answers saved so far (400 naming the questions still missing)."""
    response = _own_unfinished(request, response_id)
    completed = services.complete_response(owner=request.auth, response=response)
    return Status(201, {**_result_out(completed.value.response), "safety": SafetyOut.of(completed.safety)})


@router.delete("/screening/responses/{id:response_id}", response={204: None, **ERRORS})
def discard(request, response_id: int):
    services.delete_response(owner=request.auth, response_id=_own_unfinished(request, response_id).pk)
    return Status(204, None)


@router.get("/screening/results", response={200: list[ResultOut], **ERRORS})
def my_results(request):
    return [_result_out(r, answers=False) for r in selectors.results(owner=request.auth)]


@router.get("/screening/results/{id:result_id}", response={200: ResultWithAnswersOut, **ERRORS})
def my_result(request, result_id: int):
    return _result_out(selectors.own_result(owner=request.auth, response_id=result_id))


@router.delete("/screening/results/{id:result_id}", response={204: None, **ERRORS})
def delete_result(request, result_id: int):
    services.delete_response(owner=request.auth, response_id=result_id)
    return Status(204, None)


# The FHIR media type, as the web download sends it; declared so clients (and the
# OpenAPI document) know the body is a FHIR resource, not any JSON.
FHIR_JSON = "application/fhir+json"
FHIR_RESPONSE = {"responses": {200: {"content": {FHIR_JSON: {"schema": {"type": "object"}}}}}}


def _fhir(body: str) -> HttpResponse:
    return HttpResponse(body, content_type=f"{FHIR_JSON}; charset=utf-8")


@router.get("/screening/results/{id:result_id}/fhir", response={200: dict, **ERRORS}, openapi_extra=FHIR_RESPONSE)
def result_fhir(request, result_id: int):
    """One result as a FHIR R4 Bundle (Patient, Questionnaire, QuestionnaireResponse, Observation)."""
    result = selectors.own_result(owner=request.auth, response_id=result_id)
    return _fhir(exports.fhir_bundle([result], owner=request.auth))


@router.get("/screening/fhir", response={200: dict, **ERRORS}, openapi_extra=FHIR_RESPONSE)
def all_fhir(request):
    """Every result as one FHIR R4 Bundle."""
    results = list(selectors.results(owner=request.auth).order_by("completed_at", "id"))
    return _fhir(exports.fhir_bundle(results, owner=request.auth))


@router.get("/circles/{id:circle_id}/members/{id:user_id}/screening", response={200: list[SharedResultOut], **ERRORS})
def member_results(request, circle_id: int, user_id: int):
    """A member's results, only as they share them: score and band with "screening",
    the answers too only with "screening_answers"."""
    _opened, shown, with_answers = selectors.member_results(viewer=request.auth, circle_id=circle_id, user_id=user_id)
    return [
        {**_result_out(r, answers=False), "answers": dict(r.answers) if with_answers else None}
        for r in shown
    ]
