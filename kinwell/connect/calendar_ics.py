"""iCalendar (.ics) documents for planned dates, with the icalendar library.
Plain Python: no Django. Events keep the time zone they were planned in (with its
VTIMEZONE), so a calendar program shows the intended local time anywhere."""

from dataclasses import dataclass
from datetime import datetime, timezone

import icalendar

PRODUCT_ID = "-//Kinwell//Planned time together//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    description: str
    start: datetime  # aware, in the zone it was planned in
    end: datetime
    updated: datetime


def build_calendar(events: list[CalendarEvent], *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("dtstamp", item.updated.astimezone(timezone.utc))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
