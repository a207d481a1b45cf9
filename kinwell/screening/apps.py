from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "kinwell.screening"
    label = "screening"
    verbose_name = "Screening questionnaires"

    def ready(self):
        from kinwell.screening import jobs, personal_data  # noqa: F401  registers the export section and the reminder job
