"""Every write of the screening app: start or resume a questionnaire, save answers,
finish it (scored here, on the server), reminders, and removing a result.

Saving answers returns `Screened(Answered, safety)`: an answer that calls for help in
itself (PHQ-9 item 9 above 0: a concern, urgent from "more than half the days") gives
that assessment, and the safety response starts here, through the safety layer (the
person's contact told once a sitting, for urgent only). Callers only present (when
`help_starts_now`) or serialise the assessment."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from kinwell.core.errors import NotFound, ServiceError
from kinwell.safety.detector import NO_CONCERN
from kinwell.safety.screened import Screened
from kinwell.safety.services import answer_assessment, respond_to_urgent_answer
from kinwell.screening import scoring, selectors
from kinwell.screening.models import Reminder, Response

REMINDER_EVERY = timedelta(days=14)


def answers_error_message(error: scoring.AnswersError) -> str:
    """The scoring module's refusal, in the person's language."""
    if error.missing:
        numbers = ", ".join(map(str, error.missing))
        return ngettext(
            "Please answer question %(numbers)s to see your result.",
            "Please answer questions %(numbers)s to see your result.",
            len(error.missing),
        ) % {"numbers": numbers}
    if error.invalid:
        numbers = ", ".join(map(str, error.invalid))
        return _("The answer to question %(numbers)s is not one of the choices. Please choose one of them.") % {
            "numbers": numbers
        }
    return _("Some answers are not questions of %(name)s: %(keys)s") % {
        "name": error.instrument.name,
        "keys": ", ".join(error.unknown),
    }


@transaction.atomic
def start_response(*, owner, instrument: str, mode: str = Response.Mode.ONE) -> Response:
    """Start a questionnaire, or pick up the one left unfinished."""
    selectors.instrument_for(user=owner, key=instrument)
    if mode not in Response.Mode.values:
        raise ServiceError(_("Choose how you would like to see the questions."))
    unfinished = Response.objects.select_for_update().filter(owner=owner, instrument=instrument, completed_at__isnull=True)
    response = unfinished.first()
    if response is None:
        try:
            with transaction.atomic():
                return Response.objects.create(owner=owner, instrument=instrument, mode=mode)
        except IntegrityError:
            # Started at the same moment in another tab: carry on with that one.
            response = unfinished.get()
    if response.mode != mode:
        response.mode = mode
        response.save(update_fields=["mode", "updated_at"])
    return response


def _mark_safety(response: Response, *, given=None) -> str:
    """The help an answer calls for now: "urgent" the first time in a sitting (the
    arranged contact may be told, once), "concern" each time the answer of concern is
    given (help shown, nobody told; `given`: the answers just saved, None for all), or ""."""
    level = response.safety_level
    if level == "urgent" and response.safety_started_at is None:
        response.safety_started_at = timezone.now()
        return "urgent"
    item = response.definition.urgent_item
    if level == "concern" and (given is None or item in given):
        return "concern"
    return ""


@dataclass(frozen=True)
class Answered:
    response: Response
    # Help starts with this save: urgent once a sitting, concern each time that answer is
    # given. Pages show the panel only then; the assessment itself stands on every save.
    help_starts_now: bool


def _screened(response: Response, *, given=None) -> Screened[Answered]:
    """Save the response with what its answers call for: concern or urgent whenever an
    answer calls for help (PHQ-9 item 9 above 0), on every save. The safety response
    itself (the arranged contact told, urgent only) starts once a sitting."""
    starts = _mark_safety(response, given=given)
    response.save()
    if starts:
        safety = respond_to_urgent_answer(author=response.owner, level=starts)
    elif response.urgent:
        safety = answer_assessment(response.safety_level)
    else:
        safety = NO_CONCERN
    return Screened(value=Answered(response=response, help_starts_now=bool(starts)), safety=safety)


@transaction.atomic
def save_answers(*, owner, response: Response, answers: dict) -> Screened[Answered]:
    """Keep the given answers (others stay as they were), with the safety assessment."""
    if response.owner_id != owner.pk:
        raise NotFound(_("That questionnaire was not found."))
    if response.is_complete:
        raise ServiceError(_("This questionnaire is already finished. You can take it again from the start."))
    try:
        clean = scoring.validate_partial(response.definition, answers)
    except scoring.AnswersError as error:
        raise ServiceError(answers_error_message(error)) from None
    response.answers = {**response.answers, **clean}
    return _screened(response, given=clean)


def _finish(response: Response, now: datetime) -> scoring.Score:
    try:
        result = scoring.score(response.definition, response.answers)
    except scoring.AnswersError as error:
        raise ServiceError(answers_error_message(error)) from None
    response.total, response.band, response.completed_at = result.total, result.band, now
    return result


@transaction.atomic
def complete_response(*, owner, response: Response) -> Screened[Answered]:
    """Score and finish, with the safety assessment (if the safety response already
    started when the answer was saved, the person's contact is not told twice)."""
    if response.owner_id != owner.pk:
        raise NotFound(_("That questionnaire was not found."))
    if not response.is_complete:
        _finish(response, timezone.now())
    return _screened(response, given={})


@transaction.atomic
def submit_answers(*, owner, instrument: str, answers: dict) -> Screened[Answered]:
    """Take a whole questionnaire at once (the API): scored on the server, nothing saved
    if the answers are incomplete. Returns the result with the safety assessment."""
    selectors.instrument_for(user=owner, key=instrument)
    response = Response(owner=owner, instrument=instrument, mode=Response.Mode.ALL)
    try:
        response.answers = scoring.validate_partial(response.definition, answers)
    except scoring.AnswersError as error:
        raise ServiceError(answers_error_message(error)) from None
    _finish(response, timezone.now())
    return _screened(response)


@transaction.atomic
def delete_response(*, owner, response_id: int) -> None:
    selectors.own_response(owner=owner, response_id=response_id).delete()


@transaction.atomic
def set_reminder(*, owner, instrument: str | None, now: datetime | None = None) -> Reminder | None:
    """Email every two weeks to take `instrument` again; None stops the reminders."""
    if not instrument:
        Reminder.objects.filter(owner=owner).delete()
        return None
    selectors.instrument_for(user=owner, key=instrument)
    now = now or timezone.now()
    reminder, _created = Reminder.objects.update_or_create(
        owner=owner, defaults={"instrument": instrument, "next_due": now + REMINDER_EVERY}
    )
    return reminder


@transaction.atomic
def stop_reminder(*, token: str) -> bool:
    """The one-click stop link in every reminder. True if a reminder was stopped."""
    deleted, _details = Reminder.objects.filter(stop_token=token).delete()
    return bool(deleted)
