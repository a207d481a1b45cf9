"""The daily question in the API, under the same rules as the pages: outside the circle
everything is a 404; others' answers only once revealed and only as the access policy
allows. Answers and replies come back with `safety`; `help_for_you` is true when words
someone else wrote here may put the reader at risk (the client shows partner-violence
help to that reader alone)."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Query, Router, Schema, Status

from kinwell.circles.selectors import membership_in
from kinwell.core.schemas import ERRORS
from kinwell.daily import selectors, services
from kinwell.daily.models import ANSWER_MAX_LENGTH, REPLY_MAX_LENGTH
from kinwell.safety.schemas import SafetyOut

router = Router(tags=["daily question"])


class DailyPersonOut(Schema):
    id: int
    name: str


class DailyMyAnswerOut(Schema):
    id: int
    text: str
    created_at: datetime
    updated_at: datetime


class DailyQuestionOut(Schema):
    id: int | None = Field(None, description="The day's id; null when there is no question for this circle yet.")
    day: date | None
    question: str
    question_key: str
    revealed: bool
    swaps_left: int
    answered_by: list[DailyPersonOut]
    my_answer: DailyMyAnswerOut | None
    answered_together_days: int
    help_for_you: bool


class DailyAnswerIn(Schema):
    text: str = Field(..., min_length=1, max_length=ANSWER_MAX_LENGTH)


class DailyAnswerSavedOut(Schema):
    answer: DailyMyAnswerOut
    revealed: bool
    safety: SafetyOut


class DailyReactionCountOut(Schema):
    kind: str
    label: str
    count: int
    mine: bool


class DailyReplyOut(Schema):
    id: int
    author: DailyPersonOut
    text: str
    created_at: datetime


class DailyReplySavedOut(DailyReplyOut):
    safety: SafetyOut


class DailyAnswerOut(Schema):
    id: int
    author: DailyPersonOut
    text: str
    created_at: datetime
    reactions: list[DailyReactionCountOut]
    replies: list[DailyReplyOut]


class DailyAnswersOut(Schema):
    revealed: bool
    answers: list[DailyAnswerOut]
    help_for_you: bool


class DailyReactionIn(Schema):
    kind: Literal["love", "laugh", "hug", "more"]


class DailyReplyIn(Schema):
    text: str = Field(..., min_length=1, max_length=REPLY_MAX_LENGTH)


class DailyPastDayOut(Schema):
    id: int
    day: date
    question: str
    revealed: bool
    answers: int


class DailyPastOut(Schema):
    page: int
    pages: int
    days: list[DailyPastDayOut]


class DailyPageIn(Schema):
    page: int = Field(1, ge=1, le=100_000)


def _circle(request, circle_id):
    return membership_in(user=request.auth, circle_id=circle_id).circle


def _person(user) -> dict:
    return {"id": user.pk, "name": user.display_name}


def _my(answer) -> dict | None:
    if answer is None:
        return None
    return {"id": answer.pk, "text": answer.text, "created_at": answer.created_at, "updated_at": answer.updated_at}


def _question_out(request, circle, day) -> dict:
    together = selectors.days_together(circle)
    if day is None:
        return {"id": None, "day": None, "question": "", "question_key": "", "revealed": False, "swaps_left": 0,
                "answered_by": [], "my_answer": None, "answered_together_days": together, "help_for_you": False}
    seen = selectors.answers_seen_by(viewer=request.auth, circle=circle, day=day)
    return {
        "id": day.pk, "day": day.day, "question": selectors.question_text(day), "question_key": day.question_key,
        "revealed": day.revealed, "swaps_left": selectors.swaps_left(day),
        "answered_by": [_person(p) for p in selectors.who_answered(viewer=request.auth, circle=circle, day=day)],
        "my_answer": _my(selectors.my_answer(viewer=request.auth, day=day)),
        "answered_together_days": together,
        "help_for_you": selectors.help_for_reader(viewer=request.auth, seen=seen),
    }


@router.get("/circles/{id:circle_id}/today", response={200: DailyQuestionOut, **ERRORS})
def today(request, circle_id: int):
    circle = _circle(request, circle_id)
    return _question_out(request, circle, services.open_today(viewer=request.auth, circle=circle))


@router.get("/circles/{id:circle_id}/days", response={200: DailyPastOut, **ERRORS})
def past_days(request, circle_id: int, query: Query[DailyPageIn]):
    page = selectors.past_days(circle=_circle(request, circle_id), page=query.page)
    return {
        "page": page.number, "pages": page.paginator.num_pages,
        "days": [{"id": d.pk, "day": d.day, "question": selectors.question_text(d), "revealed": d.revealed,
                  "answers": d.answer_count} for d in page.object_list],
    }


@router.get("/circles/{id:circle_id}/days/{id:day_id}", response={200: DailyQuestionOut, **ERRORS})
def get_day(request, circle_id: int, day_id: int):
    circle = _circle(request, circle_id)
    return _question_out(request, circle, selectors.day_in(circle=circle, day_id=day_id))


@router.post("/circles/{id:circle_id}/days/{id:day_id}/answer", response={200: DailyAnswerSavedOut, **ERRORS})
def answer(request, circle_id: int, day_id: int, payload: DailyAnswerIn):
    circle = _circle(request, circle_id)
    saved = services.answer_question(author=request.auth, circle=circle, day_id=day_id, text=payload.text)
    day = selectors.day_in(circle=circle, day_id=day_id)
    return {"answer": _my(saved.value), "revealed": day.revealed, "safety": SafetyOut.of(saved.safety)}


@router.post("/circles/{id:circle_id}/days/{id:day_id}/swap", response={200: DailyQuestionOut, **ERRORS})
def swap(request, circle_id: int, day_id: int):
    circle = _circle(request, circle_id)
    return _question_out(request, circle, services.swap_question(actor=request.auth, circle=circle, day_id=day_id))


def _answer_out(item) -> dict:
    return {
        "id": item.answer.pk, "author": _person(item.answer.author), "text": item.answer.text,
        "created_at": item.answer.created_at,
        "reactions": [{"kind": r["kind"], "label": str(r["label"]), "count": r["count"], "mine": r["chosen"]}
                      for r in item.reactions],
        "replies": [{"id": r.pk, "author": _person(r.author), "text": r.text, "created_at": r.created_at}
                    for r in item.replies],
    }


@router.get("/circles/{id:circle_id}/days/{id:day_id}/answers", response={200: DailyAnswersOut, **ERRORS})
def list_answers(request, circle_id: int, day_id: int):
    circle = _circle(request, circle_id)
    day = selectors.day_in(circle=circle, day_id=day_id)
    if not day.revealed:
        return {"revealed": False, "answers": [], "help_for_you": False}
    seen = selectors.answers_seen_by(viewer=request.auth, circle=circle, day=day)
    return {"revealed": True, "answers": [_answer_out(item) for item in seen],
            "help_for_you": selectors.help_for_reader(viewer=request.auth, seen=seen)}


@router.post("/circles/{id:circle_id}/days/{id:day_id}/answers/{id:answer_id}/reactions",
             response={200: DailyAnswerOut, **ERRORS})
def react(request, circle_id: int, day_id: int, answer_id: int, payload: DailyReactionIn):
    """Add this reaction, or take it back if it was there."""
    circle = _circle(request, circle_id)
    services.react(person=request.auth, circle=circle, day_id=day_id, answer_id=answer_id, kind=payload.kind)
    day = selectors.day_in(circle=circle, day_id=day_id)
    found = next(s for s in selectors.answers_seen_by(viewer=request.auth, circle=circle, day=day)
                 if s.answer.pk == answer_id)
    return _answer_out(found)


@router.post("/circles/{id:circle_id}/days/{id:day_id}/answers/{id:answer_id}/replies",
             response={201: DailyReplySavedOut, **ERRORS})
def reply(request, circle_id: int, day_id: int, answer_id: int, payload: DailyReplyIn):
    saved = services.reply_to_answer(author=request.auth, circle=_circle(request, circle_id), day_id=day_id,
                                     answer_id=answer_id, text=payload.text)
    r = saved.value
    return Status(201, {"id": r.pk, "author": _person(r.author), "text": r.text, "created_at": r.created_at,
                        "safety": SafetyOut.of(saved.safety)})
