from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "kinwell.circles"
    label = "circles"
    verbose_name = "Circles and sharing"

    def ready(self):
        from kinwell.circles import personal_data  # noqa: F401  registers the export section
