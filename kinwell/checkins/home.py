"""The check-in's card on home: one tap on a word of the mood meter saves a check-in
(no JavaScript needed: each word is a submit button); once today has one, the card
says so and offers to add more to it."""

from kinwell.checkins import selectors
from kinwell.checkins.vocabulary import MOOD_METER, QUADRANTS, meter_word_of
from kinwell.core.home import Panel, home_panel


@home_panel(order=10)
def quick_checkin_panel(*, user):
    today = selectors.todays_checkin(owner=user)
    return Panel(
        template="checkins/_quick_checkin.html",
        context={
            "today": today,
            "today_word": today and meter_word_of(mood=today.mood, energy=today.energy, feelings=today.feelings),
            "quadrants": [
                (code, label, [choice for choice in MOOD_METER if choice.quadrant == code])
                for code, label in QUADRANTS.items()
            ],
        },
    )
