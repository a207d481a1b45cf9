from django.contrib import admin
from django.urls import include, path

from kinwell.api import api
from kinwell.core import urls as core_urls, views as core_views
from kinwell.safety.views import help_now

# --- help-now: the most important page keeps the shortest address and the name every
# template uses ("core:help_now"); it lives in safety, so it joins core's namespace here
# rather than core importing an app above it.
core_and_help_now = ([path("help-now/", help_now, name="help_now"), *core_urls.urlpatterns], core_urls.app_name)
# --- end help-now

urlpatterns = [
    path("", include(core_and_help_now)),
    path("accounts/", include("kinwell.accounts.urls")),
    path("", include("kinwell.circles.urls")),
    path("", include("kinwell.safety.urls")),
    path("", include("kinwell.checkins.urls")),
    path("", include("kinwell.screening.urls")),
    path("", include("kinwell.journal.urls")),
    path("", include("kinwell.connect.urls")),
    path("", include("kinwell.talk.urls")),
    path("", include("kinwell.directory.urls")),
    path("", include("kinwell.library.urls")),
    path("", include("kinwell.moderation.urls")),
    path("", include("kinwell.support.urls")),
    path("", include("kinwell.summary.urls")),
    path("", include("kinwell.daily.urls")),  # the daily question (issue 18)
    # On your phone: the manifest, the service worker and the offline pages at the root.
    path("", include("kinwell.pwa.urls")),
    path("push/", include("kinwell.push.urls")),
    # --- notifications (issue 19) ---
    path("", include("kinwell.notifications.urls")),
    # Conversation card decks (issue 18)
    path("", include("kinwell.cards.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = core_views.not_found
handler500 = core_views.server_error
