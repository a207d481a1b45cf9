from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kinwell.safety.models import SafetyPlan
from kinwell.safety.wording import crisis_words


@task()
def send_check_on_me(*, owner_id: int) -> None:
    """A "check on me" to the contact the person chose, in the contact's language."""
    owner = get_user_model().objects.filter(pk=owner_id).first()
    plan = SafetyPlan.objects.filter(owner_id=owner_id).select_related("crisis_contact").first()
    if owner is None or plan is None or plan.crisis_contact is None:
        return
    contact = plan.crisis_contact
    context = {
        "owner": owner,
        "contact": contact,
        "message": plan.crisis_message,
        "guidance_link": settings.SITE_URL + reverse("safety:supporting"),
        "help_link": settings.SITE_URL + reverse("core:help_now"),
    }
    with translation.override(contact.language):
        context.update(crisis_words())
        send_mail(
            subject=render_to_string("safety/email/check_on_me_subject.txt", context).strip(),
            message=render_to_string("safety/email/check_on_me.txt", context),
            from_email=None,
            recipient_list=[contact.email],
        )


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
    context = {
        "owner": owner,
        "person": person,
        "crisis_contact": role == Declined.Role.CRISIS_CONTACT,
        "decline_link": settings.SITE_URL
        + reverse("safety:decline", args=[decline_token(owner_id=owner_id, person_id=person_id, role=role)]),
        "guidance_link": settings.SITE_URL + reverse("safety:supporting"),
    }
    with translation.override(person.language):
        send_mail(
            subject=render_to_string("safety/email/chosen_subject.txt", context).strip(),
            message=render_to_string("safety/email/chosen.txt", context),
            from_email=None,
            recipient_list=[person.email],
        )
