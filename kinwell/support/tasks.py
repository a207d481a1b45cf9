"""Emails from the support plan, sent in the background: a message a person wrote to
someone they trust, and the follow-up that asks how the plan is going."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from kinwell.safety.panel import crisis_resources
from kinwell.support.models import SupportPlan, TrustedMessage


def _send(*, to, template: str, context: dict, reply_to=None) -> None:
    with translation.override(to.language):
        context = {**context, "person": to, "site_url": settings.SITE_URL, "crisis_country": crisis_resources()}
        subject = render_to_string(f"support/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"support/email/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[to.email], reply_to=reply_to or []).send()


@task()
def send_trusted_message(*, message_id: int) -> None:
    message = TrustedMessage.objects.select_related("sender", "recipient").filter(pk=message_id).first()
    if message is None or message.sent_at or not message.recipient.is_active:
        return
    _send(to=message.recipient, template="trusted_message",
          context={"message": message, "sender": message.sender}, reply_to=[message.sender.email])
    TrustedMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now())


@task()
def send_follow_up(*, plan_id: int, person_id: int) -> None:
    plan = SupportPlan.objects.filter(pk=plan_id).first()
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if plan is None or person is None or not plan.involves(person):
        return
    done = plan.steps.filter(done_at__isnull=False).count()
    _send(to=person, template="follow_up",
          context={"plan": plan, "done": done, "total": plan.steps.count(),
                   "link": settings.SITE_URL + reverse("support:plan"),
                   "revise": settings.SITE_URL + reverse("support:needs", kwargs={"step": "situation"})})
