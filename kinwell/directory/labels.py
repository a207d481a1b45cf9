"""Facet and group labels in the current language, translated once per language.

A finder page shows about a hundred labels (45 choices, ten result cards); asking
gettext for each on every request was a measurable part of the page (bench/).
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinwell.directory import facets

_TABLES: dict[str, dict[str, str]] = {}  # language -> {label: translated}


def table() -> dict[str, str]:
    language = get_language() or ""
    found = _TABLES.get(language)
    if found is None:
        labels = [g.label for g in facets.GROUPS] + [f.label for f in facets.FACETS.values()]
        found = _TABLES[language] = {label: _(label) for label in labels}
    return found


def facet_labels(keys, groups=("care", "therapy", "support", "payment", "access")) -> list[str]:
    """`facets.labels` in the current language."""
    translated = table()
    return [translated[label] for label in facets.labels(keys, groups)]
