import time

from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinwell.core.localtime import zone_of


class UserPreferencesMiddleware:
    """Shows a signed-in person pages in their own language and time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(zone_of(user))
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
        else:
            timezone.deactivate()
        return self.get_response(request)


SHARED_DEVICE_KEY = "kinwell_shared_device_seen"
SHARED_DEVICE_IDLE = 30 * 60  # seconds
# The last-seen time is written at most once a minute, so most requests write nothing.
SEEN_RESOLUTION = 60


def start_shared_device_session(request) -> None:
    """'This is a shared device': the cookie ends with the browser, the session after 30 idle minutes."""
    request.session.set_expiry(0)
    request.session[SHARED_DEVICE_KEY] = int(time.time())


class SharedDeviceMiddleware:
    """Signs out a shared-device session that has been idle for 30 minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        seen = session.get(SHARED_DEVICE_KEY) if session is not None else None
        if seen is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - seen > SHARED_DEVICE_IDLE:
                logout(request)
                messages.info(request, _("You were signed out after 30 minutes without activity, "
                                         "as you asked on this shared device."))
            elif now - seen >= SEEN_RESOLUTION:
                session[SHARED_DEVICE_KEY] = now
        return self.get_response(request)
