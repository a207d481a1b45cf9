from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kinwell.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from kinwell.accounts import personal_data  # noqa: F401  registers the export section
        from kinwell.accounts import signals  # noqa: F401  keeps the index of signed-in sessions
