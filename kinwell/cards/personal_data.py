from django.utils.translation import gettext_lazy as _

from kinwell.cards import selectors
from kinwell.cards.models import Favourite
from kinwell.core.personal_data import register_section


@register_section("card_decks", describes=_("The conversation cards you kept as favourites."))
def cards_section(user) -> dict:
    # The card's words come with its key, so the export reads on its own; a card no
    # longer in the decks still appears, by key.
    found = selectors.library()
    rows = []
    for favourite in Favourite.objects.filter(person=user).order_by("created_at", "id"):
        card = found.card(favourite.card_key)
        rows.append({
            "card": favourite.card_key,
            "deck": card.deck_key if card else None,
            "text": card.text if card else None,
            "kept": favourite.created_at,
        })
    return {"favourite_cards": rows}
