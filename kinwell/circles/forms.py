from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.circles.models import CircleKind, DataKind
from kinwell.circles import services
from kinwell.circles.services import BOUNDARY_MAX_LENGTH
from kinwell.core.text import NameField


class CircleForm(forms.Form):
    name = NameField(
        label=_("Circle name"),
        max_length=80,
        help_text=_("For example “Sam and Alex” or “The Riveras”."),
    )
    kind = forms.ChoiceField(label=_("What kind of circle is it?"), choices=CircleKind.choices, widget=forms.RadioSelect)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Their email address"),
        required=False,
        help_text=_("Optional. We email them the link; or leave it empty and send the link yourself."),
    )
    days = forms.IntegerField(
        label=_("Days the link works"),
        min_value=1,
        max_value=30,
        initial=7,
        help_text=_("From 1 to 30 days. The link works once."),
    )


class SharingForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("What this circle may see"),
        choices=DataKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick only what you are comfortable with. Your private journal is never shared."),
    )


class SpaceForm(forms.Form):
    paused = forms.BooleanField(label=_("I need some space: pause all my sharing in this circle"), required=False)
    until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to pause until you switch it off."),
    )
    quietly = forms.BooleanField(
        label=_("Pause quietly"),
        required=False,
        help_text=_("The others see nothing you share here, as if you had not shared it, and nothing that says you paused."),
    )


class BoundaryForm(forms.Form):
    screened_by = (services.add_boundary,)

    text = forms.CharField(
        label=_("A boundary"),
        max_length=BOUNDARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Short and kind, in your words. For example: “I need 20 minutes to cool down before we talk about money.”"),
    )


class TransferForm(forms.Form):
    new_owner = forms.TypedChoiceField(label=_("New owner"), coerce=int)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_owner"].choices = [(m.user_id, m.user.display_name) for m in members]
