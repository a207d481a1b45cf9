from django.conf import settings
from django.db import models
from django.utils import timezone


class Favourite(models.Model):
    """A card a person keeps to come back to. Only the card's key is stored: the words
    live in the deck files, so a favourite shows in whichever language the person reads."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_favourites")
    card_key = models.CharField(max_length=80)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["person", "card_key"], name="one_favourite_per_card")]

    def __str__(self) -> str:
        return f"{self.person} keeps {self.card_key}"
