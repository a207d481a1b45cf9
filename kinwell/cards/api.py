"""Card decks in the API: the decks (the same for everyone, in the caller's language),
a random draw, and the caller's own favourites."""

from datetime import datetime

from ninja import Router, Schema, Status

from kinwell.cards import selectors, services
from kinwell.core.schemas import ERRORS

router = Router(tags=["cards"])


class DeckOut(Schema):
    key: str
    title: str
    blurb: str
    topic: str
    circles: list[str]
    card_count: int
    suits_my_circles: bool


class CardOut(Schema):
    key: str
    deck: str
    text: str


class DeckWithCardsOut(DeckOut):
    cards: list[CardOut]


class FavouriteOut(CardOut):
    kept_at: datetime


def _card_out(card, lang: str) -> dict:
    return {"key": card.key, "deck": card.deck_key, "text": card.in_language(lang)}


def _deck_out(row) -> dict:
    deck = row["deck"]
    return {"key": deck.key, "title": row["title"], "blurb": row["blurb"], "topic": row["topic"],
            "circles": list(deck.circles), "card_count": row["cards"], "suits_my_circles": row["suits"]}


@router.get("/decks", response={200: list[DeckOut], **ERRORS})
def list_decks(request):
    """Every deck; the ones that suit the caller's kinds of circles come first."""
    return [_deck_out(row) for row in selectors.decks_for(user=request.auth, lang=selectors.language(request.auth))]


@router.get("/decks/{deck_key}", response={200: DeckWithCardsOut, **ERRORS})
def get_deck(request, deck_key: str):
    deck = selectors.deck_named(deck_key)
    lang = selectors.language(request.auth)
    row = next(row for row in selectors.decks_for(user=request.auth, lang=lang) if row["deck"].key == deck_key)
    return {**_deck_out(row), "cards": [_card_out(card, lang) for card in deck.cards]}


@router.get("/decks/{deck_key}/draw", response={200: CardOut, **ERRORS})
def draw(request, deck_key: str, after: str | None = None):
    """A random card from the deck; pass the card you just saw as `after` and it is not drawn again."""
    return _card_out(selectors.draw(selectors.deck_named(deck_key), after=after), selectors.language(request.auth))


@router.get("/favourites", response={200: list[FavouriteOut], **ERRORS})
def list_favourites(request):
    lang = selectors.language(request.auth)
    return [{**_card_out(row["card"], lang), "kept_at": row["favourite"].created_at}
            for row in selectors.favourites(person=request.auth, lang=lang)]


@router.put("/favourites/{card_key}", response={200: FavouriteOut, 201: FavouriteOut, **ERRORS})
def keep(request, card_key: str):
    favourite, created = services.add_favourite(person=request.auth, card_key=card_key)
    card = selectors.library().card(card_key)
    return Status(201 if created else 200,
                  {**_card_out(card, selectors.language(request.auth)), "kept_at": favourite.created_at})


@router.delete("/favourites/{card_key}", response={204: None, **ERRORS})
def let_go(request, card_key: str):
    services.remove_favourite(person=request.auth, card_key=card_key)
    return Status(204, None)
