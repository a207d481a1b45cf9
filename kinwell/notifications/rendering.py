"""Turning a notice kind and its context into a finished Message, in the recipient's
language. The plain-text body is rendered with autoescape off: it is not HTML, and
"Maya &amp; Jordan" in an inbox is a bug, not safety. The HTML body is escaped as
every page is."""

from django.conf import settings
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation

from kinwell.notifications.channels import Message
from kinwell.notifications.notices import notice_named
from kinwell.safety.panel import crisis_resources
from kinwell.safety.wording import crisis_words


def language_of(recipient, language: str = "") -> str:
    if language:
        return language
    return getattr(recipient, "language", "") or settings.LANGUAGE_CODE


def absolute(path_or_url: str) -> str:
    return path_or_url if "://" in path_or_url else settings.SITE_URL + path_or_url


def _line(template, context: dict, limit: int = 200) -> str:
    # One line: a subject or a lock-screen line never breaks, whatever a name holds.
    return " ".join((str(template) % context).split())[:limit]


def render(*, kind: str, recipient, context: dict, url: str, language: str = "", unsubscribe: str = "",
           reply_to=(), glance: str = "") -> Message:
    notice = notice_named(kind)
    with translation.override(language_of(recipient, language)):
        full = {
            **context,
            **crisis_words(),
            "crisis_country": crisis_resources(),
            "site_url": settings.SITE_URL,
            "recipient": None if isinstance(recipient, str) else recipient,
            "name": "" if isinstance(recipient, str) else recipient.display_name,
            "zone": getattr(recipient, "time_zone", "") or "UTC",
            "url": absolute(url),
            "unsubscribe_url": unsubscribe,
            "settings_url": settings.SITE_URL + reverse("notifications:settings"),
            "help_url": settings.SITE_URL + reverse("core:help_now"),
        }
        text = get_template(f"notifications/notices/{kind}.txt").template.render(Context(full, autoescape=False))
        html = render_to_string(f"notifications/notices/{kind}.html", full)
        return Message(
            notice=kind,
            subject=_line(notice.subject, full, 150),
            text=text.strip() + "\n",
            html=html,
            url=absolute(url),
            headline=_line(notice.headline, full, 120),
            glance=glance or _line(notice.glance, full),
            unsubscribe=unsubscribe,
            reply_to=tuple(reply_to),
        )
