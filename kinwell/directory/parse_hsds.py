"""Open Referral HSDS: 3.0 JSON, and tabular datapackages (CSV files, a folder or a zip) in 3.0 or 1.x.

Plain Python (no Django). Every form is first flattened into HSDS 3.0 tables (a dict of
table name -> rows), and `bundles_from_tables` groups them per organization for the writer.
"""

import json
import zipfile
from pathlib import Path

from kinwell.core import csv_safety
from kinwell.directory.file_limits import Budgeted, Limits, check_file_size, check_zip, csv_rows
from kinwell.directory.geo import BadCoordinates, normalise_zip, parse_coordinates, zip_centroid
from kinwell.directory.records import Bundle, ImportFormatError, ParsedDirectory, Skip, clean, id_from_source

TABLES = ("organizations", "services", "locations", "addresses", "phones", "schedules", "languages",
          "cost_options", "taxonomies", "taxonomy_terms", "attributes", "service_at_locations")
# 1.x file names (and the 3.0 singular one) -> 3.0 table, with renamed columns.
CSV_FILES = {
    "organizations.csv": ("organizations", {}), "services.csv": ("services", {}),
    "locations.csv": ("locations", {}), "addresses.csv": ("addresses", {}),
    "physical_addresses.csv": ("addresses", {}), "phones.csv": ("phones", {}),
    "schedules.csv": ("schedules", {}), "regular_schedules.csv": ("schedules", {"weekday": "byday"}),
    "languages.csv": ("languages", {"language": "name"}), "cost_options.csv": ("cost_options", {}),
    "taxonomy_terms.csv": ("taxonomy_terms", {}), "taxonomies.csv": ("taxonomies", {}), "taxonomy.csv": ("taxonomy_terms", {"vocabulary": "taxonomy"}),
    "attributes.csv": ("attributes", {}),
    "services_taxonomy.csv": ("attributes", {"service_id": "link_id", "taxonomy_id": "taxonomy_term_id"}),
    "service_at_location.csv": ("service_at_locations", {}), "services_at_location.csv": ("service_at_locations", {}),
}
REQUIRED_COLUMNS = {"organizations": ("id", "name"), "services": ("id", "organization_id", "name"),
                    "locations": ("id",), "service_at_locations": ("id", "service_id", "location_id")}
WEEKDAYS = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
            "saturday": "SA", "sunday": "SU"}


def read_hsds(path, *, progress=None, strict: bool = False, limits: Limits = Limits()) -> ParsedDirectory:
    path = Path(path)
    budget = Budgeted(limits)
    if path.is_dir():
        csv_paths = {p.name: p for p in path.iterdir() if p.suffix == ".csv"}
        tables = _tables_from_files(set(csv_paths), lambda name: budget.text(open(csv_paths[name], "rb"), name),
                                    limits=limits)
    elif zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                members = {Path(n).name: n for n in archive.namelist() if n.endswith(".csv")}
                check_zip(archive, [members[name] for name in members if name in CSV_FILES], limits=limits)
                tables = _tables_from_files(set(members), lambda name: budget.text(archive.open(members[name]), name),
                                            limits=limits)
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
            raise ImportFormatError(f"the zip file is damaged or cut short ({error})") from None
    elif path.suffix.lower() == ".zip":
        raise ImportFormatError("the zip file is damaged or cut short: it cannot be opened")
    else:
        check_file_size(path, limits=limits)
        tables = tables_from_json(_load_json(path))
    return bundles_from_tables(tables, source="hsds", progress=progress, strict=strict)


def _load_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ImportFormatError("the file is not UTF-8 text, so it is not HSDS JSON") from None
    except json.JSONDecodeError as error:
        raise ImportFormatError(f"the file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
                                " (is it cut short?)") from None


def _tables_from_files(names: set[str], open_text, *, limits: Limits) -> dict:
    """Read each known CSV file row by row from `open_text(name)` (a text stream)."""
    known = {name: spec for name, spec in CSV_FILES.items() if name in names}
    if "organizations.csv" not in known or "services.csv" not in known:
        raise ImportFormatError("an HSDS datapackage needs at least organizations.csv and services.csv "
                                f"(found: {', '.join(sorted(names)) or 'no CSV files'})")
    tables = {name: [] for name in TABLES}
    for file_name, (table, renames) in known.items():
        with open_text(file_name) as text:
            _read_table(text, file_name, table, renames, tables, limits)
    return tables


def _read_table(text, file_name, table, renames, tables, limits):
    columns = None
    for number, cells in csv_rows(text, name=file_name, limits=limits):
        if not cells:
            continue
        if columns is None:
            columns = [renames.get(c, c) for c in cells]
            missing = [c for c in REQUIRED_COLUMNS.get(table, ()) if c not in columns]
            if missing:
                raise ImportFormatError(f"{file_name} is missing the column(s) {', '.join(missing)}", row=1)
            continue
        if len(cells) > len(columns):
            raise ImportFormatError(f"{file_name} has more values than columns (is the file damaged?)", row=number)
        # Our own export quotes cells a spreadsheet would run as formulas; read them back as written.
        record = {name: clean(csv_safety.restore(value)) for name, value in zip(columns, cells)}
        record.update({name: "" for name in columns[len(cells):]})
        record["_row"] = f"{number} of {file_name}"
        if file_name == "services_taxonomy.csv":
            record["link_entity"] = "service"
        if file_name == "regular_schedules.csv":
            record["byday"] = WEEKDAYS.get(record.get("byday", "").lower(), record.get("byday", ""))
            record["freq"] = "WEEKLY"
        tables[table].append(record)
    if columns is None and REQUIRED_COLUMNS.get(table):
        raise ImportFormatError(f"{file_name} is missing the column(s) {', '.join(REQUIRED_COLUMNS[table])}", row=1)


def tables_from_json(data) -> dict:
    """Flatten HSDS 3.0 JSON (a page of results, a list, or one object of any main type)."""
    tables = {name: {} for name in TABLES}
    items = data.get("contents") if isinstance(data, dict) and "contents" in data else data
    for item in items if isinstance(items, list) else [items]:
        if not isinstance(item, dict) or "id" not in item:
            raise ImportFormatError("expected HSDS objects, each with an “id”")
        if "service" in item and "location" in item:
            _sal(tables, item)
        elif "services" in item or "website" in item or "organization_identifiers" in item:
            _organization(tables, item)
        elif "organization" in item or "organization_id" in item or "service_at_locations" in item:
            _service(tables, item)
        elif "location_type" in item:
            _location(tables, item, None)
        elif "taxonomy" in item or "code" in item:
            _put(tables, "taxonomy_terms", item)
        else:
            raise ImportFormatError(f"cannot tell what kind of HSDS object {item.get('id')} is")
    return {name: list(rows.values()) for name, rows in tables.items()}


def _put(tables, table, item, **links):
    flat = {k: v for k, v in item.items() if not isinstance(v, (list, dict))}
    flat.update({k: v for k, v in links.items() if v})
    flat.setdefault("_row", f"{table[:-1]} {item.get('id')}")
    tables[table].setdefault(str(item.get("id")), {}).update(flat)


def _organization(tables, item):
    _put(tables, "organizations", item)
    for phone in item.get("phones") or []:
        _put(tables, "phones", phone, organization_id=item["id"])
    for location in item.get("locations") or []:
        _location(tables, location, item["id"])
    for service in item.get("services") or []:
        _service(tables, service, organization_id=item["id"])


def _service(tables, item, organization_id=None):
    organization = item.get("organization")
    if isinstance(organization, dict) and organization.get("id"):
        _put(tables, "organizations", organization)
        organization_id = organization["id"]
    _put(tables, "services", item, organization_id=organization_id)
    for table, key in (("phones", "phones"), ("schedules", "schedules"), ("languages", "languages"),
                       ("cost_options", "cost_options")):
        for child in item.get(key) or []:
            _put(tables, table, child, service_id=item["id"])
    for attribute in item.get("attributes") or []:
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict) and term.get("id"):
            _put(tables, "taxonomy_terms", term)
        _put(tables, "attributes", attribute, link_id=item["id"], link_entity="service",
             taxonomy_term_id=(term or {}).get("id") or attribute.get("taxonomy_term_id"))
    for sal in item.get("service_at_locations") or []:
        _sal(tables, sal, service_id=item["id"], organization_id=organization_id)


def _sal(tables, item, service_id=None, organization_id=None):
    if isinstance(item.get("service"), dict):
        _service(tables, item["service"])
        service_id = item["service"]["id"]
    location = item.get("location")
    location_id = item.get("location_id")
    if isinstance(location, dict) and location.get("id"):
        _location(tables, location, organization_id)
        location_id = location["id"]
    _put(tables, "service_at_locations", item, service_id=service_id, location_id=location_id)


def _location(tables, item, organization_id):
    _put(tables, "locations", item, organization_id=organization_id)
    for table in ("addresses", "phones", "languages", "schedules"):
        for child in item.get(table) or []:
            _put(tables, table, child, location_id=item["id"])


def _number(value, row, field, kind=int):
    if value in (None, ""):
        return None
    try:
        return kind(float(value)) if kind is int else kind(value)
    except (TypeError, ValueError):
        raise ImportFormatError(f"“{value}” is not a number", row=row, field=field) from None


def bundles_from_tables(tables: dict, *, source: str, progress=None, strict: bool = False) -> ParsedDirectory:
    """Group the tables per organization. A broken record is skipped and listed (`ParsedDirectory.skip`),
    and so are the records that lean on it: a service whose organization was skipped, a link
    to a location that was."""
    parsed = ParsedDirectory(source=source, strict=strict)
    uid = lambda value: id_from_source(source, value) if clean(value) else None  # noqa: E731
    by = {name: {} for name in ("addresses", "phones", "languages", "schedules", "cost_options")}
    for table in by:
        for row in tables.get(table, []):
            for owner in ("location_id", "service_id", "organization_id"):
                if clean(row.get(owner)):
                    by[table].setdefault((owner, uid(row[owner])), []).append(row)
                    break
    # 3.0 terms name their taxonomy by id (taxonomies.csv); we keep the taxonomy's name on the term.
    taxonomy_names = {clean(t.get("id")): clean(t.get("name")) for t in tables.get("taxonomies", [])}
    for term in _unique(parsed, tables.get("taxonomy_terms", []), "taxonomy term", uid):
        if not clean(term.get("name")):
            parsed.skip(row=term.get("_row"), what="taxonomy term", reason="without a name", field="name",
                        message="a taxonomy term needs a name")
            continue
        parsed.terms.append({"id": uid(term.get("id")), "code": clean(term.get("code")), "name": clean(term["name"]),
                             "description": clean(term.get("description")), "parent_id": uid(term.get("parent_id")),
                             "taxonomy": clean(term.get("taxonomy"))
                             or taxonomy_names.get(clean(term.get("taxonomy_id")), "")})
    known_terms = {t["id"] for t in parsed.terms}
    parsed.terms = [dict(t, parent_id=t["parent_id"] if t["parent_id"] in known_terms else None) for t in parsed.terms]
    terms_of: dict[str, list] = {}
    for attribute in tables.get("attributes", []):
        if clean(attribute.get("link_entity")) in ("service", "") and uid(attribute.get("taxonomy_term_id")) in known_terms:
            terms_of.setdefault(uid(attribute.get("link_id")), []).append(uid(attribute["taxonomy_term_id"]))
        else:  # not a record of its own: never a reason to refuse the file
            parsed.skipped.append(Skip(attribute.get("_row"), "attribute",
                                       "that is not a known taxonomy term of a service", "taxonomy_term_id"))
    locations = {}
    for row in _unique(parsed, tables.get("locations", []), "location", uid):
        try:
            point = parse_coordinates(row.get("latitude"), row.get("longitude"))
        except BadCoordinates as error:
            parsed.skip(row=row.get("_row"), what="location", reason="with coordinates that are not a place on Earth",
                        field="latitude", message=str(error))
            continue
        locations[uid(row["id"])] = dict(row, _point=point)
    listed_locations = {uid(row.get("id")) for row in tables.get("locations", [])}
    sals_of: dict[str, list] = {}
    for sal in _unique(parsed, tables.get("service_at_locations", []), "service_at_location", uid):
        if uid(sal.get("location_id")) not in locations:
            left_out = uid(sal.get("location_id")) in listed_locations
            parsed.skip(row=sal.get("_row"), what="service_at_location",
                        reason="whose location was left out (see above)" if left_out else
                        "whose location is not in the file", field="location_id",
                        message="points to a location that is not in the file")
            continue
        sals_of.setdefault(uid(sal.get("service_id")), []).append(sal)
    organizations = {}
    for row in _unique(parsed, tables.get("organizations", []), "organization", uid):
        if not clean(row.get("name")):
            parsed.skip(row=row.get("_row"), what="organization", reason="without a name", field="name",
                        message="an organization needs a name")
            continue
        org_id = uid(row.get("id"))
        organizations[org_id] = Bundle(row=row.get("_row"), organization={
            "id": org_id, "source_key": clean(row.get("id")), "name": clean(row["name"]),
            "alternate_name": clean(row.get("alternate_name")), "description": clean(row.get("description")),
            "email": clean(row.get("email")), "website": clean(row.get("website") or row.get("url")),
            "phones": [_phone(p, uid) for p in by["phones"].get(("organization_id", org_id), [])]})
    placed: dict[str, str] = {}  # location id -> organization id
    for location_id, row in locations.items():
        if uid(row.get("organization_id")) in organizations:
            placed[location_id] = uid(row["organization_id"])
    listed_organizations = {uid(row.get("id")) for row in tables.get("organizations", [])}
    services = _unique(parsed, tables.get("services", []), "service", uid)
    for number, row in enumerate(services, start=1):
        if progress and number % 1000 == 0:
            progress(number, len(services))
        service = _service_record(parsed, row, uid, by, organizations, terms_of, listed_organizations)
        if service is None:
            continue
        at_locations = []
        for sal in sals_of.get(service["id"], []):
            location_id = uid(sal["location_id"])
            placed.setdefault(location_id, service["organization_id"])
            at_locations.append({"id": uid(sal["id"]), "location_id": location_id,
                                 "description": clean(sal.get("description"))})
        service["at_locations"] = at_locations
        organizations[service.pop("organization_id")].services.append(service)
    for location_id, row in locations.items():
        if location_id not in placed:
            parsed.skipped.append(Skip(row.get("_row"), "location", "with no organization and no service"))
            continue
        organizations[placed[location_id]].locations.append(_location_record(row, location_id, by, uid))
    parsed.bundles = list(organizations.values())
    return parsed


def _unique(parsed, rows, what, uid) -> list:
    """The rows, less any whose id an earlier row already used (or that have none)."""
    seen, kept = {}, []
    for row in rows:
        key = uid(row.get("id"))
        if key is None:
            parsed.skip(row=row.get("_row"), what=what, reason="without an id", field="id", message=f"a {what} needs an id")
        elif key in seen:
            parsed.skip(row=row.get("_row"), what=what, reason="whose id an earlier row already uses", field="id",
                        message=f"the id “{clean(row.get('id'))}” is already used by {seen[key]}")
        else:
            seen[key] = row.get("_row")
            kept.append(row)
    return kept


def _service_record(parsed, row, uid, by, organizations, terms_of, listed_organizations) -> dict | None:
    where = row.get("_row")
    if not clean(row.get("name")):
        parsed.skip(row=where, what="service", reason="without a name", field="name", message="a service needs a name")
        return None
    service_id, org_id = uid(row.get("id")), uid(row.get("organization_id"))
    if org_id not in organizations:
        left_out = org_id in listed_organizations
        parsed.skip(row=where, what="service", field="organization_id",
                    reason="whose organization was left out (see above)" if left_out else
                    "whose organization is not in the file",
                    message="points to an organization that is not in the file")
        return None
    try:
        numbers = {f: _number(row.get(f), where, f) for f in ("minimum_age", "maximum_age")}
        children = _children(by, "service_id", service_id, uid)
    except ImportFormatError as error:
        parsed.skip(row=error.row, what="service", reason="with a number that is not a number", field=error.field,
                    message=str(error).split(": ", 1)[-1])
        return None
    return {
        "id": service_id, "organization_id": org_id, "source_key": clean(row.get("id")), "name": clean(row["name"]),
        **{f: clean(row.get(f)) for f in ("alternate_name", "description", "url", "email", "interpretation_services",
                                          "application_process", "fees_description", "eligibility_description")},
        "status": clean(row.get("status")) or "active", **numbers,
        "terms": sorted(set(terms_of.get(service_id, []))), **children}


def _location_record(row, location_id, by, uid):
    addresses = [{"id": uid(a.get("id")), **{f: clean(a.get(f)) for f in (
        "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country")},
        "address_type": clean(a.get("address_type")) or "physical"} for a in by["addresses"].get(("location_id", location_id), [])]
    point, approximate = row["_point"], False
    if point is None:
        for address in addresses:
            if address["country"].upper() in ("", "US", "USA") and normalise_zip(address["postal_code"]):
                point, approximate = zip_centroid(address["postal_code"]), True
                if point:
                    break
    record = {"id": location_id, "source_key": clean(row.get("id")), "name": clean(row.get("name")),
              "description": clean(row.get("description")), "transportation": clean(row.get("transportation")),
              "location_type": clean(row.get("location_type")) or "physical",
              "latitude": point[0] if point else None, "longitude": point[1] if point else None,
              "coordinates_approximate": bool(point) and approximate, "addresses": addresses}
    record.update(_children(by, "location_id", location_id, uid))
    return record


def _phone(row, uid):
    return {"id": uid(row.get("id")), "number": clean(row.get("number")), "extension": clean(row.get("extension")),
            "type": clean(row.get("type")), "description": clean(row.get("description"))}


def _children(by, owner, owner_id, uid):
    key = (owner, owner_id)
    return {
        "phones": [_phone(p, uid) for p in by["phones"].get(key, [])],
        "languages": [{"id": uid(x.get("id")), "name": clean(x.get("name")), "code": clean(x.get("code")),
                       "note": clean(x.get("note"))} for x in by["languages"].get(key, [])],
        "schedules": [{"id": uid(x.get("id")), **{f: clean(x.get(f)) for f in (
            "freq", "byday", "opens_at", "closes_at", "description")}} for x in by["schedules"].get(key, [])],
        **({"cost_options": [{"id": uid(x.get("id")), "option": clean(x.get("option")),
                              "amount": _number(x.get("amount"), x.get("_row"), "amount", float),
                              "currency": clean(x.get("currency")), "amount_description": clean(x.get("amount_description"))}
                             for x in by["cost_options"].get(key, [])]} if owner == "service_id" else {}),
    }
