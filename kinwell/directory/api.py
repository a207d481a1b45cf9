"""/api/v1/directory/: the finder's search as JSON, public like the finder page."""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from kinwell.core.errors import ServiceError
from kinwell.core.schemas import ERRORS
from kinwell.directory import facets, geo, search, selectors

router = Router(tags=["directory"], auth=None)


class SearchIn(Schema):
    zip: str | None = Field(None, max_length=10, description="A US ZIP code to search around.")
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude, instead of a ZIP code.")
    lon: float | None = Field(None, ge=-180, le=180)
    radius: int = Field(25, ge=5, le=100, description="Miles: 5, 10, 25, 50 or 100.")
    facet: list[str] = Field([], description="Facet keys such as therapy:couples_family; all must match.")
    q: str = Field("", max_length=100, description="Words in the name or description.")
    page: int = Field(1, ge=1, le=10_000)


class PlaceOut(Schema):
    id: str
    service_id: str
    name: str
    organization: str
    distance_miles: float
    distance_approximate: bool
    address: str
    phone: str | None
    website: str | None
    services: list[str]
    facets: list[str]
    url: str


class SearchOut(Schema):
    total: int
    page: int
    pages: int
    counts: dict[str, int]
    results: list[PlaceOut]


class FacetOut(Schema):
    key: str
    label: str
    group: str


@router.get("/facets", response=list[FacetOut])
def list_facets(request):
    """Every choice the search can filter by."""
    return [{"key": f.key, "label": _(f.label), "group": _(g.label)} for g in facets.GROUPS for f in g.facets]


@router.get("/search", response={200: SearchOut, **ERRORS})
def search_directory(request, filters: Query[SearchIn]):
    """Services near a ZIP code or a point, nearest first, with counts per facet over the results."""
    if filters.radius not in search.RADII:
        raise ServiceError(_("radius must be one of 5, 10, 25, 50 or 100."))
    unknown = [key for key in filters.facet if key not in facets.FACETS]
    if unknown:
        raise ServiceError(_("Unknown facet: %(keys)s. See /api/v1/directory/facets.") % {"keys": ", ".join(unknown)})
    if filters.zip:
        point = geo.zip_centroid(filters.zip) if geo.normalise_zip(filters.zip) else None
        if point is None:
            raise ServiceError(_("Unknown US ZIP code."))
    elif filters.lat is not None and filters.lon is not None:
        point = (filters.lat, filters.lon)
    else:
        raise ServiceError(_("Send a zip, or lat and lon."))
    query = search.Query(latitude=point[0], longitude=point[1], radius_miles=filters.radius,
                         facets=tuple(filters.facet), words=tuple(filters.q.split()[:8]), page=filters.page)
    results, cards = selectors.find(query)
    return {"total": results.total, "page": results.page, "pages": results.pages, "counts": results.counts,
            "results": [_place(card) for card in cards]}


def _place(card):
    hit = card["hit"]
    address = card["addresses"][0] if card["addresses"] else None
    return {
        "id": card["id"], "service_id": card["service_id"], "name": card["name"],
        "organization": card["organization"], "distance_miles": hit.distance_miles,
        "distance_approximate": hit.approximate,
        "address": f"{address[0]}, {address[2]}, {address[3]} {address[4]}" if address else "",
        "phone": card["phone"], "website": card["url"] or card["website"] or None,
        "services": card["labels"], "facets": hit.facets, "url": card["detail_url"],
    }
