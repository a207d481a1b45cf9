"""Emails, sent in the background. Each names the person and links to the page. The
words of an appreciation stay on the site, not in inboxes; a plan's short title is in
its own emails, so that an invitation or a reminder says what it is about."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kinwell.connect.models import Appreciation, PlannedDate

NUDGE_STOP_SALT = "kinwell.connect.stop-nudges"


def _send(*, to, template: str, context: dict, headers: dict | None = None) -> None:
    with translation.override(to.language):
        context = {**context, "person": to, "site_url": settings.SITE_URL}
        subject = render_to_string(f"connect/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"connect/email/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[to.email], headers=headers or {}).send()


@task()
def send_appreciation_email(*, appreciation_id: int) -> None:
    appreciation = (
        Appreciation.objects.select_related("sender", "recipient", "circle").filter(pk=appreciation_id).first()
    )
    if appreciation is None or not appreciation.recipient.is_active:
        return
    link = settings.SITE_URL + reverse("connect:circle", kwargs={"circle_id": appreciation.circle_id})
    _send(to=appreciation.recipient, template="appreciation", context={"appreciation": appreciation, "link": link})


def plan_link(plan: PlannedDate) -> str:
    return settings.SITE_URL + reverse("connect:plan", kwargs={"circle_id": plan.circle_id, "plan_id": plan.pk})


@task()
def send_plan_email(*, plan_id: int, event: str, recipient_id: int) -> None:
    plan = PlannedDate.objects.select_related("proposer", "invitee", "circle").filter(pk=plan_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if plan is None or recipient is None or not plan.involves(recipient):
        return
    other = plan.other_person(recipient)
    _send(to=recipient, template=f"plan_{event}", context={"plan": plan, "other": other, "link": plan_link(plan)})


@task()
def send_plan_reminder(*, plan_id: int, person_id: int) -> None:
    plan = PlannedDate.objects.select_related("proposer", "invitee").filter(pk=plan_id).first()
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if plan is None or person is None or plan.status != PlannedDate.Status.ACCEPTED:
        return
    _send(
        to=person,
        template="plan_reminder",
        context={"plan": plan, "other": plan.other_person(person), "link": plan_link(plan)},
    )


def stop_nudges_link(person) -> str:
    token = signing.dumps(person.pk, salt=NUDGE_STOP_SALT)
    return settings.SITE_URL + reverse("connect:stop_nudges", kwargs={"token": token})


@task()
def send_nudge(*, person_id: int, gesture: str) -> None:
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return
    stop = stop_nudges_link(person)
    _send(
        to=person,
        template="nudge",
        context={"gesture": gesture, "stop_link": stop, "settings_link": settings.SITE_URL + reverse("connect:nudges")},
        # Lets mail programs offer their own one-click unsubscribe (RFC 8058).
        headers={"List-Unsubscribe": f"<{stop}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
