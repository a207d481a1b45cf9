"""Appreciation, wins, gratitude, ideas, planned dates and nudges in the API, under the
same access policy as the pages: outside a circle everything is a 404."""

from datetime import date, datetime

from django.utils import timezone, translation
from ninja import Field, Query, Router, Schema, Status

from kinwell.circles import selectors as circle_selectors
from kinwell.connect import ideas, selectors, services
from kinwell.connect.models import NudgeFrequency, PlannedDate
from kinwell.core.schemas import ERRORS, DatabaseId
from kinwell.safety.schemas import SafetyOut

router = Router(tags=["together"])


class AppreciationIn(Schema):
    recipient_id: DatabaseId
    text: str = Field(..., min_length=1, max_length=services.APPRECIATION_MAX_LENGTH)


class AppreciationOut(Schema):
    id: int
    sender_id: int
    recipient_id: int
    text: str
    created_at: datetime


class AppreciationSavedOut(AppreciationOut):
    safety: SafetyOut


class WinIn(Schema):
    text: str = Field(..., min_length=1, max_length=services.WIN_MAX_LENGTH)
    about_id: DatabaseId | None = None


class WinOut(Schema):
    id: int
    author_id: int
    about_id: int | None
    text: str
    created_at: datetime


class WinSavedOut(WinOut):
    safety: SafetyOut


class FeedOut(Schema):
    wins: list[WinOut]
    appreciations: list[AppreciationOut]


class MomentOut(Schema):
    kind: str
    when: datetime
    sentence: str
    text: str


class WeekOut(Schema):
    monday: date
    positive: list[MomentOut]
    hard: list[MomentOut]


class GratitudeIn(Schema):
    text: str = Field(..., min_length=1, max_length=services.GRATITUDE_MAX_LENGTH)


class GratitudeOut(Schema):
    id: int
    text: str
    created_at: datetime


class GratitudeSavedOut(GratitudeOut):
    safety: SafetyOut


class IdeaOut(Schema):
    key: str
    title: str
    detail: str
    place: str
    cost: str
    minutes: int


class IdeaFilter(Schema):
    place: str = Field("", pattern="^(|home|outdoors)$")
    cost: str = Field("", pattern="^(|free|low)$")
    max_minutes: int | None = Field(None, ge=15, le=1440)


class WhenIn(Schema):
    starts_local: datetime = Field(..., description="Wall-clock time in time_zone; any offset given is ignored.")
    minutes: int = Field(..., ge=services.PLAN_MINUTES[0], le=services.PLAN_MINUTES[1])
    time_zone: str = Field("", max_length=64, description="Empty: the person's own time zone.")
    message: str = Field("", max_length=services.PLAN_MESSAGE_MAX_LENGTH)


class PlanIn(WhenIn):
    invitee_id: DatabaseId
    title: str = Field(..., min_length=1, max_length=services.PLAN_TITLE_MAX_LENGTH)
    activity: str = Field("", max_length=40)


class DatePlanOut(Schema):
    id: int
    circle_id: int
    proposer_id: int
    invitee_id: int
    awaiting_id: int | None
    title: str
    message: str
    activity: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    status: str


class PlanSavedOut(DatePlanOut):
    safety: SafetyOut


class NudgesIn(Schema):
    frequency: NudgeFrequency
    by_email: bool = True


class NudgesOut(Schema):
    frequency: str
    by_email: bool
    today: str | None


def _appreciation_out(item) -> dict:
    return {"id": item.pk, "sender_id": item.sender_id, "recipient_id": item.recipient_id, "text": item.text,
            "created_at": item.created_at}


def _win_out(win) -> dict:
    return {"id": win.pk, "author_id": win.author_id, "about_id": win.about_id, "text": win.text,
            "created_at": win.created_at}


def _plan_out(plan) -> dict:
    return {
        "id": plan.pk, "circle_id": plan.circle_id, "proposer_id": plan.proposer_id, "invitee_id": plan.invitee_id,
        "awaiting_id": plan.awaiting_id if plan.status == PlannedDate.Status.PROPOSED else None,
        "title": plan.title, "message": plan.message, "activity": plan.activity, "starts_at": plan.starts_at,
        "ends_at": plan.ends_at, "time_zone": plan.time_zone, "status": plan.status,
    }


def _circle(request, circle_id):
    return circle_selectors.membership_in(user=request.auth, circle_id=circle_id).circle


@router.get("/circles/{id:circle_id}/feed", response={200: FeedOut, **ERRORS})
def feed(request, circle_id: int):
    circle = _circle(request, circle_id)
    return {
        "wins": [_win_out(win) for win in selectors.circle_wins(viewer=request.auth, circle=circle)],
        "appreciations": [_appreciation_out(a) for a in selectors.my_appreciations(user=request.auth, circle=circle)],
    }


@router.post("/circles/{id:circle_id}/appreciations", response={201: AppreciationSavedOut, **ERRORS})
def send_appreciation(request, circle_id: int, payload: AppreciationIn):
    sent = services.send_appreciation(
        sender=request.auth, circle=_circle(request, circle_id), recipient_id=payload.recipient_id, text=payload.text
    )
    return Status(201, {**_appreciation_out(sent.value), "safety": SafetyOut.of(sent.safety)})


@router.post("/circles/{id:circle_id}/wins", response={201: WinSavedOut, **ERRORS})
def celebrate_win(request, circle_id: int, payload: WinIn):
    celebrated = services.celebrate_win(
        author=request.auth, circle=_circle(request, circle_id), text=payload.text, about_id=payload.about_id
    )
    return Status(201, {**_win_out(celebrated.value), "safety": SafetyOut.of(celebrated.safety)})


@router.delete("/circles/{id:circle_id}/wins/{id:win_id}", response={204: None, **ERRORS})
def delete_win(request, circle_id: int, win_id: int):
    services.delete_win(author=request.auth, circle=_circle(request, circle_id), win_id=win_id)
    return Status(204, None)


@router.get("/circles/{id:circle_id}/week", response={200: WeekOut, **ERRORS})
def week(request, circle_id: int, week_of: date | None = None):
    moments = selectors.weekly_moments(
        viewer=request.auth, circle=_circle(request, circle_id), week_of=week_of or timezone.localdate()
    )
    as_dicts = lambda items: [vars(moment) for moment in items]  # noqa: E731
    return {"monday": moments["monday"], "positive": as_dicts(moments["positive"]), "hard": as_dicts(moments["hard"])}


@router.get("/gratitude", response={200: list[GratitudeOut], **ERRORS})
def list_gratitude(request):
    return [{"id": e.pk, "text": e.text, "created_at": e.created_at} for e in selectors.my_gratitude(owner=request.auth)]


@router.post("/gratitude", response={201: GratitudeSavedOut, **ERRORS})
def add_gratitude(request, payload: GratitudeIn):
    saved = services.add_gratitude(owner=request.auth, text=payload.text)
    entry = saved.value
    return Status(
        201,
        {"id": entry.pk, "text": entry.text, "created_at": entry.created_at, "safety": SafetyOut.of(saved.safety)},
    )


@router.delete("/gratitude/{id:entry_id}", response={204: None, **ERRORS})
def delete_gratitude(request, entry_id: int):
    services.delete_gratitude(owner=request.auth, entry_id=entry_id)
    return Status(204, None)


@router.get("/circles/{id:circle_id}/members/{id:user_id}/gratitude", response={200: list[GratitudeOut], **ERRORS})
def member_gratitude(request, circle_id: int, user_id: int):
    _opened, entries = selectors.member_gratitude(viewer=request.auth, circle_id=circle_id, user_id=user_id)
    return [{"id": e.pk, "text": e.text, "created_at": e.created_at} for e in entries]


@router.get("/ideas", response={200: list[IdeaOut], **ERRORS})
def list_ideas(request, filters: Query[IdeaFilter]):
    language = translation.get_language() or "en"
    return [
        {"key": idea.key, "title": idea.title(language), "detail": idea.detail(language), "place": idea.place,
         "cost": idea.cost, "minutes": idea.minutes}
        for idea in ideas.filter_ideas(place=filters.place, cost=filters.cost, max_minutes=filters.max_minutes)
    ]


@router.get("/circles/{id:circle_id}/plans", response={200: list[DatePlanOut], **ERRORS})
def list_plans(request, circle_id: int):
    return [_plan_out(plan) for plan in selectors.plans_in_circle(user=request.auth, circle=_circle(request, circle_id))]


@router.post("/circles/{id:circle_id}/plans", response={201: PlanSavedOut, **ERRORS})
def propose_plan(request, circle_id: int, payload: PlanIn):
    proposed = services.propose_plan(
        proposer=request.auth, circle=_circle(request, circle_id), invitee_id=payload.invitee_id, title=payload.title,
        starts_local=payload.starts_local, minutes=payload.minutes,
        time_zone=payload.time_zone or request.auth.time_zone, message=payload.message, activity=payload.activity,
    )
    return Status(201, {**_plan_out(proposed.value), "safety": SafetyOut.of(proposed.safety)})


def _plan_in(request, circle_id, plan_id):
    return selectors.plan_in_circle(user=request.auth, circle=_circle(request, circle_id), plan_id=plan_id)


@router.get("/circles/{id:circle_id}/plans/{id:plan_id}", response={200: DatePlanOut, **ERRORS})
def get_plan(request, circle_id: int, plan_id: int):
    return _plan_out(_plan_in(request, circle_id, plan_id))


@router.post("/circles/{id:circle_id}/plans/{id:plan_id}/accept", response={200: DatePlanOut, **ERRORS})
def accept_plan(request, circle_id: int, plan_id: int):
    plan = _plan_in(request, circle_id, plan_id)
    return _plan_out(services.accept_plan(actor=request.auth, plan_id=plan.pk))


@router.post("/circles/{id:circle_id}/plans/{id:plan_id}/suggest", response={200: PlanSavedOut, **ERRORS})
def suggest_time(request, circle_id: int, plan_id: int, payload: WhenIn):
    plan = _plan_in(request, circle_id, plan_id)
    suggested = services.suggest_time(
        actor=request.auth, plan_id=plan.pk, starts_local=payload.starts_local, minutes=payload.minutes,
        time_zone=payload.time_zone or request.auth.time_zone, message=payload.message,
    )
    return {**_plan_out(suggested.value), "safety": SafetyOut.of(suggested.safety)}


@router.post("/circles/{id:circle_id}/plans/{id:plan_id}/decline", response={200: DatePlanOut, **ERRORS})
def decline_plan(request, circle_id: int, plan_id: int):
    plan = _plan_in(request, circle_id, plan_id)
    return _plan_out(services.decline_plan(actor=request.auth, plan_id=plan.pk))


@router.post("/circles/{id:circle_id}/plans/{id:plan_id}/cancel", response={200: DatePlanOut, **ERRORS})
def cancel_plan(request, circle_id: int, plan_id: int):
    plan = _plan_in(request, circle_id, plan_id)
    return _plan_out(services.cancel_plan(actor=request.auth, plan_id=plan.pk))


def _nudges_out(user) -> dict:
    preference = selectors.nudge_preference(owner=user)
    return {"frequency": preference.frequency, "by_email": preference.by_email, "today": selectors.today_gesture_for(user)}


@router.get("/nudges", response={200: NudgesOut, **ERRORS})
def get_nudges(request):
    return _nudges_out(request.auth)


@router.put("/nudges", response={200: NudgesOut, **ERRORS})
def set_nudges(request, payload: NudgesIn):
    services.set_nudges(owner=request.auth, frequency=payload.frequency.value, by_email=payload.by_email)
    return _nudges_out(request.auth)
