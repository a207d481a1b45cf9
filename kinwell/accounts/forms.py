from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from kinwell.accounts.models import User, time_zone_choices
from kinwell.core.text import NameField


class SignUpForm(auth_forms.BaseUserCreationForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices, initial="America/New_York")
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES, initial="en")

    class Meta:
        model = User
        fields = ("display_name", "email", "time_zone", "language")
        field_classes = {"display_name": NameField}
        labels = {"display_name": _("What should people call you?"), "email": _("Email address")}
        help_texts = {
            "display_name": _("Your circles see this name. It does not have to be your full name."),
            "email": _("For logging in and resetting your password. Never shown to others unless you invite them."),
        }

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        # Whether an address is taken is never said here: services.sign_up emails its owner.
        pass


class ConfirmSignUpForm(forms.Form):
    password = forms.CharField(
        label=_("The password you chose"),
        widget=forms.PasswordInput,
        help_text=_("So we know the account is set up by the person who owns this email."),
    )


class LoginForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(label=_("Email address"), widget=forms.EmailInput(attrs={"autofocus": True}))

    error_messages = {
        "invalid_login": _(
            "That email and password do not match an account. Check both and try again. "
            "After several tries in a row the account is locked for 15 minutes, to keep it safe."
        ),
        "inactive": _("This account is not active."),
    }

    shared_device = forms.BooleanField(
        label=_("This is a shared device"),
        required=False,
        help_text=_("Sign me out when the browser closes, and after 30 minutes without activity."),
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = User
        fields = ("display_name", "time_zone", "language")
        field_classes = {"display_name": NameField}
        help_texts = {"display_name": _("The name your circles see.")}


class ApiTokenForm(forms.Form):
    name = NameField(
        label=_("Token name"),
        max_length=80,
        help_text=_("Something to recognise it by, such as “My phone”."),
    )
    lifetime = forms.ChoiceField(
        label=_("It stops working"),
        choices=[("30", _("after 30 days")), ("90", _("after 90 days")), ("365", _("after a year")),
                 ("", _("only when I revoke it"))],
        initial="90",
        required=False,
        widget=forms.RadioSelect,
    )
    access = forms.ChoiceField(
        label=_("What it may do"),
        choices=[("read", _("Only read my data")), ("write", _("Read and make changes"))],
        initial="read",
        widget=forms.RadioSelect,
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput,
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(label=_("I understand this cannot be undone."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."))
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form finds the account and makes the link; the email itself goes through
    the notification service like every other notice (always, by email, at once)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        from django.urls import reverse

        from kinwell.notifications.services import notify

        path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        notify(recipient=context["user"], notice="password_reset", url=path, context={})
