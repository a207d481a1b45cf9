"""The optional reminder to take a questionnaire again, every two weeks."""

from django.db import transaction

from kinwell.core.schedule import periodic
from kinwell.screening.models import Reminder
from kinwell.screening.services import REMINDER_EVERY


@periodic
def send_due_reminders(*, now) -> int:
    """Email everyone whose reminder is due and move it two weeks on. Moving it in the
    same transaction as choosing it is what makes a second run in the minute send nothing."""
    from kinwell.screening.tasks import send_reminder

    sent = 0
    with transaction.atomic():
        due = list(Reminder.objects.select_for_update().filter(next_due__lte=now))
        for reminder in due:
            # Skip ahead past any missed fortnights, so a long pause sends one email, not many.
            while reminder.next_due <= now:
                reminder.next_due += REMINDER_EVERY
            reminder.save(update_fields=["next_due"])
            transaction.on_commit(lambda pk=reminder.pk: send_reminder.enqueue(reminder_id=pk))
            sent += 1
    return sent
