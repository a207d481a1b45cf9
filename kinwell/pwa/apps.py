from django.apps import AppConfig


class PwaConfig(AppConfig):
    name = "kinwell.pwa"
    label = "pwa"
    verbose_name = "The installable app"
