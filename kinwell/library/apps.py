from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "kinwell.library"
    label = "library"
    verbose_name = "Resources library and replies"

    def ready(self):
        from kinwell.library import personal_data  # noqa: F401  registers the export section
        from kinwell.library.reportable import register_replies

        register_replies()
