from django import template
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from kinwell.checkins.vocabulary import tag_label as label_for_tag

register = template.Library()

SLEEP_BAND_WORDS = {
    "under_6": _("under 6 hours"),
    "6_to_8": _("6 to 8 hours"),
    "8_or_more": _("8 hours or more"),
}


@register.filter
def tag_label(code: str) -> str:
    return label_for_tag(code)


@register.filter
def sleep_band_words(code: str) -> str:
    return str(SLEEP_BAND_WORDS.get(code, code))


@register.filter
def weekday_name(number) -> str:
    return str(WEEKDAYS[int(number)])


# "On Saturdays ..." needs the plural, which Django's WEEKDAYS does not give (Spanish
# "los sábados", but "los lunes").
WEEKDAYS_PLURAL = (
    pgettext_lazy("weekday, plural", "Mondays"),
    pgettext_lazy("weekday, plural", "Tuesdays"),
    pgettext_lazy("weekday, plural", "Wednesdays"),
    pgettext_lazy("weekday, plural", "Thursdays"),
    pgettext_lazy("weekday, plural", "Fridays"),
    pgettext_lazy("weekday, plural", "Saturdays"),
    pgettext_lazy("weekday, plural", "Sundays"),
)


@register.filter
def weekdays_name(number) -> str:
    """The plural name of a weekday (0 = Monday): "Saturdays", «sábados»."""
    return str(WEEKDAYS_PLURAL[int(number)])
