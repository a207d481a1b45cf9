"""Appreciation, celebrations, gratitude, planned time together and small-gesture nudges.

Every text a person writes here is personal and stored encrypted. Appreciations are
seen by their sender and recipient; wins by everyone in the circle; the gratitude
journal by its owner, and by a circle only when shared (DataKind.GRATITUDE).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField


class Appreciation(models.Model):
    circle = models.ForeignKey("circles.Circle", on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_sent")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_received"
    )
    text = EncryptedTextField(_("appreciation"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # When the recipient first had it in front of them: until then it waits for them on home.
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Win(models.Model):
    """A win celebrated in the circle's feed: the author's own, or someone else's in the circle."""

    circle = models.ForeignKey("circles.Circle", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wins_posted")
    # Whose win it is; empty means the author's own.
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = EncryptedTextField(_("win"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class GratitudeEntry(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gratitude_entries")
    text = EncryptedTextField(_("gratitude"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class PlannedDate(models.Model):
    """Time together, proposed by one person to another in a shared circle.

    Whoever did not make the latest suggestion answers it: they accept, or suggest
    another time, which hands the answer back. Times are stored in UTC with the time
    zone they were chosen in, so calendars show the intended local time."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Planned")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Called off")

    circle = models.ForeignKey("circles.Circle", on_delete=models.CASCADE, related_name="+")
    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans_proposed")
    invitee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans_invited")
    # The person whose answer is awaited while the plan is proposed.
    awaiting = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    activity = models.CharField(max_length=40, blank=True)  # a key in data/activities.toml, or empty
    title = EncryptedTextField(_("what"))
    message = EncryptedTextField(_("message"), blank=True, default="")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def other_person(self, user):
        return self.invitee if user.pk == self.proposer_id else self.proposer

    def involves(self, user) -> bool:
        return user.pk in (self.proposer_id, self.invitee_id)


class PlanReminder(models.Model):
    """A reminder sent for a plan to one person for one start time: the job's memory,
    so it never sends twice, and sends again if the plan moves."""

    plan = models.ForeignKey(PlannedDate, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "person", "starts_at"], name="one_reminder_per_plan_time")
        ]


class CalendarFeed(models.Model):
    """A private calendar feed of the person's planned dates. Only the token's SHA-256 is
    stored; revoking deletes the row, so the old address stops working at once."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)


class NudgeFrequency(models.TextChoices):
    OFF = "off", _("No nudges")
    DAILY = "daily", _("Every day")
    FEW_WEEKLY = "few_weekly", _("A few times a week")
    WEEKLY = "weekly", _("Once a week")


class NudgePreference(models.Model):
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nudge_preference")
    frequency = models.CharField(max_length=12, choices=NudgeFrequency.choices, default=NudgeFrequency.OFF)
    by_email = models.BooleanField(default=True)
    # The person's local date of the last email: the job's memory (idempotence).
    last_sent_on = models.DateField(null=True, blank=True)
