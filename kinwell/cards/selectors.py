"""Reads about card decks: which decks, which card, a person's favourites. Decks are
the same for everyone and hold no personal data; favourites are only ever the
person's own."""

import random

from django.conf import settings
from django.utils.translation import get_language, gettext as _

from kinwell.cards import decks
from kinwell.cards.models import Favourite
from django.db.models import Count

from kinwell.circles.models import Circle, Membership
from kinwell.core.errors import NotFound


def library() -> decks.Library:
    # A setting so tests (and an operator) can point at other decks; cached per directory.
    return decks.library(getattr(settings, "CARD_DECKS_DIRECTORY", None))


def language(person=None) -> str:
    """The viewer's language: the page's, or for an API client (no page) the one the
    person chose in their settings."""
    chosen = getattr(person, "language", "") or get_language() or "en"
    return chosen[:2]


def circles_to_talk_in(*, user):
    """The person's circles with someone else in them (a conversation needs two)."""
    mine = Membership.objects.filter(user=user).values("circle")
    return (Circle.objects.filter(pk__in=mine).annotate(people=Count("memberships"))
            .filter(people__gt=1).order_by("name", "id"))


def decks_for(*, user, lang: str | None = None) -> list[dict]:
    """Every deck, the ones that suit the kinds of circles the person is in first (a
    stable sort, so the writers' order holds within each group)."""
    kinds = set(Circle.objects.filter(memberships__user=user).values_list("kind", flat=True))
    lang = lang or language()
    rows = [{"deck": deck, "suits": deck.suits(kinds), "cards": len(deck.cards), **deck.words(lang)}
            for deck in library().decks]
    return sorted(rows, key=lambda row: not row["suits"])


def deck_named(key: str) -> decks.Deck:
    deck = library().deck(key)
    if deck is None:
        raise NotFound(_("That card deck was not found."))
    return deck


def card_in(deck: decks.Deck, key: str) -> decks.Card:
    card = deck.card(key)
    if card is None:
        raise NotFound(_("That card is not in this deck."))
    return card


def draw(deck: decks.Deck, *, after: str | None = None, rng: random.Random | None = None) -> decks.Card:
    """A random card, never the one just seen (unless the deck has only that one)."""
    choices = [card for card in deck.cards if card.key != after] or list(deck.cards)
    return (rng or random).choice(choices)


def is_favourite(*, person, card_key: str) -> bool:
    return Favourite.objects.filter(person=person, card_key=card_key).exists()


def favourites(*, person, lang: str | None = None) -> list[dict]:
    """The person's kept cards, newest first, with their deck. A card a later release
    removed from the decks is left out rather than shown blank."""
    found = library()
    lang = lang or language()
    rows = []
    for favourite in Favourite.objects.filter(person=person):
        card = found.card(favourite.card_key)
        if card is None:
            continue
        deck = found.deck(card.deck_key)
        rows.append({"favourite": favourite, "card": card, "deck": deck, "text": card.in_language(lang),
                     **deck.words(lang)})
    return rows
