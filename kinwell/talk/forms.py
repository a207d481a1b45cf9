from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.core.text import NameField
from kinwell.talk import conflict_services, flow, services
from kinwell.talk.models import TEXT_MAX_LENGTH
from kinwell.talk.services import TOPIC_MAX_LENGTH


class StartConversationForm(forms.Form):
    screened_by = (services.start_conversation,)

    partner = forms.TypedChoiceField(label=_("Talk with"), coerce=int)
    topic = NameField(
        label=_("Topic"),
        max_length=TOPIC_MAX_LENGTH,
        help_text=_("One topic, named kindly. For example: “How we share the evenings.”"),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [(person.pk, person.display_name) for person in people]


class TurnForm(forms.Form):
    screened_by = (services.act,)

    text = forms.CharField(label=_("Your words"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, label=None, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label
        if help_text:
            self.fields["text"].help_text = help_text


class TimeOutForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("Break length in minutes"),
        min_value=int(flow.MIN_BREAK.total_seconds() // 60),
        max_value=int(flow.MAX_BREAK.total_seconds() // 60),
        initial=20,
        help_text=_("At least 20 minutes: that is how long a racing heart needs to settle."),
    )


class CoachForm(forms.Form):
    screened_by = (services.review_draft,)

    text = forms.CharField(
        label=_("Your draft"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Nothing is saved or sent. The coach only points things out; you decide."),
    )


class OpenConflictForm(forms.Form):
    screened_by = (conflict_services.open_conflict,)

    people = forms.TypedMultipleChoiceField(
        label=_("Who is this between?"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    issue = NameField(
        label=_("The issue, in a few words"),
        max_length=TOPIC_MAX_LENGTH,
        help_text=_("One issue at a time, named without blame. For example: “Screen time at dinner.”"),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [(person.pk, person.display_name) for person in people]


class ViewForm(forms.Form):
    screened_by = (conflict_services.write_view,)

    view = forms.CharField(
        label=_("How I see it"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened, from where you stand."),
    )
    feelings = forms.CharField(
        label=_("How I feel"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Feelings are about you: sad, worried, lonely, tired, hurt."),
    )
    needs = forms.CharField(
        label=_("What I need"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Rest, respect, closeness, help, time, being heard…"),
    )


class ConflictTextForm(forms.Form):
    screened_by = (conflict_services.write_reflection, conflict_services.add_option)

    text = forms.CharField(label=_("Your words"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, label=None, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label
        if help_text:
            self.fields["text"].help_text = help_text


class AgreementForm(forms.Form):
    screened_by = (conflict_services.propose_agreement,)

    text = forms.CharField(
        label=_("Our agreement"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who does what, and when. Small and concrete works best."),
    )
    check_back_on = forms.DateField(
        label=_("Check back on"), widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("A day to talk about how it is going. We will remind you both."),
    )


class RevisitForm(forms.Form):
    screened_by = (conflict_services.revisit,)

    text = forms.CharField(
        label=_("How is it going?"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.ChoiceField(
        label=_("What next?"),
        choices=[("keep", _("It works: keep the agreement")), ("retry", _("Let's try another option"))],
        widget=forms.RadioSelect,
    )
