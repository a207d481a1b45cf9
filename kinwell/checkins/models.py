from datetime import time

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinwell.checkins.vocabulary import ENERGY_CHOICES, FEELINGS, MOOD_CHOICES, tag_label
from kinwell.core.encryption import EncryptedJSONField, EncryptedTextField

NOTE_MAX_LENGTH = 2000
RESPONSE_MAX_LENGTH = 280


class CheckIn(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins")
    # The person's own calendar day (in their time zone when they checked in, or the
    # day they chose when back-filling): trends and signs count days, not UTC instants.
    day = models.DateField(_("day"))
    recorded_at = models.DateTimeField(default=timezone.now)
    mood = models.PositiveSmallIntegerField(
        _("mood"), choices=MOOD_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    feelings = models.JSONField(default=list, blank=True)
    stress = models.PositiveSmallIntegerField(
        _("stress"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    sleep_hours = models.DecimalField(
        _("hours slept"), max_digits=3, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    energy = models.PositiveSmallIntegerField(_("energy"), choices=ENERGY_CHOICES, null=True, blank=True)
    # Tags can be the person's own words, so they are encrypted like the note (trends count
    # them in Python).
    tags = EncryptedJSONField(blank=True, default=list)
    note = EncryptedTextField(_("note"), blank=True, default="")
    wants_support = models.BooleanField(_("I could use some support today"), default=False)
    # Where an imported check-in came from, and a fingerprint of the source row, so
    # importing the same file twice adds nothing.
    source = models.CharField(max_length=16, default="kinwell")
    import_key = models.CharField(max_length=64, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["owner", "day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "import_key"], condition=~models.Q(import_key=""), name="one_import_per_source_row"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owner} on {self.day}: {self.mood}"

    @property
    def feeling_labels(self) -> list[str]:
        return [str(FEELINGS.get(code, code)) for code in self.feelings or ()]

    @property
    def tag_labels(self) -> list[str]:
        return [tag_label(code) for code in self.tags or ()]


class Reaction(models.TextChoices):
    HERE_FOR_YOU = "here_for_you", _("I'm here for you")
    THINKING_OF_YOU = "thinking_of_you", _("Thinking of you")
    WANT_TO_TALK = "want_to_talk", _("Want to talk?")
    MESSAGE = "message", _("A message")


class CheckInResponse(models.Model):
    """Someone reaching out after seeing a check-in: a small kind reaction or a short message."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_responses")
    reaction = models.CharField(max_length=20, choices=Reaction.choices)
    message = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]


class SignSettings(models.Model):
    """What the person chose about noticing signs in their own check-ins."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_settings")
    nudges_on = models.BooleanField(_("Gently let me know when my check-ins shift"), default=True)
    streak_rule_on = models.BooleanField(_("Also notice when I stop checking in after a long streak"), default=False)
    tell_supporters = models.BooleanField(_("Ask the people I pick to check on me"), default=False)
    supporters = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="supporting_signs")
    last_checked_on = models.DateField(null=True, blank=True)


class SignNudge(models.Model):
    """A sign that appeared, once per pattern (rule + the day it started)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_nudges")
    rule = models.CharField(max_length=40)
    since = models.DateField()
    details = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    supporters_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["owner", "rule", "since"], name="one_nudge_per_pattern")]


class ReminderSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_reminder")
    enabled = models.BooleanField(_("Send me a daily reminder to check in"), default=False)
    local_time = models.TimeField(_("At this time (your time zone)"), default=time(20, 0))
    snoozed_until = models.DateField(null=True, blank=True)
    last_sent_on = models.DateField(null=True, blank=True)


class CheckInImport(models.Model):
    """A file a person uploaded to import, waiting for the worker or done by it.

    The file waits in the database, encrypted (any app server may take the upload, and
    the worker may run on another machine), and is cleared as soon as it is read. What
    stays is the outcome for the result page: counts and skipped lines with their
    reasons, never the notes themselves."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        READING = "reading", _("Reading the file")
        SAVING = "saving", _("Saving your check-ins")
        DONE = "done", _("Done")
        FAILED = "failed", _("Nothing was imported")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_imports")
    format = models.CharField(max_length=10)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    upload = EncryptedTextField(blank=True)  # the file, base64; emptied once read
    outcome = models.JSONField(default=dict)
    safety_level = models.CharField(max_length=10, blank=True)
    safety_reasons = models.JSONField(default=list)
    safety_shown = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def waiting(self) -> bool:
        return self.status not in (self.Status.DONE, self.Status.FAILED)
