from django.conf import settings
from django.db import models

from kinwell.core.encryption import EncryptedTextField


class PushDevice(models.Model):
    """A browser where a person turned push notifications on (a push subscription)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_devices")
    # The push service's address for this browser and its keys: together they let anyone
    # send to the device, so they are encrypted like personal text; the address's sha256
    # finds a browser that subscribes again.
    endpoint = EncryptedTextField()
    endpoint_hash = models.CharField(max_length=64, unique=True)
    p256dh = EncryptedTextField()
    auth = EncryptedTextField()
    name = models.CharField(max_length=80)  # from the browser's user agent, e.g. "Firefox · Android"
    added_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self):
        return self.name

    @property
    def subscription_info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
