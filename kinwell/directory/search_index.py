"""Keeping the finder's `SearchEntry` rows true to the directory outside an import.

The importer writes entries from the file it reads (`services._create`); this module
rebuilds them from the rows in the database, for an edit in the admin, for a migration
that adds a column, and after `facets.py` changes. A hidden service (a moderator's
"hide", `selectors.HIDDEN_STATUS`) and a place without coordinates get no entry.
An entry keeps the facets it was imported with; a service that has none yet takes them
from its taxonomy terms, as the importer does.
"""

from django.apps import apps as installed_apps
from django.db import transaction

from kinwell.directory import facets, search
from kinwell.directory.selectors import HIDDEN_STATUS

CHUNK = 2000


def _model(apps, name):
    return apps.get_model("directory", name)


@transaction.atomic
def rebuild(*, service_ids=None, apps=installed_apps) -> int:
    """Rebuild the entries of these services (every service when None). Returns how many there are now."""
    Service = _model(apps, "Service")
    services = Service.objects.order_by("pk")
    if service_ids is not None:
        services = services.filter(pk__in=list(service_ids))
    ids = list(services.values_list("pk", flat=True))
    made = 0
    for start in range(0, len(ids), CHUNK):
        made += _rebuild_chunk(apps, ids[start:start + CHUNK])
    return made


def _rebuild_chunk(apps, service_ids) -> int:
    SearchEntry = _model(apps, "SearchEntry")
    kept_facets = dict(SearchEntry.objects.filter(service_id__in=service_ids)
                       .values_list("service_at_location_id", "facets"))
    terms: dict = {}
    for service_id, code, name in (_model(apps, "ServiceTerm").objects.filter(service_id__in=service_ids)
                                   .values_list("service_id", "taxonomy_term__code", "taxonomy_term__name")):
        terms.setdefault(service_id, []).append((code, name))
    services = {row["id"]: row for row in _model(apps, "Service").objects.filter(pk__in=service_ids).values(
        "id", "name", "description", "url", "status", "hidden", "organization_id", "organization__name", "organization__website")}
    places = list(_model(apps, "ServiceAtLocation").objects.filter(service_id__in=service_ids)
                  .values_list("id", "service_id", "location_id"))
    location_ids = {location_id for _i, _s, location_id in places}
    locations = {row["id"]: dict(row, addresses=[], phones=[]) for row in _model(apps, "Location").objects.filter(
        pk__in=location_ids).values("id", "name", "latitude", "longitude", "coordinates_approximate")}
    for row in _model(apps, "Address").objects.filter(location_id__in=location_ids).values(
            "location_id", "address_1", "address_2", "city", "state_province", "postal_code"):
        locations[row["location_id"]]["addresses"].append(row)
    service_phones: dict = {}
    for row in _model(apps, "Phone").objects.filter(location_id__in=location_ids).values("location_id", "number",
                                                                                         "description"):
        locations[row["location_id"]]["phones"].append(row)
    for row in _model(apps, "Phone").objects.filter(service_id__in=service_ids).values("service_id", "number",
                                                                                       "description"):
        service_phones.setdefault(row["service_id"], []).append(row)

    entries = []
    for place_id, service_id, location_id in places:
        service, place = services[service_id], locations.get(location_id)
        if service["status"] == HIDDEN_STATUS or service["hidden"] or place is None or place["latitude"] is None:
            continue
        if place_id in kept_facets:
            keys = set(facets.decode(kept_facets[place_id]))
        else:
            keys = facets.facet_keys(terms.get(service_id, []))
        organization = {"name": service["organization__name"], "website": service["organization__website"]}
        words = " ".join([organization["name"], service["name"], service["description"] or "", place["name"] or "",
                          *(a["city"] or "" for a in place["addresses"])]).lower()
        entries.append(_model(apps, "SearchEntry")(
            service_at_location_id=place_id, service_id=service_id, latitude=place["latitude"],
            longitude=place["longitude"], lat_cell=search.lat_cell(place["latitude"]),
            approximate=place["coordinates_approximate"], facets=facets.encode(keys), facet_bits=facets.mask(keys),
            words=words, card=search.card(service_id=service_id, organization=organization,
                                          service=dict(service, phones=service_phones.get(service_id, [])),
                                          location=place)))
    # By place too: a place moved to another service must not keep its old entry.
    SearchEntry.objects.filter(service_id__in=service_ids).delete()
    SearchEntry.objects.filter(service_at_location_id__in=[place_id for place_id, _s, _l in places]).delete()
    SearchEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)
