"""Emails about the account itself, sent from the task queue so the page answers alike.
They go through the notification service as notices that always go, by email, at once."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from django_tasks import task

from kinwell.accounts.tokens import confirmation_tokens
from kinwell.notifications.services import notify

NOTICES = {
    "confirm": ("confirm_sign_up", "accounts:confirm_sign_up", confirmation_tokens),
    "already_registered": ("already_registered", "accounts:password_reset_confirm", default_token_generator),
}


@task()
def send_sign_up_email(*, user_id: int, kind: str, next_url: str = "") -> None:
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None or kind not in NOTICES:
        return
    notice, url_name, tokens = NOTICES[kind]
    # The token is made here, not in the request, so it never sits in the task queue.
    path = reverse(url_name, kwargs={"uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
                                     "token": tokens.make_token(person)})
    if kind == "confirm" and next_url.startswith("/") and not next_url.startswith("//"):
        path += "?" + urlencode({"next": next_url})
    notify(recipient=person, notice=notice, url=path, context={"login_url": settings.SITE_URL + reverse("accounts:login")})
