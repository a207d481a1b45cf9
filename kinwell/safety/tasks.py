"""Safety notices to the person someone chose. They always go, by email, at once: no
quiet hours, no digest, no switch (see kinwell/notifications/notices.py)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from kinwell.notifications.services import notify
from kinwell.safety.models import SafetyPlan


@task()
def send_check_on_me(*, owner_id: int) -> None:
    """A "check on me" to the contact the person chose, in the contact's language."""
    owner = get_user_model().objects.filter(pk=owner_id).first()
    plan = SafetyPlan.objects.filter(owner_id=owner_id).select_related("crisis_contact").first()
    if owner is None or plan is None or plan.crisis_contact is None:
        return
    notify(recipient=plan.crisis_contact, notice="safety_check_on_me", url=reverse("core:help_now"),
           context={"owner": owner.display_name, "message": plan.crisis_message,
                    "guidance_url": settings.SITE_URL + reverse("safety:supporting")})


@task()
def send_chosen_notice(*, owner_id: int, person_id: int, role: str) -> None:
    """To someone newly chosen as a crisis contact or a signs supporter: what it means,
    and a link to say no. The subject says nothing about why."""
    from kinwell.safety.models import Declined
    from kinwell.safety.services import decline_token

    people = get_user_model().objects.in_bulk([owner_id, person_id])
    owner, person = people.get(owner_id), people.get(person_id)
    if owner is None or person is None or role not in Declined.Role.values:
        return
    notify(recipient=person, notice="safety_chosen",
           url=reverse("safety:decline", args=[decline_token(owner_id=owner_id, person_id=person_id, role=role)]),
           context={"owner": owner.display_name, "crisis_contact": role == Declined.Role.CRISIS_CONTACT,
                    "guidance_url": settings.SITE_URL + reverse("safety:supporting")})
