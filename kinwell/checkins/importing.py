"""Reading an exported file into check-in rows: Daylio's CSV export, and our own CSV
and JSON (what `exporting.py` writes).

Plain Python, no Django: the service (`import_services.py`) turns problems into the
person's language and writes the rows. A file is either read completely or refused
with an `ImportProblem` naming the line and the field, so an import is all or
nothing. Rows that are fine but cannot become a check-in (a mood name we do not know,
a day that has not come yet) are kept in `ParsedFile.skipped` with the reason.

Every row carries a fingerprint of its normalised content (`key`), stored as the
check-in's import_key, so importing the same file twice adds nothing.
"""

import csv
import hashlib
import io
import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kinwell.core import csv_safety

FORMATS = ("daylio", "csv", "json")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
# Daylio's five default mood names; people can rename them in the app, and rows with
# a name we do not know are skipped with the reason rather than guessed.
DAYLIO_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
KINWELL_COLUMNS = (
    "day", "recorded_at", "mood", "feelings", "stress", "sleep_hours", "energy", "tags", "note", "wants_support",
)
KEYED_FIELDS = KINWELL_COLUMNS
JSON_FORMAT_NAME = "kinwell-checkins"
LIST_SEPARATOR = "|"
_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n", ""}
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


class ImportProblem(Exception):
    """Why a whole file cannot be imported. `code` names the problem (the service has
    a sentence for each); `line` is the file's line (CSV) or the entry's number (JSON)."""

    def __init__(self, code: str, *, line: int | None = None, field: str = "", **params):
        super().__init__(f"{code} (line {line}, field {field!r}): {params}")
        self.code = code
        self.line = line
        self.field = field
        self.params = params


@dataclass(frozen=True)
class Limits:
    """The check-in's rules (from vocabulary.py and models.py), passed in so this module
    stays free of Django."""

    feelings: frozenset = frozenset()
    max_tags: int = 12
    max_tag_length: int = 30
    max_note_length: int = 2000
    # Characters a tag may not contain (core.text's rule for names): a tag is shown to
    # the circle as one line of visible text.
    hidden_characters: re.Pattern | None = None


@dataclass(frozen=True)
class Row:
    line: int
    day: date
    mood: int
    # Naive datetimes are the person's local time (Daylio writes no time zone).
    recorded_at: datetime | None = None
    feelings: tuple = ()
    stress: int | None = None
    sleep_hours: Decimal | None = None
    energy: int | None = None
    tags: tuple = ()
    note: str = ""
    wants_support: bool = False
    key: str = ""


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str  # a code, like ImportProblem's
    params: dict = field(default_factory=dict)


@dataclass
class ParsedFile:
    format: str
    rows: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


PROGRESS_EVERY = 500


def parse(format: str, data: bytes, *, limits: Limits = Limits(), today: date | None = None,
          mood_names: dict | None = None, progress=None) -> ParsedFile:
    """Read a whole file. `today` (the person's) skips days that have not come yet;
    `mood_names` adds the person's own Daylio mood names to the default five.
    `progress(done, total)` is called every few hundred rows; the total is the file's
    line count for CSV (an estimate: a note may span lines) and 0 (unknown) for JSON."""
    if format not in FORMATS:
        raise ImportProblem("unknown_format", value=format)
    if len(data) > MAX_BYTES:
        raise ImportProblem("too_big", megabytes=MAX_BYTES // (1024 * 1024))
    text = _decode(data)
    if not text.strip():
        raise ImportProblem("empty")
    reader = {"daylio": _daylio_rows, "csv": _kinwell_csv_rows, "json": _kinwell_json_rows}[format]
    parsed = ParsedFile(format=format)
    seen = {}
    estimate = 0 if format == "json" else max(text.count("\n") - 1, 1)
    for count, item in enumerate(reader(text, limits=limits, mood_names=mood_names), start=1):
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count, max(estimate, count) if estimate else 0)
        if isinstance(item, Skipped):
            parsed.skipped.append(item)
        elif today is not None and item.day > today:
            parsed.skipped.append(Skipped(item.line, "future_day", {"day": item.day.isoformat()}))
        elif item.key in seen:
            parsed.skipped.append(Skipped(item.line, "repeated_row", {"first_line": seen[item.key]}))
        else:
            seen[item.key] = item.line
            parsed.rows.append(item)
        if len(parsed.rows) + len(parsed.skipped) > MAX_ROWS:
            raise ImportProblem("too_many_rows", limit=MAX_ROWS)
    if not parsed.rows and not parsed.skipped:
        raise ImportProblem("empty")
    return parsed


def fingerprint(source: str, parts) -> str:
    """sha256 of a row's normalised cells: the same row always gives the same key."""
    joined = "\x1f".join([source, *("" if part is None else str(part) for part in parts)])
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def kinwell_key(*, day, recorded_at, mood, feelings, stress, sleep_hours, energy, tags, note, wants_support) -> str:
    """The key of one of our own check-ins, whether read from our CSV, our JSON or the
    database, so a backup imported back into the same account adds nothing."""
    sleep = "" if sleep_hours is None else str(Decimal(str(sleep_hours)).quantize(Decimal("0.1")))
    # To the second: some JSON writers keep only milliseconds.
    when = "" if recorded_at is None else recorded_at.replace(microsecond=0).isoformat()
    return fingerprint("kinwell", [
        day.isoformat(), when, mood, LIST_SEPARATOR.join(feelings), stress, sleep, energy,
        LIST_SEPARATOR.join(tags), note, "yes" if wants_support else "no",
    ])


# --- Text and CSV ---------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # Excel and some apps start with a byte-order mark
    except UnicodeDecodeError as error:
        raise ImportProblem("not_utf8", line=data[: error.start].count(b"\n") + 1) from None


def clean_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _csv_records(text: str, *, expected: tuple, other_formats: dict):
    """Yield (line, {column: cell}) for each record; the header must hold `expected`."""
    if text.lstrip().startswith(("{", "[")):
        raise ImportProblem("wrong_format", line=1, detected="json")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in expected if name not in header]
        if missing:
            for detected, columns in other_formats.items():
                if all(name in header for name in columns):
                    raise ImportProblem("wrong_format", line=1, detected=detected)
            raise ImportProblem("missing_columns", line=1, names=", ".join(missing))
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) != len(header):
                    raise ImportProblem("cell_count", line=line, expected=len(header), found=len(cells))
                yield line, dict(zip(header, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportProblem("not_csv", line=line, detail=str(error)) from None


def _day(value, *, line, field_name) -> date:
    try:
        if not isinstance(value, str) or not _ISO_DAY.match(value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ImportProblem("bad_date", line=line, field=field_name, value=str(value)[:40]) from None


def _local_time(value: str, *, line, field_name) -> time | None:
    if not value.strip():
        return None
    match = _TIME.match(value)
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (99, 99)
    if match and match.group(4):
        hour = hour % 12 + (12 if match.group(4).lower().startswith("p") else 0) if 1 <= hour <= 12 else 99
    if hour > 23 or minute > 59:
        raise ImportProblem("bad_time", line=line, field=field_name, value=value[:40])
    return time(hour, minute, int(match.group(3) or 0))


def _tag(text: str, limits: Limits) -> str:
    return " ".join(text.strip().lower().split())[: limits.max_tag_length]


def _check_tags(tags, limits: Limits, *, line: int, field_name: str) -> None:
    if limits.hidden_characters is not None and any(limits.hidden_characters.search(tag) for tag in tags):
        raise ImportProblem("hidden_characters", line=line, field=field_name)


# --- Daylio ---------------------------------------------------------------------------


def daylio_activity_tags() -> dict:
    with open(Path(__file__).parent / "data" / "daylio_activities.toml", "rb") as file:
        return tomllib.load(file)["activities"]


def _daylio_rows(text: str, *, limits: Limits, mood_names: dict | None):
    moods = {**DAYLIO_MOODS, **{name.strip().lower(): value for name, value in (mood_names or {}).items()}}
    activity_tags = daylio_activity_tags()
    records = _csv_records(text, expected=DAYLIO_COLUMNS, other_formats={"csv": KINWELL_COLUMNS})
    for line, cells in records:
        day = _day(cells["full_date"], line=line, field_name="full_date")
        at = _local_time(cells["time"], line=line, field_name="time")
        mood_name = " ".join(cells["mood"].strip().lower().split())
        activities = [name.strip() for name in cells["activities"].split(LIST_SEPARATOR) if name.strip()]
        title, body = clean_text(_BREAK.sub("\n", cells["note_title"])), clean_text(_BREAK.sub("\n", cells["note"]))
        key = fingerprint("daylio", [
            day.isoformat(), at.isoformat() if at else "", mood_name,
            LIST_SEPARATOR.join(name.lower() for name in activities), title, body,
        ])
        if mood_name not in moods:
            yield Skipped(line, "unknown_mood", {"value": cells["mood"].strip()[:40]})
            continue
        tags = list(dict.fromkeys(activity_tags.get(_tag(name, limits)) or _tag(name, limits) for name in activities))
        _check_tags(tags, limits, line=line, field_name="activities")
        note = "\n\n".join(part for part in (title, body) if part)
        if len(tags) > limits.max_tags:
            # Keep every activity: those past the limit are written into the note.
            note = "\n\n".join(part for part in (note, "Also: " + ", ".join(tags[limits.max_tags:])) if part)
            tags = tags[: limits.max_tags]
        if len(note) > limits.max_note_length:
            yield Skipped(line, "note_too_long", {"limit": limits.max_note_length})
            continue
        yield Row(
            line=line, day=day, mood=moods[mood_name], recorded_at=datetime.combine(day, at) if at else None,
            tags=tuple(tags), note=note, key=key,
        )


# --- Our own CSV and JSON ---------------------------------------------------------------


def _kinwell_csv_rows(text: str, *, limits: Limits, mood_names=None):
    records = _csv_records(text, expected=KINWELL_COLUMNS, other_formats={"daylio": DAYLIO_COLUMNS})
    for line, cells in records:
        # Our exporter quotes cells a spreadsheet would run as formulas; read them back as typed.
        yield _kinwell_row({name: csv_safety.restore(cell) for name, cell in cells.items()}, line=line, limits=limits)


def _kinwell_json_rows(text: str, *, limits: Limits, mood_names=None):
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        first_line = text.lstrip().split("\n", 1)[0].lower()
        for detected, columns in (("csv", KINWELL_COLUMNS), ("daylio", DAYLIO_COLUMNS)):
            if all(name in first_line for name in columns):
                raise ImportProblem("wrong_format", line=1, detected=detected) from None
        raise ImportProblem("not_json", line=error.lineno, detail=error.msg) from None
    entries = document.get("checkins") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise ImportProblem("json_shape")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ImportProblem("json_entry", line=number)
        yield _kinwell_row(entry, line=number, limits=limits)


def _kinwell_row(values: dict, *, line: int, limits: Limits) -> Row | Skipped:
    for required in ("day", "mood"):
        if values.get(required) in (None, ""):
            raise ImportProblem("missing_value", line=line, field=required)
    day = _day(values["day"], line=line, field_name="day")
    recorded_at = None
    if values.get("recorded_at") not in (None, ""):
        try:
            recorded_at = datetime.fromisoformat(str(values["recorded_at"]).strip())
        except ValueError:
            value = str(values["recorded_at"])[:40]
            raise ImportProblem("bad_date", line=line, field="recorded_at", value=value) from None
    feelings = tuple(dict.fromkeys(_list(values.get("feelings"), line=line, field_name="feelings")))
    unknown = [code for code in feelings if code not in limits.feelings]
    if unknown:
        raise ImportProblem("unknown_feelings", line=line, field="feelings", names=", ".join(unknown)[:200])
    tags = _list(values.get("tags"), line=line, field_name="tags")
    tags = tuple(dict.fromkeys(filter(None, (_tag(tag, limits) for tag in tags))))
    _check_tags(tags, limits, line=line, field_name="tags")
    if len(tags) > limits.max_tags:
        raise ImportProblem("too_many_tags", line=line, field="tags", limit=limits.max_tags)
    note = clean_text(_text(values.get("note"), line=line, field_name="note"))
    row = Row(
        line=line, day=day, recorded_at=recorded_at, mood=_number(values["mood"], 1, 5, line=line, field_name="mood"),
        feelings=feelings, stress=_number(values.get("stress"), 0, 10, line=line, field_name="stress"),
        sleep_hours=_hours(values.get("sleep_hours"), line=line),
        energy=_number(values.get("energy"), 1, 5, line=line, field_name="energy"),
        tags=tags, note=note, wants_support=_yes_no(values.get("wants_support"), line=line),
    )
    if len(note) > limits.max_note_length:
        return Skipped(line, "note_too_long", {"limit": limits.max_note_length})
    content = {name: getattr(row, name) for name in KEYED_FIELDS}
    return replace(row, key=kinwell_key(**content))


def _text(value, *, line, field_name) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportProblem("bad_text", line=line, field=field_name)
    return value


def _list(value, *, line, field_name) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    raise ImportProblem("bad_list", line=line, field=field_name)


def _number(value, low: int, high: int, *, line, field_name) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ImportProblem("bad_number", line=line, field=field_name, value=str(value)[:40])
    try:
        number = int(value.strip()) if isinstance(value, str) else value
    except ValueError:
        raise ImportProblem("bad_number", line=line, field=field_name, value=value[:40]) from None
    if not low <= number <= high:
        raise ImportProblem("out_of_range", line=line, field=field_name, value=number, low=low, high=high)
    return number


def _hours(value, *, line) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ImportProblem("bad_number", line=line, field="sleep_hours", value=str(value)[:40])
    try:
        hours = Decimal(str(value).strip()).quantize(Decimal("0.1"))
    except InvalidOperation:
        raise ImportProblem("bad_number", line=line, field="sleep_hours", value=str(value)[:40]) from None
    if not hours.is_finite() or not Decimal(0) <= hours <= Decimal(24):
        raise ImportProblem("out_of_range", line=line, field="sleep_hours", value=str(value)[:40], low=0, high=24)
    return hours


def _yes_no(value, *, line) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise ImportProblem("bad_yes_no", line=line, field="wants_support", value=str(value)[:40])
