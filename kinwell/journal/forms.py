from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.core.text import NameField
from kinwell.journal import services
from kinwell.journal.models import Goal, GoalArea
from kinwell.journal.services import ENTRY_MAX_LENGTH, GOAL_NOTE_MAX_LENGTH, GOAL_TITLE_MAX_LENGTH


class EntryForm(forms.Form):
    screened_by = (services.add_entry, services.update_entry)

    text = forms.CharField(
        label=_("Write freely"),
        max_length=ENTRY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Only you can read this. It is stored encrypted and cannot be shared with anyone."),
    )


class GoalForm(forms.Form):
    screened_by = (services.add_goal,)

    area = forms.ChoiceField(label=_("This goal is about"), choices=GoalArea.choices, widget=forms.RadioSelect)
    title = NameField(
        label=_("My goal"),
        max_length=GOAL_TITLE_MAX_LENGTH,
        help_text=_(
            "Small and yours. For example “Read one chapter a week” or “A slow Sunday morning each week”."
        ),
    )
    note = forms.CharField(
        label=_("A note for myself"),
        max_length=GOAL_NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ProgressForm(forms.Form):
    steps_done = forms.TypedChoiceField(
        label=_("Progress"),
        coerce=int,
        choices=[(step, step) for step in range(Goal.STEPS + 1)],
    )
