"""Every write to a person's account: sign-up, profile, tokens, deletion."""

import re
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.accounts.models import ApiToken, SignedInSession, hash_token, time_zone_choices
from kinwell.core.errors import Conflict, NotFound, ServiceError
from kinwell.core.text import clean_name

LAST_USE_RESOLUTION = timedelta(minutes=1)


@transaction.atomic
def sign_up(*, email: str, password: str, display_name: str, time_zone: str = "UTC", language: str = "en",
            next_url: str = "") -> None:
    """Start an account, without telling the person at the keyboard whether the address
    was already taken (which would tell anyone whether someone uses Kinwell).

    A new address gets an account that works once its owner follows the confirmation link
    we email and enters this password (the link leads on to `next_url`, such as an
    invitation). An address with an account gets an email telling its owner that someone
    tried to sign up with it, with a link to reset the password.
    An address still waiting for confirmation takes the new details and gets a fresh link
    (the old one stops working, since it is tied to the password)."""
    from kinwell.accounts.tasks import send_sign_up_email

    User = get_user_model()
    email = (email or "").strip().lower()
    existing = User.objects.select_for_update().filter(email=email).first()
    if existing is not None and existing.is_active:
        make_password(password)  # the same work as a new account, so the answer takes as long
        kind, person = "already_registered", existing
    else:
        person = existing or User(email=email)
        person.display_name = clean_name(display_name, max_length=60,
                                         empty_message=_("Your display name cannot be empty."))
        person.time_zone, person.language = time_zone, language
        person.is_active = False
        # A pending sign-up starts again: the clock for forgetting it does too.
        person.date_joined = timezone.now()
        person.set_password(password)
        person.save()
        kind = "confirm"
    transaction.on_commit(lambda: send_sign_up_email.enqueue(user_id=person.pk, kind=kind, next_url=next_url))


@transaction.atomic
def confirm_sign_up(*, user, password: str):
    """The owner of the address followed the link and knows the password: the account works."""
    if user.is_active:
        raise Conflict(_("This account is already confirmed. Log in instead."))
    if not user.check_password(password):
        raise ServiceError(_("That is not the password you chose when you signed up."))
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def update_profile(*, user, display_name: str | None = None, time_zone: str | None = None, language: str | None = None):
    if display_name is not None:
        user.display_name = clean_name(display_name, max_length=60,
                                       empty_message=_("Your display name cannot be empty."))
    if time_zone is not None:
        if time_zone not in {name for name, _label in time_zone_choices()}:
            raise ServiceError(_("Choose a time zone from the list."))
        user.time_zone = time_zone
    if language is not None:
        if language not in {code for code, _label in settings.LANGUAGES}:
            raise ServiceError(_("Choose English or Spanish."))
        user.language = language
    user.save(update_fields=["display_name", "time_zone", "language"])
    return user


@transaction.atomic
def create_api_token(*, user, name: str, expires_in_days: int | None = None,
                     read_only: bool = False) -> tuple[ApiToken, str]:
    """Returns the token and its secret, which is shown once and never stored."""
    name = clean_name(name, max_length=80, empty_message=_("Name the token so you can recognise it later."))
    if expires_in_days is not None and not 1 <= expires_in_days <= 366:
        raise ServiceError(_("A token can last from 1 day to a year, or until you revoke it."))
    raw = ApiToken.new_raw_token()
    expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(raw), hint=raw[:8],
                                    expires_at=expires_at, read_only=read_only)
    return token, raw


@transaction.atomic
def revoke_api_token(*, user, token_id: int) -> None:
    deleted, _count = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise NotFound(_("That token was not found."))


def token_for_api(raw: str) -> ApiToken | None:
    """The live token for this secret, or None (unknown, expired, or its person is inactive).

    Last use is written at most once a minute, so a busy client costs one read a request."""
    now = timezone.now()
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active or token.has_expired(now):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USE_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def user_for_api_token(raw: str):
    token = token_for_api(raw)
    return token.user if token else None


def record_session(*, user, session_key: str) -> None:
    """Remember that this session is this person's (called when they sign in). Entries older
    than any session can live are dropped on the way."""
    oldest = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    SignedInSession.objects.filter(user=user, created_at__lt=oldest).delete()
    SignedInSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


@dataclass(frozen=True)
class Ended:
    sessions: int
    tokens: int


def end_sessions_and_tokens(*, user, keep_session_key: str | None = None) -> Ended:
    """After a password change or reset: every other session and every API token ends.

    Sessions from before the index existed end too: Django checks each session against a
    hash of the password. The session the change was made in is kept (its new key)."""
    with transaction.atomic():
        keys = list(SignedInSession.objects.filter(user=user).exclude(session_key=keep_session_key or "")
                    .values_list("session_key", flat=True))
        SignedInSession.objects.filter(session_key__in=keys).delete()
        tokens, _count = ApiToken.objects.filter(user=user).delete()
        if keep_session_key:
            record_session(user=user, session_key=keep_session_key)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()
    return Ended(sessions=len(keys), tokens=tokens)


def delete_account(*, user) -> None:
    """Really deletes the person and everything that is theirs.

    Circles they own pass to the longest-standing other member (or end when empty).
    Memberships, sharing choices, boundaries, invitations they sent, tokens and the
    log of who viewed their data go with them (database cascades). Entries in other
    people's access logs stay, without naming them. Their login records (django-axes:
    failed attempts and the log of logins, with addresses and browsers) go too, and so
    does every session they had. On SQLite, freed pages are zeroed (secure_delete) and
    the write-ahead log is emptied afterwards, so no copy of their words stays in the files.
    """
    from kinwell.circles.services import hand_on_or_end_circles

    sessions = list(SignedInSession.objects.filter(user=user).values_list("session_key", flat=True))
    with transaction.atomic():
        hand_on_or_end_circles(user=user)
        _forget_logins(user.email)
        _unname_in_moderation_trail(user)
        user.delete()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in sessions:
        store(session_key=key).delete()
    empty_write_ahead_log()


def _forget_logins(email: str) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()


def _unname_in_moderation_trail(user) -> None:
    """The moderation trail outlives an account; the name a reply was shown under does not."""
    from kinwell.moderation.models import ModerationAction

    for action in ModerationAction.objects.filter(subject=user).exclude(target_summary=""):
        action.target_summary = _QUOTED_NAME.sub("“…”", action.target_summary)
        action.save(update_fields=["target_summary"])


_QUOTED_NAME = re.compile(r"“[^”]*”")


def empty_write_ahead_log() -> None:
    """SQLite only: copy the write-ahead log into the database and cut it to nothing, so
    pages written before a deletion do not linger in the -wal file. Best effort: with a
    long reader it finishes on a later checkpoint."""
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


UNCONFIRMED_KEPT_FOR = timedelta(days=7)


def forget_unconfirmed_sign_ups(*, now) -> int:
    """Sign-ups nobody confirmed within a week are deleted: an address someone typed,
    perhaps not their own, is not kept. The link lasts three hours, so a week leaves
    time to ask for a new one. Accounts that were ever used are never touched here."""
    User = get_user_model()
    pending = User.objects.filter(is_active=False, last_login__isnull=True, date_joined__lt=now - UNCONFIRMED_KEPT_FOR)
    forgotten = 0
    for person in pending.iterator():
        delete_account(user=person)
        forgotten += 1
    return forgotten
