"""The directory as Open Referral HSDS 3.0 JSON objects, for the API (the datapackage: hsds_datapackage.py).

Field names follow the 3.0 schemas in ../shared/data/hsds-3.0/schema; empty optional values
are left out rather than sent as "" or null, which several schema types do not allow.
"""

import uuid

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


# What each taxonomy our importers bring is, for /taxonomies and taxonomies.csv.
TAXONOMY_DESCRIPTIONS = {
    "SAMHSA N-MHSS 2022": "Service codes of SAMHSA's 2022 National Directory of Mental Health Treatment Facilities "
                          "(National Mental Health Services Survey), in 21 categories.",
    "FindTreatment.gov": "Service categories and services as the FindTreatment.gov locator lists them.",
    "Kinwell demo": "Fictional terms for trying Kinwell.",
}


def taxonomy_id(name: str) -> str:
    return str(uuid.uuid5(KINWELL_NAMESPACE, f"taxonomy|{name.strip().lower()}"))


def taxonomy_json(name: str) -> dict:
    return {"id": taxonomy_id(name), "name": name,
            "description": TAXONOMY_DESCRIPTIONS.get(name, f"Terms imported under the name “{name}”.")}


def term_json(term) -> dict:
    data = flat(term, "taxonomy_terms")
    data.setdefault("description", "")
    if term.taxonomy:
        data["taxonomy_id"] = taxonomy_id(term.taxonomy)
    return data


def organization_json(org, *, nested=False, full_services=False) -> dict:
    """The list shape (one-to-one fields and phones); `nested` adds services and locations."""
    data = flat(org, "organizations")
    data.setdefault("description", "")
    data["phones"] = [flat(p, "phones") for p in org.phones.all()]
    if nested:
        data["services"] = [service_json(s, with_organization=False) if full_services else service_list_json(s, False)
                            for s in org.services.all()]
        data["locations"] = [location_json(location) for location in org.locations.all()]
    return data


def service_list_json(service, with_organization=True) -> dict:
    """HSDS's list shape: the service's one-to-one fields, and its organization's."""
    data = flat(service, "services")
    if with_organization:
        data["organization"] = organization_flat(service.organization)
    return data


def service_minimal_json(service) -> dict:
    return {"id": str(service.id), "name": service.name, "status": service.status,
            "modified_date": service.last_verified.isoformat()}


def organization_flat(org) -> dict:
    data = flat(org, "organizations")
    data.setdefault("description", "")
    return data


def sal_list_json(sal) -> dict:
    """The list shape: the link's own fields, its service's and its location's (one query a page)."""
    data = flat(sal, "service_at_location")
    data["service"] = service_list_json(sal.service)
    data["location"] = flat(sal.location, "locations")
    return data


def location_json(location) -> dict:
    data = flat(location, "locations")
    data["addresses"] = [flat(a, "addresses") for a in location.addresses.all()]
    data["phones"] = [flat(p, "phones") for p in location.phones.all()]
    data["languages"] = [flat(x, "languages") for x in location.languages.all()]
    data["schedules"] = [flat(x, "schedules") for x in location.schedules.all()]
    return data


def service_json(service, *, with_locations=True, with_organization=True) -> dict:
    data = flat(service, "services")
    if with_organization:
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
    if with_service:
        # The official 3.0 OpenAPI answers /service_at_locations/{id} with the service schema
        # (a slip in the document): the service's name and status make us valid against both.
        data.update(name=sal.service.name, status=sal.service.status)
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
