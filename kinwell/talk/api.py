"""Talking together in the API: the coach, guided conversations and conflict rounds.

Conversations and rounds are seen only by the people taking part while they are in
the circle; anyone else gets a 404. Every text sent here, saved or only reviewed by the
coach, is screened by its service and the assessment comes back as `safety` (never
blocked). `help_for_you` is true when something another person wrote here may put the
reader at risk: the client shows partner-violence help to that reader alone."""

from datetime import date, datetime
from typing import Literal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kinwell.circles.selectors import membership_in
from kinwell.core.errors import ServiceError
from kinwell.core.schemas import ERRORS, DatabaseId
from kinwell.safety.resources import resources_for
from kinwell.safety.schemas import SafetyOut
from kinwell.talk import conflict_services, selectors, services
from kinwell.talk.models import TEXT_MAX_LENGTH, Conflict, Conversation

router = Router(tags=["talk"])


class CoachIn(Schema):
    text: str = Field(..., max_length=TEXT_MAX_LENGTH)
    language: Literal["en", "es"] | None = None


class CoachFindingOut(Schema):
    pattern: str
    explanation: str
    start: int
    end: int
    excerpt: str
    suggestion: str
    rewritten: bool


class HelpActionOut(Schema):
    label: str
    href: str


class HelpOut(Schema):
    name: str
    description: str
    actions: list[HelpActionOut]


class CoachOut(Schema):
    patterns: list[str]
    findings: list[CoachFindingOut]
    suggestion: str
    afraid: bool = Field(False, description="The draft speaks of fear or control: no findings, a note and help instead.")
    threatening: bool = Field(False, description="The draft threatens or controls its reader: the coach steps aside (afraid is true too).")
    safety_note: str = ""
    help: list[HelpOut] = Field(default_factory=list, description="Partner-violence help, when afraid.")
    safety: SafetyOut


class ConversationEntryOut(Schema):
    id: int
    author_id: int
    kind: str
    text: str
    created_at: datetime


class ConversationOut(Schema):
    id: int
    circle_id: int
    phase: str
    speaker_id: int | None
    your_turn: bool
    expected: list[str]
    break_until: datetime | None
    participants: list[int]
    entries: list[ConversationEntryOut]
    help_for_you: bool


class ConversationSavedOut(ConversationOut):
    safety: SafetyOut | None


class ConversationIn(Schema):
    partner_id: DatabaseId
    topic: str = Field(..., min_length=1, max_length=services.TOPIC_MAX_LENGTH)


class ConversationActionIn(Schema):
    action: Literal["speak", "paraphrase", "confirm", "correct", "time_out", "resume", "end"]
    text: str = Field("", max_length=TEXT_MAX_LENGTH)
    minutes: int | None = Field(None, ge=1, le=24 * 60)


class ConflictOut(Schema):
    id: int
    circle_id: int
    stage: str
    check_back_on: date | None
    members: list[int]
    agreed: list[int]
    entries: list[ConversationEntryOut]
    help_for_you: bool


class ConflictSavedOut(ConflictOut):
    safety: SafetyOut | None


class ConflictIn(Schema):
    people: list[DatabaseId] = Field(..., min_length=1, max_length=20)
    issue: str = Field(..., min_length=1, max_length=services.TOPIC_MAX_LENGTH)


class ConflictActionIn(Schema):
    action: Literal["view", "reflection", "option", "finish_brainstorm", "agreement", "accept", "revisit"]
    text: str = Field("", max_length=TEXT_MAX_LENGTH)
    view: str = Field("", max_length=TEXT_MAX_LENGTH)
    feelings: str = Field("", max_length=TEXT_MAX_LENGTH)
    needs: str = Field("", max_length=TEXT_MAX_LENGTH)
    check_back_on: date | None = None
    keep: bool = True


def _safety(screened) -> SafetyOut | None:
    """The assessment of what was written; None for a step that wrote nothing."""
    return SafetyOut.of(screened.safety) if screened.value is not None else None


def _entries(queryset) -> list[dict]:
    return [
        {"id": e.pk, "author_id": e.author_id, "kind": e.kind, "text": e.text, "created_at": e.created_at}
        for e in queryset
    ]


def _conversation_out(conversation: Conversation, user) -> dict:
    conversation.refresh_from_db()
    state = conversation.state()
    seats = {p.seat: p.user_id for p in conversation.participants.all()}
    my_seat = next(seat for seat, user_id in seats.items() if user_id == user.pk)
    return {
        "id": conversation.pk,
        "circle_id": conversation.circle_id,
        "phase": state.phase,
        "speaker_id": seats.get(state.speaker),
        "your_turn": state.whose_turn() == my_seat,
        "expected": list(state.expected_event()) if state.whose_turn() == my_seat else [],
        "break_until": state.break_until,
        "participants": list(seats.values()),
        "entries": _entries(conversation.entries.all()),
        "help_for_you": selectors.help_for_reader(conversation.entries.all(), user=user),
    }


def _conflict_out(conflict: Conflict, user) -> dict:
    conflict.refresh_from_db()
    members = list(conflict.members.all())
    return {
        "id": conflict.pk,
        "circle_id": conflict.circle_id,
        "stage": conflict.stage,
        "check_back_on": conflict.check_back_on,
        "members": [m.user_id for m in members],
        "agreed": [m.user_id for m in members if m.agreed],
        "entries": _entries(conflict.entries.all()),
        "help_for_you": selectors.help_for_reader(conflict.entries.all(), user=user),
    }


@router.post("/coach", response={200: CoachOut, **ERRORS})
def coach(request, payload: CoachIn):
    """Review a draft with the message coach. Nothing is saved; the crisis check runs
    first, and `safety` says what it found, as for a saved text."""
    language = payload.language or (translation.get_language() or "en")[:2]
    reviewed = services.review_draft(author=request.auth, text=payload.text, language=language)
    result = reviewed.value.to_dict()
    if result["afraid"]:
        result["help"] = _partner_violence_help(language)
    return {**result, "safety": SafetyOut.of(reviewed.safety)}


def _partner_violence_help(language: str) -> list[dict]:
    with translation.override(language):
        return [
            {
                "name": _(r.name),
                "description": _(r.description),
                "actions": [{"label": _(a.label), "href": a.href} for a in r.actions if a.language in (None, language)],
            }
            for r in resources_for(settings.CRISIS_COUNTRY).domestic_violence()
        ]


@router.get("/circles/{id:circle_id}/conversations", response={200: list[ConversationOut], **ERRORS})
def list_conversations(request, circle_id: int):
    membership = membership_in(user=request.auth, circle_id=circle_id)
    return [_conversation_out(c, request.auth) for c in selectors.conversations_for(user=request.auth, circle=membership.circle)]


@router.post("/circles/{id:circle_id}/conversations", response={201: ConversationSavedOut, **ERRORS})
def start_conversation(request, circle_id: int, payload: ConversationIn):
    membership = membership_in(user=request.auth, circle_id=circle_id)
    partner = next((m.user for m in membership.circle.memberships.select_related("user") if m.user_id == payload.partner_id), None)
    started = services.start_conversation(starter=request.auth, circle=membership.circle, partner=partner, topic=payload.topic)
    return Status(201, {**_conversation_out(started.value, request.auth), "safety": _safety(started)})


@router.get("/circles/{id:circle_id}/conversations/{id:conversation_id}", response={200: ConversationOut, **ERRORS})
def get_conversation(request, circle_id: int, conversation_id: int):
    conversation = selectors.conversation_for(user=request.auth, circle_id=circle_id, conversation_id=conversation_id)
    return _conversation_out(conversation, request.auth)


@router.post("/circles/{id:circle_id}/conversations/{id:conversation_id}/actions", response={200: ConversationSavedOut, **ERRORS})
def act_in_conversation(request, circle_id: int, conversation_id: int, payload: ConversationActionIn):
    """Take the next step. Wrong turns answer 403 (not yours) or 409 (not now) with a reason."""
    conversation = selectors.conversation_for(user=request.auth, circle_id=circle_id, conversation_id=conversation_id)
    acted = services.act(actor=request.auth, conversation=conversation, event=payload.action, text=payload.text, minutes=payload.minutes)
    return {**_conversation_out(conversation, request.auth), "safety": _safety(acted)}


@router.get("/circles/{id:circle_id}/conflicts", response={200: list[ConflictOut], **ERRORS})
def list_conflicts(request, circle_id: int):
    membership = membership_in(user=request.auth, circle_id=circle_id)
    return [_conflict_out(c, request.auth) for c in selectors.conflicts_for(user=request.auth, circle=membership.circle)]


@router.post("/circles/{id:circle_id}/conflicts", response={201: ConflictSavedOut, **ERRORS})
def open_conflict(request, circle_id: int, payload: ConflictIn):
    membership = membership_in(user=request.auth, circle_id=circle_id)
    wanted = set(payload.people)
    people = [m.user for m in membership.circle.memberships.select_related("user") if m.user_id in wanted]
    if len(people) != len(wanted):
        raise ServiceError(_("Everyone in a conflict round must be in this circle."))
    opened = conflict_services.open_conflict(opener=request.auth, circle=membership.circle, people=people, issue=payload.issue)
    return Status(201, {**_conflict_out(opened.value, request.auth), "safety": _safety(opened)})


@router.get("/circles/{id:circle_id}/conflicts/{id:conflict_id}", response={200: ConflictOut, **ERRORS})
def get_conflict(request, circle_id: int, conflict_id: int):
    conflict = selectors.conflict_for(user=request.auth, circle_id=circle_id, conflict_id=conflict_id)
    out = _conflict_out(conflict, request.auth)
    # Others' views stay hidden until you have written yours (as on the page).
    if conflict.stage == Conflict.Stage.VIEWS and not any(
        e["kind"] == "view" and e["author_id"] == request.auth.pk for e in out["entries"]
    ):
        out["entries"] = [e for e in out["entries"] if e["author_id"] == request.auth.pk or e["kind"] == "issue"]
    return out


@router.post("/circles/{id:circle_id}/conflicts/{id:conflict_id}/actions", response={200: ConflictSavedOut, **ERRORS})
def act_in_conflict(request, circle_id: int, conflict_id: int, payload: ConflictActionIn):
    conflict = selectors.conflict_for(user=request.auth, circle_id=circle_id, conflict_id=conflict_id)
    actor, safety = request.auth, None
    if payload.action == "view":
        safety = _safety(conflict_services.write_view(
            actor=actor, conflict=conflict, view=payload.view, feelings=payload.feelings, needs=payload.needs))
    elif payload.action == "reflection":
        safety = _safety(conflict_services.write_reflection(actor=actor, conflict=conflict, text=payload.text))
    elif payload.action == "option":
        safety = _safety(conflict_services.add_option(actor=actor, conflict=conflict, text=payload.text))
    elif payload.action == "finish_brainstorm":
        conflict_services.finish_brainstorm(actor=actor, conflict=conflict)
    elif payload.action == "agreement":
        safety = _safety(conflict_services.propose_agreement(
            actor=actor, conflict=conflict, text=payload.text, check_back_on=payload.check_back_on))
    elif payload.action == "accept":
        conflict_services.accept_agreement(actor=actor, conflict=conflict)
    else:
        safety = _safety(conflict_services.revisit(actor=actor, conflict=conflict, text=payload.text, keep=payload.keep))
    return {**_conflict_out(conflict, actor), "safety": safety}


@router.post("/circles/{id:circle_id}/conflicts/{id:conflict_id}/leave", response={204: None, **ERRORS})
def leave_conflict(request, circle_id: int, conflict_id: int):
    """Leave a round at any step, privately: what you wrote leaves with you, the others
    see only fewer people (or that the round ended), and nobody is emailed."""
    conflict = selectors.conflict_for(user=request.auth, circle_id=circle_id, conflict_id=conflict_id)
    conflict_services.leave(actor=request.auth, conflict=conflict)
    return Status(204, None)
