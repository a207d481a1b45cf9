"""The deck loader: plain Python, no database."""

import random
import shutil

import pytest

from kinwell.cards import decks
from kinwell.cards.selectors import draw
from tests.cards.conftest import FIXTURE_DECKS

GOOD = FIXTURE_DECKS / "fun.toml"


def test_the_fixture_decks_load_in_both_languages():
    found = decks.load_directory(FIXTURE_DECKS)
    assert [deck.key for deck in found.decks] == ["fun", "repair"]
    repair = found.deck("repair")
    assert repair.words("es")["topic"] == "Hacer las paces después de una pelea"
    assert repair.words("es-mx")["title"] == "Reparar después de una pelea"
    assert repair.words("fr")["title"] == "Repair after a fight"  # an unknown language reads English
    card = found.card("repair-what-i-needed")
    assert card.deck_key == "repair" and card.in_language("es").startswith("Mirando hacia atrás")
    assert found.deck("fun").suits({"friends"}) and not found.deck("fun").suits({"couple"})


def _write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _broken(tmp_path, old, new):
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, "fun.toml", text.replace(old, new, 1))


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('es_title = "Para reírse un rato"\n', "", "fun.toml (deck fun): es_title is missing"),
        ('circles = ["friends", "family"]', 'circles = ["friends", "coworkers"]', "fun.toml (deck fun): circles"),
        ('key = "fun-song"', 'key = "fun-superpower"', "card key fun-superpower is used twice"),
        ('key = "fun-song"', 'key = "Fun Song"', "card 3: the key must be"),
        ('es = "¿Qué canción siempre te pone de buen humor?"', 'es = "  "', "card fun-song: es is missing or empty"),
        ('en = "Which song always puts you in a good mood?"', 'en = "' + "why " * 80 + '"', "at most 300"),
        ('key = "fun"\n', 'key = "fun"\n[oops\n', "fun.toml: not valid TOML"),
    ],
)
def test_a_broken_deck_is_refused_naming_its_file_and_key(tmp_path, old, new, expected):
    with pytest.raises(decks.DeckError) as error:
        decks.load_directory(_broken(tmp_path, old, new))
    assert expected in str(error.value)


def test_a_card_key_is_unique_across_decks(tmp_path):
    shutil.copy(GOOD, tmp_path / "fun.toml")
    text = GOOD.read_text(encoding="utf-8").replace('key = "fun"', 'key = "more-fun"', 1)
    _write(tmp_path, "more.toml", text)
    with pytest.raises(decks.DeckError, match="more.toml .deck more-fun.: card key fun-perfect-sunday is already used in fun.toml"):
        decks.load_directory(tmp_path)


def test_a_missing_directory_is_no_decks_and_loading_is_cached(tmp_path):
    assert decks.load_directory(tmp_path / "nowhere").decks == ()
    assert decks.library(FIXTURE_DECKS) is decks.library(FIXTURE_DECKS)


def test_a_draw_never_repeats_the_card_just_seen():
    deck = decks.load_directory(FIXTURE_DECKS).deck("repair")
    rng = random.Random(7)
    for card in deck.cards:
        drawn = {draw(deck, after=card.key, rng=rng).key for _ in range(60)}
        assert card.key not in drawn
        assert drawn == {other.key for other in deck.cards} - {card.key}  # every other card can come up


def test_a_one_card_deck_draws_its_only_card(tmp_path):
    deck = decks.load_directory(FIXTURE_DECKS).deck("fun")
    single = decks.Deck(key="one", circles=("friends",), title=deck.title, blurb=deck.blurb, topic=deck.topic,
                        cards=deck.cards[:1], source="one.toml")
    assert draw(single, after=deck.cards[0].key).key == deck.cards[0].key


def test_the_real_decks_are_eight_of_at_least_thirty_cards():
    if not any(decks.DEFAULT_DIRECTORY.glob("*.toml")):
        pytest.skip("The real decks are not in kinwell/cards/data/decks/ on this branch yet")
    found = decks.load_directory(decks.DEFAULT_DIRECTORY)
    assert len(found.decks) >= 8
    short = {deck.key: len(deck.cards) for deck in found.decks if len(deck.cards) < 30}
    assert not short, f"Decks with fewer than 30 cards: {short}"
