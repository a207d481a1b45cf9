from django.urls import reverse
from django_tasks import task

from kinwell.circles.models import Invitation
from kinwell.notifications.services import notify


@task()
def send_invitation_email(*, invitation_id: int, token: str) -> None:
    """To an address: the person may not be in Kinwell yet, so it goes by email, at once."""
    invitation = Invitation.objects.select_related("circle", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open or not invitation.email:
        return
    notify(
        recipient=invitation.email,
        notice="circle_invitation",
        url=reverse("circles:invitation", kwargs={"token": token}),
        context={"inviter": invitation.invited_by.display_name, "circle": invitation.circle.name,
                 "until": invitation.expires_at},
        # The invitee has no language of their own here yet; the inviter's is the best guess.
        language=invitation.invited_by.language,
    )
