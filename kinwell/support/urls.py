from django.urls import path

from kinwell.support import views

app_name = "support"

urlpatterns = [
    path("support-plan/", views.plan, name="plan"),
    path("support-plan/needs/<slug:step>/", views.needs_step, name="needs"),
    path("support-plan/message/", views.message, name="message"),
    path("support-plan/together/", views.build_together, name="build_together"),
    path("support-plan/start-over/", views.start_over, name="start_over"),
    path("support-plan/save/<uuid:service_at_location_id>/", views.save_service, name="save_service"),
    path("support-plan/<id:plan_id>/", views.joint, name="joint"),
    path("support-plan/<id:plan_id>/needs/<slug:step>/", views.joint_needs, name="joint_needs"),
    path("support-plan/<id:plan_id>/steps/", views.own_step, name="own_step"),
    path("support-plan/<id:plan_id>/steps/<id:step_id>/done/", views.step_done, name="step_done"),
    path("support-plan/<id:plan_id>/steps/<id:step_id>/remove/", views.remove_step, name="remove_step"),
    path("support-plan/<id:plan_id>/follow-up/", views.follow_up, name="follow_up"),
    path("support-plan/<id:plan_id>/together/stop/", views.stop_together, name="stop_together"),
    path("circles/<id:circle_id>/members/<id:user_id>/support-plan/", views.member_plan, name="member_plan"),
]
