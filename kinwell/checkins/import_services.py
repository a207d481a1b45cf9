"""Importing check-ins from a file: all or nothing, and never twice.

The parser (`importing.py`) reads and checks the whole file first; only then are the
new rows written, in one transaction. Rows already imported (same fingerprint, or
the same check-in already in the account) are counted, not added again. The signs
check runs once, after the import is committed.

Imports may bring older history than the one-year back-fill limit of the check-in
form: that is the point of importing. Days that have not come yet are skipped.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinwell.checkins import importing
from kinwell.checkins.models import NOTE_MAX_LENGTH, CheckIn
from kinwell.checkins.services import queue_sign_search
from kinwell.checkins.vocabulary import FEELINGS, MAX_TAG_LENGTH, MAX_TAGS
from kinwell.core.errors import Conflict, ServiceError
from kinwell.core.localtime import today_for, zone_of
from kinwell.core.text import HIDDEN_CHARACTERS
from kinwell.safety.detector import NO_CONCERN, Assessment, assess
from kinwell.safety.screened import Screened
from kinwell.safety.services import respond_to_assessment

# Imported notes from the last two weeks are checked like notes written today.
RECENT_DAYS = 14
FORMAT_LABELS = {
    "daylio": gettext_lazy("Daylio export (CSV)"),
    "csv": gettext_lazy("Kinwell CSV"),
    "json": gettext_lazy("Kinwell JSON"),
}
PROBLEMS = {
    "unknown_format": gettext_lazy("Choose one of the formats: Daylio, Kinwell CSV or Kinwell JSON."),
    "too_big": gettext_lazy("The file is larger than %(megabytes)s MB. Try exporting a shorter period."),
    "too_many_rows": gettext_lazy("The file has more than %(limit)s check-ins. Try exporting a shorter period."),
    "empty": gettext_lazy("The file has no check-ins in it."),
    "not_utf8": gettext_lazy("The file is not saved as UTF-8 text. Save or export it again as UTF-8."),
    "wrong_format": gettext_lazy("This looks like a %(detected)s file. Choose that format and try again."),
    "missing_columns": gettext_lazy("The file is missing these columns: %(names)s."),
    "cell_count": gettext_lazy("This row has %(found)s cells where the header has %(expected)s."),
    "not_csv": gettext_lazy("This part of the file cannot be read as CSV (%(detail)s)."),
    "not_json": gettext_lazy("This part of the file cannot be read as JSON (%(detail)s)."),
    "json_shape": gettext_lazy("The JSON should be a list of check-ins, or have them under “checkins”."),
    "json_entry": gettext_lazy("This entry is not a check-in."),
    "missing_value": gettext_lazy("This check-in has no value here, and it needs one."),
    "bad_date": gettext_lazy("“%(value)s” is not a date we can read; we expect year-month-day, like 2025-03-14."),
    "bad_time": gettext_lazy("“%(value)s” is not a time we can read; we expect something like 21:40 or 9:40 pm."),
    "bad_number": gettext_lazy("“%(value)s” should be a whole number."),
    "out_of_range": gettext_lazy("%(value)s is outside what this field allows (%(low)s to %(high)s)."),
    "unknown_feelings": gettext_lazy("These feelings are not on our list: %(names)s."),
    "too_many_tags": gettext_lazy("A check-in can have up to %(limit)s tags."),
    "hidden_characters": gettext_lazy(
        "A tag here has hidden characters in it (control or text-direction marks). "
        "Take them out of the file, or rename the tag in the app it came from, and try again."),
    "bad_text": gettext_lazy("This should be text."),
    "bad_list": gettext_lazy("This should be a list of words."),
    "bad_yes_no": gettext_lazy("“%(value)s” should be yes or no."),
}
SKIP_REASONS = {
    "unknown_mood": gettext_lazy("The mood “%(value)s” is not one of Daylio's five (rad, good, meh, bad, awful)."),
    "future_day": gettext_lazy("%(day)s has not come yet."),
    "repeated_row": gettext_lazy("The same as line %(first_line)s."),
    "note_too_long": gettext_lazy("The note is longer than %(limit)s characters."),
}
FORMAT_NAMES = {"daylio": "Daylio", "csv": "Kinwell CSV", "json": "Kinwell JSON"}


@dataclass(frozen=True)
class SkippedLine:
    line: int
    reason: str


@dataclass
class ImportSummary:
    format: str
    imported: int = 0
    already_there: int = 0
    skipped: list = field(default_factory=list)
    # The note the safety layer sees for this import: the most worrying recent one.
    note_to_check: str = ""
    # An older note the detector worried about: the summary offers help quietly, but
    # old history does not go through the safety entry point, which can alert the
    # person's crisis contact now about something written months ago.
    older_note_of_concern: bool = False


def limits() -> importing.Limits:
    return importing.Limits(
        feelings=frozenset(FEELINGS), max_tags=MAX_TAGS, max_tag_length=MAX_TAG_LENGTH, max_note_length=NOTE_MAX_LENGTH,
        hidden_characters=HIDDEN_CHARACTERS,
    )


def problem_message(problem: importing.ImportProblem, *, format: str) -> str:
    """'Nothing was imported. Line 12, field “mood”: 7 is outside …' in the person's language."""
    params = dict(problem.params)
    if "detected" in params:
        params["detected"] = FORMAT_NAMES.get(params["detected"], params["detected"])
    sentence = str(PROBLEMS.get(problem.code, PROBLEMS["json_entry"])) % params
    if problem.line is None:
        where = ""
    elif format == "json" and problem.code not in ("not_json", "wrong_format"):
        where = _("Check-in number %(line)s") % {"line": problem.line}
    else:
        where = _("Line %(line)s") % {"line": problem.line}
    if where and problem.field:
        where = _("%(where)s, field “%(field)s”") % {"where": where, "field": problem.field}
    prefix = _("Nothing was imported.")
    return f"{prefix} {where}: {sentence}" if where else f"{prefix} {sentence}"


def skip_reason(skipped: importing.Skipped) -> str:
    return str(SKIP_REASONS[skipped.reason]) % skipped.params


def refuse_if_too_big(*, size: int, format: str) -> None:
    """Before reading an upload into memory."""
    if size > importing.MAX_BYTES:
        problem = importing.ImportProblem("too_big", megabytes=importing.MAX_BYTES // (1024 * 1024))
        raise ServiceError(problem_message(problem, format=format))


def import_checkins(*, owner, format: str, data: bytes, mood_names: dict | None = None,
                    progress=None, saving=None) -> Screened[ImportSummary]:
    """Import every check-in in the file, or none (ServiceError saying where and why).
    The safety assessment is the most worrying recent note's, made once per import.
    `progress(done, total)` follows the reading; `saving(count)` is called once the file
    is read, before the one transaction that writes it all."""
    try:
        parsed = importing.parse(
            format, data, limits=limits(), today=today_for(owner), mood_names=mood_names, progress=progress
        )
    except importing.ImportProblem as problem:
        raise ServiceError(problem_message(problem, format=format)) from None
    summary = ImportSummary(
        format=format, skipped=[SkippedLine(item.line, skip_reason(item)) for item in parsed.skipped]
    )
    zone = zone_of(owner)
    if saving is not None:
        saving(len(parsed.rows))
    new = []
    try:
        with transaction.atomic():
            there = _keys_already_there(owner=owner, format=format)
            new = [row for row in parsed.rows if row.key not in there]
            summary.already_there = len(parsed.rows) - len(new)
            CheckIn.objects.bulk_create([_checkin(owner, row, format, zone) for row in new], batch_size=500)
            summary.imported = len(new)
            if new:
                queue_sign_search(owner=owner)
    except IntegrityError:
        # Another import of the same file finished first; this one wrote nothing.
        raise Conflict(_("This file is being imported already. Have a look at your check-ins in a moment.")) from None
    recent_since = today_for(owner) - timedelta(days=RECENT_DAYS)
    summary.note_to_check, safety = most_worrying_note([row.note for row in new if row.day >= recent_since])
    summary.older_note_of_concern = bool(most_worrying_note([row.note for row in new if row.day < recent_since])[0])
    return Screened(value=summary, safety=respond_to_assessment(author=owner, assessment=safety))


def _keys_already_there(*, owner, format: str) -> set:
    mine = CheckIn.objects.filter(owner=owner)
    keys = set(mine.exclude(import_key="").values_list("import_key", flat=True))
    if format in ("csv", "json"):
        # A backup of this same account: compare by content, as the parser fingerprints
        # our own rows (check-ins made here have no import key, and those imported from
        # Daylio have Daylio's).
        for checkin in mine.iterator(chunk_size=2000):
            keys.add(importing.kinwell_key(
                day=checkin.day, recorded_at=checkin.recorded_at.astimezone(UTC), mood=checkin.mood,
                feelings=list(checkin.feelings or ()), stress=checkin.stress, sleep_hours=checkin.sleep_hours,
                energy=checkin.energy, tags=list(checkin.tags or ()), note=importing.clean_text(checkin.note),
                wants_support=checkin.wants_support,
            ))
    return keys


def _checkin(owner, row: importing.Row, format: str, zone) -> CheckIn:
    recorded_at = row.recorded_at
    if recorded_at is None:
        recorded_at = datetime.combine(row.day, datetime.min.time().replace(hour=12), tzinfo=zone)
    elif recorded_at.tzinfo is None:
        recorded_at = recorded_at.replace(tzinfo=zone)
    return CheckIn(
        owner=owner, day=row.day, recorded_at=recorded_at, mood=row.mood, feelings=list(row.feelings),
        stress=row.stress, sleep_hours=row.sleep_hours, energy=row.energy, tags=list(row.tags), note=row.note,
        wants_support=row.wants_support, source=format, import_key=row.key,
    )


LEVEL_ORDER = {"none": 0, "concern": 1, "urgent": 2}


def most_worrying_note(notes: list[str]) -> tuple[str, Assessment]:
    """The one note the safety layer responds to for a whole import, with its
    assessment: the detector reads every note on its own (a long joined text would be
    cut), and only the most serious one is acted on, once."""
    worst, worst_found = "", NO_CONCERN
    for note in notes:
        if note:
            found = assess(note)
            if LEVEL_ORDER.get(found.level, 0) > LEVEL_ORDER.get(worst_found.level, 0):
                worst, worst_found = note, found
    return worst, worst_found
