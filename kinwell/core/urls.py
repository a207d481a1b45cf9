from django.urls import path

from kinwell.core import views
from kinwell.safety.views import help_now

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    # Here, not under safety/, so the most important page keeps the shortest address.
    path("help-now/", help_now, name="help_now"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
