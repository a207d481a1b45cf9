from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinwell.core"
    label = "core"
    verbose_name = "Kinwell core"

    def ready(self):
        from kinwell.core import converters  # noqa: F401  registers <id:...> before any URL conf loads
