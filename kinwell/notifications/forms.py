from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.notifications.notices import EMAIL, GROUPS, NONE, PUSH

CHANNEL_LABELS = {PUSH: _("Push to my devices"), EMAIL: _("Email"), NONE: _("Don't send these")}


class PreferencesForm(forms.Form):
    """One choice per group of notices (push only where it can reach the person),
    quiet hours and the digest."""

    quiet_from = forms.TimeField(
        label=_("Quiet hours start"), required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("In your time zone. Leave both empty to have none."),
    )
    quiet_until = forms.TimeField(
        label=_("Quiet hours end"), required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    digest = forms.BooleanField(
        label=_("Gather notices that come within an hour into one message"), required=False,
    )

    def __init__(self, *args, offered: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(channel, CHANNEL_LABELS[channel]) for channel in offered]
        for key, group in GROUPS.items():
            self.fields[f"channel_{key}"] = forms.ChoiceField(
                label=group.label, help_text=group.hint, choices=choices, widget=forms.RadioSelect,
            )
        # The groups first, in the catalogue's order, then quiet hours and the digest.
        self.order_fields([f"channel_{key}" for key in GROUPS])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("quiet_from"), cleaned.get("quiet_until")
        if (start is None) != (end is None) and not self.errors.get("quiet_from") and not self.errors.get("quiet_until"):
            self.add_error("quiet_until" if end is None else "quiet_from",
                           _("Give quiet hours a start and an end, or leave both empty."))
        elif start is not None and start == end:
            self.add_error("quiet_until", _("Quiet hours need to end at a different time from when they start."))
        return cleaned

    def channels(self) -> dict[str, str]:
        return {key: self.cleaned_data[f"channel_{key}"] for key in GROUPS}
