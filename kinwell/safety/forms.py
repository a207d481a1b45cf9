from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from kinwell.safety.models import SafetyPlan
from kinwell.safety.wording import crisis_words

SECTION_HELP = {
    "warning_signs": _("Thoughts, feelings or situations that tell you a hard time may be starting."),
    "coping_on_my_own": _("Small things that help, even a little: a walk, music, a shower, breathing slowly."),
    "people_and_places": _("Who or where helps you feel less alone, even without talking about it."),
    "people_to_ask": _("Names and phone numbers of people you can tell that you are struggling."),
    # Names the configured country's line: filled in when the form is made (crisis_words).
    "professionals": _("Your therapist or doctor, a clinic, and the crisis lines: you can %(crisis_line)s any hour."),
    "safer_surroundings": _("Ways to keep anything you could use to hurt yourself out of easy reach, with help if needed."),
    "reasons_for_living": _("What matters to you and what you would want to be here for."),
}


class SafetyPlanForm(forms.ModelForm):
    # Not the model field: the choice is limited to the person's circles, and the
    # service, not the form, sets it on the plan.
    crisis_contact = forms.TypedChoiceField(
        label=_("If I may be in crisis, Kinwell can let this person know"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Choose someone you feel safe with, from your circles. Nobody is told anything unless you "
                    "choose this, and never when what you write is about someone hurting or frightening you."),
    )

    crisis_message = forms.CharField(
        label=SafetyPlan._meta.get_field("crisis_message").verbose_name,
        max_length=200,
        required=False,
        help_text=_("For example: “Could you give me a call when you can?”"),
    )

    class Meta:
        model = SafetyPlan
        fields = (*SafetyPlan.SECTIONS, "crisis_message", "tell_without_asking")
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in SafetyPlan.SECTIONS}
        help_texts = {
            **SECTION_HELP,
            "tell_without_asking": _("Otherwise Kinwell asks you first, every time."),
        }

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crisis_contact"].choices = [("", _("Nobody"))] + [(p.pk, p.display_name) for p in people]
        if self.instance and self.instance.crisis_contact_id:
            self.initial["crisis_contact"] = self.instance.crisis_contact_id
        self.fields["professionals"].help_text = SECTION_HELP["professionals"] % crisis_words()
        for name in SafetyPlan.SECTIONS:
            # Set after construction, so the limit needs its validator added by hand.
            self.fields[name].max_length = 4000
            self.fields[name].validators.append(MaxLengthValidator(4000))
            self.fields[name].widget.attrs["maxlength"] = 4000
