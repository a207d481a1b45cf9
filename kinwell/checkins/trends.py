"""Personal trends from check-ins: daily means, averages and what goes with good
and bad days. Plain Python, no Django: the selectors feed it rows and the
templates put the numbers into words."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

# Sleep bands people recognise; "under 6 hours" is the one most often felt the next day.
SLEEP_BANDS = (("under_6", 0.0, 6.0), ("6_to_8", 6.0, 8.0), ("8_or_more", 8.0, 24.1))
MIN_DAYS_FOR_A_FINDING = 3
# A difference smaller than this between "with" and "without" is noise at 5 points.
MIN_DIFFERENCE = 0.3


@dataclass(frozen=True)
class Entry:
    day: date
    mood: int
    stress: int | None = None
    sleep_hours: float | None = None
    energy: int | None = None
    tags: tuple[str, ...] = ()
    wants_support: bool = False


@dataclass(frozen=True)
class DayPoint:
    day: date
    mood: float
    checkins: int
    stress: float | None
    sleep_hours: float | None
    energy: float | None
    tags: frozenset[str] = field(default_factory=frozenset)
    wants_support: bool = False


@dataclass(frozen=True)
class Finding:
    kind: str  # "tag", "sleep" or "weekday"
    subject: str  # a tag, a sleep band code or a weekday number (0 = Monday)
    mood_with: float
    mood_without: float
    days_with: int
    days_without: int

    @property
    def difference(self) -> float:
        return self.mood_with - self.mood_without


def _mean(values) -> float | None:
    values = [value for value in values if value is not None]
    return round(fmean(values), 2) if values else None


def daily(entries) -> list[DayPoint]:
    by_day = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    return [
        DayPoint(
            day=day,
            mood=round(fmean(entry.mood for entry in group), 2),
            checkins=len(group),
            stress=_mean(entry.stress for entry in group),
            sleep_hours=_mean(entry.sleep_hours for entry in group),
            energy=_mean(entry.energy for entry in group),
            tags=frozenset(tag for entry in group for tag in entry.tags),
            wants_support=any(entry.wants_support for entry in group),
        )
        for day, group in sorted(by_day.items())
    ]


def averages(points: list[DayPoint]) -> dict:
    return {
        "mood": _mean(point.mood for point in points),
        "stress": _mean(point.stress for point in points),
        "sleep_hours": _mean(point.sleep_hours for point in points),
        "energy": _mean(point.energy for point in points),
        "days": len(points),
        "checkins": sum(point.checkins for point in points),
        "support_days": sum(1 for point in points if point.wants_support),
    }


def _compare(kind: str, subject: str, points, matches) -> Finding | None:
    with_ = [point.mood for point in points if matches(point)]
    without = [point.mood for point in points if not matches(point)]
    if len(with_) < MIN_DAYS_FOR_A_FINDING or len(without) < MIN_DAYS_FOR_A_FINDING:
        return None
    finding = Finding(kind, subject, round(fmean(with_), 1), round(fmean(without), 1), len(with_), len(without))
    return finding if abs(finding.difference) >= MIN_DIFFERENCE else None


def sleep_band(hours: float | None) -> str | None:
    if hours is None:
        return None
    return next(code for code, low, high in SLEEP_BANDS if low <= hours < high)


def findings(points: list[DayPoint]) -> list[Finding]:
    """What goes with better and harder days, strongest first. Days, not check-ins,
    are counted, so someone who checks in often is not weighed twice."""
    found = []
    for tag in sorted({tag for point in points for tag in point.tags}):
        found.append(_compare("tag", tag, points, lambda point, tag=tag: tag in point.tags))
    slept = [point for point in points if point.sleep_hours is not None]
    for code, _low, _high in SLEEP_BANDS:
        found.append(_compare("sleep", code, slept, lambda point, code=code: sleep_band(point.sleep_hours) == code))
    for weekday in range(7):
        found.append(_compare("weekday", str(weekday), points, lambda point, wd=weekday: point.day.weekday() == wd))
    return sorted((item for item in found if item), key=lambda item: -abs(item.difference))


def by_weekday(points: list[DayPoint]) -> list[tuple[int, float | None, int]]:
    """(weekday, mean mood, days) for Monday..Sunday, for the table."""
    rows = []
    for weekday in range(7):
        moods = [point.mood for point in points if point.day.weekday() == weekday]
        rows.append((weekday, round(fmean(moods), 1) if moods else None, len(moods)))
    return rows


def by_tag(points: list[DayPoint]) -> list[tuple[str, float, int]]:
    """(tag, mean mood on days with it, days), most used first."""
    rows = []
    for tag in {tag for point in points for tag in point.tags}:
        moods = [point.mood for point in points if tag in point.tags]
        rows.append((tag, round(fmean(moods), 1), len(moods)))
    return sorted(rows, key=lambda row: (-row[2], row[0]))
