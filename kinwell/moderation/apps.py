from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "kinwell.moderation"
    label = "moderation"
    verbose_name = "Reports and moderation"

    def ready(self):
        from kinwell.moderation import personal_data  # noqa: F401  registers the export section
