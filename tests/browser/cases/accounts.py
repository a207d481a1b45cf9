"""Sign-up, log-in (wrong password, locked out), password reset and change, settings,
API tokens, and "my data" (download, delete), each with its form errors."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.browser.cases.common import Case, go, submit, with_errors


def reset_link(demo):
    uid = urlsafe_base64_encode(force_bytes(demo.alex.pk))
    return f"/accounts/password/reset/{uid}/{default_token_generator.make_token(demo.alex)}/"


def confirm_link(demo):
    """A confirmation link for someone who signed up and has not confirmed yet."""
    from kinwell.accounts.tokens import confirmation_tokens
    from tests.factories import UserFactory

    pending = UserFactory(email="pending@example.org", display_name="Pending", is_active=False)
    uid = urlsafe_base64_encode(force_bytes(pending.pk))
    return f"/accounts/signup/confirm/{uid}/{confirmation_tokens.make_token(pending)}/"


def locked_out(page, demo, settings):
    settings.AXES_FAILURE_LIMIT = 1
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(demo.alex.email)
    page.get_by_label("Password").fill("not the password")
    submit(page, "Log in")
    assert "locked" in page.locator("h1").inner_text()


def token_created(page, demo, settings):
    page.goto("/accounts/tokens/")
    page.get_by_label("Token name").fill("My tablet")
    submit(page, "Create token")
    assert page.locator("#new-token").input_value().startswith("kw_")


def reset_confirm(page, demo, settings):
    page.goto(reset_link(demo))
    assert page.get_by_label("New password", exact=True).is_visible()


def reset_confirm_errors(page, demo, settings):
    reset_confirm(page, demo, settings)
    page.get_by_label("New password", exact=True).fill("quiet-harbour-lantern")
    page.get_by_label("New password confirmation").fill("something-else-entirely")
    submit(page, "Save new password")
    assert page.locator(".error-summary").is_visible()


CASES = [
    Case("out-signup", "accounts:signup", go("/accounts/signup/")),
    Case("out-signup-empty", "accounts:signup", with_errors("/accounts/signup/", "Create account")),
    Case(
        "out-signup-invalid",
        "accounts:signup",
        with_errors(
            "/accounts/signup/",
            "Create account",
            email="alex@example.org",
            password1="short",
            password2="different",
        ),
    ),
    Case("out-signup-sent", "accounts:signup_sent", go("/accounts/signup/sent/")),
    Case("out-confirm-sign-up", "accounts:confirm_sign_up", lambda page, demo, settings: page.goto(confirm_link(demo))),
    Case("out-confirm-sign-up-errors", "accounts:confirm_sign_up",
         with_errors(confirm_link, "Confirm and log in", password="not the one")),
    Case("out-confirm-sign-up-bad-link", "accounts:confirm_sign_up", go("/accounts/signup/confirm/MQ/not-a-token/")),
    Case("out-login", "accounts:login", go("/accounts/login/")),
    Case("out-login-empty", "accounts:login", with_errors("/accounts/login/", "Log in")),
    Case(
        "out-login-wrong-password",
        "accounts:login",
        with_errors("/accounts/login/", "Log in", username="alex@example.org", password="wrong password"),
    ),
    Case("out-login-locked-out", "accounts:login", locked_out),
    Case("out-password-reset", "accounts:password_reset", go("/accounts/password/reset/")),
    Case(
        "out-password-reset-invalid",
        "accounts:password_reset",
        with_errors("/accounts/password/reset/", "Send the link", email="not an email"),
    ),
    Case("out-password-reset-sent", "accounts:password_reset_done", go("/accounts/password/reset/sent/")),
    Case("out-password-reset-confirm", "accounts:password_reset_confirm", reset_confirm),
    Case("out-password-reset-confirm-errors", "accounts:password_reset_confirm", reset_confirm_errors),
    Case(
        "out-password-reset-confirm-bad-link",
        "accounts:password_reset_confirm",
        go("/accounts/password/reset/MQ/not-a-token/"),
    ),
    Case("out-password-reset-complete", "accounts:password_reset_complete", go("/accounts/password/reset/complete/")),
    Case("out-account-deleted", "accounts:deleted", go("/accounts/deleted/")),
    Case("in-settings", "accounts:settings", go("/accounts/settings/"), "alex"),
    Case(
        "in-settings-empty-name",
        "accounts:settings",
        with_errors("/accounts/settings/", "Save settings", display_name=""),
        "alex",
    ),
    Case("in-password-change", "accounts:password_change", go("/accounts/password/"), "alex"),
    Case(
        "in-password-change-errors",
        "accounts:password_change",
        with_errors("/accounts/password/", "Change password", old_password="wrong"),
        "alex",
    ),
    Case("in-tokens", "accounts:tokens", go("/accounts/tokens/"), "alex"),
    Case("in-tokens-created", "accounts:tokens", token_created, "alex"),
    Case("in-tokens-empty-name", "accounts:tokens", with_errors("/accounts/tokens/", "Create token"), "alex"),
    Case("in-my-data", "accounts:data", go("/accounts/data/"), "alex"),
    Case(
        "in-my-data-delete-errors",
        "accounts:data",
        with_errors("/accounts/data/", "Delete my account for good", password="wrong"),
        "alex",
    ),
    Case("narrow-out-signup-empty", "accounts:signup", with_errors("/accounts/signup/", "Create account"), width=320),
    Case("narrow-in-tokens", "accounts:tokens", go("/accounts/tokens/"), "alex", 320),
]
