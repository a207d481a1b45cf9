"""A small, accessible line chart of daily mood as SVG geometry. Plain Python: the
template draws it, with a title, a description and a data table beside it.

Gaps (days without a check-in) break the line instead of drawing a slope across
days nobody recorded."""

from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 32
MOOD_MIN, MOOD_MAX = 1, 5


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[str]  # each an SVG polyline "x,y x,y ..."
    dots: list[tuple[float, float]]
    y_ticks: list[tuple[float, int]]  # (y, mood)
    x_ticks: list[tuple[float, date, str]]  # (x, day, text-anchor) so the end labels stay inside
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int


def _x(day: date, start: date, days: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + span * ((day - start).days / max(days - 1, 1)), 1)


def _y(mood: float) -> float:
    span = HEIGHT - TOP - BOTTOM
    return round(TOP + span * (1 - (mood - MOOD_MIN) / (MOOD_MAX - MOOD_MIN)), 1)


def mood_chart(points, *, start: date, end: date, x_tick_count: int = 5) -> Chart:
    """`points` are (day, mean mood) pairs inside start..end, in any order."""
    days = (end - start).days + 1
    lines, current, previous = [], [], None
    dots = []
    for day, mood in sorted(points):
        if previous is not None and (day - previous).days > 1 and current:
            lines.append(current)
            current = []
        coordinate = (_x(day, start, days), _y(mood))
        current.append(coordinate)
        dots.append(coordinate)
        previous = day
    if current:
        lines.append(current)
    step = max((days - 1) // max(x_tick_count - 1, 1), 1)
    tick_days = [start + timedelta(days=offset) for offset in range(0, days, step)]
    if tick_days[-1] != end:
        tick_days[-1 if len(tick_days) >= x_tick_count else len(tick_days):] = [end]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        # A single day in a run is drawn as a dot only (a line needs two points).
        lines=[" ".join(f"{x},{y}" for x, y in line) for line in lines if len(line) > 1],
        dots=dots,
        y_ticks=[(_y(mood), mood) for mood in range(MOOD_MIN, MOOD_MAX + 1)],
        x_ticks=[
            (_x(day, start, days), day, "start" if day == start else "end" if day == end else "middle")
            for day in tick_days
        ],
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
    )
