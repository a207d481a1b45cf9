from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "kinwell.support"
    label = "support"
    verbose_name = "Needs and support plan"

    def ready(self):
        from kinwell.support import personal_data, signals  # noqa: F401  registers the export section and deletion hook
