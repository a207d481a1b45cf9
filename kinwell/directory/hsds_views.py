"""The Open Referral HSDS 3.0 API at /hsds/: read-only and public, like the finder itself."""

import functools
import uuid

from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound, ServiceError
from kinwell.directory import geo, hsds_export
from kinwell.directory.models import Organization, Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm

MAX_PER_PAGE = 100
MAX_PAGE = 100_000
# The finder's widest radius (100 miles); a wider circle is a different question.
MAX_PROXIMITY_METERS = 160_934


def json_errors(view):
    """A JSON API answers problems in JSON too, with the status the error carries."""
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ServiceError as error:
            return JsonResponse({"detail": error.message}, status=error.status)
    return wrapped
SERVICE_RELATED = ("phones", "schedules", "languages", "cost_options", "organization__phones",
                   Prefetch("term_links", queryset=ServiceTerm.objects.select_related("taxonomy_term")))
LOCATION_RELATED = ("addresses", "phones", "languages", "schedules")


def _paging(request):
    try:
        number = int(request.GET.get("page") or 1)
        per_page = min(MAX_PER_PAGE, max(1, int(request.GET.get("per_page") or 20)))
    except ValueError:
        raise ServiceError(_("page and per_page must be whole numbers.")) from None
    # A page past what any database can offset to is a 400, not an overflow.
    if not 1 <= number <= MAX_PAGE:
        raise ServiceError(_("page must be between 1 and %(max)s.") % {"max": MAX_PAGE})
    return number, per_page


def _page(request, queryset, render):
    number, per_page = _paging(request)
    total = queryset.count()
    items = list(queryset[(number - 1) * per_page: number * per_page])
    return JsonResponse(hsds_export.page([render(i) for i in items], total=total, page_number=number,
                                         per_page=per_page))


@json_errors
def index(request):
    return JsonResponse({"version": "3.0", "profile": "https://openreferral.org/",
                         "openapi_url": "https://docs.openreferral.org/en/latest/hsds/openapi.html"})


def _services(request):
    services = Service.objects.select_related("organization").prefetch_related(
        *SERVICE_RELATED, *(f"service_at_locations__location__{r}" for r in LOCATION_RELATED)).order_by("name", "id")
    if request.GET.get("search"):
        services = services.filter(Q(name__icontains=request.GET["search"]) |
                                   Q(description__icontains=request.GET["search"]))
    if request.GET.get("taxonomy_term_id"):
        services = services.filter(term_links__taxonomy_term_id=_uuid(request.GET["taxonomy_term_id"]))
    if request.GET.get("organization_id"):
        services = services.filter(organization_id=_uuid(request.GET["organization_id"]))
    return services


def _uuid(text):
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ServiceError(_("“%(value)s” is not an HSDS id.") % {"value": text}) from None


@json_errors
def services(request):
    return _page(request, _services(request), hsds_export.service_json)


@json_errors
def service(request, service_id):
    found = _services(request).filter(id=service_id).first()
    if found is None:
        raise NotFound(_("No service with that id."))
    return JsonResponse(hsds_export.service_json(found))


@json_errors
def service_at_locations(request):
    places = ServiceAtLocation.objects.select_related("service__organization", "location").prefetch_related(
        *(f"location__{r}" for r in LOCATION_RELATED), *(f"service__{r}" if isinstance(r, str) else
                                                          Prefetch(f"service__{r.prefetch_through}", r.queryset)
                                                          for r in SERVICE_RELATED)).order_by("id")
    postcode = (request.GET.get("postcode") or "").strip()
    if request.GET.get("proximity") and not postcode:
        raise ServiceError(_("proximity needs a postcode to measure from."))
    if postcode:
        centre = geo.zip_centroid(postcode)
        if centre is None:
            raise ServiceError(_("Unknown US postcode “%(code)s”.") % {"code": postcode})
        if request.GET.get("proximity"):
            meters = _proximity(request.GET["proximity"])
            miles = meters / 1609.344
            min_lat, max_lat, min_lon, max_lon = geo.bounding_box(*centre, miles)
            box = ServiceAtLocation.objects.filter(location__latitude__range=(min_lat, max_lat),
                                                   location__longitude__range=(min_lon, max_lon))
            near = [pk for pk, lat, lon in box.values_list("pk", "location__latitude", "location__longitude")
                    if geo.haversine_miles(*centre, lat, lon) <= miles]
            places = places.filter(pk__in=near)
        else:
            places = places.filter(location__addresses__postal_code=geo.normalise_zip(postcode)).distinct()
    return _page(request, places, hsds_export.sal_json)


def _proximity(text):
    try:
        meters = float(text)
    except ValueError:
        meters = None
    # float() reads "nan", "inf" and "-1e999" too: only a finite distance in range is one.
    if meters is None or not 0 < meters <= MAX_PROXIMITY_METERS:
        raise ServiceError(_("proximity is a distance in meters, more than 0 and at most %(max)s.")
                           % {"max": MAX_PROXIMITY_METERS})
    return meters


@json_errors
def organizations(request):
    orgs = Organization.objects.prefetch_related("phones").order_by("name", "id")
    if request.GET.get("search"):
        orgs = orgs.filter(name__icontains=request.GET["search"])
    return _page(request, orgs, hsds_export.organization_json)


@json_errors
def taxonomy_terms(request):
    terms = TaxonomyTerm.objects.order_by("taxonomy", "code", "name", "id")
    if request.GET.get("parent_id"):
        terms = terms.filter(parent_id=_uuid(request.GET["parent_id"]))
    if request.GET.get("top_only") in ("true", "1"):
        terms = terms.filter(parent__isnull=True)
    return _page(request, terms, hsds_export.term_json)
