"""Periodic jobs for accounts (see kinwell/core/schedule.py)."""

from kinwell.accounts import services
from kinwell.core.schedule import periodic


@periodic
def forget_unconfirmed_sign_ups(*, now) -> int:
    return services.forget_unconfirmed_sign_ups(now=now)
