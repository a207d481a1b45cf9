"""Reads for the HSDS API: the same rules as the finder, and the same index when there is a point.

- Nothing a moderator hid and no `inactive` service is ever listed or shown.
- `service_at_locations` with a postcode and a proximity asks the finder's grid index
  (`search.matches`): nearest first, then by id, paged; only the page's rows are loaded.
  With a postcode alone it lists the places at that postcode, nearest its centre first.
- Lists return the one-to-one fields (HSDS's "list" shape) in one query a page; `full=true`
  nests everything (phones, schedules, languages, costs, attributes, locations).
"""

import dataclasses
import uuid

from django.db import connection
from django.db.models import Prefetch, Q

from kinwell.directory import geo, search
from kinwell.directory.models import Organization, Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm
from kinwell.directory.hsds_export import taxonomy_id
from kinwell.directory.selectors import HIDDEN_STATUS

SERVICE_RELATED = ("phones", "schedules", "languages", "cost_options", "organization__phones",
                   Prefetch("term_links", queryset=ServiceTerm.objects.select_related("taxonomy_term")))
LOCATION_RELATED = ("addresses", "phones", "languages", "schedules")
CHUNK = 5000


def visible_services():
    return Service.objects.filter(hidden=False).exclude(status=HIDDEN_STATUS)


def taxonomy_names() -> dict[str, str]:
    """Taxonomy id -> name, for every taxonomy a term names (taxonomies are named on their terms,
    `TaxonomyTerm.taxonomy`; the id is derived from the name, `hsds_export.taxonomy_id`)."""
    names = TaxonomyTerm.objects.exclude(taxonomy="").values_list("taxonomy", flat=True).distinct()
    return {taxonomy_id(name): name for name in names}


def _service_filter(params, prefix="") -> Q:
    q = Q()
    for word in params.search:
        q &= Q(**{f"{prefix}name__icontains": word}) | Q(**{f"{prefix}description__icontains": word}) | Q(
            **{f"{prefix}organization__name__icontains": word})
    if params.taxonomy_term_id:
        q &= Q(**{f"{prefix}term_links__taxonomy_term_id": params.taxonomy_term_id})
    if params.taxonomy_id:
        name = taxonomy_names().get(str(params.taxonomy_id))
        q &= Q(**{f"{prefix}term_links__taxonomy_term__taxonomy": name}) if name else Q(pk__in=[])
    if params.organization_id:
        q &= Q(**{f"{prefix}organization_id": params.organization_id})
    if params.modified_after:
        q &= Q(**{f"{prefix}last_verified__gte": params.modified_after})
    return q


def _needs_distinct(params) -> bool:
    return bool(params.taxonomy_term_id or params.taxonomy_id)


def services(params):
    """(queryset in HSDS order, full?) for /services."""
    found = visible_services().filter(_service_filter(params)).select_related("organization").order_by("name", "id")
    if _needs_distinct(params):
        found = found.distinct()
    if params.full:
        found = found.prefetch_related(*SERVICE_RELATED,
                                       *(f"service_at_locations__location__{r}" for r in LOCATION_RELATED),
                                       "service_at_locations__location")
    return found


def service(service_id: uuid.UUID):
    return services_with_details().filter(pk=service_id).first()


def services_with_details():
    return visible_services().select_related("organization").prefetch_related(
        *SERVICE_RELATED, "service_at_locations__location",
        *(f"service_at_locations__location__{r}" for r in LOCATION_RELATED))


def _places_base(full: bool):
    places = ServiceAtLocation.objects.select_related("service__organization", "location").filter(
        service__hidden=False).exclude(service__status=HIDDEN_STATUS)
    if full:
        places = places.prefetch_related(
            *(f"location__{r}" for r in LOCATION_RELATED),
            *(f"service__{r}" if isinstance(r, str) else Prefetch(f"service__{r.prefetch_through}", r.queryset)
              for r in SERVICE_RELATED))
    return places


def place(place_id: uuid.UUID):
    return _places_base(True).filter(pk=place_id).first()


def _other_filters(params) -> bool:
    return bool(params.taxonomy_term_id or params.taxonomy_id or params.organization_id or params.modified_after)


def places_page(params, page: int, per_page: int) -> tuple[int, list]:
    """(total, the page's ServiceAtLocations in order) for /service_at_locations."""
    if params.point and params.proximity_miles:
        return _nearby_page(params, page, per_page)
    places = _places_base(params.full).filter(_service_filter(params, "service__"))
    if params.postcode:
        # The places at this postcode, nearest its centre first.
        ordered = [pk for _distance, pk in sorted(
            (geo.haversine_miles(*params.point, lat, lon) if lat is not None else float("inf"), pk)
            for pk, lat, lon in places.filter(location__addresses__postal_code=params.postcode).distinct()
            .values_list("pk", "location__latitude", "location__longitude"))]
        return len(ordered), _in_order(places, ordered[(page - 1) * per_page: page * per_page])
    if _needs_distinct(params):
        places = places.distinct()
    places = places.order_by("id")
    return places.count(), list(places[(page - 1) * per_page: page * per_page])


def _nearby_page(params, page, per_page):
    lat, lon = params.point
    query = search.Query(latitude=lat, longitude=lon, radius_miles=params.proximity_miles, words=params.search)
    with connection.cursor() as cursor:
        ids = [uuid.UUID(row[1]) for row in search.matches(cursor, query)]
    if _other_filters(params):
        allowed = set()
        # The words were already matched by the index; the rest is not in it.
        base = ServiceAtLocation.objects.filter(_service_filter(dataclasses.replace(params, search=()), "service__"))
        for start in range(0, len(ids), CHUNK):
            allowed.update(base.filter(pk__in=ids[start:start + CHUNK]).values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in allowed]
    shown = ids[(page - 1) * per_page: page * per_page]
    return len(ids), _in_order(_places_base(params.full), shown)


def _in_order(queryset, ids: list) -> list:
    if not ids:
        return []
    found = {place.pk: place for place in queryset.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def organizations(*, search_words=(), modified_after=None, full=False):
    orgs = Organization.objects.order_by("name", "id")
    for word in search_words:
        orgs = orgs.filter(Q(name__icontains=word) | Q(description__icontains=word))
    if modified_after:
        orgs = orgs.filter(last_verified__gte=modified_after)
    if full:
        orgs = orgs.prefetch_related("phones", Prefetch("services", queryset=services_with_details().order_by("name")),
                                     "locations", *(f"locations__{r}" for r in LOCATION_RELATED))
    return orgs


def organization(org_id: uuid.UUID):
    return organizations(full=True).filter(pk=org_id).first()


def taxonomy_terms(*, search_words=(), taxonomy=None, parent_id=None, top_only=False):
    terms = TaxonomyTerm.objects.order_by("taxonomy", "code", "name", "id")
    for word in search_words:
        terms = terms.filter(Q(name__icontains=word) | Q(code__icontains=word) | Q(description__icontains=word))
    if taxonomy is not None:
        terms = terms.filter(taxonomy=taxonomy)
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    if top_only:
        terms = terms.filter(parent__isnull=True)
    return terms
