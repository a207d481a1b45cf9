from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckinsConfig(AppConfig):
    name = "kinwell.checkins"
    label = "checkins"
    verbose_name = _("Check-ins")

    def ready(self):
        from kinwell.checkins import personal_data  # noqa: F401  registers the export section
