"""The shape every importer produces, whatever the file: plain dicts in HSDS 3.0 field names.

One `Bundle` is one organization with its locations and services; the writer
(`services.import_directory`) compares its digest with the stored one to tell created,
updated and unchanged apart. No Django here.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass, field

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
    skipped: list[tuple[int | str, str]] = field(default_factory=list)  # (row, reason)


def clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
