"""Screening instruments and their scoring: plain Python, no Django.

The instruments are data (data/instruments.toml, each with its source and licence).
This module reads them and scores a set of answers: the total, the band, whether a
short screen is positive, and whether an answer needs the safety response at once
(PHQ-9 item 9 above 0, whatever the total). Incomplete or impossible answers raise
`AnswersError`, which says exactly which questions are missing or wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Mapping

INSTRUMENTS_FILE = Path(__file__).resolve().parent / "data" / "instruments.toml"


@dataclass(frozen=True)
class Option:
    value: int
    text: str
    loinc: str = ""
    es: str = ""


@dataclass(frozen=True)
class Item:
    key: str
    number: int
    text: str
    options: tuple[Option, ...]
    loinc: str = ""
    scored: bool = True
    es: str = ""

    def localized(self, language: str) -> Item:
        if language != "es" or not self.es:
            return self
        return replace(self, text=self.es, options=tuple(replace(o, text=o.es or o.text) for o in self.options))

    @property
    def values(self) -> frozenset[int]:
        return frozenset(option.value for option in self.options)

    def option(self, value: int) -> Option:
        return next(option for option in self.options if option.value == value)


@dataclass(frozen=True)
class Band:
    key: str
    low: int
    high: int
    level: int  # how clearly the result points to professional help: 0 gently ... 4 clearly


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    title: str
    topic: str
    source: str
    authors: str
    licence: str
    pfizer: bool
    stem: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    difficulty: Item | None = None
    loinc_panel: str = ""
    loinc_total: str = ""
    positive_at: int | None = None
    offers: str = ""
    urgent_item: str = ""
    urgent_from: int = 1
    circle_kind: str = ""
    # Spanish: "official" (the authors' own version) or "ours" (our translation).
    spanish: str = ""
    spanish_source: str = ""
    title_es: str = ""
    stem_es: str = ""
    licence_es: str = ""
    authors_es: str = ""
    language: str = "en"  # the language `title`, `stem`, `licence` and the items are in

    def localized(self, language: str) -> Instrument:
        """The same instrument with its words in `language` ("en" or "es"); scoring is
        unchanged, so a localized copy can go anywhere the original goes."""
        language = (language or "en").split("-")[0]
        if language != "es" or not self.stem_es:
            return self
        return replace(
            self,
            title=self.title_es or self.title,
            stem=self.stem_es,
            licence=self.licence_es or self.licence,
            authors=self.authors_es or self.authors,
            items=tuple(item.localized("es") for item in self.items),
            difficulty=self.difficulty.localized("es") if self.difficulty else None,
            language="es",
        )

    @property
    def all_items(self) -> tuple[Item, ...]:
        """The scored items, then the recorded-only difficulty question if there is one."""
        return self.items + ((self.difficulty,) if self.difficulty else ())

    @property
    def lowest(self) -> int:
        return sum(min(item.values) for item in self.items)

    @property
    def highest(self) -> int:
        return sum(max(item.values) for item in self.items)

    def item(self, key: str) -> Item:
        for item in self.all_items:
            if item.key == key:
                return item
        raise KeyError(key)

    def band_for(self, total: int) -> Band:
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValueError(f"{self.name}: no band holds a total of {total}")

    def band(self, key: str) -> Band:
        return next(band for band in self.bands if band.key == key)


@dataclass(frozen=True)
class Score:
    instrument: str
    total: int
    band: str
    level: int
    positive: bool | None  # None for instruments that are not a short screen
    urgent: bool  # an answer needs the safety response now (PHQ-9 item 9 above 0)
    answers: dict[str, int]
    difficulty: int | None


class AnswersError(ValueError):
    """Answers that cannot be scored. `missing` and `invalid` hold item numbers."""

    def __init__(self, instrument: Instrument, *, missing=(), invalid=(), unknown=()):
        self.instrument = instrument
        self.missing = tuple(missing)
        self.invalid = tuple(invalid)
        self.unknown = tuple(unknown)
        parts = []
        if self.missing:
            parts.append("question(s) " + ", ".join(map(str, self.missing)) + " still need an answer")
        if self.invalid:
            parts.append("question(s) " + ", ".join(map(str, self.invalid)) + " have an answer that is not one of the choices")
        if self.unknown:
            parts.append("these are not questions of " + instrument.name + ": " + ", ".join(self.unknown))
        super().__init__(f"{instrument.name}: " + "; ".join(parts))


def _options(answer_sets: dict, name: str) -> tuple[Option, ...]:
    return tuple(Option(**option) for option in answer_sets[name]["options"])


def _instrument(key: str, raw: dict, answer_sets: dict) -> Instrument:
    default = raw["answers"]
    items = tuple(
        Item(
            key=item["key"],
            number=number,
            text=item["text"],
            options=_options(answer_sets, item.get("answers", default)),
            loinc=item.get("loinc", ""),
            es=item.get("es", ""),
        )
        for number, item in enumerate(raw["items"], start=1)
    )
    difficulty = None
    if "difficulty" in raw:
        extra = raw["difficulty"]
        difficulty = Item(
            key=extra["key"],
            number=len(items) + 1,
            text=extra["text"],
            options=_options(answer_sets, extra["answers"]),
            loinc=extra.get("loinc", ""),
            scored=False,
            es=extra.get("es", ""),
        )
    bands = tuple(Band(key=b["key"], low=b["min"], high=b["max"], level=b["level"]) for b in raw["bands"])
    return Instrument(
        key=key,
        name=raw["name"],
        title=raw["title"],
        topic=raw["topic"],
        source=raw["source"],
        authors=raw["authors"],
        licence=raw["licence"],
        pfizer=raw["pfizer"],
        stem=raw["stem"],
        items=items,
        bands=bands,
        difficulty=difficulty,
        loinc_panel=raw.get("loinc_panel", ""),
        loinc_total=raw.get("loinc_total", ""),
        positive_at=raw.get("positive_at"),
        offers=raw.get("offers", ""),
        urgent_item=raw.get("urgent_item", ""),
        urgent_from=raw.get("urgent_from", 1),
        circle_kind=raw.get("circle_kind", ""),
        spanish=raw.get("spanish", ""),
        spanish_source=raw.get("spanish_source", ""),
        title_es=raw.get("title_es", ""),
        stem_es=raw.get("stem_es", ""),
        licence_es=raw.get("licence_es", ""),
        authors_es=raw.get("authors_es", ""),
    )


def _check(instrument: Instrument) -> None:
    """The bands must cover every possible total exactly once: a gap would be a wrong result."""
    totals = range(instrument.lowest, instrument.highest + 1)
    for total in totals:
        holding = [band for band in instrument.bands if band.low <= total <= band.high]
        if len(holding) != 1:
            raise ValueError(f"{instrument.name}: total {total} is in {len(holding)} bands")
    if instrument.bands[0].low != instrument.lowest or instrument.bands[-1].high != instrument.highest:
        raise ValueError(f"{instrument.name}: bands do not match the possible totals")


@lru_cache(maxsize=1)
def instruments() -> dict[str, Instrument]:
    raw = tomllib.loads(INSTRUMENTS_FILE.read_text(encoding="utf-8"))
    loaded = {key: _instrument(key, value, raw["answer_sets"]) for key, value in raw["instruments"].items()}
    for instrument in loaded.values():
        _check(instrument)
    return loaded


def get(key: str) -> Instrument:
    try:
        return instruments()[key]
    except KeyError:
        raise KeyError(f"No screening questionnaire called {key!r}") from None


def validate_partial(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, int]:
    """Answers saved so far (some may be missing): every given one must be a real choice."""
    known = {item.key: item for item in instrument.all_items}
    unknown = sorted(key for key in answers if key not in known)
    invalid, clean = [], {}
    for key, value in answers.items():
        if key not in known:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in known[key].values:
            invalid.append(known[key].number)
        else:
            clean[key] = value
    if unknown or invalid:
        raise AnswersError(instrument, invalid=sorted(invalid), unknown=unknown)
    return clean


def is_urgent(instrument: Instrument, answers: Mapping[str, int]) -> bool:
    """True when an answer alone calls for the safety response (PHQ-9 item 9 above 0)."""
    return bool(instrument.urgent_item) and answers.get(instrument.urgent_item, 0) > 0


def safety_level(instrument: Instrument, answers: Mapping[str, int]) -> str:
    """How an answer alone calls for help: "urgent" (the safety response, the arranged
    contact may be told), "concern" (help shown, nobody told), or "none"."""
    if not is_urgent(instrument, answers):
        return "none"
    return "urgent" if answers.get(instrument.urgent_item, 0) >= instrument.urgent_from else "concern"


def score(instrument: Instrument, answers: Mapping[str, object]) -> Score:
    clean = validate_partial(instrument, answers)
    missing = [item.number for item in instrument.items if item.key not in clean]
    if missing:
        raise AnswersError(instrument, missing=missing)
    total = sum(clean[item.key] for item in instrument.items)
    band = instrument.band_for(total)
    difficulty = clean.get(instrument.difficulty.key) if instrument.difficulty else None
    return Score(
        instrument=instrument.key,
        total=total,
        band=band.key,
        level=band.level,
        positive=None if instrument.positive_at is None else total >= instrument.positive_at,
        urgent=is_urgent(instrument, clean),
        answers={item.key: clean[item.key] for item in instrument.items},
        difficulty=difficulty,
    )


# --- Change over time -------------------------------------------------------------

MEANINGFUL_PHQ9_CHANGE = 5  # Kroenke et al. 2001: a 5-point change is clinically meaningful


@dataclass(frozen=True)
class Change:
    instrument: str
    before: int
    after: int
    band_before: str
    band_after: str

    @property
    def points(self) -> int:
        return self.after - self.before

    @property
    def crossed_band(self) -> bool:
        return self.band_before != self.band_after


def notable_change(instrument: Instrument, before: int, after: int) -> Change | None:
    """A change worth pointing out: crossing a band, or 5+ points on the PHQ-9."""
    change = Change(
        instrument=instrument.key,
        before=before,
        after=after,
        band_before=instrument.band_for(before).key,
        band_after=instrument.band_for(after).key,
    )
    big = instrument.key == "phq9" and abs(change.points) >= MEANINGFUL_PHQ9_CHANGE
    return change if big or change.crossed_band else None
