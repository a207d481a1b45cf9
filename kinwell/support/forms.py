from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinwell.core.text import NameField
from kinwell.support import needs, services
from kinwell.support.services import MESSAGE_MAX, OWN_STEP_MAX, OWN_WORDS_MAX


class NeedsStepForm(forms.Form):
    """One screen of "What do I need?", built from the questions in needs.py. Every
    question may be skipped: the plan works with whatever the person chose to say."""

    def __init__(self, *args, step: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        for key in needs.questions_on(step):
            question = needs.QUESTIONS[key]
            choices = [(c.key, _(c.label)) for c in question.choices]
            if question.many:
                self.fields[key] = forms.MultipleChoiceField(
                    label=_(question.label), required=False, choices=choices, widget=forms.CheckboxSelectMultiple,
                    help_text=_(question.hint) if question.hint else "")
            else:
                self.fields[key] = forms.ChoiceField(label=_(question.label), required=False, choices=choices,
                                                     widget=forms.RadioSelect)
        if step == "preferences":
            self.fields["zip"] = forms.CharField(
                label=gettext_lazy("Your ZIP code, to look for help near you"), required=False, max_length=10,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 8}))


class MakePlanForm(forms.Form):
    screened_by = (services.make_plan,)

    use_what_kinwell_knows = forms.BooleanField(
        label=gettext_lazy("Use what Kinwell already knows (listed above) to shape my plan"), required=False)
    in_own_words = forms.CharField(
        label=gettext_lazy("Anything else you'd like to say, in your own words"), required=False,
        max_length=OWN_WORDS_MAX, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Only you see this. If it sounds like you are in danger, we show help first."))


class OwnStepForm(forms.Form):
    screened_by = (services.add_own_step,)

    text = NameField(label=gettext_lazy("Add a step of your own"), max_length=OWN_STEP_MAX,
                     error_messages={"required": gettext_lazy("Write the step first.")})


class FollowUpForm(forms.Form):
    on = forms.DateField(label=gettext_lazy("Check in with me about this plan on"),
                         widget=forms.DateInput(attrs={"type": "date"}),
                         error_messages={"invalid": gettext_lazy("Enter a date, like 2026-12-06.")})


class MessageForm(forms.Form):
    screened_by = (services.send_to_trusted_person,)

    text = forms.CharField(label=gettext_lazy("Your message"), max_length=MESSAGE_MAX,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=gettext_lazy("Change it so it sounds like you."),
                           error_messages={"required": gettext_lazy("Write the message first.")})
    recipient = forms.TypedChoiceField(label=gettext_lazy("Send it to"), coerce=int, widget=forms.RadioSelect,
                                       required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [(p.pk, p.display_name) for p in people]
