from django.urls import path

app_name = "push"
urlpatterns = []
