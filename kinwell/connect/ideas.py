"""Activity ideas and small gestures, read from data/*.toml. Plain Python: no Django.

The texts are ours, in English and Spanish side by side in the data files, so the
whole idea stays in one place; `language` picks one and falls back to English.
"""

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
PLACES = ("home", "outdoors")
COSTS = ("free", "low")
LONGEST = 480  # "a day"


@dataclass(frozen=True)
class Idea:
    key: str
    place: str
    cost: str
    minutes: int
    titles: dict
    details: dict

    def title(self, language: str = "en") -> str:
        return self.titles.get(language[:2], self.titles["en"])

    def detail(self, language: str = "en") -> str:
        return self.details.get(language[:2], self.details["en"])


def _check(raw: dict) -> Idea:
    idea = Idea(
        key=raw["key"],
        place=raw["place"],
        cost=raw["cost"],
        minutes=int(raw["minutes"]),
        titles={"en": raw["en"], "es": raw["es"]},
        details={"en": raw["en_detail"], "es": raw["es_detail"]},
    )
    if idea.place not in PLACES or idea.cost not in COSTS or not 15 <= idea.minutes <= LONGEST:
        raise ValueError(f"Activity idea {idea.key!r} has a place, cost or length outside the allowed values")
    return idea


@cache
def all_ideas() -> tuple[Idea, ...]:
    with open(DATA / "activities.toml", "rb") as file:
        ideas = tuple(_check(raw) for raw in tomllib.load(file)["idea"])
    keys = [idea.key for idea in ideas]
    if len(set(keys)) != len(keys):
        raise ValueError("Two activity ideas share a key")
    return ideas


def idea_by_key(key: str) -> Idea | None:
    return next((idea for idea in all_ideas() if idea.key == key), None)


def filter_ideas(*, place: str = "", cost: str = "", max_minutes: int | None = None) -> list[Idea]:
    """Ideas matching every filter given; an empty filter matches everything."""
    return [
        idea
        for idea in all_ideas()
        if (not place or idea.place == place)
        and (not cost or idea.cost == cost)
        and (max_minutes is None or idea.minutes <= max_minutes)
    ]


@cache
def all_gestures() -> tuple[dict, ...]:
    with open(DATA / "gestures.toml", "rb") as file:
        return tuple(tomllib.load(file)["gesture"])


def gesture_for(*, person_id: int, day: date, language: str = "en") -> str:
    """The same gesture all day for one person, a different one the next day, and
    people in one household on different ones."""
    gestures = all_gestures()
    chosen = gestures[(day.toordinal() + person_id * 7) % len(gestures)]
    return chosen.get(language[:2], chosen["en"])
