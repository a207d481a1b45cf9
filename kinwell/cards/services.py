"""Every write about card decks: keeping a card and letting it go. Keyword-only
arguments, one transaction each. No free text: a favourite is a card's key."""

from django.db import transaction
from django.utils.translation import gettext as _

from kinwell.cards import selectors
from kinwell.cards.models import Favourite
from kinwell.core.errors import NotFound, ServiceError

MAX_FAVOURITES = 500


@transaction.atomic
def add_favourite(*, person, card_key: str) -> tuple[Favourite, bool]:
    """(favourite, created). Keeping a card twice keeps it once."""
    if selectors.library().card(card_key) is None:
        raise NotFound(_("That card was not found."))
    existing = Favourite.objects.filter(person=person, card_key=card_key).first()
    if existing is not None:
        return existing, False
    if Favourite.objects.filter(person=person).count() >= MAX_FAVOURITES:
        raise ServiceError(_("You keep %(count)d cards already. Let one go to keep another.") % {"count": MAX_FAVOURITES})
    return Favourite.objects.create(person=person, card_key=card_key), True


@transaction.atomic
def remove_favourite(*, person, card_key: str) -> bool:
    deleted, _count = Favourite.objects.filter(person=person, card_key=card_key).delete()
    return bool(deleted)
