"""Reads: a person's preferences with the catalogue's defaults filled in, the channel
a notice takes, and whether it is quiet for them now."""

from datetime import datetime, time

from kinwell.core.localtime import zone_of
from kinwell.notifications.channels import channel_named
from kinwell.notifications.models import Preferences
from kinwell.notifications.notices import EMAIL, GROUPS, NONE, PUSH


def preferences_of(user) -> Preferences:
    """The stored row, or an unsaved one with the defaults."""
    return Preferences.objects.filter(user=user).first() or Preferences(user=user)


def chosen_channels(preferences: Preferences) -> dict[str, str]:
    stored = preferences.channels or {}
    return {key: stored.get(key, group.default_channel) for key, group in GROUPS.items()}


def push_reachable(user) -> bool:
    push = channel_named(PUSH)
    return push is not None and bool(push.reachable(user=user))


def channel_for(*, user, group: str, preferences: Preferences | None = None) -> str:
    """push, email or none. Push the person cannot receive (no push in this install,
    no device yet) falls back to email: a notice they asked for is never lost."""
    chosen = chosen_channels(preferences or preferences_of(user))[group]
    if chosen == PUSH and not push_reachable(user):
        return EMAIL
    return chosen


def quiet_now(*, user, preferences: Preferences, now: datetime) -> bool:
    start, end = preferences.quiet_from, preferences.quiet_until
    if start is None or end is None or start == end:
        return False
    local: time = now.astimezone(zone_of(user)).time()
    if start < end:
        return start <= local < end
    return local >= start or local < end  # the hours wrap midnight (22:00–07:00)


def channel_choices(user) -> list[str]:
    """What the settings page offers: push only where it can reach the person."""
    return [PUSH, EMAIL, NONE] if push_reachable(user) else [EMAIL, NONE]
