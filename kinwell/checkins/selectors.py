"""Reads about check-ins. Another person's check-ins are only ever read through
kinwell.circles.access, and each owner whose check-ins are shown is logged once
per page."""

from datetime import timedelta

from django.db.models import Prefetch

from kinwell.checkins import chart, signs as signs_module, trends
from kinwell.checkins.models import CheckIn, CheckInResponse, SignNudge
from kinwell.circles import access
from kinwell.circles.models import DataKind

PERIODS = (7, 30, 90, 365)
CIRCLE_FEED_DAYS = 14
# "Could use support" stays at the top of the circle's page for today and the two days before.
RECENT = timedelta(days=2)


def my_checkins(*, owner, days: int | None = None):
    rows = CheckIn.objects.filter(owner=owner)
    if days:
        rows = rows.filter(day__gt=access.owner_today(owner) - timedelta(days=days))
    return rows.prefetch_related(
        Prefetch("responses", queryset=CheckInResponse.objects.select_related("author"))
    )


def _entries(rows) -> list[trends.Entry]:
    return [
        trends.Entry(
            day=day, mood=mood, stress=stress, sleep_hours=float(sleep) if sleep is not None else None,
            energy=energy, tags=tuple(tags or ()), wants_support=wants,
        )
        for day, mood, stress, sleep, energy, tags, wants in rows.values_list(
            "day", "mood", "stress", "sleep_hours", "energy", "tags", "wants_support"
        )
    ]


def trend_for(*, owner, days: int) -> dict:
    today = access.owner_today(owner)
    start = today - timedelta(days=days - 1)
    points = trends.daily(_entries(CheckIn.objects.filter(owner=owner, day__gte=start, day__lte=today)))
    all_days = CheckIn.objects.filter(owner=owner, day__lte=today).values_list("day", flat=True).distinct()
    current_streak, longest_streak = signs_module.streaks(
        [signs_module.DayRecord(day=day, mood=3, wants_support=False) for day in set(all_days)], today=today
    )
    return {
        "days": days,
        "start": start,
        "end": today,
        "points": points,
        "averages": trends.averages(points),
        "chart": chart.mood_chart([(point.day, point.mood) for point in points], start=start, end=today),
        "findings": trends.findings(points),
        "by_weekday": trends.by_weekday(points),
        "by_tag": trends.by_tag(points),
        "current_streak": current_streak,
        "longest_streak": longest_streak,
    }


def open_nudges(*, owner):
    return SignNudge.objects.filter(owner=owner, dismissed_at__isnull=True)


def unseen_responses(*, owner):
    return CheckInResponse.objects.filter(checkin__owner=owner, seen_at__isnull=True).select_related("author", "checkin")


def circle_feed(*, viewer, circle, memberships) -> dict:
    """The check-ins of the other members that the viewer may see, newest first, over
    the last two weeks; notes only where their owner shares notes too."""
    shown = []
    for membership in memberships:
        owner = membership.user
        if owner.pk == viewer.pk:
            continue
        kinds = access.visible_kinds(viewer=viewer, owner=owner, circle=circle)
        if DataKind.CHECKIN_MOOD not in kinds:
            continue
        since = access.owner_today(owner) - timedelta(days=CIRCLE_FEED_DAYS)
        rows = list(
            CheckIn.objects.filter(owner=owner, day__gt=since).prefetch_related(
                Prefetch("responses", queryset=CheckInResponse.objects.filter(author=viewer))
            )
        )
        with_notes = DataKind.CHECKIN_NOTES in kinds
        if rows:
            access.record_view(viewer=viewer, owner=owner, kind=DataKind.CHECKIN_MOOD, circle=circle)
            if with_notes and any(row.note for row in rows):
                access.record_view(viewer=viewer, owner=owner, kind=DataKind.CHECKIN_NOTES, circle=circle)
        shown.extend({"checkin": row, "owner": owner, "with_notes": with_notes} for row in rows)
    shown.sort(key=lambda item: (item["checkin"].day, item["checkin"].recorded_at), reverse=True)
    return {
        "items": shown,
        "could_use_support": [
            item for item in shown
            if item["checkin"].wants_support and item["checkin"].day >= access.owner_today(item["owner"]) - RECENT
        ],
    }
