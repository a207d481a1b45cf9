"""A person's check-ins as our CSV or JSON: what `importing.py` reads back.

CSV: one check-in a line, columns `importing.KINWELL_COLUMNS`, lists (feelings, tags)
joined with "|", wants_support as yes/no; a cell a spreadsheet would take for a
formula starts with a quote (`core.csv_safety`), which the importer removes. JSON: {"format": "kinwell-checkins",
"version": 1, "checkins": [...]} with the same fields as numbers, lists and booleans.
Times are UTC; days are the person's own calendar days.
"""

import io
import json
from datetime import UTC

from kinwell.checkins.importing import JSON_FORMAT_NAME, KINWELL_COLUMNS, LIST_SEPARATOR
from kinwell.checkins.models import CheckIn
from kinwell.core import csv_safety

EXPORT_FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _checkins(owner):
    return CheckIn.objects.filter(owner=owner).order_by("day", "recorded_at", "id")


def checkin_record(checkin: CheckIn) -> dict:
    return {
        "day": checkin.day.isoformat(),
        "recorded_at": checkin.recorded_at.astimezone(UTC).isoformat(),
        "mood": checkin.mood,
        "feelings": list(checkin.feelings or ()),
        "stress": checkin.stress,
        "sleep_hours": float(checkin.sleep_hours) if checkin.sleep_hours is not None else None,
        "energy": checkin.energy,
        "tags": list(checkin.tags or ()),
        "note": checkin.note,
        "wants_support": checkin.wants_support,
    }


def export_document(*, owner) -> dict:
    return {"format": JSON_FORMAT_NAME, "version": 1, "checkins": [checkin_record(c) for c in _checkins(owner)]}


def export_json(*, owner) -> str:
    return json.dumps(export_document(owner=owner), ensure_ascii=False, indent=1)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def export_csv(*, owner) -> str:
    out = io.StringIO()
    writer = csv_safety.writer(out, lineterminator="\r\n")
    writer.writerow(KINWELL_COLUMNS)
    for checkin in _checkins(owner).iterator(chunk_size=500):
        record = checkin_record(checkin)
        writer.writerow([_cell(record[column]) for column in KINWELL_COLUMNS])
    return out.getvalue()


def export(*, owner, format: str) -> str:
    return {"csv": export_csv, "json": export_json}[format](owner=owner)


def filename(*, format: str, day) -> str:
    return f"kinwell-checkins-{day.isoformat()}.{format}"
