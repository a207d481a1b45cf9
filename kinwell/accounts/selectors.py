"""Reads about a person's account: who a confirmation link names, their API tokens."""

from django.contrib.auth import get_user_model
from django.utils.http import urlsafe_base64_decode


def person_from_link(uidb64: str):
    """The person a link's encoded id names, or None for anything that is not one."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    return get_user_model().objects.filter(pk=pk).first() if 0 < pk < 2**62 else None


def api_tokens_of(*, user):
    return user.api_tokens.all()
