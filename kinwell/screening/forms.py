from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kinwell.screening.models import Response


class StartForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How would you like to see the questions?"),
        choices=Response.Mode.choices,
        initial=Response.Mode.ONE,
        widget=forms.RadioSelect,
        help_text=_("You can pause at any point and pick up where you left off."),
    )


class AnswersForm(forms.Form):
    """Radio buttons for the questions on this screen. Every answer given is checked to
    be one of the choices; whether one is needed depends on the button pressed (pausing
    keeps whatever is there), so `mark_unanswered` is asked after saving."""

    def __init__(self, *args, items, language="en", **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[item.key] = forms.TypedChoiceField(
                # The published wording, marked with its language for screen readers.
                label=format_html('{}. <span lang="{}">{}</span>', item.number, language, item.text),
                choices=[(option.value, format_html('<span lang="{}">{}</span>', language, option.text)) for option in item.options],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                help_text=None if item.scored else _("Optional. This question is noted with your result but not counted in the score."),
            )

    def mark_unanswered(self, saved: dict) -> bool:
        """Flag every scored question on this screen that still has no answer."""
        for item in self.items:
            if item.scored and item.key not in saved:
                self.add_error(item.key, _("Please choose an answer to question %(number)s.") % {"number": item.number})
        return bool(self.errors)

    def answers(self) -> dict[str, int]:
        return {key: value for key, value in self.cleaned_data.items() if value is not None}


class ReminderForm(forms.Form):
    instrument = forms.ChoiceField(
        label=_("Remind me by email every two weeks to take"),
        required=False,
        help_text=_("Choose “No reminders” to stop them. Every email also has a link that stops them in one click."),
    )

    def __init__(self, *args, instruments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [("", _("No reminders"))] + [(i.key, i.name) for i in instruments]
