from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinwell.core"
    label = "core"
    verbose_name = "Kinwell core"
