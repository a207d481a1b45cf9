from django.apps import AppConfig


class ConnectConfig(AppConfig):
    name = "kinwell.connect"
    label = "connect"
    verbose_name = "Appreciation, quality time and small gestures"

    def ready(self):
        from kinwell.connect import personal_data  # noqa: F401  registers the export section
