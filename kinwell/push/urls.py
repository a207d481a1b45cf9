from django.urls import path

from kinwell.push import views

app_name = "push"

urlpatterns = [
    path("devices/", views.devices, name="devices"),
    path("devices/subscribe/", views.subscribe, name="subscribe"),
    path("devices/<id:device_id>/remove/", views.remove, name="remove"),
]
