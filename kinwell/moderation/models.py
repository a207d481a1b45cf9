from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField


class ReportReason(models.TextChoices):
    HARMFUL = "harmful", _("Harmful or unkind")
    SPAM = "spam", _("Spam or a scam")
    WRONG_INFORMATION = "wrong_information", _("Wrong information")
    OTHER = "other", _("Something else")


class Report(models.Model):
    """Someone asks a moderator to look at a piece of content.

    The content is named by `target_type` (a key in registry.py, e.g. "reply") and
    `target_id`, so any app can make its content reportable without a new table."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    target_type = models.CharField(max_length=40)
    target_id = models.CharField(max_length=64)  # an integer or a UUID, as text
    # Kept when the reporter deletes their account: the report still needs an answer.
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="reports_made")
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    note = EncryptedTextField(_("note"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["target_type", "target_id", "status"])]

    def __str__(self) -> str:
        return f"Report on {self.target_type} {self.target_id} ({self.reason})"


class Sanction(models.Model):
    """A warning or a suspension from the community (replies and reports).

    A suspension never locks anyone out of their own account, safety plan or circles:
    it only stops them taking part in public conversation until `until`."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        SUSPENSION = "suspension", _("Suspension")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    note = EncryptedTextField(_("message to the person"), blank=True, default="")
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]


class ModerationAction(models.Model):
    """The audit trail: who did what to which content or account, and when."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        HIDE = "hide", _("Hid")
        DELETE = "delete", _("Deleted")
        DISMISS = "dismiss", _("Dismissed reports")
        WARN = "warn", _("Warned the author")
        SUSPEND = "suspend", _("Suspended the author")
        AUTO_HOLD = "auto_hold", _("Held after several reports")

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    target_type = models.CharField(max_length=40)
    target_id = models.CharField(max_length=64)  # an integer or a UUID, as text
    # What the content was, in a few words, so the trail still reads after a deletion.
    target_summary = models.CharField(max_length=200, blank=True)
    subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
