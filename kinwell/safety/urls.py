from django.urls import path

from kinwell.safety import views

app_name = "safety"

urlpatterns = [
    path("safety-plan/", views.plan, name="plan"),
    path("safety-plan/print/", views.plan_print, name="plan_print"),
    path("safety-plan/tell/", views.tell_contact, name="tell_contact"),
    path("supporting-someone/", views.supporting, name="supporting"),
    path("chosen/say-no/<str:token>/", views.decline, name="decline"),
    path("circles/<id:circle_id>/members/<id:user_id>/safety-plan/", views.member_plan, name="member_plan"),
]
