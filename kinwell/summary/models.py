"""A summary a person chose to bring to a clinician, and the private links they made for it.

A summary stores the *choice* (the period, which questionnaires, whether trends, the
support plan and signs go in, and which notes, one by one), never a copy of the data:
pages and bundles read the person's own data through that choice. Results, check-ins and
signs recorded after it was made (`made_at`) stay out, so a link never shows more than was
chosen; the support plan is read as it stands."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_LINK_DAYS = 14
MAX_LINK_DAYS = 90


class Summary(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician_summaries")
    made_at = models.DateTimeField(default=timezone.now)
    # The person's own calendar days, both included.
    start = models.DateField()
    end = models.DateField()
    instruments = models.JSONField(default=list, blank=True)  # questionnaire keys whose history goes in
    trends = models.BooleanField(default=False)
    plan = models.BooleanField(default=False)
    signs = models.BooleanField(default=False)
    note_ids = models.JSONField(default=list, blank=True)  # check-ins whose notes were picked one by one

    class Meta:
        ordering = ["-made_at", "-id"]

    def __str__(self) -> str:
        return f"summary {self.pk} of {self.owner_id} ({self.start}–{self.end})"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def hash_link_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_link_token() -> str:
    return secrets.token_urlsafe(32)


class ClinicianLink(models.Model):
    """A private, read-only, expiring address for one summary. Only the SHA-256 of the
    token is kept: the address is shown once, when it is made."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=80, blank=True, default="")
    token_hash = models.CharField(max_length=64, unique=True)
    made_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    views = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-made_at", "-id"]

    def __str__(self) -> str:
        return f"link {self.pk} for summary {self.summary_id}"

    def is_open(self, *, now=None) -> bool:
        return self.revoked_at is None and (now or timezone.now()) < self.expires_at

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "open" if self.is_open() else "expired"
