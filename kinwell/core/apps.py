from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "kinwell.core"
    label = "core"
    verbose_name = "Kinwell core"

    def ready(self):
        from kinwell.core import converters  # noqa: F401  registers <id:...> before any URL conf loads
        from kinwell.core import idempotency  # noqa: F401  its section of "Download my data"

        autodiscover_modules("jobs")  # each app's jobs.py registers its periodic jobs
        autodiscover_modules("home")  # each app's home.py adds what waits and its cards on home
