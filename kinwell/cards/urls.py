from django.urls import path

from kinwell.cards import views

app_name = "cards"

urlpatterns = [
    path("cards/", views.index, name="index"),
    path("cards/favourites/", views.favourites, name="favourites"),
    path("cards/<slug:deck_key>/", views.deck, name="deck"),
    path("cards/<slug:deck_key>/draw/", views.draw, name="draw"),
    path("cards/<slug:deck_key>/<slug:card_key>/", views.card, name="card"),
    path("cards/<slug:deck_key>/<slug:card_key>/in-person/", views.in_person, name="in_person"),
    path("cards/<slug:deck_key>/<slug:card_key>/favourite/", views.favourite, name="favourite"),
    path("cards/<slug:deck_key>/<slug:card_key>/talk/", views.start_conversation, name="start"),
]
