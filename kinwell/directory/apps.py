from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "kinwell.directory"
    label = "directory"
    verbose_name = "Help finder directory"

    def ready(self):
        from kinwell.directory.reportable import register_services

        register_services()
