from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from kinwell.circles.models import Invitation


@task()
def send_invitation_email(*, invitation_id: int, token: str) -> None:
    invitation = Invitation.objects.select_related("circle", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open or not invitation.email:
        return
    context = {
        "invitation": invitation,
        "link": settings.SITE_URL + reverse("circles:invitation", kwargs={"token": token}),
    }
    send_mail(
        subject=render_to_string("circles/email/invitation_subject.txt", context).strip(),
        message=render_to_string("circles/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
