from django.conf import settings
from django.db import models

from kinwell.core.encryption import EncryptedTextField


class IdempotencyKey(models.Model):
    """The first answer to an API write sent with an `Idempotency-Key` header, kept for
    a day so a client that lost it (a dropped connection, a timeout) can send the same
    request again and get it back instead of writing twice (`core/idempotency.py`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.TextField()
    # sha256 of the request body (JSON compared by content, not by spacing or key order).
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True)
    content_type = models.CharField(max_length=100, blank=True)
    # The answer holds the person's own words (a note, a message): encrypted like them.
    body = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_request_per_idempotency_key")]

    def __str__(self):
        return f"{self.method} {self.path} ({self.key})"
