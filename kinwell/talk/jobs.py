"""Periodic jobs for talking together (see kinwell/core/schedule.py)."""

from django.db import transaction

from kinwell.core.schedule import periodic
from kinwell.talk.selectors import due_check_backs


@periodic
def send_check_back_reminders(*, now) -> int:
    """On an agreement's check-back day, remind everyone in the round once. Marking
    `reminder_sent_for` in the same transaction as the enqueue makes it idempotent:
    a second run for the same day finds nothing due."""
    from kinwell.talk.tasks import send_conflict_notice

    sent = 0
    with transaction.atomic():
        for conflict in due_check_backs(today=now.date()).select_for_update():
            conflict.reminder_sent_for = conflict.check_back_on
            conflict.save(update_fields=["reminder_sent_for"])
            for user_id in conflict.members.values_list("user_id", flat=True):
                transaction.on_commit(
                    lambda c=conflict.pk, u=user_id: send_conflict_notice.enqueue(conflict_id=c, recipient_id=u, reminder=True)
                )
                sent += 1
    return sent
