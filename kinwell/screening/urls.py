from django.urls import path

from kinwell.screening import views

app_name = "screening"

urlpatterns = [
    path("screening/", views.index, name="index"),
    path("screening/take/<slug:instrument>/", views.start, name="start"),
    path("screening/responses/<id:response_id>/", views.take, name="take"),
    path("screening/responses/<id:response_id>/discard/", views.discard, name="discard"),
    path("screening/results/<id:response_id>/", views.result, name="result"),
    path("screening/results/<id:response_id>/delete/", views.delete, name="delete"),
    path("screening/results/<id:response_id>/fhir.json", views.fhir_one, name="fhir"),
    path("screening/fhir.json", views.fhir_all, name="fhir_all"),
    path("screening/history/", views.history, name="history"),
    path("screening/summary/", views.summary, name="summary"),
    path("screening/reminders/", views.reminders, name="reminders"),
    path("screening/reminders/stop/<str:token>/", views.stop_reminders, name="stop_reminders"),
    path("circles/<id:circle_id>/members/<id:user_id>/screening/", views.member_results, name="member_results"),
]
