"""Every write about check-ins, responses, signs and reminders.

The note, typed tags and messages are screened here (`@screens`): each returns
`Screened(value, safety)`, so help appears and nothing is blocked.
"""

import json
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.checkins import selectors, signs as signs_module
from kinwell.checkins.models import (
    NOTE_MAX_LENGTH, RESPONSE_MAX_LENGTH, CheckIn, CheckInResponse, Reaction, ReminderSettings, SignNudge, SignSettings,
)
from kinwell.checkins.vocabulary import ENERGY, FEELINGS, MAX_TAGS, METER, MOODS, normalise_tag
from kinwell.circles.selectors import people_in_circles_with
from kinwell.core import idempotency
from kinwell.core.errors import NotFound, ServiceError
from kinwell.core.localtime import today_for
from kinwell.core.text import one_line
from kinwell.safety.screened import Screened, screens

BACKFILL_LIMIT_DAYS = 366
# Enough history for a 28-day baseline, the recent week and a long streak before it.
SIGN_HISTORY_DAYS = 120
_UNSET = object()


def _clean_fields(*, owner, fields: dict) -> dict:
    """Check every value in the person's terms; raise before anything is written."""
    cleaned = {}
    if "mood" in fields:
        if fields["mood"] not in MOODS:
            raise ServiceError(_("Choose how you feel on the scale from 1 (very low) to 5 (great)."))
        cleaned["mood"] = fields["mood"]
    if "feelings" in fields:
        feelings = list(dict.fromkeys(fields["feelings"] or []))
        unknown = [code for code in feelings if code not in FEELINGS]
        if unknown:
            raise ServiceError(_("These feelings are not on the list: %(names)s") % {"names": ", ".join(unknown)})
        cleaned["feelings"] = feelings
    if "stress" in fields:
        stress = fields["stress"]
        if stress is not None and not (isinstance(stress, int) and 0 <= stress <= 10):
            raise ServiceError(_("Stress goes from 0 (none) to 10 (the most)."))
        cleaned["stress"] = stress
    if "sleep_hours" in fields:
        cleaned["sleep_hours"] = _clean_sleep(fields["sleep_hours"])
    if "energy" in fields:
        if fields["energy"] is not None and fields["energy"] not in ENERGY:
            raise ServiceError(_("Energy goes from 1 (drained) to 5 (full of energy)."))
        cleaned["energy"] = fields["energy"]
    if "tags" in fields:
        # A tag is shown to the circle as written: one line of visible text (and a NUL
        # could not even be stored in PostgreSQL's JSON).
        tags = [one_line(tag) for tag in dict.fromkeys(normalise_tag(str(tag)) for tag in fields["tags"] or []) if tag]
        if len(tags) > MAX_TAGS:
            raise ServiceError(_("Choose up to %(count)d tags.") % {"count": MAX_TAGS})
        cleaned["tags"] = tags
    if "note" in fields:
        note = (fields["note"] or "").strip()
        if len(note) > NOTE_MAX_LENGTH:
            raise ServiceError(_("The note can be up to %(count)d characters.") % {"count": NOTE_MAX_LENGTH})
        cleaned["note"] = note
    if "wants_support" in fields:
        cleaned["wants_support"] = bool(fields["wants_support"])
    if "day" in fields:
        cleaned["day"] = _clean_day(owner=owner, day=fields["day"])
    return cleaned


def _clean_sleep(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        hours = Decimal(str(value)).quantize(Decimal("0.1"))
    except InvalidOperation:
        raise ServiceError(_("Hours slept should be a number, like 7 or 6.5.")) from None
    if not Decimal(0) <= hours <= Decimal(24):
        raise ServiceError(_("Hours slept should be between 0 and 24."))
    return hours


def _clean_day(*, owner, day: date) -> date:
    today = today_for(owner)
    if day > today:
        raise ServiceError(_("A check-in can't be for a day that hasn't come yet."))
    if day < today - timedelta(days=BACKFILL_LIMIT_DAYS):
        raise ServiceError(_("You can fill in days up to a year back."))
    return day


@screens("note", "tags", author="owner")
@transaction.atomic
def record_checkin(
    *, owner, mood: int, day: date | None = None, feelings=(), stress: int | None = None, sleep_hours=None,
    energy: int | None = None, tags=(), note: str = "", wants_support: bool = False,
    source: str = "kinwell", import_key: str = "", recorded_at: datetime | None = None,
) -> CheckIn:
    fields = _clean_fields(owner=owner, fields={
        "mood": mood, "day": day or today_for(owner), "feelings": feelings, "stress": stress,
        "sleep_hours": sleep_hours, "energy": energy, "tags": tags, "note": note, "wants_support": wants_support,
    })
    checkin = CheckIn.objects.create(
        owner=owner, source=source, import_key=import_key, recorded_at=recorded_at or timezone.now(), **fields
    )
    queue_sign_search(owner=owner)
    return checkin


@transaction.atomic
def record_checkin_once(*, owner, idempotency_key: str, request_path: str, fingerprint: str,
                        **fields) -> Screened[CheckIn] | None:
    """`record_checkin` for a form that may arrive more than once with the same key: a
    check-in kept on a phone while offline and sent when the connection returns, or sent
    again after an answer was lost. The key is claimed in the same transaction as the
    write, so the first arrival saves and screens the check-in and any later one returns
    None (nothing saved, nobody told twice). The same key with other answers is refused."""
    if not re.match(idempotency.KEY_PATTERN, idempotency_key):
        raise ServiceError(_("This check-in came with a key we cannot read. Please check in again."))
    claim, first = idempotency.claim_key(user=owner, key=idempotency_key, method="POST", path=request_path,
                                         fingerprint=fingerprint, now=timezone.now())
    if first is not None:
        return None
    saved = record_checkin(owner=owner, **fields)
    claim.status = 201
    claim.content_type = "application/json"
    claim.body = json.dumps({"checkin": saved.value.pk})
    claim.save(update_fields=["status", "content_type", "body"])
    return saved


def quick_checkin(*, owner, meter: str):
    """A check-in from one word on the mood meter (the home page's one tap): the word's
    mood and energy, and the word itself as its feeling. No free text to screen, so the
    assessment record_checkin returns is always calm."""
    choice = METER.get(meter)
    if choice is None:
        raise ServiceError(_("Choose one of the words on the mood meter."))
    return record_checkin(owner=owner, mood=choice.mood, energy=choice.energy, feelings=[choice.code])


@screens("note", "tags", author="owner")
@transaction.atomic
def update_checkin(*, owner, checkin_id: int, **fields) -> CheckIn:
    known = {"mood", "day", "feelings", "stress", "sleep_hours", "energy", "tags", "note", "wants_support"}
    if set(fields) - known:
        raise ServiceError(_("Unknown part of a check-in: %(names)s") % {"names": ", ".join(sorted(set(fields) - known))})
    checkin = selectors.own_checkin(owner=owner, checkin_id=checkin_id)
    for name, value in _clean_fields(owner=owner, fields=fields).items():
        setattr(checkin, name, value)
    checkin.save()
    queue_sign_search(owner=owner)
    return checkin


@transaction.atomic
def delete_checkin(*, owner, checkin_id: int) -> None:
    selectors.own_checkin(owner=owner, checkin_id=checkin_id).delete()


# --- Responses ---------------------------------------------------------------------


@screens("message", author="author")
@transaction.atomic
def respond_to_checkin(
    *, author, checkin_id: int, reaction: str, message: str = "", circle=None
) -> CheckInResponse:
    checkin = selectors.checkin_visible_to(viewer=author, checkin_id=checkin_id, circle=circle)
    if checkin.owner_id == author.pk:
        raise ServiceError(_("Reactions are for other people's check-ins."))
    if reaction not in Reaction.values:
        raise ServiceError(_("Choose one of the reactions, or write a short message."))
    message = (message or "").strip()
    if reaction == Reaction.MESSAGE and not message:
        raise ServiceError(_("Write a few words, or choose one of the reactions."))
    if len(message) > RESPONSE_MAX_LENGTH:
        raise ServiceError(_("A message can be up to %(count)d characters.") % {"count": RESPONSE_MAX_LENGTH})
    return CheckInResponse.objects.create(checkin=checkin, author=author, reaction=reaction, message=message)


def mark_responses_seen(*, owner) -> int:
    return CheckInResponse.objects.filter(checkin__owner=owner, seen_at__isnull=True).update(seen_at=timezone.now())


# --- Signs ---------------------------------------------------------------------------


def sign_settings_for(*, user) -> SignSettings:
    settings_row, _created = SignSettings.objects.get_or_create(user=user)
    return settings_row


@transaction.atomic
def update_sign_settings(
    *, user, nudges_on: bool, streak_rule_on: bool, tell_supporters: bool, supporter_ids=()
) -> SignSettings:
    from kinwell.safety.models import Declined
    from kinwell.safety.services import tell_them_they_were_chosen

    settings_row = sign_settings_for(user=user)
    supporters = list(selectors.supporters_to_choose_from(user=user).filter(pk__in=list(supporter_ids)))
    if len(supporters) != len(set(supporter_ids)):
        raise ServiceError(_("Choose supporters from the people in your circles who have not said no."))
    if tell_supporters and not supporters:
        raise ServiceError(_("Pick at least one person to ask, or leave “ask them to check on me” off."))
    asked_before = set(settings_row.supporters.values_list("pk", flat=True)) if settings_row.tell_supporters else set()
    settings_row.nudges_on = nudges_on
    settings_row.streak_rule_on = streak_rule_on
    settings_row.tell_supporters = tell_supporters
    settings_row.save()
    settings_row.supporters.set(supporters)
    if tell_supporters:
        # Each person newly asked hears it from us once, with a way to say no.
        newly_asked = sorted({person.pk for person in supporters} - asked_before)
        tell_them_they_were_chosen(owner=user, person_ids=newly_asked, role=Declined.Role.SIGNS_SUPPORTER)
    return settings_row


def _day_records(*, owner, since: date) -> list:
    rows = CheckIn.objects.filter(owner=owner, day__gte=since).values_list("day", "mood", "wants_support")
    return [signs_module.DayRecord(day=day, mood=mood, wants_support=wants) for day, mood, wants in rows]


def queue_sign_search(*, owner) -> None:
    """Looking for signs reads four months of check-ins: it runs in the worker, not in
    the person's request. Queued inside the caller's transaction, so the check-in and
    its look for signs are saved together or not at all; the next page that shows
    nudges catches up if the worker has not got to it yet (`catch_up_on_signs`)."""
    from kinwell.checkins.tasks import find_signs

    find_signs.enqueue(owner_id=owner.pk)


def catch_up_on_signs(*, owner) -> None:
    """Before a page shows nudges: if a look for signs is still waiting in the queue,
    do it now, so a nudge appears on the next page as it did when it ran in the request.
    Running twice is harmless: a nudge is made once per pattern."""
    from kinwell.checkins.selectors import sign_search_waiting

    if sign_search_waiting(owner=owner):
        look_for_signs(owner=owner)


def look_for_signs(*, owner, today: date | None = None) -> list[SignNudge]:
    """Compare the person's recent check-ins with their own baseline; record a nudge
    for each new pattern, and ask their chosen supporters to check on them if they
    arranged that. Returns the nudges created now."""
    settings_row = sign_settings_for(user=owner)
    today = today or today_for(owner)
    settings_row.last_checked_on = today
    settings_row.save(update_fields=["last_checked_on"])
    if not settings_row.nudges_on:
        return []
    rules = signs_module.load_rules()
    records = _day_records(owner=owner, since=today - timedelta(days=SIGN_HISTORY_DAYS))
    created = []
    for sign in signs_module.detect_signs(records, today=today, rules=rules, streak_rule_on=settings_row.streak_rule_on):
        nudge, is_new = SignNudge.objects.get_or_create(
            owner=owner, rule=sign.rule, since=sign.since, defaults={"details": _jsonable(sign.explanation)}
        )
        if is_new:
            created.append(nudge)
    if created and settings_row.tell_supporters:
        _ask_supporters(owner=owner, settings_row=settings_row, nudges=created)
    return created


def _jsonable(explanation: dict) -> dict:
    return {key: (value.isoformat() if isinstance(value, date) else value) for key, value in explanation.items()}


def _ask_supporters(*, owner, settings_row: SignSettings, nudges: list[SignNudge]) -> None:
    from kinwell.checkins.tasks import send_supporter_check_on_me
    from kinwell.safety.selectors import automatic_messages_paused

    if automatic_messages_paused(owner=owner):
        return  # they wrote of danger from someone: a supporter picked earlier may be that person
    still_close = people_in_circles_with(user=owner).filter(pk__in=settings_row.supporters.values("pk"))
    supporter_ids = list(still_close.values_list("pk", flat=True))
    if not supporter_ids:
        return
    SignNudge.objects.filter(pk__in=[nudge.pk for nudge in nudges]).update(supporters_told_at=timezone.now())
    transaction.on_commit(
        lambda: send_supporter_check_on_me.enqueue(owner_id=owner.pk, supporter_ids=supporter_ids)
    )


def dismiss_nudge(*, owner, nudge_id: int) -> int:
    """Dismiss a note and every older one still open: they are shown together, as one."""
    nudge = SignNudge.objects.filter(owner=owner, pk=nudge_id).first()
    if nudge is None:
        raise NotFound(_("That note was not found."))
    return SignNudge.objects.filter(
        owner=owner, dismissed_at__isnull=True, created_at__lte=nudge.created_at
    ).update(dismissed_at=timezone.now())


# --- Reminders ---------------------------------------------------------------------


def reminder_for(*, user) -> ReminderSettings:
    reminder, _created = ReminderSettings.objects.get_or_create(user=user)
    return reminder


def update_reminder(*, user, enabled: bool, local_time: time) -> ReminderSettings:
    reminder = reminder_for(user=user)
    reminder.enabled = enabled
    reminder.local_time = local_time
    reminder.snoozed_until = None
    reminder.save()
    return reminder


def snooze_reminder(*, user, days: int = 1) -> ReminderSettings:
    reminder = reminder_for(user=user)
    reminder.snoozed_until = today_for(user) + timedelta(days=days)
    reminder.save(update_fields=["snoozed_until"])
    return reminder


def stop_reminder(*, user) -> ReminderSettings:
    reminder = reminder_for(user=user)
    reminder.enabled = False
    reminder.save(update_fields=["enabled"])
    return reminder
