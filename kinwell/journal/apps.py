from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "kinwell.journal"
    label = "journal"
    verbose_name = "Private journal and personal goals"

    def ready(self):
        from kinwell.journal import personal_data  # noqa: F401  registers the export section
