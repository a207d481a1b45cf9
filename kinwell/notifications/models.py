"""A person's notification preferences, the notices waiting to go, and when a person
last had a conversation or conflict round open."""

from django.conf import settings
from django.db import models


class Preferences(models.Model):
    """One row per person, made the first time it is needed: no row means the
    catalogue's defaults (every group on, by its default channel, no quiet hours)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preferences")
    # {group key: "push" | "email" | "none"}; a group missing here has its default.
    channels = models.JSONField(default=dict, blank=True)
    # In the person's own time zone. Both set, or neither; start after end wraps midnight.
    quiet_from = models.TimeField(null=True, blank=True)
    quiet_until = models.TimeField(null=True, blank=True)
    # Several notices within an hour become one message.
    digest = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)


class PendingNotice(models.Model):
    """Every notice a person may turn off, sent or waiting: the digest, quiet hours and
    the one-an-hour limit of a thread are all read from here. The line is the push
    headline (names, never anyone's words)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_notices")
    notice = models.CharField(max_length=40)
    line = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    channel = models.CharField(max_length=10)
    thread = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "sent_at"]),
            models.Index(fields=["user", "thread", "created_at"]),
        ]


class ThreadView(models.Model):
    """When a person last had a conversation or conflict round open: no notice while
    they are looking at it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.CharField(max_length=60)
    viewed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="one_view_per_thread")]
