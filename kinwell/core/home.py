"""What the home page gathers from the apps above core.

Core must not import those apps, so each app fills these registries from its own
`home.py` (found by `CoreConfig.ready`, like `jobs.py`):

- `waiting_source`: a function `(*, user) -> list[Waiting]` giving what waits for this
  person to act on (a conversation turn, today's question, a plan to accept). Texts are
  ours, never another person's words: home is seen over a shoulder too.
- `home_panel(order=...)`: a function `(*, user) -> Panel | None` giving one card on the
  day's page (today's question, the next plan). `None` leaves the card out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Waiting:
    kind: str  # a short stable name, e.g. "conversation_turn", for tests and icons
    text: str  # a translated sentence, e.g. "Jordan answered today's question"
    url: str  # where the person acts on it
    circle: str = ""  # the circle's name, when it belongs to one
    since: datetime | None = None


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict = field(default_factory=dict)


_waiting_sources: list[Callable] = []
_panels: list[tuple[int, Callable]] = []


def waiting_source(function: Callable) -> Callable:
    _waiting_sources.append(function)
    return function


def home_panel(*, order: int):
    def decorator(function: Callable) -> Callable:
        _panels.append((order, function))
        _panels.sort(key=lambda pair: pair[0])
        return function

    return decorator


def waiting_for(*, user) -> list[Waiting]:
    items = [item for source in _waiting_sources for item in source(user=user)]
    # Oldest first: what has waited longest is what to do first.
    return sorted(items, key=lambda item: (item.since is None, item.since or datetime.min))


def panels_for(*, user) -> list[Panel]:
    return [panel for _, function in _panels if (panel := function(user=user)) is not None]
