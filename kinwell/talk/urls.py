from django.urls import path

from kinwell.talk import conflict_views, views

app_name = "talk"

urlpatterns = [
    path("talk/", views.home, name="home"),
    path("talk/coach/", views.coach, name="coach"),
    path("circles/<id:circle_id>/talk/", views.circle_talk, name="circle"),
    path("circles/<id:circle_id>/talk/conversations/<id:conversation_id>/", views.conversation, name="conversation"),
    path(
        "circles/<id:circle_id>/talk/conversations/<id:conversation_id>/state/",
        views.conversation_state,
        name="conversation_state",
    ),
    path(
        "circles/<id:circle_id>/talk/conversations/<id:conversation_id>/live/",
        views.conversation_live,
        name="conversation_live",
    ),
    path("circles/<id:circle_id>/talk/conflicts/new/", conflict_views.open_conflict, name="conflict_new"),
    path("circles/<id:circle_id>/talk/conflicts/<id:conflict_id>/", conflict_views.conflict, name="conflict"),
]
