"""Emails about the account itself, sent from the task queue so the page answers alike."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from django_tasks import task

from kinwell.accounts.tokens import confirmation_tokens

TEMPLATES = {
    "confirm": ("accounts/email/confirm_sign_up", "accounts:confirm_sign_up", confirmation_tokens),
    "already_registered": ("accounts/email/already_registered", "accounts:password_reset_confirm",
                           default_token_generator),
}


@task()
def send_sign_up_email(*, user_id: int, kind: str, next_url: str = "") -> None:
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None or kind not in TEMPLATES:
        return
    template, url_name, tokens = TEMPLATES[kind]
    # The token is made here, not in the request, so it never sits in the task queue.
    path = reverse(url_name, kwargs={"uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
                                     "token": tokens.make_token(person)})
    if kind == "confirm" and next_url.startswith("/") and not next_url.startswith("//"):
        path += "?" + urlencode({"next": next_url})
    with translation.override(person.language or settings.LANGUAGE_CODE):
        context = {"person": person, "link": settings.SITE_URL + path,
                   "login_link": settings.SITE_URL + reverse("accounts:login")}
        send_mail(
            subject=render_to_string(f"{template}_subject.txt", context).strip(),
            message=render_to_string(f"{template}.txt", context),
            from_email=None,
            recipient_list=[person.email],
        )
