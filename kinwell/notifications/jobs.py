"""Periodic jobs (see kinwell/core/schedule.py): send what quiet hours and the digest
held, and forget notice rows once no window reads them any more."""

from datetime import timedelta

from kinwell.core.schedule import periodic

# The digest and thread windows read the last hour; a week leaves room to see what was
# sent (the person's export lists it) without keeping a history of every notice.
KEEP_SENT = timedelta(days=7)


@periodic
def send_waiting_notices(*, now) -> int:
    from kinwell.notifications.services import send_waiting

    return send_waiting(now=now)


@periodic
def forget_old_notices(*, now) -> int:
    from kinwell.notifications.models import PendingNotice, ThreadView

    gone, _ = PendingNotice.objects.filter(sent_at__lt=now - KEEP_SENT).delete()
    views, _ = ThreadView.objects.filter(viewed_at__lt=now - timedelta(days=1)).delete()
    return gone + views
