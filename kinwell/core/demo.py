"""The demo's parts: each app adds its own to `manage.py load_demo_data`, so core knows no app.

The circles app registers the demo circles (`@demo_circles`, one function
`(*, people) -> {key: circle}`); every other app registers its part in its own `demo.py`
(`@demo_part(label, order=...)`, a function `(*, people, circles)`), found by the command
when it runs, not at start-up. People are by email, circles by demo key. A part may
return a line to print, or, with `counts=`, a number for the closing line.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPart:
    label: str  # what the person reads if this part cannot be refreshed
    order: int
    refresh: Callable
    counts: str = ""  # e.g. "check-ins": the number it returns goes in the closing line


_parts: dict[str, DemoPart] = {}
_circles: list[Callable] = []


def demo_part(label: str, *, order: int, counts: str = ""):
    def decorator(function: Callable) -> Callable:
        _parts[label] = DemoPart(label=label, order=order, refresh=function, counts=counts)
        return function

    return decorator


def demo_circles(function: Callable) -> Callable:
    _circles[:] = [function]
    return function


def discover() -> None:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("demo")


def refresh_circles(*, people: dict) -> dict:
    return _circles[0](people=people) if _circles else {}


def parts() -> list[DemoPart]:
    return sorted(_parts.values(), key=lambda part: part.order)
