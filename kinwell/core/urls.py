from django.urls import path

from kinwell.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("help-now/", views.help_now, name="help_now"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
