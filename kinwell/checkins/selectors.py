"""Reads about check-ins. Another person's check-ins are only ever read through
kinwell.circles.access, and each owner whose check-ins are shown is logged once
per page."""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from kinwell.checkins import chart, signs as signs_module, trends
from kinwell.checkins.models import CheckIn, CheckInResponse, SignNudge
from kinwell.circles import access
from kinwell.circles.models import DataKind
from kinwell.circles.selectors import people_in_circles_with
from kinwell.core.errors import NotFound
from kinwell.core.localtime import today_for
from kinwell.core.replica import reads_from_replica

PERIODS = (7, 30, 90, 365)
CIRCLE_FEED_DAYS = 14
# "Could use support" stays at the top of the circle's page for today and the two days before.
RECENT = timedelta(days=2)


def my_checkins(*, owner, days: int | None = None):
    rows = CheckIn.objects.filter(owner=owner)
    if days:
        rows = rows.filter(day__gt=today_for(owner) - timedelta(days=days))
    return rows.prefetch_related(
        Prefetch("responses", queryset=CheckInResponse.objects.select_related("author"))
    )


def own_checkin(*, owner, checkin_id: int) -> CheckIn:
    checkin = CheckIn.objects.filter(owner=owner, pk=checkin_id).first()
    if checkin is None:
        raise NotFound(_("That check-in was not found."))
    return checkin


def checkin_visible_to(*, viewer, checkin_id: int, circle=None) -> CheckIn:
    """A check-in the viewer may see (their own, or shared with them); NotFound otherwise.
    With a circle, only if it is shared in that circle: a path naming a circle acts there."""
    checkin = CheckIn.objects.select_related("owner").filter(pk=checkin_id).first()
    if checkin is None or not access.can_view(viewer=viewer, owner=checkin.owner, kind=DataKind.CHECKIN_MOOD,
                                              circle=circle):
        raise NotFound(_("That check-in was not found."))
    return checkin


def supporters_to_choose_from(*, user):
    """People in the person's circles who have not said no to being asked to check in."""
    from kinwell.safety.models import Declined
    from kinwell.safety.selectors import declined_ids

    return people_in_circles_with(user=user).exclude(
        pk__in=declined_ids(owner=user, role=Declined.Role.SIGNS_SUPPORTER))


def todays_checkin(*, owner) -> CheckIn | None:
    """The latest check-in for the person's own today, if any (home's quick check-in)."""
    return CheckIn.objects.filter(owner=owner, day=today_for(owner)).order_by("-recorded_at", "-id").first()


def trend_entries(rows) -> list[trends.Entry]:
    return [
        trends.Entry(
            day=day, mood=mood, stress=stress, sleep_hours=float(sleep) if sleep is not None else None,
            energy=energy, tags=tuple(tags or ()), wants_support=wants,
        )
        for day, mood, stress, sleep, energy, tags, wants in rows.values_list(
            "day", "mood", "stress", "sleep_hours", "energy", "tags", "wants_support"
        )
    ]


# The other measures charted beside mood: (key, low, high, tick step). Sleep's scale
# stops at 12 hours; a longer night is drawn at the top and the table has the number.
MEASURES = (("sleep_hours", 0, 12, 3), ("stress", 0, 10, 2), ("energy", 1, 5, 1))


def measure_charts(points, *, start, end) -> list[dict]:
    charts = []
    for key, low, high, step in MEASURES:
        values = [(point.day, getattr(point, key)) for point in points if getattr(point, key) is not None]
        charts.append({
            "key": key, "low": low, "high": high, "days": len(values),
            "average": trends.averages(points)[key],
            "chart": chart.line_chart(values, start=start, end=end, low=low, high=high, tick_step=step, x_tick_count=3,
                                      width=chart.SMALL_WIDTH, height=chart.SMALL_HEIGHT) if values else None,
        })
    return charts


@reads_from_replica
def trend_for(*, owner, days: int) -> dict:
    today = today_for(owner)
    start = today - timedelta(days=days - 1)
    points = trends.daily(trend_entries(CheckIn.objects.filter(owner=owner, day__gte=start, day__lte=today)))
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
        "measures": measure_charts(points, start=start, end=today),
        "findings": trends.findings(points),
        "by_weekday": trends.by_weekday(points),
        "by_tag": trends.by_tag(points),
        "current_streak": current_streak,
        "longest_streak": longest_streak,
    }


def trend_version(*, owner) -> str:
    """Changes whenever any of the person's check-ins is added, changed or deleted."""
    summary = CheckIn.objects.filter(owner=owner).aggregate(count=Count("id"), latest=Max("updated_at"))
    return f"{summary['count']}-{summary['latest'].timestamp() if summary['latest'] else 0}"


def sign_search_waiting(*, owner) -> bool:
    """A look for signs for this person is queued and no worker has started it. Only
    the database queue can be asked; with any other backend the answer is no."""
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return False
    return DBTaskResult.objects.filter(
        task_path="kinwell.checkins.tasks.find_signs", status="READY", args_kwargs__kwargs__owner_id=owner.pk
    ).exists()


def open_nudges(*, owner):
    return SignNudge.objects.filter(owner=owner, dismissed_at__isnull=True)


def unseen_responses(*, owner):
    return CheckInResponse.objects.filter(checkin__owner=owner, seen_at__isnull=True).select_related("author", "checkin")


def circle_feed(*, viewer, circle, page_number=1, page_size: int = 20) -> dict:
    """The check-ins of the other members that the viewer may see, newest first, over
    the last two weeks, one page at a time; notes only where their owner shares notes
    too. Each owner whose check-ins are shown is logged for them (once per visit, see
    access.record_views)."""
    visible = {
        owner.pk: (owner, DataKind.CHECKIN_NOTES in kinds, today_for(owner))
        for owner, kinds in access.visible_kinds_by_member(viewer=viewer, circle=circle).items()
        if owner.pk != viewer.pk and DataKind.CHECKIN_MOOD in kinds
    }
    if not visible:
        return {"page": Paginator([], page_size).get_page(1), "could_use_support": []}
    # Each owner's two weeks end on their own today, wherever in the world they are.
    window = Q()
    support_window = Q()
    for owner_id, (_owner, _notes, today) in visible.items():
        window |= Q(owner_id=owner_id, day__gt=today - timedelta(days=CIRCLE_FEED_DAYS))
        support_window |= Q(owner_id=owner_id, day__gte=today - RECENT)
    rows = CheckIn.objects.filter(window).order_by("-day", "-recorded_at", "-id").prefetch_related(
        Prefetch("responses", queryset=CheckInResponse.objects.filter(author=viewer))
    )
    page = Paginator(rows, page_size).get_page(page_number)
    page.object_list = [
        {"checkin": row, "owner": visible[row.owner_id][0], "with_notes": visible[row.owner_id][1]}
        for row in page.object_list
    ]
    support = CheckIn.objects.filter(support_window, wants_support=True).order_by("-day").only("owner_id", "day")
    could_use_support = [{"checkin": row, "owner": visible[row.owner_id][0]} for row in support]
    seen = {(item["owner"], DataKind.CHECKIN_MOOD) for item in page.object_list + could_use_support}
    seen |= {
        (item["owner"], DataKind.CHECKIN_NOTES) for item in page.object_list if item["with_notes"] and item["checkin"].note
    }
    access.record_views(viewer=viewer, circle=circle, seen=seen)
    return {"page": page, "could_use_support": could_use_support}


def checkin_to_answer(*, viewer, circle_id, checkin_id):
    """Another member's check-in, through the circle the path names, for reacting to it:
    (opened, check-in, whether its note may be shown). Its mood must be shared in that
    circle; showing a note is logged for its owner."""
    from django.utils.translation import gettext as _

    from kinwell.circles.selectors import membership_in
    from kinwell.core.errors import NotFound

    membership_in(user=viewer, circle_id=circle_id)  # first, so an outsider learns nothing of check-in ids
    checkin = CheckIn.objects.select_related("owner").filter(pk=checkin_id).first()
    if checkin is None:
        raise NotFound(_("That check-in was not found."))
    if checkin.owner_id == viewer.pk:
        raise NotFound(_("Reactions are for other people's check-ins."))
    opened = access.open_member(viewer=viewer, circle_id=circle_id, user_id=checkin.owner_id,
                                kind=DataKind.CHECKIN_MOOD, refusal=_("That check-in was not found."))
    with_notes = access.can_view(viewer=viewer, owner=opened.owner, kind=DataKind.CHECKIN_NOTES, circle=opened.circle)
    if with_notes and checkin.note:
        access.record_view(viewer=viewer, owner=opened.owner, kind=DataKind.CHECKIN_NOTES, circle=opened.circle)
    return opened, checkin, with_notes


def reach_outs_waiting_for(*, owner) -> list[CheckInResponse]:
    """Someone reached out after one of this person's check-ins and they have not seen it
    yet: from people who still share a circle with them and are not taking space in it."""
    from kinwell.circles.selectors import people_present_for

    present_people = {person_id for _circle_id, person_id in people_present_for(viewer=owner)}
    unseen = unseen_responses(owner=owner).defer("message").order_by("created_at", "id")
    return [response for response in unseen if response.author_id in present_people]


def has_checked_in(*, owner) -> bool:
    return CheckIn.objects.filter(owner=owner).exists()
