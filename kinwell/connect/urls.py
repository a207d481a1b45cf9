from django.urls import path

from kinwell.connect import views

app_name = "connect"

urlpatterns = [
    path("together/", views.index, name="index"),
    path("circles/<id:circle_id>/together/", views.circle, name="circle"),
    path("circles/<id:circle_id>/together/week/", views.week, name="week"),
    path("circles/<id:circle_id>/together/wins/<id:win_id>/delete/", views.delete_win, name="delete_win"),
    path("gratitude/", views.gratitude, name="gratitude"),
    path("gratitude/<id:entry_id>/delete/", views.delete_gratitude, name="delete_gratitude"),
    path("circles/<id:circle_id>/members/<id:user_id>/gratitude/", views.member_gratitude, name="member_gratitude"),
    path("ideas/", views.idea_list, name="ideas"),
    path("circles/<id:circle_id>/plans/", views.plans, name="plans"),
    path("circles/<id:circle_id>/plans/<id:plan_id>/", views.plan, name="plan"),
    path("circles/<id:circle_id>/plans/<id:plan_id>/calendar.ics", views.plan_ics, name="plan_ics"),
    path("settings/calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("settings/nudges/", views.nudges, name="nudges"),
    path("nudges/stop/<str:token>/", views.stop_nudges, name="stop_nudges"),
]
