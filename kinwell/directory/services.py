"""Every write to the directory: importing a parsed file, in one transaction.

Parsing (`parse_samhsa`, `parse_hsds`) knows nothing of the database; this module turns
its bundles into rows. Idempotent: ids are stable, so a bundle whose digest is unchanged
only has its `last_verified` date moved, and a changed one is replaced in place.
"""

import functools
import hashlib
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.core.errors import ServiceError
from kinwell.directory import facets, search
from kinwell.directory.file_limits import Limits
from kinwell.directory.models import (
    Address, CostOption, ImportRun, Language, Location, Organization, Phone, Schedule, SearchEntry, Service,
    ServiceAtLocation, ServiceTerm, TaxonomyTerm,
)
from kinwell.directory.parse_hsds import read_hsds
from kinwell.directory.parse_samhsa import read_locator_json, read_samhsa_xlsx
from kinwell.directory.records import ImportFormatError, ParsedDirectory, skip_report
from kinwell.directory.selectors import HIDDEN_STATUS

READERS = {"samhsa-xlsx": read_samhsa_xlsx, "locator-json": read_locator_json, "hsds": read_hsds}
CHUNK = 1000
ORG_FIELDS = ("name", "alternate_name", "description", "email", "website")
LOCATION_FIELDS = ("name", "description", "transportation", "location_type", "latitude", "longitude",
                   "coordinates_approximate")
SERVICE_FIELDS = ("name", "alternate_name", "description", "url", "email", "status", "interpretation_services",
                  "application_process", "fees_description", "eligibility_description", "minimum_age", "maximum_age")


@dataclass
class ImportSummary:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (row, reason)

    def __str__(self):
        return _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped") % {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged, "skipped": len(self.skipped)}


def file_checksum(path) -> str:
    """sha256 of a file, or of a folder's files (names and contents, in name order)."""
    path = Path(path)
    digest = hashlib.sha256()
    for member in sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]:
        if path.is_dir():
            digest.update(str(member.relative_to(path)).encode() + b"\0")
        with open(member, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def import_file(*, file_format: str, path, progress=None, strict: bool = False, atomic: bool = True,
                file_name: str | None = None, run: ImportRun | None = None) -> ImportSummary:
    """Read and import a file; each finished import is kept as an `ImportRun` with the file's checksum.

    A file that cannot be read at all raises ServiceError and nothing is written. Otherwise
    every whole record is imported and broken ones are skipped and listed in the summary;
    `strict=True` refuses the whole file at the first broken record instead. `atomic=False`
    commits chunk by chunk (the site stays writable during a long load; running it again
    finishes an interrupted one, as ids are stable)."""
    if file_format not in READERS:
        raise ServiceError(_("Unknown format “%(format)s”: use one of %(formats)s.")
                           % {"format": file_format, "formats": ", ".join(READERS)})
    if not Path(path).exists():
        raise ServiceError(_("There is no file at %(path)s.") % {"path": path})
    reading = functools.partial(progress, phase="reading") if progress else None
    writing = functools.partial(progress, phase="writing") if progress else None
    limits = Limits(max_bytes=settings.DIRECTORY_IMPORT_MAX_BYTES)
    try:
        parsed = READERS[file_format](path, progress=reading, strict=strict, limits=limits)
        summary = import_directory(parsed=parsed, progress=writing, atomic=atomic)
    except ImportFormatError as error:
        problem = str(error)
        raise ServiceError(_("Nothing was imported. %(problem)s") % {"problem": problem[:1].upper() + problem[1:]}) from None
    run = run or ImportRun(file_name=file_name or Path(path).name, file_format=file_format, strict=strict)
    run.status, run.checksum, run.finished_at = ImportRun.Status.DONE, file_checksum(path), timezone.now()
    run.summary, run.report = str(summary), "\n".join(skip_report(summary.skipped))
    # Not the progress fields: the progress callback moved them in the database, not here.
    run.save(update_fields=["status", "checksum", "finished_at", "summary", "report"] if run.pk else None)
    return summary


UPLOAD_SUFFIXES = {"samhsa-xlsx": ".xlsx", "locator-json": ".json"}


def queue_upload(*, file_format: str, file_name: str, data: bytes, strict: bool = False) -> ImportRun:
    """An operator's upload, for the worker to import (`tasks.import_upload`); its page follows it."""
    from kinwell.directory.tasks import import_upload

    if file_format not in READERS:
        raise ServiceError(_("Unknown format “%(format)s”: use one of %(formats)s.")
                           % {"format": file_format, "formats": ", ".join(READERS)})
    with transaction.atomic():
        run = ImportRun.objects.create(file_name=file_name[:300], file_format=file_format, strict=strict,
                                       status=ImportRun.Status.QUEUED, upload=data,
                                       checksum=hashlib.sha256(data).hexdigest())
        transaction.on_commit(lambda: import_upload.enqueue(run_id=run.pk))
    return run


def run_upload(*, run_id: int) -> None:
    """Import a queued upload, moving its progress along as it goes (committed chunk by chunk, so
    the upload's page can read it). A file that cannot be read imports nothing and says why."""
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:
        return
    data = bytes(run.upload or b"")
    run.status, run.started_at, run.upload = ImportRun.Status.RUNNING, timezone.now(), None
    run.save(update_fields=["status", "started_at", "upload"])
    last = [0.0]

    def progress(done, total, phase=""):
        now = time.monotonic()
        if now - last[0] >= 0.5 or done == total:
            last[0] = now
            ImportRun.objects.filter(pk=run.pk).update(rows_done=done, rows_total=total, phase=phase)

    suffix = UPLOAD_SUFFIXES.get(run.file_format) or Path(run.file_name).suffix or ".json"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            import_file(file_format=run.file_format, path=path, progress=progress, strict=run.strict, atomic=False,
                        run=run)
        except ServiceError as error:
            run.status, run.finished_at, run.summary = ImportRun.Status.FAILED, timezone.now(), error.message
            run.save(update_fields=["status", "finished_at", "summary"])


def import_directory(*, parsed: ParsedDirectory, progress=None, atomic: bool = True) -> ImportSummary:
    """Write parsed bundles: in one transaction, or (atomic=False) the terms and then each chunk in its own."""
    if atomic:
        with transaction.atomic():
            return _import(parsed, progress, atomic)
    return _import(parsed, progress, atomic)


def _import(parsed, progress, atomic):
    now = timezone.now()
    summary = ImportSummary(source=parsed.source, skipped=list(parsed.skipped))
    with transaction.atomic():
        term_names = _upsert_terms(parsed, now)
    bundles = parsed.bundles
    for start in range(0, len(bundles), CHUNK):
        with transaction.atomic():
            _import_chunk(bundles[start:start + CHUNK], parsed.source, now, term_names, summary)
        if progress:
            progress(min(start + CHUNK, len(bundles)), len(bundles))
    return summary


def _upsert_terms(parsed, now) -> dict:
    existing = {t.id: t for t in TaxonomyTerm.objects.filter(id__in=[t["id"] for t in parsed.terms])}
    new, changed = [], []
    for term in parsed.terms:
        values = {k: term[k] for k in ("code", "name", "description", "taxonomy")} | {"parent_id": term["parent_id"]}
        current = existing.get(_uuid(term["id"]))
        if current is None:
            new.append(TaxonomyTerm(id=term["id"], source=parsed.source, last_verified=now, **values))
        else:
            for name, value in values.items():
                setattr(current, name, _uuid(value) if name == "parent_id" and value else value)
            current.last_verified = now
            changed.append(current)
    # Parents first: create without parents, then set them, so any order in the file works.
    parents = {t.id: t.parent_id for t in new}
    for term in new:
        term.parent_id = None
    TaxonomyTerm.objects.bulk_create(new, batch_size=CHUNK)
    for term in new:
        term.parent_id = parents[term.id]
    TaxonomyTerm.objects.bulk_update(new + changed, ["code", "name", "description", "taxonomy", "parent",
                                                     "last_verified"], batch_size=CHUNK)
    # Every known term (a few hundred), as services may link terms an earlier import brought.
    return {str(i): (code, name) for i, code, name in TaxonomyTerm.objects.values_list("id", "code", "name")}


def _uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _import_chunk(bundles, source, now, term_names, summary):
    hashes = dict(Organization.objects.filter(id__in=[b.organization["id"] for b in bundles])
                  .values_list("id", "import_hash"))
    hashes = {str(k): v for k, v in hashes.items()}
    fresh, stale, unchanged = [], [], []
    for bundle in bundles:
        digest = bundle.digest()
        org_id = bundle.organization["id"]
        if org_id not in hashes:
            fresh.append((bundle, digest))
        elif hashes[org_id] != digest:
            stale.append((bundle, digest))
        else:
            unchanged.append(org_id)
    if unchanged:
        Organization.objects.filter(id__in=unchanged).update(last_verified=now)
        Service.objects.filter(organization_id__in=unchanged).update(last_verified=now)
        Location.objects.filter(organization_id__in=unchanged).update(last_verified=now)
    # What a moderator hid stays hidden, whatever the file says (replacing the rows would forget it).
    hidden = {str(pk) for pk in Service.objects.filter(
        id__in=[s["id"] for b, _d in fresh + stale for s in b.services], hidden=True).values_list("pk", flat=True)}
    if stale:
        # Replaced whole, so services or locations dropped from the file disappear too.
        Organization.objects.filter(id__in=[b.organization["id"] for b, _d in stale]).delete()
    _create(fresh + stale, source, now, term_names, hidden)
    summary.created += len(fresh)
    summary.updated += len(stale)
    summary.unchanged += len(unchanged)


def _create(bundles, source, now, term_names, hidden=frozenset()):
    rows = {model: [] for model in (Organization, Location, Address, Service, ServiceAtLocation, Phone, Language,
                                    Schedule, CostOption, SearchEntry)}
    common = {"source": source, "last_verified": now}
    links = []

    def child(model, data, **owner):
        fields = {k: v for k, v in data.items() if k not in ("id", "source_key")}
        rows[model].append(model(id=data["id"], source_key=data.get("source_key", ""), **common, **owner, **fields))

    for bundle, digest in bundles:
        org = bundle.organization
        org_id = org["id"]
        rows[Organization].append(Organization(id=org_id, source_key=org.get("source_key", ""), import_hash=digest,
                                               **common, **{f: org.get(f) or "" for f in ORG_FIELDS}))
        for phone in org.get("phones", []):
            child(Phone, phone, organization_id=org_id)
        places = {}
        for location in bundle.locations:
            places[location["id"]] = location
            rows[Location].append(Location(id=location["id"], source_key=location.get("source_key", ""),
                                           organization_id=org_id, **common,
                                           **{f: location.get(f, _default(f)) for f in LOCATION_FIELDS}))
            for address in location.get("addresses", []):
                child(Address, address, location_id=location["id"])
            for kind, model in (("phones", Phone), ("languages", Language), ("schedules", Schedule)):
                for item in location.get(kind, []):
                    child(model, item, location_id=location["id"])
        for service in bundle.services:
            if service["id"] in hidden:
                service = dict(service, status=HIDDEN_STATUS, hidden=True)
            rows[Service].append(Service(id=service["id"], source_key=service.get("source_key", ""),
                                         organization_id=org_id, hidden=service.get("hidden", False), **common,
                                         **{f: service.get(f, _default(f)) for f in SERVICE_FIELDS}))
            for kind, model in (("phones", Phone), ("languages", Language), ("schedules", Schedule),
                                ("cost_options", CostOption)):
                for item in service.get(kind, []):
                    child(model, item, service_id=service["id"])
            links.extend((service["id"], t) for t in service["terms"])
            keys = facets.facet_keys(term_names[t] for t in service["terms"] if t in term_names)
            for sal in service.get("at_locations", []):
                rows[ServiceAtLocation].append(ServiceAtLocation(
                    id=sal["id"], service_id=service["id"], location_id=sal["location_id"],
                    description=sal.get("description", ""), **common))
                place = places.get(sal["location_id"])
                if place and place.get("latitude") is not None and service.get("status") != HIDDEN_STATUS:
                    words = " ".join([org["name"], service["name"], service.get("description") or "",
                                      place.get("name") or "",
                                      *(a.get("city", "") for a in place.get("addresses", []))]).lower()
                    rows[SearchEntry].append(SearchEntry(
                        service_at_location_id=sal["id"], service_id=service["id"], latitude=place["latitude"],
                        longitude=place["longitude"], lat_cell=search.lat_cell(place["latitude"]),
                        approximate=place.get("coordinates_approximate", False), facets=facets.encode(keys),
                        facet_bits=facets.mask(keys), words=words,
                        card=search.card(service_id=service["id"], organization=org, service=service, location=place)))
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=CHUNK)
    _insert_links(links)


def _insert_links(pairs):
    """Service-term links in plain executemany: SAMHSA has ~50 a facility, and model instances
    cost ten times more than the insert itself (measured: 60 s of a 70 s import)."""
    if connection.vendor == "sqlite":  # Django keeps UUIDs as 32 hex digits on SQLite, as uuid on PostgreSQL
        as_db = {value: uuid.UUID(value).hex for pair in pairs for value in pair}
    else:
        as_db = {value: value for pair in pairs for value in pair}
    columns = f"{ServiceTerm._meta.db_table} (service_id, taxonomy_term_id, value)"
    if connection.vendor == "postgresql":  # COPY: several times faster than executemany there
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {columns} FROM STDIN") as copy:
            for service_id, term_id in pairs:
                copy.write_row((service_id, term_id, ""))
        return
    sql = f"INSERT INTO {columns} VALUES (%s, %s, '')"
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), 20 * CHUNK):
            cursor.executemany(sql, [(as_db[s], as_db[t]) for s, t in pairs[start:start + 20 * CHUNK]])


def _default(name):
    return None if name in ("latitude", "longitude", "minimum_age", "maximum_age") else (
        False if name == "coordinates_approximate" else ("active" if name == "status" else
                                                         ("physical" if name == "location_type" else "")))
