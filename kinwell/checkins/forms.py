from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.checkins import services
from kinwell.checkins.models import NOTE_MAX_LENGTH, RESPONSE_MAX_LENGTH, Reaction
from kinwell.checkins.vocabulary import ENERGY_CHOICES, FEELING_FAMILIES, MOOD_CHOICES, TAGS, tag_label
from kinwell.core.text import NameField


class CheckInForm(forms.Form):
    """Mood first and alone required: a check-in can be one tap and "Save"."""

    screened_by = (services.record_checkin, services.update_checkin)
    screened_as = {"new_tags": "tags"}

    mood = forms.TypedChoiceField(
        label=_("How are you feeling?"), choices=MOOD_CHOICES, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you feel, from very low to great.")},
    )
    feelings = forms.MultipleChoiceField(
        label=_("Any of these feelings?"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(str(family), list(items)) for family, items in FEELING_FAMILIES],
    )
    stress = forms.IntegerField(
        label=_("Stress, from 0 (none) to 10 (the most)"), required=False, min_value=0, max_value=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    sleep_hours = forms.DecimalField(
        label=_("Hours slept last night"), required=False, min_value=0, max_value=24, decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    energy = forms.TypedChoiceField(
        label=_("Energy"), choices=[("", _("Not saying"))] + ENERGY_CHOICES, coerce=int, empty_value=None,
        required=False,
    )
    tags = forms.MultipleChoiceField(label=_("What was part of today?"), required=False, widget=forms.CheckboxSelectMultiple)
    new_tags = NameField(
        label=_("Your own tags"), required=False, max_length=120,
        help_text=_("Optional. Separate them with commas, like “choir, garden”."),
    )
    note = forms.CharField(
        label=_("A note, just for you unless you share notes"), required=False, max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wants_support = forms.BooleanField(label=_("I could use some support today"), required=False)
    day = forms.DateField(
        label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave as today, or pick a day you missed."),
    )

    def __init__(self, *args, own_tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        codes = list(TAGS) + [tag for tag in own_tags if tag not in TAGS]
        self.fields["tags"].choices = [(code, tag_label(code)) for code in codes]

    def feeling_groups(self):
        """The feeling checkboxes under their family names, for one fieldset per family."""
        widgets = iter(self["feelings"])
        return [(family, [next(widgets) for _item in items]) for family, items in FEELING_FAMILIES]

    def checkin_fields(self) -> dict:
        data = self.cleaned_data
        new_tags = [part for part in (data.get("new_tags") or "").split(",") if part.strip()]
        fields = {
            "mood": data["mood"], "feelings": data["feelings"], "stress": data["stress"],
            "sleep_hours": data["sleep_hours"], "energy": data["energy"], "tags": data["tags"] + new_tags,
            "note": data["note"], "wants_support": data["wants_support"],
        }
        if data.get("day"):
            fields["day"] = data["day"]
        return fields


class ResponseForm(forms.Form):
    screened_by = (services.respond_to_checkin,)

    reaction = forms.ChoiceField(
        label=_("Send a kind word"), widget=forms.RadioSelect, initial=Reaction.HERE_FOR_YOU,
        choices=[(value, label) for value, label in Reaction.choices if value != Reaction.MESSAGE],
    )
    message = forms.CharField(
        label=_("Or a short message"), required=False, max_length=RESPONSE_MAX_LENGTH,
        help_text=_("If you write something, it is sent instead of the kind word."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SignSettingsForm(forms.Form):
    nudges_on = forms.BooleanField(label=_("Gently let me know when my check-ins shift"), required=False)
    streak_rule_on = forms.BooleanField(
        label=_("Also notice when I stop checking in after a long streak"), required=False,
    )
    tell_supporters = forms.BooleanField(
        label=_("When a sign appears, ask the people I pick below to check on me"), required=False,
        help_text=_("They get a short note now saying you chose them, and they can say no. When a sign appears, they get a short email asking them to check in. It never includes your check-ins."),
    )
    supporters = forms.MultipleChoiceField(label=_("People to ask"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supporters"].choices = [(str(person.pk), person.display_name) for person in people]


class ReminderForm(forms.Form):
    enabled = forms.BooleanField(label=_("Send me a daily reminder to check in"), required=False)
    local_time = forms.TimeField(
        label=_("At this time, in your time zone"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
