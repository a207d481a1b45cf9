"""Card deck pages. Drawing is a plain GET that redirects to the card's own address,
so it works without JavaScript, can be bookmarked, and "back" returns to the last card."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinwell.cards import selectors, services
from kinwell.talk.services import TOPIC_MAX_LENGTH

MODES = {"card": "cards:card", "in-person": "cards:in_person"}


@login_required
def index(request):
    return render(request, "cards/index.html", {"decks": selectors.decks_for(user=request.user)})


@login_required
def deck(request, deck_key: str):
    found = selectors.deck_named(deck_key)
    return render(request, "cards/deck.html", {"deck": found, **found.words(selectors.language())})


@login_required
@never_cache
def draw(request, deck_key: str):
    found = selectors.deck_named(deck_key)
    card = selectors.draw(found, after=request.GET.get("after"))
    mode = MODES.get(request.GET.get("mode", ""), "cards:card")
    return redirect(mode, deck_key=found.key, card_key=card.key)


def _card_context(request, deck_key: str, card_key: str) -> dict:
    found = selectors.deck_named(deck_key)
    card = selectors.card_in(found, card_key)
    lang = selectors.language()
    return {
        "deck": found, "card": card, "text": card.in_language(lang), **found.words(lang),
        "position": found.cards.index(card) + 1,
    }


@login_required
def card(request, deck_key: str, card_key: str):
    context = _card_context(request, deck_key, card_key)
    context["kept"] = selectors.is_favourite(person=request.user, card_key=card_key)
    return render(request, "cards/card.html", context)


@login_required
def in_person(request, deck_key: str, card_key: str):
    return render(request, "cards/in_person.html", _card_context(request, deck_key, card_key))


@login_required
@require_POST
def favourite(request, deck_key: str, card_key: str):
    context = _card_context(request, deck_key, card_key)
    if request.POST.get("action") == "remove":
        services.remove_favourite(person=request.user, card_key=context["card"].key)
        messages.success(request, _("Taken out of your favourites."))
    else:
        services.add_favourite(person=request.user, card_key=context["card"].key)
        messages.success(request, _("Kept in your favourites."))
    if request.POST.get("back") == "favourites":
        return redirect("cards:favourites")
    return redirect("cards:card", deck_key=deck_key, card_key=card_key)


@login_required
def favourites(request):
    return render(request, "cards/favourites.html", {"favourites": selectors.favourites(person=request.user)})


def conversation_topic(topic: str, question: str) -> str:
    """The deck's topic and the card's question as one topic line, cut to what a
    conversation's topic holds."""
    text = f"{topic}: {question}"
    return text if len(text) <= TOPIC_MAX_LENGTH else text[: TOPIC_MAX_LENGTH - 1].rstrip() + "…"


@login_required
def start_conversation(request, deck_key: str, card_key: str):
    """Choose the circle to talk in; the circle's own start form (talk app) does the
    rest, with the topic filled in. With one circle to choose, go straight there."""
    context = _card_context(request, deck_key, card_key)
    topic = conversation_topic(context["topic"], context["text"])
    circles = list(selectors.circles_to_talk_in(user=request.user))
    for circle in circles:
        circle.start_url = f"{reverse('talk:circle', args=[circle.pk])}?{urlencode({'topic': topic})}#start-title"
    if len(circles) == 1:
        return redirect(circles[0].start_url)
    return render(request, "cards/start.html", {**context, "circles": circles, "conversation_topic": topic})
