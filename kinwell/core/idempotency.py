"""`Idempotency-Key` for the API's writes.

A client that sent a write and lost the answer (the connection dropped, the server
restarted) cannot know whether it was saved. Sent again with the same key, by the same
person, to the same method and path with the same body, the request gets the first
answer back (same status and body, with `Idempotent-Replayed: true`) and writes
nothing. The same key with a different request is refused (422). Keys are kept 24 hours.

Two decorators on every API operation (`install`):

- around the whole operation (before authentication), a keyed write runs in one
  transaction, so the key, the write and the stored answer commit together or not at
  all: a crash in between leaves no key behind, and the retry simply does the work;
- around the endpoint itself (after authentication and validation, when the person is
  known), the key is claimed by inserting its row. A second request with the same key
  at the same moment waits on that row (PostgreSQL's unique index, SQLite's one
  writer) until the first commits, then finds the stored answer and replays it.

Answers of 500 and above are not kept (the transaction rolls back), so a failed
request can be retried with its key. Requests without a person (public endpoints)
ignore the header.

The check-in web form takes the same keys (`claim_key`, `form_fingerprint`), so a
check-in kept on a phone while offline and sent later is saved once
(`checkins.services.record_checkin_once`).
"""

import functools
import hashlib
import json
import re
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinwell.core.errors import ServiceError
from kinwell.core.models import IdempotencyKey
from kinwell.core.personal_data import register_section

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
LIFETIME = timedelta(hours=24)
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Visible ASCII without spaces: a UUID, a ULID or any token a client makes up.
KEY_PATTERN = r"^[!-~]{1,255}$"
_KEY = re.compile(KEY_PATTERN)
_CLAIM = "_kinwell_idempotency_claim"


class KeyReused(ServiceError):
    status = 422


def install(api) -> None:
    api.add_decorator(_one_transaction, mode="view")
    api.add_decorator(_replay_or_claim, mode="operation")


def _keyed_write(request) -> str | None:
    return request.headers.get(HEADER) if request.method in WRITES else None


def _one_transaction(run):
    @functools.wraps(run)
    def wrapped(request, *args, **kwargs):
        key = _keyed_write(request)
        if key is None:
            return run(request, *args, **kwargs)
        if not _KEY.match(key):
            return JsonResponse({"detail": _("The Idempotency-Key header must be 1 to 255 visible characters "
                                             "(letters, digits and punctuation, no spaces).")}, status=400)
        with transaction.atomic():
            response = run(request, *args, **kwargs)
            claim = getattr(request, _CLAIM, None)
            if claim is not None:
                if response.status_code >= 500:
                    transaction.set_rollback(True)
                else:
                    _keep(claim, response)
        return response

    return wrapped


def _replay_or_claim(endpoint):
    @functools.wraps(endpoint)
    def wrapped(request, *args, **kwargs):
        key = _keyed_write(request)
        user = getattr(request, "auth", None)
        if key is None or user is None or not getattr(user, "is_authenticated", False):
            return endpoint(request, *args, **kwargs)
        claim, first = claim_key(user=user, key=key, method=request.method, path=request.get_full_path(),
                                 fingerprint=fingerprint(request), now=timezone.now())
        if first is not None:
            return replay(first)
        setattr(request, _CLAIM, claim)
        return endpoint(request, *args, **kwargs)

    return wrapped


def claim_key(*, user, key: str, method: str, path: str, fingerprint: str, now):
    """(the new row, None) for a first use; (None, the first use) for a repeat.
    Raises KeyReused when the key was used for a different request."""
    IdempotencyKey.objects.filter(user=user, key=key, created_at__lte=now - LIFETIME).delete()
    try:
        with transaction.atomic():
            claim = IdempotencyKey.objects.create(user=user, key=key, method=method, path=path,
                                                  fingerprint=fingerprint, created_at=now)
            return claim, None
    except IntegrityError:
        first = IdempotencyKey.objects.get(user=user, key=key)
    if (first.method, first.path) != (method, path):
        raise KeyReused(_("This Idempotency-Key was already used for %(request)s. Use a new key for each "
                          "new request.") % {"request": f"{first.method} {first.path}"})
    if first.fingerprint != fingerprint:
        raise KeyReused(_("This Idempotency-Key was already used with a different body. Send the same body to "
                          "get the first answer again, or use a new key for a new request."))
    return None, first


def replay(first: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(first.body.encode(), status=first.status,
                            content_type=first.content_type or "application/json")
    response[REPLAYED_HEADER] = "true"
    return response


def _keep(claim: IdempotencyKey, response) -> None:
    claim.status = response.status_code
    claim.content_type = response.get("Content-Type", "")
    claim.body = response.content.decode("utf-8", errors="replace") if not response.streaming else ""
    claim.save(update_fields=["status", "content_type", "body"])


def fingerprint(request) -> str:
    """The request body's content: JSON by value, form uploads by their fields and files
    (a client library picks a new multipart boundary on every retry)."""
    digest = hashlib.sha256()
    if request.content_type == "multipart/form-data":
        for name in sorted(request.POST):
            digest.update(json.dumps([name, request.POST.getlist(name)]).encode())
        for name in sorted(request.FILES):
            for upload in request.FILES.getlist(name):
                digest.update(json.dumps([name, upload.name]).encode())
                for chunk in upload.chunks():
                    digest.update(chunk)
                upload.seek(0)
        return digest.hexdigest()
    body = request.body
    try:
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, RecursionError):
        pass  # not JSON: compared byte for byte
    digest.update(body)
    return digest.hexdigest()


def form_fingerprint(data, *, leave_out=("csrfmiddlewaretoken", "idempotency_key")) -> str:
    """A web form's answers, field by field. The CSRF token is left out: a form kept on a
    device and sent later carries the token current then, and is still the same request."""
    digest = hashlib.sha256()
    for name in sorted(data):
        if name not in leave_out:
            digest.update(json.dumps([name, data.getlist(name)]).encode())
    return digest.hexdigest()


def forget_expired(*, now) -> int:
    deleted, _kinds = IdempotencyKey.objects.filter(created_at__lte=now - LIFETIME).delete()
    return deleted


@register_section("api_retries", describes=gettext_lazy("Which requests your apps sent to the API with a retry key."))
def retries_section(user) -> dict:
    """The answers kept for retries repeat data exported in its own section; what is
    kept here is which requests were sent with a key."""
    return {"requests_with_an_idempotency_key": [
        {"method": kept.method, "path": kept.path, "key": kept.key, "status": kept.status, "sent": kept.created_at}
        for kept in IdempotencyKey.objects.filter(user=user).order_by("created_at")
    ]}
