from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.checkins import services
from kinwell.checkins.models import NOTE_MAX_LENGTH, RESPONSE_MAX_LENGTH, Reaction
from kinwell.checkins.vocabulary import (
    ENERGY_CHOICES, FEELING_FAMILIES, METER, MOOD_CHOICES, MOOD_METER, QUADRANTS, TAGS, tag_label,
)
from kinwell.core.text import NameField


class CheckInForm(forms.Form):
    """Mood first and alone required: a check-in can be one tap and "Save"."""

    screened_by = (services.record_checkin, services.update_checkin)
    screened_as = {"new_tags": "tags"}

    # The mood meter: one word sets mood and energy. The five-point mood (with energy on
    # its own) stays for whoever prefers it, and for check-ins made before the meter.
    meter = forms.ChoiceField(
        label=_("How are you feeling?"), required=False, widget=forms.RadioSelect,
        choices=[(choice.code, choice.label) for choice in MOOD_METER],
    )
    mood = forms.TypedChoiceField(
        label=_("Mood, from very low to great"), choices=MOOD_CHOICES, coerce=int, widget=forms.RadioSelect,
        required=False, empty_value=None,
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

    def clean(self):
        data = super().clean()
        choice = METER.get(data.get("meter") or "")
        if choice is not None:
            data["mood"], data["energy"] = choice.mood, choice.energy
        elif data.get("mood") is None and "meter" not in self.errors and "mood" not in self.errors:
            self.add_error("meter", _("Choose how you feel: the word closest to it."))
        return data

    def meter_quadrants(self):
        """The meter's radios in their four quadrants, top row first (one radio group: the
        arrow keys move through all of them, as in any radio group)."""
        radios = {radio.data["value"]: radio for radio in self["meter"]}
        return [
            (code, label, [(radios[choice.code], choice) for choice in MOOD_METER if choice.quadrant == code])
            for code, label in QUADRANTS.items()
        ]

    def five_point_open(self) -> bool:
        return bool(self["mood"].value() and not self["meter"].value()) or bool(self.errors.get("mood"))

    def feeling_groups(self):
        """The feeling checkboxes under their family names, for one fieldset per family."""
        widgets = iter(self["feelings"])
        return [(family, [next(widgets) for _item in items]) for family, items in FEELING_FAMILIES]

    def checkin_fields(self) -> dict:
        data = self.cleaned_data
        new_tags = [part for part in (data.get("new_tags") or "").split(",") if part.strip()]
        feelings = list(data["feelings"])
        previous = self.initial.get("meter")
        if previous and previous != data.get("meter") and previous in feelings:
            feelings.remove(previous)  # the word chosen before on the meter, now changed
        if data.get("meter"):
            feelings = [data["meter"]] + [code for code in feelings if code != data["meter"]]
        fields = {
            "mood": data["mood"], "feelings": feelings, "stress": data["stress"],
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
