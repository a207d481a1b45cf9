"""The JSON API at /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Browsers use their session (with the CSRF token); other clients send a personal
access token as `Authorization: Bearer kw_...`. Each app adds its own router.
"""

from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer

from kinwell.accounts.api import router as accounts_router
from kinwell.accounts.services import token_for_api
from kinwell.checkins.api import router as checkins_router
from kinwell.circles.api import invitations_router
from kinwell.circles.api import router as circles_router
from kinwell.connect.api import router as connect_router
from kinwell.journal.api import router as journal_router
from kinwell.core.errors import NotAllowed, ServiceError
from kinwell.screening.api import router as screening_router
from kinwell.talk.api import router as talk_router
from kinwell.directory.api import router as directory_router
from kinwell.support.api import router as support_router
from kinwell.library.api import reports_router, router as library_router


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


api = NinjaAPI(
    title="Kinwell API",
    version="1.0.0",
    description=(
        "Circles, invitations, memberships and sharing settings for the signed-in person. "
        "Authenticate with a personal access token (Settings → API tokens) as a Bearer token, "
        "or with the browser session. Another person's data is returned only as their sharing allows."
    ),
    auth=[PersonalAccessToken(), BrowserSession(csrf=True)],
)


@api.exception_handler(ServiceError)
def service_error(request, error: ServiceError):
    return api.create_response(request, {"detail": error.message}, status=error.status)


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
