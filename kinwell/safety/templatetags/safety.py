"""Template helpers for the safety layer: the crisis lines in the reader's language,
and the quick exit that every safety page carries."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def actions_for(resource, language):
    """A resource's actions as a reader in `language` should see them (see Resource.actions_for)."""
    return resource.actions_for(language)


@register.inclusion_tag("safety/_quick_exit.html")
def quick_exit():
    """"Leave this page quickly": a plain link without JavaScript; with it, quick-exit.js
    replaces this page in the history and also leaves on Escape pressed twice."""
    return {"quick_exit_url": settings.QUICK_EXIT_URL}


@register.filter
def when_told(moment) -> str:
    """ "today", "yesterday", "on Tuesday" within the week, else "on 3 November 2026":
    when someone was let know, in the reader's own time zone and language."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    days = (timezone.localdate() - local.date()).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    if days < 7:
        return _("on %(weekday)s") % {"weekday": date_format(local, "l")}
    return _("on %(date)s") % {"date": date_format(local, "DATE_FORMAT")}
