from django.urls import path

from kinwell.moderation import views

app_name = "moderation"

urlpatterns = [
    path("report/<slug:target_type>/<slug:target_id>/", views.report, name="report"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/act/", views.act, name="act"),
    path("moderation/log/", views.audit_log, name="log"),
]
