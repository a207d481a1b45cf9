from django.apps import AppConfig


class SummaryConfig(AppConfig):
    name = "kinwell.summary"
    label = "summary"
    verbose_name = "Summaries for a clinician"

    def ready(self):
        from kinwell.summary import personal_data  # noqa: F401  registers the export section
