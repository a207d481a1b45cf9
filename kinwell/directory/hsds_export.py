"""The directory as Open Referral HSDS 3.0: JSON objects for the API and a tabular datapackage.

Field names follow the 3.0 schemas in ../shared/data/hsds-3.0/schema; empty optional values
are left out rather than sent as "" or null, which several schema types do not allow.
"""

import io
import json
import uuid
import zipfile

from kinwell.core import csv_safety
from kinwell.directory.models import (
    Address, CostOption, Language, Location, Organization, Phone, Schedule, Service, ServiceAtLocation,
    ServiceTerm, TaxonomyTerm,
)
from kinwell.directory.records import KINWELL_NAMESPACE

COLUMNS = {
    "organizations": ("id", "name", "alternate_name", "description", "email", "website"),
    "services": ("id", "organization_id", "name", "alternate_name", "description", "url", "email", "status",
                 "interpretation_services", "application_process", "fees_description", "eligibility_description",
                 "minimum_age", "maximum_age"),
    "locations": ("id", "location_type", "organization_id", "name", "description", "transportation",
                  "latitude", "longitude"),
    "addresses": ("id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province",
                  "postal_code", "country", "address_type"),
    "phones": ("id", "location_id", "service_id", "organization_id", "number", "extension", "type", "description"),
    "schedules": ("id", "service_id", "location_id", "freq", "byday", "opens_at", "closes_at", "description"),
    "languages": ("id", "service_id", "location_id", "name", "code", "note"),
    "cost_options": ("id", "service_id", "option", "currency", "amount", "amount_description"),
    "taxonomy_terms": ("id", "code", "name", "description", "parent_id", "taxonomy"),
    "attributes": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "service_at_location": ("id", "service_id", "location_id", "description"),
}
MODELS = {"organizations": Organization, "services": Service, "locations": Location, "addresses": Address,
          "phones": Phone, "schedules": Schedule, "languages": Language, "cost_options": CostOption,
          "taxonomy_terms": TaxonomyTerm, "service_at_location": ServiceAtLocation}
NUMBERS = {"minimum_age", "maximum_age", "latitude", "longitude", "amount"}


def attribute_id(service_id, term_id) -> str:
    return str(uuid.uuid5(KINWELL_NAMESPACE, f"attribute|{service_id}|{term_id}"))


def _value(obj, name):
    value = getattr(obj, name)
    return str(value) if isinstance(value, uuid.UUID) else value


def _compact(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if value is None or value == "":
            continue
        if key == "extension":
            if not str(value).isdigit():
                continue
            value = int(value)
        out[key] = value
    return out


def flat(obj, table) -> dict:
    return _compact({c: _value(obj, c) for c in COLUMNS[table] if hasattr(obj, c)})


def term_json(term) -> dict:
    data = flat(term, "taxonomy_terms")
    data.setdefault("description", "")
    return data


def organization_json(org) -> dict:
    data = flat(org, "organizations")
    data.setdefault("description", "")
    data["phones"] = [flat(p, "phones") for p in org.phones.all()]
    return data


def location_json(location) -> dict:
    data = flat(location, "locations")
    data["addresses"] = [flat(a, "addresses") for a in location.addresses.all()]
    data["phones"] = [flat(p, "phones") for p in location.phones.all()]
    data["languages"] = [flat(x, "languages") for x in location.languages.all()]
    data["schedules"] = [flat(x, "schedules") for x in location.schedules.all()]
    return data


def service_json(service, *, with_locations=True) -> dict:
    data = flat(service, "services")
    data["organization"] = organization_json(service.organization)
    data["phones"] = [flat(p, "phones") for p in service.phones.all()]
    data["schedules"] = [flat(x, "schedules") for x in service.schedules.all()]
    data["languages"] = [flat(x, "languages") for x in service.languages.all()]
    data["cost_options"] = [flat(x, "cost_options") for x in service.cost_options.all()]
    data["attributes"] = [{"id": attribute_id(service.id, link.taxonomy_term_id), "link_id": str(service.id),
                           "link_entity": "service", "link_type": "taxonomy",
                           "taxonomy_term_id": str(link.taxonomy_term_id),
                           "taxonomy_term": term_json(link.taxonomy_term), **_compact({"value": link.value})}
                          for link in service.term_links.all()]
    if with_locations:
        data["service_at_locations"] = [sal_json(sal, with_service=False) for sal in service.service_at_locations.all()]
    return data


def sal_json(sal, *, with_service=True) -> dict:
    data = flat(sal, "service_at_location")
    data["location"] = location_json(sal.location)
    if with_service:
        data["service"] = service_json(sal.service, with_locations=False)
    return data


def page(contents: list, *, total: int, page_number: int, per_page: int) -> dict:
    """HSDS 3.0's page wrapper."""
    pages = max(1, -(-total // per_page))
    return {"total_items": total, "total_pages": pages, "page_number": page_number, "size": len(contents),
            "first_page": page_number == 1, "last_page": page_number >= pages, "empty": not contents,
            "contents": contents}


def _rows(table):
    if table == "attributes":
        links = ServiceTerm.objects.order_by("service_id", "taxonomy_term_id").values_list(
            "service_id", "taxonomy_term_id", "value")
        for service_id, term_id, value in links.iterator(chunk_size=5000):
            yield {"id": attribute_id(service_id, term_id), "link_id": str(service_id),
                   "taxonomy_term_id": str(term_id), "link_type": "taxonomy", "link_entity": "service", "value": value}
        return
    columns = COLUMNS[table]
    fields = [c for c in columns if c != "id"]
    for values in MODELS[table].objects.order_by("pk").values_list("pk", *fields).iterator(chunk_size=5000):
        yield {c: (str(v) if isinstance(v, uuid.UUID) else v) for c, v in zip(columns, values)}


def write_datapackage(target) -> dict:
    """Write the whole directory as a zip of HSDS 3.0 CSV files with a datapackage.json. Returns row counts.

    Each table streams into the archive, so the whole directory is never held as text at once;
    cells a spreadsheet would take for formulas are quoted (`core.csv_safety`)."""
    counts = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        resources = []
        for table, columns in COLUMNS.items():
            with archive.open(f"{table}.csv", "w", force_zip64=True) as member, \
                    io.TextIOWrapper(member, encoding="utf-8", newline="") as text:
                writer = csv_safety.dict_writer(text, columns, extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
                counts[table] = 0
                for row in _rows(table):
                    writer.writerow(row)
                    counts[table] += 1
            resources.append({"name": table, "path": f"{table}.csv", "format": "csv", "mediatype": "text/csv",
                              "profile": "tabular-data-resource",
                              "schema": {"fields": [{"name": c} for c in columns]}})
        archive.writestr("datapackage.json", json.dumps({
            "name": "kinwell-directory", "title": "Kinwell help finder directory (Open Referral HSDS 3.0)",
            "profile": "tabular-data-package", "resources": resources}, indent=2))
    return counts
