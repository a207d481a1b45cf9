"""The history chart's geometry: plain Python, so it is easy to test. The template
draws it as an SVG with a title, a description and a table beside it."""

from dataclasses import dataclass

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 12, 28


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    total: int
    label: object  # what the axis shows under the point (a date on the history page)
    labelled: bool = False


@dataclass(frozen=True)
class Chart:
    points: list[Point]
    polyline: str
    gridlines: list[tuple[float, int]]  # (y, value) for band edges on the axis
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM


MAX_LABELS = 6


def build(*, totals: list[tuple[object, int]], lowest: int, highest: int, band_starts: list[int]) -> Chart:
    span = max(highest - lowest, 1)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_for(value: int) -> float:
        return round(TOP + inner_h * (1 - (value - lowest) / span), 1)

    count = len(totals)
    points = [
        Point(
            x=round(LEFT + (inner_w * index / (count - 1) if count > 1 else inner_w / 2), 1),
            y=y_for(total),
            total=total,
            label=label,
            # Every point's date while they fit; the first and last when there are many.
            labelled=count <= MAX_LABELS or index in (0, count - 1),
        )
        for index, (label, total) in enumerate(totals)
    ]
    gridlines = [(y_for(value), value) for value in sorted({lowest, *band_starts, highest})]
    return Chart(points=points, polyline=" ".join(f"{p.x},{p.y}" for p in points), gridlines=gridlines)
