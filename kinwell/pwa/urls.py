from django.urls import path

from kinwell.pwa import views

app_name = "pwa"

# At the root: a service worker controls only the addresses under its own, and the
# manifest is found by browsers at a stable address.
urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("offline/saved/", views.offline_saved, name="offline_saved"),
]
