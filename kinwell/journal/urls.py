from django.urls import path

from kinwell.journal import views

app_name = "journal"

urlpatterns = [
    path("journal/", views.journal, name="index"),
    path("journal/<id:entry_id>/", views.edit_entry, name="entry"),
    path("journal/<id:entry_id>/delete/", views.delete_entry, name="delete_entry"),
    path("goals/", views.goals, name="goals"),
    path("goals/<id:goal_id>/progress/", views.goal_progress, name="goal_progress"),
    path("goals/<id:goal_id>/delete/", views.delete_goal, name="delete_goal"),
    path("circles/<id:circle_id>/members/<id:user_id>/goals/", views.member_goals, name="member_goals"),
]
