from django.urls import path

from kinwell.library import views

app_name = "library"

urlpatterns = [
    path("library/", views.article_list, name="list"),
    path("library/guidelines/", views.guidelines, name="guidelines"),
    path("library/<slug:slug>/", views.article_detail, name="article"),
    path("library/<slug:slug>/replies/<id:reply_id>/respond/", views.respond, name="respond"),
]
