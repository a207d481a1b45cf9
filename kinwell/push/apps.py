from django.apps import AppConfig


class PushConfig(AppConfig):
    name = "kinwell.push"
    label = "push"
    verbose_name = "Push notifications"
