from django.urls import path

from kinwell.summary import views

app_name = "summary"

urlpatterns = [
    path("summary/", views.index, name="index"),
    path("summary/<id:summary_id>/", views.detail, name="detail"),
    path("summary/<id:summary_id>/fhir.json", views.fhir, name="fhir"),
    path("summary/<id:summary_id>/links/", views.share, name="share"),
    path("summary/<id:summary_id>/links/<id:link_id>/revoke/", views.revoke_link, name="revoke_link"),
    path("summary/<id:summary_id>/delete/", views.delete, name="delete"),
    # Public by its secret token, like the calendar feed: a clinician has no account.
    path("for-clinician/<str:token>/", views.shared, name="shared"),
]
