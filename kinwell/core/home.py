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


# --- First steps -----------------------------------------------------------------------
# A new person's home teaches instead of showing blank sections: each app adds the first
# step that is its own, `first_step(key, order=...)` on a function `(*, user) -> FirstStep
# | None`. Home shows them while any is not done yet. A `fallback=True` registration
# stands in for an app not installed yet and gives way to a real one with the same key.


@dataclass(frozen=True)
class FirstStep:
    title: str  # translated, e.g. "Check in for the first time"
    why: str  # one short translated sentence: why this step helps
    url: str
    done: bool = False


_first_steps: dict[str, tuple[int, Callable, bool]] = {}


def first_step(key: str, *, order: int, fallback: bool = False):
    def decorator(function: Callable) -> Callable:
        existing = _first_steps.get(key)
        if not (fallback and existing is not None and not existing[2]):
            _first_steps[key] = (order, function, fallback)
        return function

    return decorator


def first_steps_for(*, user) -> list[FirstStep]:
    """The first steps in order, or an empty list once every one of them is done."""
    ordered = sorted(_first_steps.values(), key=lambda entry: entry[0])
    steps = [step for _, function, _ in ordered if (step := function(user=user)) is not None]
    return steps if any(not step.done for step in steps) else []
