"""The email channel: an HTML message with its plain-text alternative.

The one place in Kinwell that builds an email (tests/notifications/test_one_mail_path.py
holds every other module to that). A notice that may be turned off carries the
one-click unsubscribe headers of RFC 8058, so mail programs can offer their own
button; the address answers a bare POST with exactly that body.
"""

from django.core.mail import EmailMultiAlternatives

from kinwell.notifications.channels import Message, register_channel


def address_of(recipient) -> str:
    return recipient if isinstance(recipient, str) else (recipient.email or "")


def deliver(*, user, message: Message) -> bool:
    """`user` is a person, or an address for someone who is not in Kinwell."""
    to = address_of(user)
    if not to:
        return False
    headers = {}
    if message.unsubscribe:
        headers["List-Unsubscribe"] = f"<{message.unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMultiAlternatives(subject=message.subject, body=message.text, to=[to],
                                   reply_to=list(message.reply_to), headers=headers)
    email.attach_alternative(message.html, "text/html")
    return email.send() > 0


def reachable(*, user) -> bool:
    return bool(address_of(user))


def register() -> None:
    register_channel("email", deliver=deliver, reachable=reachable)
