"""A person's own day: "today" and "now" in the time zone they chose.

The one place that turns a stored zone name into a zone. An unknown or empty name
falls back to UTC, so a bad value never breaks a page. Plain Python (no Django), so
pure modules such as the reminder rules may use it too.
"""

import zoneinfo
from datetime import date, datetime, timezone

UTC = zoneinfo.ZoneInfo("UTC")


def known_zone(name: str | None) -> zoneinfo.ZoneInfo | None:
    """The zone of that name, or None when there is none (for forms that must refuse it)."""
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    return known_zone(name) or UTC


def zone_of(person) -> zoneinfo.ZoneInfo:
    return zone_named(getattr(person, "time_zone", None))


def local_now(now: datetime, zone_name: str | None) -> datetime:
    """`now` on a person's own clock: jobs pass their own `now` so tests choose the time."""
    return now.astimezone(zone_named(zone_name))


def now_for(person) -> datetime:
    return datetime.now(timezone.utc).astimezone(zone_of(person))


def today_for(person) -> date:
    return now_for(person).date()
