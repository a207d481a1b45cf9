from django.urls import path

from kinwell.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    # "core:help_now" (/help-now/) is safety's page, joined to this namespace in kinwell/urls.py.
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
