from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kinwell.circles import selectors as circle_selectors
from kinwell.core import memo
from kinwell.core.home import first_steps_for, panels_for, waiting_for
from kinwell.core.json_api import is_json_api


def home(request):
    """The day's page: what waits for you, the day's cards and your circles. Everything an
    app above core adds comes through the registries in core/home.py."""
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    user = request.user
    with memo.scope():  # the apps' sources share their common reads, once for the page
        context = {
            "first_steps": first_steps_for(user=user),
            "waiting": waiting_for(user=user),
            "panels": [
                render_to_string(panel.template, panel.context, request=request) for panel in panels_for(user=user)
            ],
            "circles": circle_selectors.circles_with_people(user=user),
        }
    return render(request, "core/home.html", context)


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "not answering"}, status=503)
    return JsonResponse({"status": "ok"})


def not_found(request, exception=None):
    if is_json_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "core/problem.html", {"status": 404, "message": None}, status=404)


def server_error(request):
    if is_json_api(request):
        return JsonResponse({"detail": _("Something went wrong on our side. Please try again.")}, status=500)
    try:
        return render(request, "core/problem.html", {"status": 500, "message": None}, status=500)
    except DatabaseError:
        # The database is what failed (a restart, a lost connection): the page, with its
        # way to help now, is drawn as for a visitor, without the session or the account.
        request.user = AnonymousUser()
        # The same session key with nothing loaded: an empty session without its key would
        # make the middleware delete the person's cookie, signing them out over a blip.
        stand_in = SessionStore(session_key=getattr(request.session, "session_key", None))
        stand_in._session_cache = {}
        request.session = stand_in
        return render(request, "core/problem.html", {"status": 500, "message": None}, status=500)


def csrf_failure(request, reason=""):
    return render(
        request,
        "core/problem.html",
        {
            "status": 403,
            "message": "Your form had expired or came from somewhere else. Go back, reload the page and try again.",
        },
        status=403,
    )
