"""A person's own day: "today" and "now" in the time zone they chose.

The one place that turns a stored zone name into a zone. An unknown or empty name
falls back to UTC, so a bad value never breaks a page.
"""

import zoneinfo
from datetime import date, datetime

from django.utils import timezone

UTC = zoneinfo.ZoneInfo("UTC")


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name) if name else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_of(person) -> zoneinfo.ZoneInfo:
    return zone_named(getattr(person, "time_zone", None))


def now_for(person) -> datetime:
    return timezone.now().astimezone(zone_of(person))


def today_for(person) -> date:
    return now_for(person).date()
