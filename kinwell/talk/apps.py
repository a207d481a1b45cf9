from django.apps import AppConfig


class TalkConfig(AppConfig):
    name = "kinwell.talk"
    label = "talk"
    verbose_name = "Talking together"

    def ready(self):
        from kinwell.talk import jobs, personal_data  # noqa: F401  registers the periodic job and export section
