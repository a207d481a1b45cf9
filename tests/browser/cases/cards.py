"""Card decks: the list, a deck, a card (kept or not), ask in person, favourites (none
and some), choosing a circle to talk in; in Spanish and at 320 px. The two small decks
of tests/cards/data/decks stand in when the real decks are not on this branch."""

from kinwell.cards import decks
from tests.browser.cases.common import Case, submit

FIXTURE_DECKS = decks.Path(__file__).parents[2] / "cards" / "data" / "decks"


def use_decks(settings):
    if not any(decks.DEFAULT_DIRECTORY.glob("*.toml")):
        settings.CARD_DECKS_DIRECTORY = FIXTURE_DECKS


def first_deck(settings) -> decks.Deck:
    return decks.library(getattr(settings, "CARD_DECKS_DIRECTORY", None)).decks[0]


def open_page(path_of):
    def visit(page, demo, settings):
        use_decks(settings)
        page.goto(path_of(first_deck(settings)))

    return visit


def drawn_card(page, demo, settings):
    use_decks(settings)
    page.goto(f"/cards/{first_deck(settings).key}/")
    submit(page, "Draw a card")
    assert page.locator(".prompt-card__text").is_visible()


def kept_card(page, demo, settings):
    drawn_card(page, demo, settings)
    submit(page, "Keep as a favourite")
    assert page.get_by_role("button", name="Take out of favourites").is_visible()


def kept_then_listed(page, demo, settings):
    kept_card(page, demo, settings)
    page.goto("/cards/favourites/")
    assert page.locator(".favourite-list li").count() == 1


def read_out(page, demo, settings):
    drawn_card(page, demo, settings)
    page.get_by_role("link", name="Ask in person").click()
    page.wait_for_url("**/in-person/")


def card_path(deck):
    return f"/cards/{deck.key}/{deck.cards[0].key}/"


CASES = [
    Case("in-cards-index", "cards:index", open_page(lambda deck: "/cards/"), "alex"),
    Case("narrow-in-cards-index", "cards:index", open_page(lambda deck: "/cards/"), "alex", 320),
    Case("es-cards-index", "cards:index", open_page(lambda deck: "/cards/"), "ana"),
    Case("in-cards-deck", "cards:deck", open_page(lambda deck: f"/cards/{deck.key}/"), "alex"),
    Case("in-cards-card", "cards:card", drawn_card, "alex"),
    Case("narrow-in-cards-card", "cards:card", drawn_card, "alex", 320),
    Case("in-cards-card-kept", "cards:card", kept_card, "alex"),
    Case("es-cards-card", "cards:card", open_page(card_path), "ana"),
    Case("in-cards-in-person", "cards:in_person", read_out, "alex"),
    Case("narrow-in-cards-in-person", "cards:in_person", read_out, "alex", 320),
    Case("es-cards-in-person", "cards:in_person", open_page(lambda deck: card_path(deck) + "in-person/"), "ana"),
    Case("in-cards-favourites-none", "cards:favourites", open_page(lambda deck: "/cards/favourites/"), "newcomer"),
    Case("in-cards-favourites", "cards:favourites", kept_then_listed, "alex"),
    Case("in-cards-start-choose-circle", "cards:start", open_page(lambda deck: card_path(deck) + "talk/"), "alex"),
]
