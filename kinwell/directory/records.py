"""The shape every importer produces, whatever the file: plain dicts in HSDS 3.0 field names.

One `Bundle` is one organization with its locations and services; the writer
(`services.import_directory`) compares its digest with the stored one to tell created,
updated and unchanged apart. No Django here.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

# Fixed namespace, so the same source key always gives the same UUID (stable ids: re-imports update in place).
KINWELL_NAMESPACE = uuid.UUID("6f0e8a52-8d3c-4f5e-9a43-1c2b7d9e0a11")


class ImportFormatError(ValueError):
    """The file cannot be imported. The message names the row and field when there is one."""

    def __init__(self, message: str, *, row: int | str | None = None, field: str | None = None):
        where = []
        if row is not None:
            where.append(f"row {row}" if str(row)[:1].isdigit() else str(row))
        if field:
            where.append(f"field “{field}”")
        self.row, self.field = row, field
        super().__init__((", ".join(where).capitalize() + ": " if where else "") + message)


def stable_id(*parts) -> str:
    return str(uuid.uuid5(KINWELL_NAMESPACE, "|".join(str(p).strip().lower() for p in parts)))


def id_from_source(source: str, value) -> str:
    """An HSDS id kept as it is when it is a UUID (so HSDS round-trips), else derived from it."""
    text = str(value or "").strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return stable_id(source, text)


@dataclass
class Bundle:
    row: int | str  # where it starts in the file, for messages
    organization: dict
    locations: list[dict] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)

    def digest(self) -> str:
        body = json.dumps([self.organization, self.locations, self.services], sort_keys=True, default=str)
        return hashlib.sha256(body.encode()).hexdigest()


@dataclass
class ParsedDirectory:
    source: str
    terms: list[dict] = field(default_factory=list)  # taxonomy terms, parents first
    bundles: list[Bundle] = field(default_factory=list)
    skipped: list["Skip"] = field(default_factory=list)
    strict: bool = False  # refuse the whole file at the first broken record

    def skip(self, *, row, what: str, reason: str, field: str | None = None, message: str = "") -> None:
        """A broken record: left out and listed (or, strict, the whole file refused with `message`)."""
        if self.strict:
            raise ImportFormatError(message or f"this {what} {reason}", row=row, field=field)
        self.skipped.append(Skip(row, what, reason, field))


class Skip(NamedTuple):
    """One record left out. `what` is a noun and `reason` reads after it in the singular and
    the plural alike ("service" + "whose organization is not in the file"), so the report
    can group them: "12 services whose organization is not in the file: rows 66, 67, …"."""

    row: int | str | None
    what: str
    reason: str
    field: str | None = None


PLURALS = {"taxonomy": "taxonomies", "address": "addresses"}


def skip_report(skipped: list[Skip], *, rows_shown: int = 12) -> list[str]:
    """One line per kind of problem, most frequent first, naming the rows."""
    groups: dict[tuple, list] = {}
    for item in skipped:
        groups.setdefault((item.what, item.reason, item.field), []).append(item.row)
    lines = []
    for (what, reason, field_name), rows in sorted(groups.items(), key=lambda group: -len(group[1])):
        noun = what if len(rows) == 1 else PLURALS.get(what, what + "s")
        shown = ", ".join(str(row) for row in rows[:rows_shown] if row is not None)
        more = ", …" if len(rows) > rows_shown else ""
        where = f" (field “{field_name}”)" if field_name else ""
        label = "row" if len(rows) == 1 else "rows"
        lines.append(f"{len(rows)} {noun} {reason}{where}: {label} {shown}{more}" if shown else
                     f"{len(rows)} {noun} {reason}{where}")
    return lines


def clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
