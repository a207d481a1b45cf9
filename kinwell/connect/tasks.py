"""Notices, sent in the background through the notification service. Each names the
person and links to the page. The words of an appreciation stay on the site, not in
inboxes; a plan's short title is in its own notices, so that an invitation or a
reminder says what it is about."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django_tasks import task

from kinwell.connect.models import Appreciation, PlannedDate
from kinwell.notifications.services import notify

NUDGE_STOP_SALT = "kinwell.connect.stop-nudges"


@task()
def send_appreciation_email(*, appreciation_id: int) -> None:
    appreciation = (
        Appreciation.objects.select_related("sender", "recipient", "circle").filter(pk=appreciation_id).first()
    )
    if appreciation is None or not appreciation.recipient.is_active:
        return
    notify(recipient=appreciation.recipient, notice="appreciation",
           url=reverse("connect:circle", kwargs={"circle_id": appreciation.circle_id}),
           context={"sender": appreciation.sender.display_name, "circle": appreciation.circle.name})


def plan_path(plan: PlannedDate) -> str:
    return reverse("connect:plan", kwargs={"circle_id": plan.circle_id, "plan_id": plan.pk})


def _plan_context(plan: PlannedDate, person) -> dict:
    return {"other": plan.other_person(person).display_name, "title": plan.title, "starts_at": plan.starts_at}


@task()
def send_plan_email(*, plan_id: int, event: str, recipient_id: int) -> None:
    plan = PlannedDate.objects.select_related("proposer", "invitee", "circle").filter(pk=plan_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if plan is None or recipient is None or not plan.involves(recipient) or event not in (
            "proposed", "accepted", "suggested"):
        return
    notify(recipient=recipient, notice=f"plan_{event}", url=plan_path(plan), context=_plan_context(plan, recipient))


@task()
def send_plan_reminder(*, plan_id: int, person_id: int) -> None:
    plan = PlannedDate.objects.select_related("proposer", "invitee").filter(pk=plan_id).first()
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if plan is None or person is None or plan.status != PlannedDate.Status.ACCEPTED:
        return
    notify(recipient=person, notice="plan_reminder", url=plan_path(plan), context=_plan_context(plan, person))


def stop_nudges_link(person) -> str:
    token = signing.dumps(person.pk, salt=NUDGE_STOP_SALT)
    return settings.SITE_URL + reverse("connect:stop_nudges", kwargs={"token": token})


@task()
def send_nudge(*, person_id: int, gesture: str) -> None:
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return
    notify(recipient=person, notice="nudge", url=reverse("connect:nudges"),
           context={"gesture": gesture, "stop_url": stop_nudges_link(person)})
