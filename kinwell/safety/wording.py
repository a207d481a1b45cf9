"""The configured country's crisis lines as short phrases in the current language, for
sentences of our own in pages and emails (never a number of another country)."""

from django.conf import settings
from django.utils.translation import gettext

from kinwell.safety.resources import resources_for


def crisis_words() -> dict[str, str]:
    """Call inside the reader's language (an email: inside translation.override)."""
    country = resources_for(settings.CRISIS_COUNTRY)
    return {
        "crisis_line": gettext(country.crisis_line),
        "emergency_number": country.emergency_number,
        "country_name": gettext(country.name),
    }
