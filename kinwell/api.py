"""The JSON API at /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Browsers use their session (with the CSRF token); other clients send a personal
access token as `Authorization: Bearer kw_...`. Each app adds its own router.
Writes take an `Idempotency-Key` header (`core/idempotency.py`); every answer is JSON
(`core/json_api.py`).
"""

from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer

from kinwell.accounts.api import router as accounts_router
from kinwell.accounts.services import token_for_api
from kinwell.checkins.api import router as checkins_router
from kinwell.circles.api import invitations_router
from kinwell.circles.api import router as circles_router
from kinwell.connect.api import router as connect_router
from kinwell.daily.api import router as daily_router  # the daily question (issue 18)
from kinwell.journal.api import router as journal_router
from kinwell.core import idempotency
from kinwell.core.converters import IdConverter
from kinwell.core.errors import NotAllowed, ServiceError
from kinwell.core.json_api import ObjectBodyParser, object_body_error, too_big
from kinwell.screening.api import router as screening_router
from kinwell.talk.api import router as talk_router
from kinwell.directory.api import router as directory_router
from kinwell.support.api import router as support_router
from kinwell.library.api import reports_router, router as library_router
# Card decks (issue 18)
from kinwell.cards.api import router as cards_router


READING_METHODS = {"GET", "HEAD", "OPTIONS"}


class PersonalAccessToken(HttpBearer):
    def authenticate(self, request, token):
        found = token_for_api(token)
        if found is None:
            return None
        if found.read_only and request.method not in READING_METHODS:
            raise NotAllowed(gettext("This token can only read. Create a token with read and write access "
                                     "under Settings → API tokens to make changes."))
        request.user = found.user
        return found.user


class BrowserSession(APIKeyCookie):
    """The signed-in browser session; unsafe methods need the CSRF token as usual."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        if request.user.is_authenticated:
            return request.user
        return None


class KinwellAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in document["paths"].values():
            for method, operation in operations.items():
                _document_id_bounds(operation)
                if method.upper() in idempotency.WRITES and operation.get("security"):
                    operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY_PARAMETER)
        return document


IDEMPOTENCY_KEY_PARAMETER = {
    "in": "header",
    "name": idempotency.HEADER,
    "required": False,
    "description": "Any unique string (a UUID is good). Sending the same request again with the same key "
                   "within 24 hours returns the first answer and writes nothing new.",
    "schema": {"type": "string", "pattern": idempotency.KEY_PATTERN, "maxLength": 255},
}


def _document_id_bounds(operation):
    # Integer path parameters are all ids matched by the <id:...> converter
    # (tests/api/test_contract.py checks it): a longer number does not match the URL.
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path" and parameter["schema"].get("type") == "integer":
            parameter["schema"].update(minimum=IdConverter.minimum, maximum=IdConverter.maximum)


api = KinwellAPI(
    title="Kinwell API",
    version="1.0.0",
    description=(
        "Circles, invitations, memberships and sharing settings for the signed-in person. "
        "Authenticate with a personal access token (Settings → API tokens) as a Bearer token, "
        "or with the browser session. Another person's data is returned only as their sharing allows.\n\n"
        "**Retrying a write safely.** Send an `Idempotency-Key` header (any unique string, such as a "
        "UUID) with a POST, PUT, PATCH or DELETE. If the answer is lost, send the same request with the "
        "same key again: within 24 hours you get the first answer back (same status and body, with "
        "`Idempotent-Replayed: true`) and nothing is written twice. The same key with a different "
        "method, path or body is refused with 422. Keys belong to the signed-in person.\n\n"
        "Every answer is JSON, errors included (`{\"detail\": ...}`); a body over the size limit is a 413."
    ),
    auth=[PersonalAccessToken(), BrowserSession(csrf=True)],
    parser=ObjectBodyParser(),
)
idempotency.install(api)


@api.exception_handler(ServiceError)
def service_error(request, error: ServiceError):
    return api.create_response(request, {"detail": error.message}, status=error.status)


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    return object_body_error(api, request, error)


@api.exception_handler(RequestDataTooBig)
def request_too_big(request, error):
    return too_big()


@api.exception_handler(AuthenticationError)
def not_authenticated(request, error):
    return api.create_response(
        request, {"detail": "Sign in, or send a personal access token as a Bearer token."}, status=401
    )


api.add_router("/", accounts_router)
api.add_router("/circles", circles_router)
api.add_router("/invitations", invitations_router)
api.add_router("/checkins", checkins_router)
api.add_router("/", screening_router)
api.add_router("/journal", journal_router)
api.add_router("/together", connect_router)
api.add_router("/talk", talk_router)
api.add_router("/directory", directory_router)
api.add_router("/support-plan", support_router)
api.add_router("/library", library_router)
api.add_router("/reports", reports_router)
api.add_router("/daily", daily_router)  # the daily question (issue 18)
# --- notifications (issue 19) ---
from kinwell.notifications.api import router as notifications_router  # noqa: E402

api.add_router("/notifications", notifications_router)
# Card decks (issue 18)
api.add_router("/cards", cards_router)
