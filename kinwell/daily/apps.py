from django.apps import AppConfig


class DailyConfig(AppConfig):
    name = "kinwell.daily"
    label = "daily"
    verbose_name = "The daily question"

    def ready(self):
        from kinwell.daily import personal_data  # noqa: F401  registers the export section
