"""The Open Referral HSDS 3.0 API at /hsds/: read-only and public, like the finder itself.

Every path and parameter of the official HSDS 3.0 OpenAPI document; parameters are read
and bounded in `hsds_params`, records found in `hsds_selectors` (the finder's index when
there is a point), and rendered by `hsds_export`. `format=ndjson` streams every result,
one JSON object a line, without pages.
"""

import functools
import json

from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound, ServiceError
from kinwell.directory import hsds_export, hsds_openapi, hsds_selectors
from kinwell.directory.hsds_params import boolean, hsds_id, list_params

NDJSON_CHUNK = 500


def json_errors(view):
    """A JSON API answers problems in JSON too, with the status the error carries."""
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ServiceError as error:
            return JsonResponse({"detail": error.message}, status=error.status)
    return wrapped


def _page(params, queryset, render):
    if params.ndjson:
        return _ndjson(lambda start, size: list(queryset[start:start + size]), render)
    start = (params.page - 1) * params.per_page
    return _answer(queryset.count(), list(queryset[start:start + params.per_page]), render, params)


def _answer(total, items, render, params):
    return JsonResponse(hsds_export.page([render(i) for i in items], total=total, page_number=params.page,
                                         per_page=params.per_page))


def _ndjson(fetch, render):
    def lines():
        start = 0
        while True:
            items = fetch(start, NDJSON_CHUNK)
            for item in items:
                yield json.dumps(render(item), separators=(",", ":")) + "\n"
            if len(items) < NDJSON_CHUNK:
                return
            start += NDJSON_CHUNK

    return StreamingHttpResponse(lines(), content_type="application/x-ndjson")


def _one(found, message):
    if found is None:
        raise NotFound(message)
    return found


def _id_or_404(text, message):
    try:
        return hsds_id(text)
    except ServiceError:
        raise NotFound(message) from None


@json_errors
def index(request):
    return JsonResponse({"version": "3.0.0", "profile": "https://docs.openreferral.org/en/latest/hsds/",
                         "openapi_url": request.build_absolute_uri(reverse("directory:hsds_openapi"))})


def openapi(request):
    return JsonResponse(hsds_openapi.document(), json_dumps_params={"indent": 1})


@json_errors
def services(request):
    params = list_params(request)
    if params.minimal:
        render = hsds_export.service_minimal_json
    else:
        render = hsds_export.service_json if params.full else hsds_export.service_list_json
    return _page(params, hsds_selectors.services(params), render)


@json_errors
def service(request, service_id):
    message = _("No service with that id.")
    found = hsds_selectors.service(_id_or_404(service_id, message))
    return JsonResponse(hsds_export.service_json(_one(found, message)))


@json_errors
def service_at_locations(request):
    params = list_params(request, place=True)
    render = hsds_export.sal_json if params.full else hsds_export.sal_list_json
    if params.ndjson:
        return _ndjson(lambda start, size: hsds_selectors.places_page(params, start // size + 1, size)[1], render)
    total, items = hsds_selectors.places_page(params, params.page, params.per_page)
    return _answer(total, items, render, params)


@json_errors
def service_at_location(request, service_at_location_id):
    message = _("No service at a location with that id.")
    found = hsds_selectors.place(_id_or_404(service_at_location_id, message))
    return JsonResponse(hsds_export.sal_json(_one(found, message)))


@json_errors
def organizations(request):
    params = list_params(request)
    full_services = boolean(request, "full_service")
    nested = params.full or full_services
    orgs = hsds_selectors.organizations(search_words=params.search, modified_after=params.modified_after, full=nested)
    return _page(params, orgs, functools.partial(hsds_export.organization_json, nested=nested,
                                                 full_services=full_services))


@json_errors
def organization(request, organization_id):
    message = _("No organization with that id.")
    found = hsds_selectors.organization(_id_or_404(organization_id, message))
    return JsonResponse(hsds_export.organization_json(_one(found, message), nested=True,
                                                      full_services=boolean(request, "full_service")))


@json_errors
def taxonomies(request):
    params = list_params(request)
    names = sorted(hsds_selectors.taxonomy_names().values())
    names = [n for n in names if all(word in n.lower() for word in params.search)]
    if params.ndjson:
        return _ndjson(lambda start, size: names[start:start + size], hsds_export.taxonomy_json)
    start = (params.page - 1) * params.per_page
    return _answer(len(names), names[start:start + params.per_page], hsds_export.taxonomy_json, params)


@json_errors
def taxonomy(request, taxonomy_id):
    name = hsds_selectors.taxonomy_names().get(str(_id_or_404(taxonomy_id, _("No taxonomy with that id."))))
    return JsonResponse(hsds_export.taxonomy_json(_one(name, _("No taxonomy with that id."))))


@json_errors
def taxonomy_terms(request):
    params = list_params(request)
    taxonomy = hsds_selectors.taxonomy_names().get(str(params.taxonomy_id)) if params.taxonomy_id else None
    parent = (request.GET.get("parent_id") or "").strip()
    terms = hsds_selectors.taxonomy_terms(search_words=params.search, taxonomy=taxonomy,
                                          parent_id=hsds_id(parent, "parent_id") if parent else None,
                                          top_only=boolean(request, "top_only"))
    if params.taxonomy_id and taxonomy is None:
        terms = terms.none()
    return _page(params, terms, hsds_export.term_json)


@json_errors
def taxonomy_term(request, taxonomy_term_id):
    message = _("No taxonomy term with that id.")
    found = hsds_selectors.taxonomy_terms().filter(pk=_id_or_404(taxonomy_term_id, message)).first()
    return JsonResponse(hsds_export.term_json(_one(found, message)))
