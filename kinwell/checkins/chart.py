"""Small, accessible line charts of daily mood (and sleep, stress, energy) as SVG
geometry. Plain Python: the template draws it, with a title, a description and a
data table beside it.

Gaps (days without a check-in) break the line instead of drawing a slope across
days nobody recorded."""

from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 32
MOOD_MIN, MOOD_MAX = 1, 5
# The smaller charts beside each other: narrower, so their labels stay readable at 320 px.
SMALL_WIDTH, SMALL_HEIGHT = 360, 200


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[str]  # each an SVG polyline "x,y x,y ..."
    dots: list[tuple[float, float]]
    y_ticks: list[tuple[float, int]]  # (y, value)
    x_ticks: list[tuple[float, date, str]]  # (x, day, text-anchor) so the end labels stay inside
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int


def mood_chart(points, *, start: date, end: date, x_tick_count: int = 5) -> Chart:
    """`points` are (day, mean mood) pairs inside start..end, in any order."""
    return line_chart(points, start=start, end=end, low=MOOD_MIN, high=MOOD_MAX, x_tick_count=x_tick_count)


def line_chart(
    points, *, start: date, end: date, low: int, high: int, tick_step: int = 1, x_tick_count: int = 5,
    width: int = WIDTH, height: int = HEIGHT,
) -> Chart:
    """`points` are (day, value) pairs inside start..end, in any order; a value beyond
    the scale is drawn at its edge (the table beside the chart has the exact number)."""

    def _x(day: date) -> float:
        return round(LEFT + (width - LEFT - RIGHT) * ((day - start).days / max(days - 1, 1)), 1)

    def _y(value: float) -> float:
        value = min(max(value, low), high)
        return round(TOP + (height - TOP - BOTTOM) * (1 - (value - low) / (high - low)), 1)

    days = (end - start).days + 1
    lines, current, previous = [], [], None
    dots = []
    for day, value in sorted(points):
        if previous is not None and (day - previous).days > 1 and current:
            lines.append(current)
            current = []
        coordinate = (_x(day), _y(value))
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
        width=width,
        height=height,
        # A single day in a run is drawn as a dot only (a line needs two points).
        lines=[" ".join(f"{x},{y}" for x, y in line) for line in lines if len(line) > 1],
        dots=dots,
        y_ticks=[(_y(value), value) for value in range(low, high + 1, tick_step)],
        x_ticks=[
            (_x(day), day, "start" if day == start else "end" if day == end else "middle")
            for day in tick_days
        ],
        plot_left=LEFT,
        plot_right=width - RIGHT,
        plot_top=TOP,
        plot_bottom=height - BOTTOM,
    )
