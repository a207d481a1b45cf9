"""The words a check-in is made of: moods, feelings by family, energy, everyday tags.

Codes are stored; labels are translated when shown. Moods are always shown with a
word and an icon (never colour alone). Feelings are grouped by mood family so a
person can find theirs in a glance.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
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
    (_("Bright and lively"), [
        ("excited", _("excited")), ("joyful", _("joyful")),
    ]),
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


@dataclass(frozen=True)
class MeterChoice:
    """One word on the mood meter. Its word is a feeling above (stored in the check-in's
    feelings); choosing it sets the five-point mood and the energy, which trends and
    signs read as before."""

    code: str
    quadrant: str
    mood: int
    energy: int

    @property
    def label(self) -> str:
        return capfirst(str(FEELINGS[self.code]))


# Pleasantness × energy: Russell's circumplex of affect (1980), the idea behind the
# Yale mood meter and the How We Feel app. High energy is 4–5, low is 1–2; pleasant is
# mood 4–5, unpleasant 1–3, so every word still lands on the five-point mood.
# Quadrants are listed as they are drawn: top row high energy, left column unpleasant.
QUADRANTS = {
    "high-unpleasant": _("High energy, unpleasant"),
    "high-pleasant": _("High energy, pleasant"),
    "low-unpleasant": _("Low energy, unpleasant"),
    "low-pleasant": _("Low energy, pleasant"),
}
MOOD_METER = [
    MeterChoice("angry", "high-unpleasant", mood=2, energy=5),
    MeterChoice("anxious", "high-unpleasant", mood=2, energy=4),
    MeterChoice("overwhelmed", "high-unpleasant", mood=1, energy=4),
    MeterChoice("excited", "high-pleasant", mood=5, energy=5),
    MeterChoice("joyful", "high-pleasant", mood=5, energy=4),
    MeterChoice("hopeful", "high-pleasant", mood=4, energy=4),
    MeterChoice("sad", "low-unpleasant", mood=2, energy=2),
    MeterChoice("tired", "low-unpleasant", mood=3, energy=1),
    MeterChoice("hopeless", "low-unpleasant", mood=1, energy=1),
    MeterChoice("grateful", "low-pleasant", mood=5, energy=2),
    MeterChoice("content", "low-pleasant", mood=4, energy=2),
    MeterChoice("calm", "low-pleasant", mood=4, energy=2),
]
METER = {choice.code: choice for choice in MOOD_METER}


def meter_word_of(*, mood: int, energy: int | None, feelings) -> MeterChoice | None:
    """The meter word a check-in was made with: its first feeling that is a meter word
    and still matches its mood and energy (a later edit of either leaves no word)."""
    for code in feelings or ():
        choice = METER.get(code)
        if choice is not None and choice.mood == mood and choice.energy == energy:
            return choice
    return None

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
