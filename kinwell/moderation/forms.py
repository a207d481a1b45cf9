from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.moderation import services
from kinwell.moderation.models import ReportReason
from kinwell.moderation.services import ACTIONS, NOTE_MAX_LENGTH, SUSPENSION_DAYS


class ReportForm(forms.Form):
    screened_by = (services.report,)

    reason = forms.ChoiceField(label=_("What is wrong with it?"), choices=ReportReason.choices, widget=forms.RadioSelect,
                               error_messages={"required": _("Choose why you are reporting this.")})
    note = forms.CharField(
        label=_("Anything a moderator should know"), max_length=NOTE_MAX_LENGTH, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Only moderators read this; the person who wrote it never learns who reported it."),
    )


class ModerationForm(forms.Form):
    target_type = forms.CharField(max_length=40)
    target_id = forms.SlugField(max_length=64)
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    note = forms.CharField(max_length=NOTE_MAX_LENGTH, required=False)
    days = forms.IntegerField(min_value=SUSPENSION_DAYS[0], max_value=SUSPENSION_DAYS[1], required=False)
