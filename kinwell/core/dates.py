"""Named date formats beyond Django's own (DATE_FORMAT, DATETIME_FORMAT, ...).

Each language's formats live in kinwell/formats/<lang>/formats.py. Django's `date`
filter only knows its own names, so Kinwell's (WEEKDAY_DATE_FORMAT and the rest) are
read here, from the same modules, falling back to English.
"""

from django.utils import dateformat, formats
from django.utils.translation import get_language, gettext_noop

# Django writes "a.m." and "p.m." through gettext; the project catalogue gives Spanish
# its spaced "a. m." and "p. m.". Named here so makemessages keeps them.
MERIDIEM = (gettext_noop("a.m."), gettext_noop("p.m."))


def named_format(name: str, language: str | None = None) -> str:
    for lang in (language or get_language() or "en", "en"):
        for module in formats.get_format_modules(lang):
            if hasattr(module, name):
                return getattr(module, name)
    return formats.get_format(name, lang=language)


def format_named(value, name: str) -> str:
    """`value` (a date or an aware datetime, shown in the current zone) in a named format."""
    if value in (None, ""):
        return ""
    return dateformat.format(value, named_format(name))
