"""Notices from the support plan, sent in the background: a message a person wrote to
someone they trust, and the follow-up that asks how the plan is going."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from kinwell.notifications.services import notify
from kinwell.support.models import SupportPlan, TrustedMessage


@task()
def send_trusted_message(*, message_id: int) -> None:
    message = TrustedMessage.objects.select_related("sender", "recipient").filter(pk=message_id).first()
    if message is None or message.sent_at or not message.recipient.is_active:
        return
    notify(recipient=message.recipient, notice="trusted_message", url=reverse("safety:supporting"),
           context={"sender": message.sender.display_name, "text": message.text,
                    "about_service": message.about_service},
           reply_to=[message.sender.email])
    TrustedMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now())


@task()
def send_follow_up(*, plan_id: int, person_id: int) -> None:
    plan = SupportPlan.objects.filter(pk=plan_id).first()
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if plan is None or person is None or not plan.involves(person):
        return
    notify(recipient=person, notice="support_follow_up", url=reverse("support:plan"),
           context={"done": plan.steps.filter(done_at__isnull=False).count(), "total": plan.steps.count(),
                    "revise_url": settings.SITE_URL + reverse("support:needs", kwargs={"step": "situation"})})
