"""Mood, stress and sleep over a period in a few stretches, for a summary that must fit
on one or two printed pages: plain Python over checkins.trends' daily points."""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from kinwell.checkins import trends

# At most this many rows: a clinician reads the shape at a glance, the chart has the days.
MAX_STRETCHES = 6
SHORTEST_STRETCH_DAYS = 7


@dataclass(frozen=True)
class Stretch:
    start: date
    end: date
    averages: dict  # trends.averages of the days checked in inside it


def stretch_days(days: int) -> int:
    return max(SHORTEST_STRETCH_DAYS, math.ceil(days / MAX_STRETCHES))


def stretches(points: list[trends.DayPoint], *, start: date, end: date) -> list[Stretch]:
    """Consecutive stretches from `start` to `end` (the last one may be shorter), each
    with the averages of the days in it; a stretch with no check-in has days = 0."""
    length = stretch_days((end - start).days + 1)
    found = []
    first = start
    while first <= end:
        last = min(first + timedelta(days=length - 1), end)
        inside = [point for point in points if first <= point.day <= last]
        found.append(Stretch(start=first, end=last, averages=trends.averages(inside)))
        first = last + timedelta(days=1)
    return found
