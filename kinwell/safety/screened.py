"""Screening inside the services: the one way free text reaches the safety layer.

A service that takes words from a person (saves them, or reviews them like the message
coach) names its free-text parameters with `@screens`:

    @screens("text", author="user")
    @transaction.atomic
    def add_boundary(*, user, circle, text) -> Boundary: ...

    add_boundary(user=u, circle=c, text="...")  # -> Screened(value=<Boundary>, safety=<Assessment>)

The detector reads those parameters once, before the write, so a service that must
decide with it (a crisis reply is held; a threat is flagged for its reader) can ask for
it by declaring a keyword-only `safety` parameter. After the write succeeds, the safety
layer responds as the person arranged (`respond_to_assessment`: the chosen contact is
told only for urgent risk that is the writer's own). The assessment comes back with the
result, as the writer may see it (`readers.as_seen_by_writer`: a threat to the reader is
the reader's to see, never the writer's): views present it (`panel.present`), the API
serialises it (`SafetyOut`). Nothing
is ever blocked: the detector never raises and the service runs whatever it found.

A service that only reviews words (the message coach, a preview) says `review=True`: the
assessment comes back the same, so the panel shows exactly as for a saved text, but
nothing automatic follows: a draft may change or never be sent.

Every decorated service is registered in `SCREENED`, so tests/test_screening_paths.py can
prove that each free-text form field and API field reaches one.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kinwell.safety.detector import Assessment, assess
from kinwell.safety.readers import as_seen_by_writer
from kinwell.safety.services import respond_to_assessment

T = TypeVar("T")


@dataclass(frozen=True)
class Screened(Generic[T]):
    """A service's result with the safety assessment of the words it was given."""

    value: T
    safety: Assessment


@dataclass(frozen=True)
class ScreenedService:
    name: str  # "kinwell.circles.services.add_boundary"
    fields: tuple[str, ...]  # the free-text parameters the detector reads
    author: str  # the parameter naming the person who wrote them
    review: bool  # the words are only reviewed, never kept


SCREENED: dict[str, ScreenedService] = {}


def service_name(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def screening_of(function: Callable) -> ScreenedService | None:
    """How a service screens its text, or None when it does not."""
    return SCREENED.get(service_name(function))


def words_of(values: Iterable) -> str:
    """The free text of some parameter values: strings, or lists of strings (typed tags)."""
    parts = []
    for value in values:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            parts.extend(str(item) for item in value if item)
    return "\n".join(part for part in parts if part and part.strip())


def screens(*fields: str, author: str, review: bool = False) -> Callable[[Callable[..., T]], Callable[..., Screened[T]]]:
    """Make a service screen the free text in `fields`, written by the person in `author`."""
    if not fields:
        raise TypeError("@screens needs at least one free-text parameter")

    def decorate(service: Callable[..., T]) -> Callable[..., Screened[T]]:
        params = inspect.signature(service).parameters
        open_keywords = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
        for name in (*fields, author):
            param = params.get(name)
            if param is None and not (open_keywords and name in fields):
                raise TypeError(f"{service_name(service)} has no parameter {name!r} to screen")
            if param is not None and param.kind is not inspect.Parameter.KEYWORD_ONLY:
                raise TypeError(f"{service_name(service)}: {name!r} must be keyword-only")
        wants_safety = "safety" in params

        @functools.wraps(service)
        def screened(**kwargs) -> Screened[T]:
            if "safety" in kwargs:
                raise TypeError("the safety assessment is made by @screens, not passed in")
            found = assess(words_of(kwargs.get(name) for name in fields))
            value = service(**kwargs, safety=found) if wants_safety else service(**kwargs)
            if not review:
                respond_to_assessment(author=kwargs.get(author), assessment=found)
            return Screened(value=value, safety=as_seen_by_writer(found))

        screened.__signature__ = inspect.signature(service).replace(
            parameters=[p for p in params.values() if p.name != "safety"],
            return_annotation=Screened,
        )
        SCREENED[service_name(service)] = ScreenedService(
            name=service_name(service), fields=fields, author=author, review=review
        )
        return screened

    return decorate
