from django import forms
from django.template.defaultfilters import date as date_filter, truncatechars
from django.utils.translation import gettext_lazy as _

from kinwell.checkins.vocabulary import MOODS
from kinwell.core.text import NameField
from kinwell.summary.models import DEFAULT_LINK_DAYS, MAX_LINK_DAYS
from kinwell.summary.services import LABEL_MAX_LENGTH, PERIODS

PERIOD_CHOICES = [
    (30, _("The last 30 days")),
    (90, _("The last 90 days")),
    (180, _("The last 6 months")),
    (365, _("The last year")),
]
assert tuple(days for days, _label in PERIOD_CHOICES) == PERIODS
DEFAULT_PERIOD = 90


class PeriodForm(forms.Form):
    """Step one, by GET: the period decides which notes can be picked below it."""

    days = forms.TypedChoiceField(label=_("Which period should it cover?"), choices=PERIOD_CHOICES, coerce=int,
                                  initial=DEFAULT_PERIOD, widget=forms.RadioSelect)


class SummaryForm(forms.Form):
    days = forms.TypedChoiceField(choices=PERIOD_CHOICES, coerce=int, widget=forms.HiddenInput)
    instruments = forms.MultipleChoiceField(
        label=_("Questionnaires: scores and bands over the period"), required=False,
        widget=forms.CheckboxSelectMultiple)
    trends = forms.BooleanField(label=_("Mood, stress and sleep over the period"), required=False, initial=True)
    signs = forms.BooleanField(label=_("Signs Kinwell noticed in my check-ins"), required=False, initial=True)
    plan = forms.BooleanField(label=_("My support plan: the kinds of help it suggests, and my next steps"),
                              required=False, initial=True)
    notes = forms.TypedMultipleChoiceField(
        label=_("Check-in notes, only the ones I tick"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None is ticked unless you tick it. Only these notes go in, word for word."))

    def __init__(self, *args, instruments, notes, has_plan: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instruments"].choices = [(i.key, i.name) for i in instruments]
        self.fields["instruments"].initial = [i.key for i in instruments]
        if not instruments:
            del self.fields["instruments"]
        self.fields["notes"].choices = [
            (c.pk, f"{date_filter(c.day, 'DATE_FORMAT')} ({MOODS.get(c.mood, c.mood)}): {truncatechars(c.note, 140)}")
            for c in notes
        ]
        if not notes:
            del self.fields["notes"]
        if not has_plan:
            del self.fields["plan"]


class LinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Open for how many days?"), min_value=1, max_value=MAX_LINK_DAYS, initial=DEFAULT_LINK_DAYS,
        help_text=_("From 1 to 90 days. You can close it sooner at any time."))
    label = NameField(
        label=_("Who is it for? (optional)"), max_length=LABEL_MAX_LENGTH, required=False,
        help_text=_("Only you see this, in your list of links and in who viewed your data. For example “Dr. Rivera”."))
