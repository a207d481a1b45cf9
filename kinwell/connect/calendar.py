"""Planned dates → iCalendar, through the plain-Python builder in calendar_ics.py."""

from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from kinwell.connect.calendar_ics import CalendarEvent, build_calendar
from kinwell.connect.models import PlannedDate
from kinwell.connect.services import zone_named


def deployment_id() -> str:
    """A short id that is the same on every app server of one deployment and differs
    between deployments, so event UIDs stay unique (RFC 5545) even where SITE_URL is
    left at its default. Derived from the secret key, which every app server shares;
    an HMAC so the id reveals nothing about the key."""
    return salted_hmac("kinwell.connect.calendar", "deployment-id").hexdigest()[:12]


def event_uid(plan: PlannedDate) -> str:
    host = settings.SITE_URL.split("://")[-1].split("/")[0] or "kinwell"
    return f"plan-{plan.pk}-{deployment_id()}@{host}"


def event_for(plan: PlannedDate, *, viewer) -> CalendarEvent:
    zone = zone_named(plan.time_zone)
    other = plan.other_person(viewer)
    return CalendarEvent(
        uid=event_uid(plan),
        summary=_("%(title)s, with %(name)s") % {"title": plan.title, "name": other.display_name},
        description=plan.message,
        start=plan.starts_at.astimezone(zone),
        end=plan.ends_at.astimezone(zone),
        updated=plan.updated_at,
    )


def calendar_for_plans(plans: list[PlannedDate], *, viewer) -> bytes:
    return build_calendar([event_for(plan, viewer=viewer) for plan in plans], name=_("Kinwell: time together"))
