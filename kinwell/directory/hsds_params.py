"""What /hsds/ accepts: every query parameter of the HSDS 3.0 OpenAPI, read and bounded here.

Anything the database or the search could not take (a 20-digit page, proximity=-1e999,
nan, a date that is not one) is a ServiceError, so a 400 in JSON, never a 500.
"""

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, time
from datetime import timezone as dt_timezone

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from kinwell.core.errors import ServiceError
from kinwell.directory import geo

MAX_PER_PAGE = 100
MAX_PAGE = 100_000
# Half the way round the Earth: any two places are closer. Wide enough to reach Guam and
# the Northern Mariana Islands from Hawaii (about 3,800 miles, across the antimeridian).
MAX_PROXIMITY_METERS = 20_037_500
MAX_SEARCH_LENGTH = 100
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


@dataclass(frozen=True)
class ListParams:
    page: int = 1
    per_page: int = 20
    search: tuple = ()
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    full: bool = False
    minimal: bool = False
    ndjson: bool = False
    point: tuple | None = None  # (latitude, longitude) of the postcode's centre
    postcode: str = ""
    proximity_miles: float | None = None


def _paging(request) -> tuple[int, int]:
    try:
        number = int(request.GET.get("page") or 1)
        per_page = int(request.GET.get("per_page") or 20)
    except ValueError:
        raise ServiceError(_("page and per_page must be whole numbers.")) from None
    # A page past what any database can offset to is a 400, not an overflow.
    if not 1 <= number <= MAX_PAGE:
        raise ServiceError(_("page must be between 1 and %(max)s.") % {"max": MAX_PAGE})
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ServiceError(_("per_page must be between 1 and %(max)s.") % {"max": MAX_PER_PAGE})
    return number, per_page


def _proximity(text) -> float:
    try:
        meters = float(text)
    except ValueError:
        meters = None
    # float() reads "nan", "inf" and "-1e999" too: only a finite distance in range is one.
    if meters is None or not math.isfinite(meters) or not 0 < meters <= MAX_PROXIMITY_METERS:
        raise ServiceError(_("proximity is a distance in meters, more than 0 and at most %(max)s.")
                           % {"max": f"{MAX_PROXIMITY_METERS:,}"})
    return meters


def boolean(request, name) -> bool:
    value = (request.GET.get(name) or "").strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ServiceError(_("%(name)s is true or false.") % {"name": name})


def hsds_id(text, name="id") -> uuid.UUID:
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise ServiceError(_("“%(value)s” is not an HSDS id (%(name)s).") % {"value": text, "name": name}) from None


def _optional_id(request, name):
    text = (request.GET.get(name) or "").strip()
    return hsds_id(text, name) if text else None


def _modified_after(request):
    text = (request.GET.get("modified_after") or "").strip()
    if not text:
        return None
    try:
        moment = parse_datetime(text.replace(" ", "+")) or None  # "+" in a URL arrives as a space
        if moment is None and parse_date(text):
            moment = datetime.combine(parse_date(text), time.min)
    except ValueError:
        moment = None
    if moment is None:
        raise ServiceError(_("modified_after is a date or date and time, such as 2024-05-01T00:00:00Z."))
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt_timezone.utc)


def refuse_control_characters(request) -> None:
    """PostgreSQL cannot even compare text holding a NUL; no parameter needs a control character."""
    for values in request.GET.lists():
        for value in (values[0], *values[1]):
            if any(ord(character) < 32 for character in value):
                raise ServiceError(_("Parameters cannot contain control characters."))


def list_params(request, *, place: bool = False) -> ListParams:
    refuse_control_characters(request)
    page, per_page = _paging(request)
    search = (request.GET.get("search") or "").strip()
    if len(search) > MAX_SEARCH_LENGTH:
        raise ServiceError(_("search is at most %(max)s characters.") % {"max": MAX_SEARCH_LENGTH})
    fmt = (request.GET.get("format") or "json").strip().lower()
    if fmt not in ("json", "ndjson"):
        raise ServiceError(_("format is json or ndjson."))
    point, miles, postcode = None, None, (request.GET.get("postcode") or "").strip()
    if place:
        if request.GET.get("proximity") and not postcode:
            raise ServiceError(_("proximity needs a postcode to measure from."))
        if postcode:
            point = geo.zip_centroid(postcode) if geo.normalise_zip(postcode) else None
            if point is None:
                raise ServiceError(_("Unknown US postcode “%(code)s”.") % {"code": postcode[:20]})
            postcode = geo.normalise_zip(postcode)
        if request.GET.get("proximity"):
            miles = _proximity(request.GET["proximity"]) / 1609.344
    return ListParams(
        page=page, per_page=per_page, search=tuple(search.lower().split()[:8]),
        taxonomy_term_id=_optional_id(request, "taxonomy_term_id"), taxonomy_id=_optional_id(request, "taxonomy_id"),
        organization_id=_optional_id(request, "organization_id"), modified_after=_modified_after(request),
        full=boolean(request, "full") or boolean(request, "full_service"), minimal=boolean(request, "minimal"),
        ndjson=fmt == "ndjson", point=point, postcode=postcode, proximity_miles=miles)
