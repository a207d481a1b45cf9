from django.urls import path

from kinwell.circles import views

app_name = "circles"

urlpatterns = [
    path("circles/new/", views.new_circle, name="new"),
    path("circles/<id:circle_id>/", views.circle_detail, name="detail"),
    path("circles/<id:circle_id>/members/<id:user_id>/", views.member_detail, name="member"),
    path("circles/<id:circle_id>/members/<id:user_id>/remove/", views.remove_member, name="remove_member"),
    path("circles/<id:circle_id>/owner/", views.transfer, name="transfer"),
    path("circles/<id:circle_id>/invite/", views.invite, name="invite"),
    path(
        "circles/<id:circle_id>/invitations/<id:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("circles/<id:circle_id>/sharing/", views.sharing, name="sharing"),
    path("circles/<id:circle_id>/leave/", views.leave, name="leave"),
    path("invite/<str:token>/", views.invitation, name="invitation"),
    path("settings/access-log/", views.access_log, name="access_log"),
]
