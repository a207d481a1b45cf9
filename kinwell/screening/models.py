import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinwell.screening import scoring

INSTRUMENT_CHOICES = [(key, instrument.name) for key, instrument in scoring.instruments().items()]


class Response(models.Model):
    """One sitting of one questionnaire: in progress (paused and resumable) or completed.

    Answers are the item keys of data/instruments.toml mapped to the chosen value; the
    total and band are stored when completed, so history never re-scores old answers."""

    class Mode(models.TextChoices):
        ONE = "one", _("One question per screen")
        ALL = "all", _("All questions on one page")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screening_responses")
    instrument = models.CharField(max_length=16, choices=INSTRUMENT_CHOICES)
    mode = models.CharField(max_length=3, choices=Mode.choices, default=Mode.ONE)
    answers = models.JSONField(default=dict)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveSmallIntegerField(null=True, blank=True)
    band = models.CharField(max_length=24, blank=True)
    # When the safety response was started for this sitting (an urgent answer), so the
    # person's contact is told once per sitting, not on every page after it.
    safety_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-completed_at", "-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "instrument"],
                condition=models.Q(completed_at__isnull=True),
                name="one_unfinished_response_per_instrument",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_instrument_display()} by {self.owner} ({'done' if self.completed_at else 'in progress'})"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def definition(self) -> scoring.Instrument:
        return scoring.get(self.instrument)

    @property
    def urgent(self) -> bool:
        """An answer calls for help (PHQ-9 item 9 above 0): the result page's question-9 section."""
        return scoring.is_urgent(self.definition, self.answers)

    @property
    def safety_level(self) -> str:
        """"urgent", "concern" or "none": whether the arranged contact may be told (urgent only)."""
        return scoring.safety_level(self.definition, self.answers)


def new_stop_token() -> str:
    return secrets.token_urlsafe(24)


class Reminder(models.Model):
    """An optional email every two weeks to take a questionnaire again."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screening_reminder")
    instrument = models.CharField(max_length=16, choices=INSTRUMENT_CHOICES)
    next_due = models.DateTimeField()
    stop_token = models.CharField(max_length=64, unique=True, default=new_stop_token)

    def __str__(self) -> str:
        return f"Reminder for {self.owner}: {self.instrument} on {self.next_due:%Y-%m-%d}"
