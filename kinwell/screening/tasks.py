from django.conf import settings
from django.urls import reverse
from django_tasks import task

from kinwell.notifications.services import notify
from kinwell.screening.models import Reminder


@task()
def send_reminder(*, reminder_id: int) -> None:
    """A gentle two-weekly reminder, in the person's language, with a link to stop it
    (a page with one button: opening it changes nothing)."""
    reminder = Reminder.objects.filter(pk=reminder_id).select_related("owner").first()
    if reminder is None:
        return
    notify(
        recipient=reminder.owner,
        notice="screening_reminder",
        url=reverse("screening:start", args=[reminder.instrument]),
        context={"instrument": reminder.get_instrument_display(),
                 "stop_url": settings.SITE_URL + reverse("screening:stop_reminders", args=[reminder.stop_token])},
    )
