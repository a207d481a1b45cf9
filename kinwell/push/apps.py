from django.apps import AppConfig


class PushConfig(AppConfig):
    name = "kinwell.push"
    label = "push"
    verbose_name = "Push notifications"

    def ready(self):
        from kinwell.notifications.channels import register_channel
        from kinwell.push import personal_data, selectors, services  # noqa: F401  registers the export section

        register_channel("push", deliver=services.deliver, reachable=selectors.reachable)
