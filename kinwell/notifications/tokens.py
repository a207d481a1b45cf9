"""The signed key in every unsubscribe link: one person, one group of notices. It
never expires, because the link in an email from last year must still work."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound
from kinwell.notifications.notices import ALL_GROUPS, GROUPS
from kinwell.notifications.rendering import absolute

SALT = "kinwell.notifications.unsubscribe"


def unsubscribe_token(*, user, group: str) -> str:
    return signing.dumps([user.pk, group], salt=SALT, compress=True)


def unsubscribe_url(*, user, group: str) -> str:
    return absolute(reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user=user, group=group)}))


def read_token(token: str):
    """(person, group), or NotFound for a link that was changed or whose person is gone."""
    refusal = _("This link is not valid. You can choose what Kinwell sends you in your settings.")
    try:
        user_id, group = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        raise NotFound(refusal) from None
    if group != ALL_GROUPS and group not in GROUPS:
        raise NotFound(refusal)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise NotFound(refusal)
    return user, group
