from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "kinwell.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from kinwell.notifications import email, personal_data  # noqa: F401  the email channel, the export section

        email.register()
