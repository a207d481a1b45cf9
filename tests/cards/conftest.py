from pathlib import Path

import pytest

FIXTURE_DECKS = Path(__file__).parent / "data" / "decks"


@pytest.fixture(autouse=True)
def fixture_decks(settings):
    """The two small decks of tests/cards/data/decks, whatever the real decks hold."""
    settings.CARD_DECKS_DIRECTORY = FIXTURE_DECKS
    return FIXTURE_DECKS
