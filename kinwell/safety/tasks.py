from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kinwell.safety.models import SafetyPlan


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
        send_mail(
            subject=render_to_string("safety/email/check_on_me_subject.txt", context).strip(),
            message=render_to_string("safety/email/check_on_me.txt", context),
            from_email=None,
            recipient_list=[contact.email],
        )
