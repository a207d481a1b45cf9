"""Planned dates → iCalendar, through the plain-Python builder in calendar_ics.py."""

from django.conf import settings
from django.utils.translation import gettext as _

from kinwell.connect.calendar_ics import CalendarEvent, build_calendar
from kinwell.connect.models import PlannedDate
from kinwell.core.localtime import zone_named


def event_for(plan: PlannedDate, *, viewer) -> CalendarEvent:
    zone = zone_named(plan.time_zone)
    other = plan.other_person(viewer)
    return CalendarEvent(
        uid=f"plan-{plan.pk}@{settings.SITE_URL.split('://')[-1].strip('/') or 'kinwell'}",
        summary=_("%(title)s, with %(name)s") % {"title": plan.title, "name": other.display_name},
        description=plan.message,
        start=plan.starts_at.astimezone(zone),
        end=plan.ends_at.astimezone(zone),
        updated=plan.updated_at,
    )


def calendar_for_plans(plans: list[PlannedDate], *, viewer) -> bytes:
    return build_calendar([event_for(plan, viewer=viewer) for plan in plans], name=_("Kinwell: time together"))
