"""Push devices and sending to them.

A push carries only a notice's headline, glance and address (`payload_for`): never
anyone's words, which stay behind the sign-in. The push service (the browser maker's)
sees only ciphertext (RFC 8291), signed with our VAPID key (keys.py).
"""

import base64
import binascii
import hashlib
import json
import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pywebpush import WebPushException, webpush

from kinwell.core.errors import NotFound, ServiceError
from kinwell.push import keys, selectors
from kinwell.push.device_names import device_name
from kinwell.push.models import PushDevice

log = logging.getLogger(__name__)

MAX_ENDPOINT = 2000
MAX_DEVICES = 20
# A notice is about today: a phone that stays off for longer gets nothing stale.
TTL_SECONDS = 24 * 60 * 60
TIMEOUT_SECONDS = 10
GONE_STATUSES = {404, 410}  # the push service says this subscription no longer exists


def _decoded(value, *, length: int) -> bytes | None:
    if not isinstance(value, str) or len(value) > 200:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == length else None


def _checked_subscription(subscription) -> tuple[str, str, str]:
    problem = ServiceError(_("This browser sent a push subscription we cannot use. Please try again."))
    if not isinstance(subscription, dict):
        raise problem
    endpoint = subscription.get("endpoint")
    found_keys = subscription.get("keys") if isinstance(subscription.get("keys"), dict) else {}
    p256dh, auth = found_keys.get("p256dh"), found_keys.get("auth")
    if not isinstance(endpoint, str) or not 0 < len(endpoint) <= MAX_ENDPOINT:
        raise problem
    address = urlsplit(endpoint)
    # Only a push service on the web: an address on our own network would let anyone make
    # the server send requests there. Tests allow a local plain-HTTP stand-in.
    allowed = {"https"} | ({"http"} if getattr(settings, "PUSH_ALLOW_HTTP_ENDPOINTS", False) else set())
    if address.scheme not in allowed or not address.hostname:
        raise problem
    public = _decoded(p256dh, length=65)
    if public is None or public[0] != 4 or _decoded(auth, length=16) is None:
        raise problem
    return endpoint, p256dh, auth


def _hash(endpoint: str) -> str:
    return hashlib.sha256(endpoint.encode()).hexdigest()


@transaction.atomic
def add_device(*, owner, subscription, user_agent: str) -> PushDevice:
    """Turn push on for the browser that sent `subscription` (the JSON of its
    PushSubscription). The same browser subscribing again replaces its old entry, even
    one made while someone else was signed in on it: a device gets the pushes of the
    person signed in there now."""
    endpoint, p256dh, auth = _checked_subscription(subscription)
    digest = _hash(endpoint)
    PushDevice.objects.filter(endpoint_hash=digest).delete()
    if PushDevice.objects.filter(owner=owner).count() >= MAX_DEVICES:
        raise ServiceError(_("You have push notifications on %(count)s devices already. Remove one you no "
                             "longer use first.") % {"count": MAX_DEVICES})
    return PushDevice.objects.create(owner=owner, endpoint=endpoint, endpoint_hash=digest, p256dh=p256dh,
                                     auth=auth, name=device_name(user_agent)[:80], added_at=timezone.now())


@transaction.atomic
def remove_device(*, owner, device_id: int) -> None:
    deleted, _kinds = PushDevice.objects.filter(owner=owner, pk=device_id).delete()
    if not deleted:
        raise NotFound(_("That device was not found. It may have been removed already."))


def payload_for(message) -> bytes:
    """What a push carries: the notice's headline and glance, which the notification
    service writes without anyone's words, and where to go. Nothing else of the message."""
    return json.dumps({"title": message.headline, "body": message.glance, "url": message.url},
                      ensure_ascii=False).encode("utf-8")


SENT, GONE, FAILED = "sent", "gone", "failed"


def _send(device: PushDevice, payload: bytes) -> str:
    try:
        webpush(device.subscription_info, data=payload, vapid_private_key=keys.vapid(),
                vapid_claims={"sub": keys.subject()}, ttl=TTL_SECONDS, timeout=TIMEOUT_SECONDS,
                headers={"Urgency": "normal"})
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE_STATUSES:
            return GONE
        log.warning("Push to device %s failed: %s", device.pk, status)
        return FAILED
    except (requests.RequestException, ValueError) as error:
        log.warning("Push to device %s failed: %s", device.pk, type(error).__name__)
        return FAILED
    return SENT


def deliver(*, user, message) -> bool:
    """The push channel (kinwell/notifications/channels.py): send `message` to each of the
    person's devices; True when at least one push service took it. No transaction is held
    while the push services answer (a slow one must not keep the database locked); what
    was learnt is written after, in one."""
    payload = payload_for(message)
    outcomes = {device.pk: _send(device, payload) for device in selectors.devices_of(owner=user)}
    _record_outcomes(outcomes=outcomes, now=timezone.now())
    return SENT in outcomes.values()


@transaction.atomic
def _record_outcomes(*, outcomes: dict[int, str], now) -> None:
    PushDevice.objects.filter(pk__in=[pk for pk, outcome in outcomes.items() if outcome == GONE]).delete()
    PushDevice.objects.filter(pk__in=[pk for pk, outcome in outcomes.items() if outcome == SENT]).update(
        last_used_at=now)
