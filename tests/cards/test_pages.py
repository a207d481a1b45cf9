"""Card deck pages, favourites (with the export and the deletion), starting a
conversation from a card, and the API."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from kinwell.accounts.services import delete_account
from kinwell.cards import services
from kinwell.cards.models import Favourite
from kinwell.circles.models import CircleKind
from kinwell.core.personal_data import export_for
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_decks_that_suit_your_circles_come_first(client_for, user):
    CircleFactory(owner=user, kind=CircleKind.COUPLE)
    page = client_for(user).get("/cards/").content.decode()
    # "fun" is first by file name but suits only friends and families.
    assert page.index("Repair after a fight") < page.index("Light and fun")
    assert "4 cards" in page and "3 cards" in page
    friend = UserFactory()
    CircleFactory(owner=friend, kind=CircleKind.FRIENDS)
    page = client_for(friend).get("/cards/").content.decode()
    assert page.index("Light and fun") < page.index("Repair after a fight")


def test_drawing_redirects_to_a_card_never_the_one_just_seen(client_for, user):
    client = client_for(user)
    for _ in range(20):
        response = client.get("/cards/repair/draw/?after=repair-first-sign")
        assert response.status_code == 302
        assert re.fullmatch(r"/cards/repair/repair-[a-z-]+/", response["Location"])
        assert "repair-first-sign" not in response["Location"]
    assert client.get("/cards/repair/draw/?mode=in-person")["Location"].endswith("/in-person/")
    page = client.get("/cards/repair/repair-first-sign/").content.decode()
    assert "What is the first sign" in page and 'name="after" value="repair-first-sign"' in page


def test_pages_speak_the_viewers_language(client_for):
    ana = UserFactory(language="es")
    page = client_for(ana).get("/cards/repair/repair-what-helps/in-person/").content.decode()
    assert "Cuando nos lastimamos" in page and "Reparar después de una pelea" in page


def test_unknown_decks_and_cards_are_a_clear_404(client_for, user):
    client = client_for(user)
    for path in ("/cards/nope/", "/cards/nope/draw/", "/cards/repair/fun-song/", "/cards/repair/nope/in-person/"):
        response = client.get(path)
        assert response.status_code == 404, path
    assert client.post("/cards/repair/nope/favourite/", {"action": "add"}).status_code == 404


def test_favourites_round_trip_then_export_and_deletion(client_for, user):
    client = client_for(user)
    client.post("/cards/repair/repair-what-helps/favourite/", {"action": "add"})
    client.post("/cards/repair/repair-what-helps/favourite/", {"action": "add"})  # twice keeps it once
    client.post("/cards/fun/fun-song/favourite/", {"action": "add"})
    assert Favourite.objects.filter(person=user).count() == 2
    card = client.get("/cards/repair/repair-what-helps/").content.decode()
    assert "Take out of favourites" in card
    listed = client.get("/cards/favourites/").content.decode()
    assert "When we have hurt each other" in listed and "Which song" in listed
    response = client.post("/cards/fun/fun-song/favourite/", {"action": "remove", "back": "favourites"})
    assert response["Location"] == "/cards/favourites/"
    assert "Which song" not in client.get("/cards/favourites/").content.decode()

    other = UserFactory()
    services.add_favourite(person=other, card_key="fun-song")
    exported = export_for(user)["card_decks"]["favourite_cards"]
    assert [(row["card"], row["deck"], row["text"]["es"][:9]) for row in exported] == [
        ("repair-what-helps", "repair", "Cuando no")
    ]
    delete_account(user=user)
    assert list(Favourite.objects.values_list("card_key", flat=True)) == ["fun-song"]


def test_start_a_conversation_prefills_the_talk_form(client_for, user):
    partner = UserFactory()
    circle = CircleFactory(owner=user, members=[partner])
    client = client_for(user)
    response = client.get("/cards/repair/repair-what-i-needed/talk/")
    assert response.status_code == 302  # one circle to talk in: straight to its form
    location = urlsplit(response["Location"])
    assert location.path == f"/circles/{circle.pk}/talk/"
    topic = parse_qs(location.query)["topic"][0]
    assert topic == "Making up after a fight: Looking back, what did you need from me in that moment that you didn't get?"
    form = client.get(f"{location.path}?{location.query}").content.decode()
    assert 'value="Making up after a fight: Looking back, what did you need from me in that moment that you didn&#x27;t get?"' in form
    # The prefilled form starts the usual speaker–listener conversation.
    started = client.post(f"/circles/{circle.pk}/talk/", {"partner": partner.pk, "topic": topic})
    assert started.status_code == 302 and "/talk/conversations/" in started["Location"]


def test_with_several_circles_the_person_chooses_and_alone_is_told_why(client_for, user):
    CircleFactory(owner=user, members=[UserFactory()], name="Home")
    CircleFactory(owner=user, members=[UserFactory()], name="Old friends")
    page = client_for(user).get("/cards/fun/fun-song/talk/").content.decode()
    assert "Home" in page and "Old friends" in page and "Something light: Which song" in page
    loner = UserFactory()
    CircleFactory(owner=loner)
    page = client_for(loner).get("/cards/fun/fun-song/talk/")
    assert page.status_code == 200 and "needs two people" in page.content.decode()


def test_a_long_card_is_cut_to_fit_a_topic():
    from kinwell.cards.views import conversation_topic
    from kinwell.talk.services import TOPIC_MAX_LENGTH

    topic = conversation_topic("A topic", "word " * 80)
    assert len(topic) <= TOPIC_MAX_LENGTH and topic.endswith("…") and topic.startswith("A topic: word")


def test_the_api_lists_decks_draws_and_keeps_favourites(user):
    api = Api(user)
    listed = api.get("/cards/decks").json()
    assert {deck["key"]: deck["card_count"] for deck in listed} == {"fun": 3, "repair": 4}
    deck = api.get("/cards/decks/repair").json()
    assert [card["key"] for card in deck["cards"]][0] == "repair-what-i-needed" and deck["topic"] == "Making up after a fight"
    for _ in range(10):
        drawn = api.get("/cards/decks/repair/draw?after=repair-one-thing").json()
        assert drawn["deck"] == "repair" and drawn["key"] != "repair-one-thing"
    assert api.put("/cards/favourites/fun-song").status_code == 201
    assert api.put("/cards/favourites/fun-song").status_code == 200
    assert [row["key"] for row in api.get("/cards/favourites").json()] == ["fun-song"]
    assert api.delete("/cards/favourites/fun-song").status_code == 204
    assert api.get("/cards/favourites").json() == []
    assert api.get("/cards/decks/nope").status_code == 404
    assert api.put("/cards/favourites/nope").status_code == 404


def test_the_api_answers_in_spanish_for_a_spanish_speaker():
    ana = UserFactory(language="es")
    deck = Api(ana).get("/cards/decks/fun").json()
    assert deck["title"] == "Para reírse un rato" and deck["cards"][0]["text"].startswith("¿Cómo sería")


def test_the_repair_deck_says_it_is_for_people_who_feel_safe_with_each_other(client_for, user):
    repair = client_for(user).get("/cards/repair/repair-what-i-needed/").content.decode()
    fun = client_for(user).get("/cards/fun/fun-perfect-sunday/").content.decode()
    notice = "These tools are for people who feel safe with each other."
    assert notice in repair and notice not in fun
