from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "kinwell.safety"
    label = "safety"
    verbose_name = "Safety"

    def ready(self):
        from kinwell.safety import personal_data  # noqa: F401  registers the export section
