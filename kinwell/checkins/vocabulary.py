"""The words a check-in is made of: moods, feelings by family, energy, everyday tags.

Codes are stored; labels are translated when shown. Moods are always shown with a
word and an icon (never colour alone). Feelings are grouped by mood family so a
person can find theirs in a glance.
"""

from django.utils.translation import gettext_lazy as _, pgettext_lazy

# "Low" per scale: Spanish agrees it with the noun («ánimo bajo», «energía baja»).
MOODS = {
    5: _("Great"),
    4: _("Good"),
    3: _("Okay"),
    2: pgettext_lazy("mood", "Low"),
    1: pgettext_lazy("mood", "Very low"),
}
MOOD_CHOICES = [(value, label) for value, label in MOODS.items()]

ENERGY = {
    1: _("Drained"),
    2: pgettext_lazy("energy", "Low"),
    3: _("Steady"),
    4: _("Lively"),
    5: _("Full of energy"),
}
ENERGY_CHOICES = [(value, label) for value, label in ENERGY.items()]

FEELING_FAMILIES = [
    (_("Calm and content"), [
        ("calm", _("calm")), ("content", _("content")), ("grateful", _("grateful")),
        ("hopeful", _("hopeful")), ("loved", _("loved")), ("proud", _("proud")),
    ]),
    (_("Worried and stretched"), [
        ("anxious", _("anxious")), ("overwhelmed", _("overwhelmed")), ("stressed", _("stressed")),
        ("restless", _("restless")), ("scared", _("scared")),
    ]),
    (_("Hurt and alone"), [
        ("lonely", _("lonely")), ("sad", _("sad")), ("hopeless", _("hopeless")),
        ("ashamed", _("ashamed")), ("numb", _("numb")),
    ]),
    (_("On edge"), [
        ("irritable", _("irritable")), ("angry", _("angry")), ("frustrated", _("frustrated")),
        ("jealous", _("jealous")),
    ]),
    (_("Worn out"), [
        ("tired", _("tired")), ("bored", _("bored")), ("unmotivated", _("unmotivated")),
    ]),
]
FEELINGS = {code: label for _family, items in FEELING_FAMILIES for code, label in items}

TAGS = {
    "work": pgettext_lazy("check-in tag", "work"),
    "money": pgettext_lazy("check-in tag", "money"),
    "health": pgettext_lazy("check-in tag", "health"),
    "family": pgettext_lazy("check-in tag", "family"),
    "partner": pgettext_lazy("check-in tag", "partner"),
    "friends": pgettext_lazy("check-in tag", "friends"),
    "exercise": pgettext_lazy("check-in tag", "exercise"),
    "social": pgettext_lazy("check-in tag", "social"),
    "outdoors": pgettext_lazy("check-in tag", "outdoors"),
    "rest": pgettext_lazy("check-in tag", "rest"),
    "school": pgettext_lazy("check-in tag", "school"),
    "caring": pgettext_lazy("check-in tag", "caring for someone"),
}
MAX_TAGS = 12
MAX_TAG_LENGTH = 30


def tag_label(code: str) -> str:
    """Built-in tags are translated; a person's own tags are shown as they wrote them."""
    return str(TAGS.get(code, code))


def normalise_tag(text: str) -> str:
    return " ".join(text.strip().lower().split())[:MAX_TAG_LENGTH]
