from django.urls import path

from kinwell.checkins import views
from kinwell.checkins import io_views

app_name = "checkins"

urlpatterns = [
    path("check-ins/", views.my_checkins, name="mine"),
    path("check-ins/new/", views.new_checkin, name="new"),
    path("check-ins/quick/", views.quick_checkin, name="quick"),
    path("check-ins/<id:checkin_id>/edit/", views.edit_checkin, name="edit"),
    path("check-ins/<id:checkin_id>/delete/", views.delete_checkin, name="delete"),
    path("check-ins/trends/", views.trends, name="trends"),
    path("check-ins/settings/", views.sign_settings, name="settings"),
    path("check-ins/signs/<id:nudge_id>/dismiss/", views.dismiss_nudge, name="dismiss_nudge"),
    path("check-ins/reminder/<str:action>/<str:token>/", views.reminder_link, name="reminder_link"),
    path("check-ins/import-export/", io_views.import_export, name="import_export"),
    path("check-ins/imports/<id:import_id>/", io_views.import_status, name="import_status"),
    path("check-ins/export/<str:format>/", io_views.export, name="export"),
    path("circles/<id:circle_id>/check-ins/", views.circle_checkins, name="circle"),
    path("circles/<id:circle_id>/check-ins/<id:checkin_id>/respond/", views.respond, name="respond"),
]
