from django.apps import AppConfig


class CardsConfig(AppConfig):
    name = "kinwell.cards"
    label = "cards"
    verbose_name = "Conversation card decks"

    def ready(self):
        from kinwell.cards import personal_data  # noqa: F401  registers the export section
