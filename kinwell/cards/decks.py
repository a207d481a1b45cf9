"""Conversation card decks: plain data (TOML in `data/decks/`), read and checked here.

No Django: the loader takes a directory, so tests load small decks of their own. A
deck that is wrong stops the load with an error naming its file and the key at fault,
so a writer sees at once what to fix. Loaded once per directory (decks change only
with a release).
"""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_DIRECTORY = Path(__file__).parent / "data" / "decks"
LANGUAGES = ("en", "es")
CIRCLE_KINDS = frozenset({"couple", "family", "friends", "other"})
# A card is read aloud and shown in big type: a long paragraph is not a card.
CARD_MAX_LENGTH = 300
KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class DeckError(ValueError):
    """A deck file that cannot be used, with the file and the key at fault in the message."""


@dataclass(frozen=True)
class Card:
    key: str
    deck_key: str
    text: dict  # language -> the question

    def in_language(self, language: str) -> str:
        return self.text.get(language[:2], self.text["en"])


@dataclass(frozen=True)
class Deck:
    key: str
    circles: tuple[str, ...]
    title: dict
    blurb: dict
    topic: dict  # the topic line when a card starts a conversation
    cards: tuple[Card, ...]
    source: str  # the file it came from, for error messages

    def words(self, language: str) -> dict:
        lang = language[:2] if language[:2] in LANGUAGES else "en"
        return {"title": self.title[lang], "blurb": self.blurb[lang], "topic": self.topic[lang]}

    def card(self, key: str) -> Card | None:
        return next((card for card in self.cards if card.key == key), None)

    def suits(self, kinds) -> bool:
        return bool(set(self.circles) & set(kinds))


@dataclass(frozen=True)
class Library:
    decks: tuple[Deck, ...]

    def deck(self, key: str) -> Deck | None:
        return next((deck for deck in self.decks if deck.key == key), None)

    def card(self, key: str) -> Card | None:
        for deck in self.decks:
            if (card := deck.card(key)) is not None:
                return card
        return None


def _key(value, *, where: str) -> str:
    if not isinstance(value, str) or not value or not set(value) <= KEY_CHARACTERS:
        raise DeckError(f"{where}: the key must be lowercase letters, digits and hyphens, got {value!r}")
    return value


def _text(table: dict, name: str, *, where: str, max_length: int | None = None) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise DeckError(f"{where}: {name} is missing or empty")
    value = " ".join(value.split())
    if max_length and len(value) > max_length:
        raise DeckError(f"{where}: {name} is {len(value)} characters; a card holds at most {max_length}")
    return value


def _by_language(table: dict, field: str, *, where: str, max_length: int | None = None) -> dict:
    return {lang: _text(table, f"{lang}_{field}" if field else lang, where=where, max_length=max_length)
            for lang in LANGUAGES}


def parse_deck(document: dict, *, source: str) -> Deck:
    key = _key(document.get("key"), where=f"{source}: key")
    where = f"{source} (deck {key})"
    circles = document.get("circles")
    if not isinstance(circles, list) or not circles or not set(circles) <= CIRCLE_KINDS:
        raise DeckError(f"{where}: circles must be a list drawn from {sorted(CIRCLE_KINDS)}, got {circles!r}")
    raw_cards = document.get("card")
    if not isinstance(raw_cards, list) or not raw_cards:
        raise DeckError(f"{where}: a deck needs at least one [[card]]")
    cards, seen = [], set()
    for number, raw in enumerate(raw_cards, start=1):
        if not isinstance(raw, dict):
            raise DeckError(f"{where}: card {number} is not a table")
        card_key = _key(raw.get("key"), where=f"{where}: card {number}")
        if card_key in seen:
            raise DeckError(f"{where}: card key {card_key} is used twice")
        seen.add(card_key)
        text = _by_language(raw, "", where=f"{where}: card {card_key}", max_length=CARD_MAX_LENGTH)
        cards.append(Card(key=card_key, deck_key=key, text=text))
    return Deck(
        key=key, circles=tuple(circles),
        title=_by_language(document, "title", where=where), blurb=_by_language(document, "blurb", where=where),
        topic=_by_language(document, "topic", where=where, max_length=120),
        cards=tuple(cards), source=source,
    )


def load_directory(directory: Path) -> Library:
    """Every `*.toml` in the directory, in file-name order. Deck keys and card keys are
    unique across all decks: a card's address and a favourite name only its key."""
    decks, deck_keys, card_keys = [], {}, {}
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise DeckError(f"{path.name}: not valid TOML ({error})") from None
        deck = parse_deck(document, source=path.name)
        if deck.key in deck_keys:
            raise DeckError(f"{path.name}: deck key {deck.key} is already used in {deck_keys[deck.key]}")
        deck_keys[deck.key] = path.name
        for card in deck.cards:
            if card.key in card_keys:
                raise DeckError(f"{path.name} (deck {deck.key}): card key {card.key} is already used in {card_keys[card.key]}")
            card_keys[card.key] = path.name
        decks.append(deck)
    return Library(decks=tuple(decks))


@lru_cache(maxsize=8)
def _cached(directory: str) -> Library:
    return load_directory(Path(directory))


def library(directory: Path | None = None) -> Library:
    return _cached(str(Path(directory or DEFAULT_DIRECTORY).resolve()))
