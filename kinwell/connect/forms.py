from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.core.text import NameField
from kinwell.connect import services
from kinwell.connect.ideas import COSTS, PLACES
from kinwell.connect.models import NudgeFrequency

PLACE_LABELS = {"home": _("At home"), "outdoors": _("Outdoors")}
COST_LABELS = {"free": _("Free"), "low": _("Low cost")}
LENGTH_CHOICES = [
    ("", _("Any length")),
    ("15", _("Up to 15 minutes")),
    ("60", _("Up to an hour")),
    ("180", _("Up to three hours")),
    ("480", _("Up to a whole day")),
]
PLAN_LENGTHS = [
    (15, _("15 minutes")), (30, _("30 minutes")), (60, _("1 hour")), (90, _("1½ hours")), (120, _("2 hours")),
    (180, _("3 hours")), (240, _("4 hours")), (480, _("A whole day")),
]


def _people_choices(people) -> list[tuple[int, str]]:
    return [(person.pk, person.display_name) for person in people]


class AppreciationForm(forms.Form):
    screened_by = (services.send_appreciation,)

    recipient = forms.TypedChoiceField(label=_("Who is it for?"), coerce=int)
    text = forms.CharField(
        label=_("What I appreciate"),
        max_length=services.APPRECIATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Something specific they did or who they are. Only they read your words; the circle sees that you sent one."
        ),
    )

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = _people_choices(others)


class WinForm(forms.Form):
    screened_by = (services.celebrate_win,)

    about = forms.TypedChoiceField(label=_("Whose win?"), coerce=int, empty_value=None, required=False)
    text = forms.CharField(
        label=_("The win"),
        max_length=services.WIN_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Big or small: a finished project, a hard phone call made, a good night's sleep. "
            "Everyone in the circle sees it."
        ),
    )

    def __init__(self, *args, me=None, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].choices = [("", _("Mine"))] + _people_choices(others)


class GratitudeForm(forms.Form):
    screened_by = (services.add_gratitude,)

    text = forms.CharField(
        label=_("Today I am grateful for"),
        max_length=services.GRATITUDE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Private unless you share your gratitude journal with a circle in its sharing settings."),
    )


class IdeaFilterForm(forms.Form):
    place = forms.ChoiceField(
        label=_("Where"), required=False, choices=[("", _("Anywhere"))] + [(p, PLACE_LABELS[p]) for p in PLACES]
    )
    cost = forms.ChoiceField(
        label=_("Cost"), required=False, choices=[("", _("Any cost"))] + [(c, COST_LABELS[c]) for c in COSTS]
    )
    length = forms.ChoiceField(label=_("How long"), required=False, choices=LENGTH_CHOICES)


class WhenForm(forms.Form):
    screened_by = (services.suggest_time,)

    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.TypedChoiceField(label=_("How long"), coerce=int, choices=PLAN_LENGTHS, initial=60)
    message = forms.CharField(
        label=_("A message"),
        required=False,
        max_length=services.PLAN_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PlanForm(WhenForm):
    screened_by = (services.propose_plan,)

    invitee = forms.TypedChoiceField(label=_("With whom?"), coerce=int)
    title = NameField(
        label=_("What would you like to do?"),
        max_length=services.PLAN_TITLE_MAX_LENGTH,
        help_text=_("For example “Picnic in the park” or “Tea and a real question”."),
    )
    activity = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    field_order = ["invitee", "title", "day", "start", "minutes", "message", "activity"]

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitee"].choices = _people_choices(others)


class NudgeForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often would you like a small-gesture idea?"),
        choices=NudgeFrequency.choices,
        widget=forms.RadioSelect,
    )
    by_email = forms.BooleanField(
        label=_("Also send them by email (each email has a one-click stop link)"), required=False
    )
