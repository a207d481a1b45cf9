"""Reads for the finder: run the search, then load what a page shows for the hits."""

import uuid

from django.db import connection
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound
from kinwell.directory import search
from kinwell.directory.models import Phone, ServiceAtLocation, TaxonomyTerm


def _with_details(queryset):
    return queryset.select_related("service__organization", "location", "search").prefetch_related(
        "location__addresses",
        Prefetch("location__phones", queryset=Phone.objects.order_by("number")),
        "service__phones",
    )


def find(query: search.Query) -> dict:
    with connection.cursor() as cursor:
        results = search.run(cursor, query)
    ids = [uuid.UUID(hit.service_at_location_id) for hit in results.hits]
    places = {sal.id: sal for sal in _with_details(ServiceAtLocation.objects.filter(id__in=ids))}
    rows = [{"hit": hit, "place": places[uuid.UUID(hit.service_at_location_id)]} for hit in results.hits
            if uuid.UUID(hit.service_at_location_id) in places]
    return {"results": results, "rows": rows}


HIDDEN_STATUS = "inactive"  # hidden by a moderator after a report (see reportable.py)


def place(*, service_at_location_id) -> ServiceAtLocation:
    found = _with_details(
        ServiceAtLocation.objects.filter(id=service_at_location_id).exclude(service__status=HIDDEN_STATUS)
    ).first()
    if found is None:
        raise NotFound(_("That service is not in the directory any more."))
    return found


def terms_by_category(service) -> list[tuple[str, list[str]]]:
    """The service's taxonomy terms under their category names, for the detail page."""
    terms = TaxonomyTerm.objects.filter(service_links__service=service).select_related("parent").order_by("name")
    grouped: dict[str, list[str]] = {}
    for term in terms:
        grouped.setdefault(term.parent.name if term.parent else _("Other"), []).append(term.name)
    return sorted(grouped.items())


def phones_of(place: ServiceAtLocation) -> list[Phone]:
    """The main number first (SAMHSA marks it "Main"), then intake and the service's own lines."""
    phones = list(place.location.phones.all()) + list(place.service.phones.all())
    return sorted(phones, key=lambda phone: phone.description != "Main")
