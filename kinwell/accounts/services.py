"""Every write to a person's account: sign-up, profile, tokens, deletion."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.accounts.models import ApiToken, hash_token, time_zone_choices
from kinwell.core.errors import Conflict, NotFound, ServiceError
from kinwell.core.text import clean_name


@transaction.atomic
def sign_up(*, email: str, password: str, display_name: str, time_zone: str = "UTC", language: str = "en"):
    User = get_user_model()
    email = (email or "").strip().lower()
    if User.objects.filter(email=email).exists():
        raise Conflict(_("An account with this email already exists. Try logging in, or reset your password."))
    return User.objects.create_user(
        email=email,
        password=password,
        display_name=clean_name(display_name, max_length=60, empty_message=_("Your display name cannot be empty.")),
        time_zone=time_zone,
        language=language,
    )


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
def create_api_token(*, user, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its secret, which is shown once and never stored."""
    name = clean_name(name, max_length=80, empty_message=_("Name the token so you can recognise it later."))
    raw = ApiToken.new_raw_token()
    token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(raw), hint=raw[:8])
    return token, raw


@transaction.atomic
def revoke_api_token(*, user, token_id: int) -> None:
    deleted, _count = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise NotFound(_("That token was not found."))


def user_for_api_token(raw: str):
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def delete_account(*, user) -> None:
    """Really deletes the person and everything that is theirs.

    Circles they own pass to the longest-standing other member (or end when empty).
    Memberships, sharing choices, boundaries, invitations they sent, tokens and the
    log of who viewed their data go with them (database cascades). Entries in other
    people's access logs stay, without naming them.
    """
    from kinwell.circles.services import hand_on_or_end_circles

    hand_on_or_end_circles(user=user)
    user.delete()
