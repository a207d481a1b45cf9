from django.contrib import admin
from django.urls import include, path

from kinwell.api import api
from kinwell.core import views as core_views

urlpatterns = [
    path("", include("kinwell.core.urls")),
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
    # Conversation card decks (issue 18)
    path("", include("kinwell.cards.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = core_views.not_found
handler500 = core_views.server_error
