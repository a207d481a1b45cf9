from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kinwell.safety.wording import crisis_words
from kinwell.screening.models import Reminder


@task()
def send_reminder(*, reminder_id: int) -> None:
    """A gentle two-weekly reminder, in the person's language, with a one-click stop link."""
    reminder = Reminder.objects.filter(pk=reminder_id).select_related("owner").first()
    if reminder is None:
        return
    owner = reminder.owner
    context = {
        "owner": owner,
        "name": reminder.get_instrument_display(),
        "take_link": settings.SITE_URL + reverse("screening:start", args=[reminder.instrument]),
        "stop_link": settings.SITE_URL + reverse("screening:stop_reminders", args=[reminder.stop_token]),
    }
    with translation.override(owner.language):
        context.update(crisis_words())
        send_mail(
            subject=render_to_string("screening/email/reminder_subject.txt", context).strip(),
            message=render_to_string("screening/email/reminder.txt", context),
            from_email=None,
            recipient_list=[owner.email],
        )
