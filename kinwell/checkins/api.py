"""Check-ins, trends, reactions and sign settings in /api/v1/. Another person's
check-ins come only through the access policy, like the pages."""

from datetime import date, datetime, time
from typing import Literal

from django.http import HttpResponse
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile

from kinwell.checkins import exporting, import_services, selectors, services
from kinwell.checkins.models import NOTE_MAX_LENGTH, RESPONSE_MAX_LENGTH, CheckIn, Reaction
from kinwell.circles import selectors as circle_selectors
from kinwell.core.schemas import ERRORS, DatabaseId
from kinwell.safety.schemas import SafetyOut

router = Router(tags=["check-ins"])


class CheckInIn(Schema):
    mood: int = Field(..., ge=1, le=5, description="1 very low … 5 great")
    day: date | None = Field(None, description="The person's local day; today when left out. Up to a year back.")
    feelings: list[str] = Field(default_factory=list, max_length=30)
    stress: int | None = Field(None, ge=0, le=10)
    sleep_hours: float | None = Field(None, ge=0, le=24)
    energy: int | None = Field(None, ge=1, le=5)
    tags: list[str] = Field(default_factory=list, max_length=12)
    note: str = Field("", max_length=NOTE_MAX_LENGTH)
    wants_support: bool = False


class CheckInPatch(Schema):
    mood: int | None = Field(None, ge=1, le=5)
    day: date | None = None
    feelings: list[str] | None = Field(None, max_length=30)
    stress: int | None = Field(None, ge=0, le=10)
    sleep_hours: float | None = Field(None, ge=0, le=24)
    energy: int | None = Field(None, ge=1, le=5)
    tags: list[str] | None = Field(None, max_length=12)
    note: str | None = Field(None, max_length=NOTE_MAX_LENGTH)
    wants_support: bool | None = None


class ResponseOut(Schema):
    author: str
    reaction: str
    message: str
    created_at: datetime


class CheckInOut(Schema):
    id: int
    day: date
    mood: int
    feelings: list[str]
    stress: int | None
    sleep_hours: float | None
    energy: int | None
    tags: list[str]
    note: str | None = Field(None, description="Left out where the owner does not share notes with you.")
    wants_support: bool
    responses: list[ResponseOut] = Field(default_factory=list)


class CheckInSavedOut(CheckInOut):
    safety: SafetyOut


class MemberCheckInOut(CheckInOut):
    owner_id: int
    owner: str


class TrendFindingOut(Schema):
    kind: str
    subject: str
    mood_with: float
    mood_without: float
    days_with: int
    days_without: int


class DayOut(Schema):
    day: date
    mood: float
    checkins: int
    stress: float | None
    sleep_hours: float | None
    energy: float | None


class TrendOut(Schema):
    days: int
    start: date
    end: date
    average_mood: float | None
    average_stress: float | None
    average_sleep_hours: float | None
    days_checked_in: int
    current_streak: int
    longest_streak: int
    points: list[DayOut]
    findings: list[TrendFindingOut]


class ReactionIn(Schema):
    reaction: Reaction
    message: str = Field("", max_length=RESPONSE_MAX_LENGTH)


class ReactionSavedOut(Schema):
    id: int
    reaction: str
    message: str
    safety: SafetyOut


class SignSettingsIO(Schema):
    nudges_on: bool
    streak_rule_on: bool
    tell_supporters: bool
    supporter_ids: list[DatabaseId] = Field(..., max_length=100)


class ReminderIO(Schema):
    enabled: bool
    local_time: str = Field(..., pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM in the person's time zone")


def _out(checkin: CheckIn, *, with_note: bool = True, with_responses: bool = True) -> dict:
    return {
        "id": checkin.pk, "day": checkin.day, "mood": checkin.mood, "feelings": list(checkin.feelings),
        "stress": checkin.stress, "sleep_hours": float(checkin.sleep_hours) if checkin.sleep_hours is not None else None,
        "energy": checkin.energy, "tags": list(checkin.tags), "note": checkin.note if with_note else None,
        "wants_support": checkin.wants_support,
        "responses": [
            {"author": response.author.display_name, "reaction": response.reaction, "message": response.message,
             "created_at": response.created_at}
            for response in checkin.responses.all()
        ] if with_responses else [],
    }


@router.get("", response={200: list[CheckInOut], **ERRORS})
def list_my_checkins(request, days: int | None = Query(None, ge=1, le=3660)):
    """My own check-ins, newest first; `days` limits them to the last so many days."""
    return [_out(checkin) for checkin in selectors.my_checkins(owner=request.auth, days=days)]


@router.post("", response={201: CheckInSavedOut, **ERRORS})
def create_checkin(request, payload: CheckInIn):
    fields = payload.dict()
    saved = services.record_checkin(owner=request.auth, **fields)
    return Status(201, {**_out(saved.value, with_responses=False), "safety": SafetyOut.of(saved.safety)})


@router.get("/trends", response={200: TrendOut, **ERRORS})
def my_trend(request, days: int = Query(30, ge=min(selectors.PERIODS), le=max(selectors.PERIODS))):
    if days not in selectors.PERIODS:
        from kinwell.core.errors import ServiceError

        raise ServiceError(f"days must be one of {', '.join(map(str, selectors.PERIODS))}.")
    trend = selectors.trend_for(owner=request.auth, days=days)
    averages = trend["averages"]
    return {
        "days": days, "start": trend["start"], "end": trend["end"], "average_mood": averages["mood"],
        "average_stress": averages["stress"], "average_sleep_hours": averages["sleep_hours"],
        "days_checked_in": averages["days"], "current_streak": trend["current_streak"],
        "longest_streak": trend["longest_streak"],
        "points": [
            {"day": p.day, "mood": p.mood, "checkins": p.checkins, "stress": p.stress, "sleep_hours": p.sleep_hours,
             "energy": p.energy}
            for p in trend["points"]
        ],
        "findings": [finding.__dict__ for finding in trend["findings"]],
    }


@router.get("/sign-settings", response={200: SignSettingsIO, **ERRORS})
def get_sign_settings(request):
    row = services.sign_settings_for(user=request.auth)
    return {
        "nudges_on": row.nudges_on, "streak_rule_on": row.streak_rule_on, "tell_supporters": row.tell_supporters,
        "supporter_ids": list(row.supporters.values_list("pk", flat=True)),
    }


@router.put("/sign-settings", response={200: SignSettingsIO, **ERRORS})
def put_sign_settings(request, payload: SignSettingsIO):
    services.update_sign_settings(user=request.auth, **payload.dict())
    return get_sign_settings(request)


@router.get("/reminder", response={200: ReminderIO, **ERRORS})
def get_reminder(request):
    reminder = services.reminder_for(user=request.auth)
    return {"enabled": reminder.enabled, "local_time": _hh_mm(reminder.local_time)}


def _hh_mm(value) -> str:
    return value.strftime("%H:%M") if isinstance(value, time) else str(value)[:5]


@router.put("/reminder", response={200: ReminderIO, **ERRORS})
def put_reminder(request, payload: ReminderIO):
    reminder = services.update_reminder(
        user=request.auth, enabled=payload.enabled, local_time=time.fromisoformat(payload.local_time)
    )
    return {"enabled": reminder.enabled, "local_time": _hh_mm(reminder.local_time)}


@router.get("/circle/{id:circle_id}", response={200: list[MemberCheckInOut], **ERRORS})
def circle_checkins(request, circle_id: int, page: int = Query(1, ge=1, le=10_000)):
    """The other members' check-ins from the last two weeks, as each one's sharing allows, 50 a page."""
    membership = circle_selectors.membership_in(user=request.auth, circle_id=circle_id)
    circle = membership.circle
    feed = selectors.circle_feed(
        viewer=request.auth, circle=circle,
        page_number=page, page_size=50,
    )
    return [
        {**_out(item["checkin"], with_note=item["with_notes"]), "owner_id": item["owner"].pk,
         "owner": item["owner"].display_name}
        for item in feed["page"].object_list
    ]


@router.post("/{id:checkin_id}/reactions", response={201: ReactionSavedOut, **ERRORS})
def react(request, checkin_id: int, payload: ReactionIn):
    sent = services.respond_to_checkin(
        author=request.auth, checkin_id=checkin_id, reaction=payload.reaction, message=payload.message
    )
    response = sent.value
    return Status(201, {
        "id": response.pk, "reaction": response.reaction, "message": response.message,
        "safety": SafetyOut.of(sent.safety),
    })


@router.get("/{id:checkin_id}", response={200: CheckInOut, **ERRORS})
def get_checkin(request, checkin_id: int):
    return _out(selectors.own_checkin(owner=request.auth, checkin_id=checkin_id))


@router.patch("/{id:checkin_id}", response={200: CheckInSavedOut, **ERRORS})
def update_checkin(request, checkin_id: int, payload: CheckInPatch):
    fields = payload.dict(exclude_unset=True)
    for required in ("mood", "day", "feelings", "tags", "note", "wants_support"):
        if required in fields and fields[required] is None:
            fields.pop(required)
    saved = services.update_checkin(owner=request.auth, checkin_id=checkin_id, **fields)
    return {**_out(saved.value), "safety": SafetyOut.of(saved.safety)}


@router.delete("/{id:checkin_id}", response={204: None, **ERRORS})
def delete_checkin(request, checkin_id: int):
    services.delete_checkin(owner=request.auth, checkin_id=checkin_id)
    return Status(204, None)


# --- Import and export (kinwell/checkins/import_services.py, exporting.py) ---------------


class ExportCheckInOut(Schema):
    day: date
    recorded_at: str = Field(..., description="When it was recorded: ISO 8601 in UTC, to the microsecond")
    mood: int
    feelings: list[str]
    stress: int | None
    sleep_hours: float | None
    energy: int | None
    tags: list[str]
    note: str
    wants_support: bool


class ExportOut(Schema):
    format: str = Field(..., description='Always "kinwell-checkins"')
    version: int
    checkins: list[ExportCheckInOut]


class SkippedOut(Schema):
    line: int = Field(..., description="The file's line (CSV) or the check-in's number (JSON)")
    reason: str


class ImportOut(Schema):
    format: str
    imported: int
    already_there: int
    skipped: list[SkippedOut]
    safety: SafetyOut = Field(..., description="About the most worrying note from the last 14 days")
    older_note_of_concern: bool = Field(
        ..., description="An older imported note suggests a hard time: offer help (help_url) without alarm"
    )


@router.get(
    "/export", response={200: ExportOut, **ERRORS},
    openapi_extra={"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}},
)
def export_checkins(request, format: Literal["json", "csv"] = "json"):
    """All my check-ins, in the format `POST /checkins/import` reads back: JSON, or CSV with `format=csv`."""
    if format == "csv":
        response = HttpResponse(exporting.export_csv(owner=request.auth), content_type=exporting.EXPORT_FORMATS["csv"])
        response["Content-Disposition"] = 'attachment; filename="kinwell-checkins.csv"'
        return response
    return exporting.export_document(owner=request.auth)


@router.post("/import", response={200: ImportOut, **ERRORS})
def import_file(request, format: Form[Literal["daylio", "csv", "json"]], file: File[UploadedFile]):
    """Import a Daylio CSV export, or our own CSV or JSON: all or nothing, and a file
    imported twice adds nothing. A bad file is a 400 naming the line and field."""
    import_services.refuse_if_too_big(size=file.size, format=format)
    imported = import_services.import_checkins(owner=request.auth, format=format, data=file.read())
    summary = imported.value
    return {
        "format": summary.format, "imported": summary.imported, "already_there": summary.already_there,
        "skipped": [{"line": item.line, "reason": item.reason} for item in summary.skipped],
        "safety": SafetyOut.of(imported.safety),
        "older_note_of_concern": summary.older_note_of_concern,
    }
