import json

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kinwell.accounts import selectors, services
from kinwell.accounts.forms import (
    PasswordResetForm,
    ApiTokenForm, ConfirmSignUpForm, DeleteAccountForm, LoginForm, ProfileForm, SignUpForm,
)
from kinwell.accounts.middleware import start_shared_device_session
from kinwell.accounts.tokens import confirmation_tokens
from kinwell.core.errors import ServiceError
from kinwell.core.personal_data import described_sections, export_for


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignUpForm(request.POST or None)
    next_url = _safe_next(request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        services.sign_up(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
            time_zone=form.cleaned_data["time_zone"],
            language=form.cleaned_data["language"],
            next_url=next_url,
        )
        # The same answer whether or not the address already had an account.
        return redirect("accounts:signup_sent")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/signup.html", {"form": form, "next": request.GET.get("next", "")}, status=status)


def _safe_next(next_url: str | None) -> str:
    return next_url if next_url and next_url.startswith("/") and not next_url.startswith("//") else ""


def sign_up_sent(request):
    return render(request, "accounts/signup_sent.html")


def confirm_sign_up(request, uidb64: str, token: str):
    person = selectors.person_from_link(uidb64)
    if person is None or not confirmation_tokens.check_token(person, token):
        return render(request, "accounts/confirm_sign_up.html", {"invalid": True}, status=410)
    form = ConfirmSignUpForm(request.POST or None)
    next_url = _safe_next(request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        try:
            services.confirm_sign_up(user=person, password=form.cleaned_data["password"])
        except ServiceError as error:
            form.add_error("password", error.message)
        else:
            login(request, person, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to Kinwell, %(name)s.") % {"name": person.display_name})
            return redirect(next_url or "core:home")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/confirm_sign_up.html", {"form": form, "person": person, "next": next_url},
                  status=status)


class InvalidFormIs400:
    """Django's auth views answer a form with errors with 200; we say 400, like every other form."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoginView(InvalidFormIs400, auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("shared_device"):
            start_shared_device_session(self.request)
        return response


class PasswordChangeView(InvalidFormIs400, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form):
        response = super().form_valid(form)  # saves, and keeps this session with a new key
        ended = services.end_sessions_and_tokens(user=form.user, keep_session_key=self.request.session.session_key)
        messages.success(self.request, _("Your password has been changed.") + " " + _everything_ended(ended, here=True))
        return response


def _everything_ended(ended, *, here: bool) -> str:
    text = (_("You stay signed in here; everywhere else you were signed in has been signed out.") if here
            else _("Everywhere you were signed in has been signed out."))
    if ended.tokens:
        text += " " + ngettext(
            "Your API token was revoked too: create a new one for any app you still use.",
            "Your %(count)d API tokens were revoked too: create new ones for the apps you still use.",
            ended.tokens,
        ) % {"count": ended.tokens}
    return text


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        ended = services.end_sessions_and_tokens(user=form.user)
        messages.success(self.request, _everything_ended(ended, here=False))
        return response


@login_required
def account_settings(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.update_profile(
                user=request.user,
                display_name=form.cleaned_data["display_name"],
                time_zone=form.cleaned_data["time_zone"],
                language=form.cleaned_data["language"],
            )
            messages.success(request, _("Your settings are saved."))
            return redirect("accounts:settings")
        request.user.refresh_from_db()
        return render(request, "accounts/settings.html", {"form": form}, status=400)
    return render(request, "accounts/settings.html", {"form": form})


@login_required
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            lifetime = form.cleaned_data["lifetime"]
            _token, new_token = services.create_api_token(
                user=request.user,
                name=form.cleaned_data["name"],
                expires_in_days=int(lifetime) if lifetime else None,
                read_only=form.cleaned_data["access"] == "read",
            )
            form = ApiTokenForm()
        else:
            status = 400
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": selectors.api_tokens_of(user=request.user), "new_token": new_token, "now": timezone.now()},
        status=status,
    )


@login_required
@require_POST
def revoke_api_token(request, token_id: int):
    services.revoke_api_token(user=request.user, token_id=token_id)
    messages.success(request, _("The token was revoked. Apps using it can no longer sign in."))
    return redirect("accounts:tokens")


@login_required
def my_data(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.delete_account(user=request.user)
            # The session belonged to a person who no longer exists.
            request.session.flush()
            return redirect("accounts:deleted")
        return render(request, "accounts/my_data.html", {"form": form, "sections": described_sections()}, status=400)
    return render(request, "accounts/my_data.html", {"form": form, "sections": described_sections()})


@login_required
def download_my_data(request):
    document = export_for(request.user)
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="kinwell-my-data-{stamp}.json"'
    return response


def account_deleted(request):
    return render(request, "accounts/deleted.html")


def locked_out(request, credentials=None, *args, **kwargs):
    return render(request, "accounts/locked_out.html", status=429)
