from django.urls import path

from kinwell.notifications import views

app_name = "notifications"

urlpatterns = [
    path("accounts/settings/notifications/", views.preferences, name="settings"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
