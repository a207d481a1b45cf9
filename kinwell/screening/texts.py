"""Everything Kinwell itself says about a result, in plain words and translated.

The questionnaire items are data (data/instruments.toml): the published English wording
and, in Spanish, the authors' official Spanish version or our own translation. These are
our own words around them: band names, what a band means, and next steps
that grow clearer about professional help as the band rises (`Band.level`, 0 to 4).
"""

from django.utils.translation import gettext_lazy as _, pgettext_lazy

# Words in shared templates that point here (the nav link in base.html, the link on a
# circle member's page, the section on the start page), so this app's catalogue carries
# their Spanish.
NAV_LABEL = _("Questionnaires")
MEMBER_LINK = _("See %(name)s’s questionnaire results")
HOME_TITLE = _("How have you been?")
HOME_TEXT = _("A few short questions can help you notice how the last two weeks have been, and how that changes.")

BAND_NAMES = {
    "minimal": pgettext_lazy("screening band", "Minimal"),
    "mild": pgettext_lazy("screening band", "Mild"),
    "moderate": pgettext_lazy("screening band", "Moderate"),
    "moderately_severe": pgettext_lazy("screening band", "Moderately severe"),
    "severe": pgettext_lazy("screening band", "Severe"),
    "below_cutoff": pgettext_lazy("screening band", "Below the screening line"),
    "positive": pgettext_lazy("screening band", "At or above the screening line"),
    "total_only": pgettext_lazy("screening band", "Your total"),
    "less_satisfied": pgettext_lazy("screening band", "Less satisfied"),
    "satisfied": pgettext_lazy("screening band", "Satisfied range"),
}

TOPICS = {
    "depression": _("low mood and depression"),
    "anxiety": _("worry and anxiety"),
    "loneliness": _("loneliness"),
    "relationship": _("how your relationship feels"),
}

# What a band means, per topic where the words differ. Keys: (topic, band).
MEANINGS = {
    ("depression", "minimal"): _("Your answers show few or no signs of depression over the last two weeks."),
    ("depression", "mild"): _("Your answers show some signs of low mood. Many people have weeks like this, and it helps to keep an eye on it."),
    ("depression", "moderate"): _("Your answers show a fair number of signs of depression. This is a good time to talk it over with a doctor or counsellor."),
    ("depression", "moderately_severe"): _("Your answers show many signs of depression. Please talk with a doctor or mental health professional soon."),
    ("depression", "severe"): _("Your answers show a lot of signs of depression. You deserve support now: please reach out to a doctor or mental health professional as soon as you can."),
    ("anxiety", "minimal"): _("Your answers show few or no signs of anxiety over the last two weeks."),
    ("anxiety", "mild"): _("Your answers show some signs of anxiety. It helps to notice what eases it and to keep an eye on it."),
    ("anxiety", "moderate"): _("Your answers show a fair number of signs of anxiety. This is a good time to talk it over with a doctor or counsellor."),
    ("anxiety", "severe"): _("Your answers show a lot of signs of anxiety. You deserve support now: please reach out to a doctor or mental health professional soon."),
    ("depression", "below_cutoff"): _("This quick check did not pick up signs of depression. If you still feel low, the longer PHQ-9 can tell you more."),
    ("depression", "positive"): _("This quick check picked up possible signs of depression. The longer PHQ-9 can give a clearer picture; it takes about three minutes."),
    ("anxiety", "below_cutoff"): _("This quick check did not pick up signs of anxiety. If you still feel on edge, the longer GAD-7 can tell you more."),
    ("anxiety", "positive"): _("This quick check picked up possible signs of anxiety. The longer GAD-7 can give a clearer picture; it takes about two minutes."),
    ("loneliness", "total_only"): _("Totals run from 3 to 9; a higher total means feeling lonely more often. There is no label for it: it is simply how things have felt for you."),
    ("relationship", "less_satisfied"): _("Your total is below 13.5, where the authors of this index see notable unhappiness in a relationship. That is worth talking about, together or with a couples counsellor."),
    ("relationship", "satisfied"): _("Your total is in the range where most people say they are satisfied with their relationship."),
}

NOT_A_DIAGNOSIS = _(
    "This is not a diagnosis. A questionnaire shows how recent weeks have felt to you; only a trained "
    "professional who talks with you can say what is going on and what might help."
)

# One sentence each, in a Spanish reader's page, saying where the Spanish questions come from.
OFFICIAL_SPANISH_NOTE = _(
    "These questions are the official Spanish version published by the questionnaire's authors "
    "(PHQ Screeners, Pfizer Inc.)."
)
OUR_TRANSLATION_NOTE = _("No validated Spanish version of this questionnaire is used here; the translation is ours.")

# Next steps, gentle at level 0 and clear about professional help at 3 and 4.
NEXT_STEPS = {
    0: [
        _("Keep doing the things that help you feel like yourself."),
        _("If things change, you can take this again any time; every two weeks is a good rhythm."),
    ],
    1: [
        _("Talk with someone you trust about how the last weeks have been."),
        _("Make a support plan: who you can turn to, and what helps on hard days."),
        _("Take this again in two weeks. If it stays the same or rises, talk with a doctor."),
    ],
    2: [
        _("It would be good to talk with a doctor, nurse or counsellor about these answers. The printable summary can help you start."),
        _("Tell someone you trust how you have been feeling."),
        _("Make a support plan, so you know who to turn to on hard days."),
    ],
    3: [
        _("Please talk with a doctor or mental health professional soon, this week if you can. Take the printable summary with you."),
        _("Let someone you trust know how things are, so you are not carrying this alone."),
        _("Keep your safety plan close, and use the help-now page if things get harder."),
    ],
    4: [
        _("Please reach out to a doctor or mental health professional as soon as you can, today if possible. Take the printable summary with you."),
        # %(crisis_line)s: the configured country's line (next_steps fills it in).
        _("If you feel unsafe at any point, %(crisis_line)s, or use the help-now page: help is there right now."),
        _("Let someone you trust know how things are, and keep your safety plan close."),
    ],
}


def shown(instrument):
    """The instrument in the language of the page (official Spanish, or ours, in Spanish)."""
    from django.utils.translation import get_language

    return instrument.localized(get_language() or "en")


def items_note(instrument) -> str | None:
    """Where the questions on a Spanish page come from; nothing on an English page."""
    if instrument.language == "en":
        return None
    return OFFICIAL_SPANISH_NOTE if instrument.spanish == "official" else OUR_TRANSLATION_NOTE


def band_name(band: str) -> str:
    return BAND_NAMES.get(band, band)


def meaning(topic: str, band: str) -> str:
    return MEANINGS.get((topic, band), "")


def next_steps(level: int) -> list[str]:
    from kinwell.safety.wording import crisis_words

    words = crisis_words()
    return [str(step) % words for step in NEXT_STEPS[max(0, min(level, 4))]]
