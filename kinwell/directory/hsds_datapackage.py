"""The whole directory as an HSDS 3.0 tabular datapackage (`manage.py export_directory`).

Every table of the official 3.0 datapackage, with its columns in its order (the tables we
have no data for are written with their header only), so the package validates against the
official table schemas (tests/directory/test_hsds_datapackage.py runs frictionless on it):
terms carry their `taxonomy_id` and `taxonomies.csv` lists them; a required description we
do not have is written as a plain sentence rather than left empty; a term code is written
once in the whole table (the schema makes codes unique): where two taxonomies use the same
code, the one with the most terms keeps it.
"""

import io
import json
import uuid
import zipfile
from collections import Counter

from kinwell.core import csv_safety
from kinwell.directory import hsds_export
from kinwell.directory.models import (
    Address, CostOption, Language, Location, Organization, Phone, Schedule, Service, ServiceAtLocation, ServiceTerm,
    TaxonomyTerm,
)

# The official HSDS 3.0 tables and columns, in order (openreferral/specification 3.0, datapackage.json).
TABLES = {
    "organizations": ("id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
                      "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"),
    "programs": ("id", "organization_id", "name", "alternate_name", "description"),
    "services": ("id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
                 "status", "interpretation_services", "application_process", "fees_description", "wait_time", "fees",
                 "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                 "assurer_email", "licenses", "alert", "last_modified"),
    "attributes": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "service_at_location": ("id", "service_id", "location_id", "description"),
    "locations": ("id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
                  "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"),
    "phones": ("id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
               "extension", "type", "description"),
    "contacts": ("id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title",
                 "department", "email"),
    "addresses": ("id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province",
                  "postal_code", "country", "address_type"),
    "schedules": ("id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
                  "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
                  "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"),
    "funding": ("id", "organization_id", "service_id", "source"),
    "service_areas": ("id", "service_id", "name", "description", "extent", "extent_type", "uri"),
    "required_documents": ("id", "service_id", "document", "uri"),
    "languages": ("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
    "accessibility": ("id", "location_id", "description", "details", "url"),
    "taxonomy_terms": ("id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id",
                       "term_uri"),
    "metadata": ("id", "resource_id", "resource_type", "last_action_date", "last_action_type", "field_name",
                 "previous_value", "replacement_value", "updated_by"),
    "meta_table_descriptions": ("id", "name", "language", "character_set"),
    "cost_options": ("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
                     "amount_description"),
    "organization_identifiers": ("id", "organization_id", "identifier_scheme", "identifier_type", "identifier"),
    "taxonomies": ("id", "name", "description", "uri", "version"),
}
MODELS = {"organizations": Organization, "services": Service, "locations": Location, "addresses": Address,
          "phones": Phone, "schedules": Schedule, "languages": Language, "cost_options": CostOption,
          "service_at_location": ServiceAtLocation}
SOURCE_NAMES = {"samhsa": "SAMHSA's National Directory of Mental Health Treatment Facilities",
                "locator": "FindTreatment.gov", "hsds": "an Open Referral (HSDS) file", "demo": "Kinwell's demo"}


def _plain(value):
    return "" if value is None else (str(value) if isinstance(value, uuid.UUID) else value)


def _model_rows(table):
    columns = [c for c in hsds_export.COLUMNS[table] if c != "id"]
    queryset = MODELS[table].objects.order_by("pk")
    if table == "organizations":
        columns.append("source")
    for values in queryset.values_list("pk", *columns).iterator(chunk_size=5000):
        row = dict(zip(["id", *columns], map(_plain, values)))
        if table == "organizations" and not row["description"]:
            row["description"] = f"Listed in {SOURCE_NAMES.get(row['source'], row['source'])}."
        if table == "phones" and not str(row["extension"]).isdigit():
            row["extension"] = ""  # a number in the 3.0 schema
        if table == "schedules":
            row["opens_at"], row["closes_at"] = _time(row["opens_at"]), _time(row["closes_at"])
        yield row


def _time(text) -> str:
    """"9:00", "09:00" or "09:00:00" as the schema's time (HH:MM:SS); anything else left out."""
    parts = str(text or "").strip().split(":")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts) and int(parts[0]) < 24 and int(parts[1]) < 60:
        return f"{int(parts[0]):02d}:{int(parts[1]):02d}:{int(parts[2]) if len(parts) == 3 else 0:02d}"
    return ""


def _term_rows():
    terms = list(TaxonomyTerm.objects.order_by("taxonomy", "code", "pk").values(
        "id", "code", "name", "description", "parent_id", "taxonomy"))
    sizes = Counter(term["taxonomy"] for term in terms)
    owner: dict[str, str] = {}  # code -> the taxonomy that keeps it
    for term in sorted(terms, key=lambda t: (-sizes[t["taxonomy"]], t["taxonomy"], t["code"], str(t["id"]))):
        if term["code"]:
            owner.setdefault(term["code"], term["taxonomy"])
    written = set()
    for term in terms:
        row = {key: _plain(value) for key, value in term.items()}
        if not row["code"] or owner[row["code"]] != row["taxonomy"] or row["code"] in written:
            row["code"] = ""
        written.add(row["code"])
        row["description"] = row["description"] or row["name"]
        row["taxonomy_id"] = hsds_export.taxonomy_id(row["taxonomy"]) if row["taxonomy"] else ""
        yield row


def _rows(table):
    if table in MODELS:
        yield from _model_rows(table)
    elif table == "taxonomy_terms":
        yield from _term_rows()
    elif table == "taxonomies":
        names = TaxonomyTerm.objects.exclude(taxonomy="").values_list("taxonomy", flat=True).distinct()
        for name in sorted(names):
            yield hsds_export.taxonomy_json(name)
    elif table == "attributes":
        links = ServiceTerm.objects.order_by("service_id", "taxonomy_term_id").values_list(
            "service_id", "taxonomy_term_id", "value")
        for service_id, term_id, value in links.iterator(chunk_size=5000):
            yield {"id": hsds_export.attribute_id(service_id, term_id), "link_id": str(service_id),
                   "taxonomy_term_id": str(term_id), "link_type": "taxonomy", "link_entity": "service",
                   "value": value}


def write_datapackage(target) -> dict:
    """Write the whole directory as a zip of HSDS 3.0 CSV files with a datapackage.json. Returns row counts."""
    counts = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        resources = []
        for table, columns in TABLES.items():
            # Each table streams into the archive, so the whole directory is never held as text
            # at once; cells a spreadsheet would take for formulas are quoted (`core.csv_safety`).
            with archive.open(f"{table}.csv", "w", force_zip64=True) as member, \
                    io.TextIOWrapper(member, encoding="utf-8", newline="") as text:
                writer = csv_safety.dict_writer(text, columns, extrasaction="ignore", restval="",
                                                lineterminator="\n")
                writer.writeheader()
                counts[table] = 0
                for row in _rows(table):
                    writer.writerow({column: row.get(column, "") for column in columns})
                    counts[table] += 1
            resources.append({"name": table, "path": f"{table}.csv", "format": "csv", "mediatype": "text/csv",
                              "profile": "tabular-data-resource",
                              "schema": {"fields": [{"name": c, "type": "string"} for c in columns]}})
        archive.writestr("datapackage.json", json.dumps({
            "name": "kinwell-directory", "title": "Kinwell help finder directory (Open Referral HSDS 3.0)",
            "profile": "tabular-data-package", "resources": resources}, indent=2))
    return counts
