from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.daily import services
from kinwell.daily.models import ANSWER_MAX_LENGTH, REPLY_MAX_LENGTH, Reaction


class AnswerForm(forms.Form):
    screened_by = (services.answer_question,)

    text = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only you see it until the others have answered too. You can change it until then."),
    )


class ReplyForm(forms.Form):
    screened_by = (services.reply_to_answer,)

    text = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)
