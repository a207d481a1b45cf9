from django.urls import path

from kinwell.daily import views

app_name = "daily"

urlpatterns = [
    path("circles/<id:circle_id>/question/", views.today, name="today"),
    path("circles/<id:circle_id>/questions/", views.past, name="past"),
    path("circles/<id:circle_id>/questions/<id:day_id>/", views.day, name="day"),
    path("circles/<id:circle_id>/questions/<id:day_id>/answer/", views.answer, name="answer"),
    path("circles/<id:circle_id>/questions/<id:day_id>/swap/", views.swap, name="swap"),
    path("circles/<id:circle_id>/questions/<id:day_id>/answers/<id:answer_id>/react/", views.react, name="react"),
    path("circles/<id:circle_id>/questions/<id:day_id>/answers/<id:answer_id>/reply/", views.reply, name="reply"),
]
