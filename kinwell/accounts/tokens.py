"""The one-time link that confirms a new account.

Like Django's password-reset token, it is an HMAC over the person's state: it stops
working once the account is confirmed (is_active) or the password changes (a later
sign-up with the same address), and after PASSWORD_RESET_TIMEOUT (three hours)."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignUpConfirmationTokens(PasswordResetTokenGenerator):
    key_salt = "kinwell.accounts.tokens.SignUpConfirmationTokens"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.is_active}{user.email}{timestamp}"


confirmation_tokens = SignUpConfirmationTokens()
