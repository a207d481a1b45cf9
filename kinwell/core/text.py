"""Checking free text a person typed before a service saves it: trimmed, not empty
(unless allowed), and within its limit, with the message in the person's own terms."""

from django.utils.translation import gettext as _

from kinwell.core.errors import ServiceError


def clean_text(text: str, *, max_length: int, empty_message: str = "", allow_empty: bool = False) -> str:
    text = (text or "").strip()
    if not text and not allow_empty:
        raise ServiceError(empty_message or _("Write something first."))
    if len(text) > max_length:
        raise ServiceError(
            _("Keep this under %(max)d characters; it has %(count)d.") % {"max": max_length, "count": len(text)}
        )
    return text
