"""Reads for the finder: run the search, and what a result card shows, ready for a page or the API."""

import uuid

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound
from kinwell.core.replica import read_connection, reads_from_replica
from kinwell.directory import labels, search
from kinwell.directory.models import Phone, ServiceAtLocation, TaxonomyTerm


def _with_details(queryset):
    return queryset.select_related("service__organization", "location", "search").prefetch_related(
        "location__addresses",
        Prefetch("location__phones", queryset=Phone.objects.order_by("number")),
        "service__phones",
    )


@reads_from_replica
def find(query: search.Query) -> tuple[search.Results, list[dict]]:
    """The results and, for the page's hits, their cards as plain data (no model is loaded)."""
    with read_connection(ServiceAtLocation).cursor() as cursor:
        results = search.run(cursor, query)
    detail = reverse("directory:detail", args=[uuid.UUID(int=0)]).replace(str(uuid.UUID(int=0)), "{}")
    return results, [_card(hit, detail) for hit in results.hits]


def _card(hit: search.Hit, detail_url: str) -> dict:
    card = hit.card
    return {
        "hit": hit, "id": hit.service_at_location_id, "service_id": hit.service_id, "name": card["name"],
        "organization": card["organization"], "addresses": card["addresses"], "phone": card["phone"],
        "url": card["url"], "website": card["website"], "labels": labels.facet_labels(hit.facets),
        "detail_url": detail_url.format(hit.service_at_location_id),
    }


HIDDEN_STATUS = "inactive"  # hidden by a moderator after a report (see reportable.py)


def place(*, service_at_location_id) -> ServiceAtLocation:
    found = _with_details(
        ServiceAtLocation.objects.filter(id=service_at_location_id).exclude(service__status=HIDDEN_STATUS).exclude(service__hidden=True)
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
