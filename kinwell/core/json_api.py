"""JSON for every answer of the JSON APIs (/api/ and /hsds/), whatever produced it.

django-ninja answers in JSON for what it handles, but some answers come from Django
itself: a path that does not match the URL conf (a malformed id) is a 404 page, a
body over `DATA_UPLOAD_MAX_MEMORY_SIZE` raises `RequestDataTooBig` before any endpoint
runs, a method an endpoint does not take is an empty 405, and with DEBUG on those are
HTML debug pages. A client of a JSON API should never have to parse HTML, so this
middleware turns such answers into `{"detail": ...}` with the same status.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja.parser import Parser

JSON_PREFIXES = ("/api/", "/hsds/")


def is_json_api(request) -> bool:
    return request.path.startswith(JSON_PREFIXES)


def too_big():
    return JsonResponse({"detail": _("The request is too large: at most %(megabytes)s MB.")
                         % {"megabytes": round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20, 1)}}, status=413)


def _detail(status: int) -> str:
    messages = {
        400: _("The request could not be read."),
        403: _("This request was refused."),
        404: _("Not found."),
        405: _("This address does not take that method."),
        413: _("The request is too large."),
    }
    if status in messages:
        return messages[status]
    if status >= 500:
        return _("Something went wrong on our side. Please try again.")
    return _("The request could not be completed.")


class JsonApiErrorsMiddleware:
    # Headers that describe the original body are dropped; the others (Allow on a 405,
    # Retry-After, WWW-Authenticate, caching) still hold for the JSON answer.
    BODY_HEADERS = {"content-type", "content-length", "content-encoding", "content-disposition"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_json_api(request) or response.status_code < 400 or _is_json(response):
            return response
        replacement = JsonResponse({"detail": _detail(response.status_code)}, status=response.status_code)
        for name, value in response.items():
            if name.lower() not in self.BODY_HEADERS:
                replacement[name] = value
        return replacement

    def process_exception(self, request, exception):
        if not is_json_api(request):
            return None
        if isinstance(exception, RequestDataTooBig):
            return too_big()
        if isinstance(exception, SuspiciousOperation):
            return JsonResponse({"detail": _detail(400)}, status=400)
        return None


def _is_json(response) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip() == "application/json"


class ObjectBody(Exception):
    """The body was JSON, but not the object every endpoint of ours takes."""


class ObjectBodyParser(Parser):
    """Every request body of the API is a JSON object (`tests/api/test_contract.py`
    holds that true). ninja's Schema reads fields from any Python value through
    attribute look-ups, so without this check `[null, null]` or `"text"` would pass as
    an object with every field at its default."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ObjectBody()
        return data


def object_body_error(api, request, error):
    """ninja reports any parser failure as 400 "Cannot parse request body"; a body of the
    wrong JSON type is valid JSON that fails validation, so 422 like any other."""
    if isinstance(error.__cause__, ObjectBody):
        return api.create_response(
            request, {"detail": [{"type": "model_type", "loc": ["body"], "msg": _("The body must be a JSON object.")}]},
            status=422)
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)
