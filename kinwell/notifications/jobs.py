"""Periodic job (see kinwell/core/schedule.py): send what quiet hours and the digest held."""

from kinwell.core.schedule import periodic


@periodic
def send_waiting_notices(*, now) -> int:
    from kinwell.notifications.services import send_waiting

    return send_waiting(now=now)
