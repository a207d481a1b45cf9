"""The journal and goals in the API. Journal endpoints only ever touch the caller's
own entries: there is no way to ask for another person's."""

from datetime import datetime

from ninja import Field, Router, Schema, Status

from kinwell.safety.schemas import SafetyOut
from kinwell.core.schemas import ERRORS
from kinwell.journal import selectors, services
from kinwell.journal.models import Goal, GoalArea

router = Router(tags=["journal"])


class EntryIn(Schema):
    text: str = Field(..., min_length=1, max_length=services.ENTRY_MAX_LENGTH)


class JournalEntryOut(Schema):
    id: int
    text: str
    created_at: datetime
    updated_at: datetime


class EntrySavedOut(JournalEntryOut):
    safety: SafetyOut


class GoalIn(Schema):
    area: GoalArea
    title: str = Field(..., min_length=1, max_length=services.GOAL_TITLE_MAX_LENGTH)
    note: str = Field("", max_length=services.GOAL_NOTE_MAX_LENGTH)


class ProgressIn(Schema):
    steps_done: int = Field(..., ge=0, le=Goal.STEPS)


class GoalOut(Schema):
    id: int
    area: str
    title: str
    note: str
    steps_done: int
    steps: int
    done_at: datetime | None


class GoalSavedOut(GoalOut):
    safety: SafetyOut


def _entry_out(entry) -> dict:
    return {"id": entry.pk, "text": entry.text, "created_at": entry.created_at, "updated_at": entry.updated_at}


def _goal_out(goal) -> dict:
    return {
        "id": goal.pk, "area": goal.area, "title": goal.title, "note": goal.note,
        "steps_done": goal.steps_done, "steps": Goal.STEPS, "done_at": goal.done_at,
    }


@router.get("/entries", response={200: list[JournalEntryOut], **ERRORS})
def list_entries(request):
    return [_entry_out(entry) for entry in selectors.my_entries(owner=request.auth)]


@router.post("/entries", response={201: EntrySavedOut, **ERRORS})
def add_entry(request, payload: EntryIn):
    saved = services.add_entry(owner=request.auth, text=payload.text)
    return Status(201, {**_entry_out(saved.value), "safety": SafetyOut.of(saved.safety)})


@router.get("/entries/{id:entry_id}", response={200: JournalEntryOut, **ERRORS})
def get_entry(request, entry_id: int):
    return _entry_out(selectors.my_entry(owner=request.auth, entry_id=entry_id))


@router.put("/entries/{id:entry_id}", response={200: EntrySavedOut, **ERRORS})
def update_entry(request, entry_id: int, payload: EntryIn):
    saved = services.update_entry(owner=request.auth, entry_id=entry_id, text=payload.text)
    return {**_entry_out(saved.value), "safety": SafetyOut.of(saved.safety)}


@router.delete("/entries/{id:entry_id}", response={204: None, **ERRORS})
def delete_entry(request, entry_id: int):
    services.delete_entry(owner=request.auth, entry_id=entry_id)
    return Status(204, None)


@router.get("/goals", response={200: list[GoalOut], **ERRORS})
def list_goals(request):
    return [_goal_out(goal) for goal in selectors.my_goals(owner=request.auth)]


@router.post("/goals", response={201: GoalSavedOut, **ERRORS})
def add_goal(request, payload: GoalIn):
    saved = services.add_goal(owner=request.auth, area=payload.area.value, title=payload.title, note=payload.note)
    return Status(201, {**_goal_out(saved.value), "safety": SafetyOut.of(saved.safety)})


@router.put("/goals/{id:goal_id}/progress", response={200: GoalOut, **ERRORS})
def set_progress(request, goal_id: int, payload: ProgressIn):
    return _goal_out(services.set_goal_progress(owner=request.auth, goal_id=goal_id, steps_done=payload.steps_done))


@router.delete("/goals/{id:goal_id}", response={204: None, **ERRORS})
def delete_goal(request, goal_id: int):
    services.delete_goal(owner=request.auth, goal_id=goal_id)
    return Status(204, None)


@router.get("/circles/{id:circle_id}/members/{id:user_id}/goals", response={200: list[GoalOut], **ERRORS})
def member_goals(request, circle_id: int, user_id: int):
    _opened, goals = selectors.member_goals(viewer=request.auth, circle_id=circle_id, user_id=user_id)
    return [_goal_out(goal) for goal in goals]
