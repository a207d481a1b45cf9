"""What check-ins bring to home: the one-tap check-in (each word of the mood meter is a
submit button, no JavaScript needed; once today has one, the card offers to add more),
what waits (someone reached out after a check-in), and the signs nudge as a card on the
day's page, as the check-ins page shows it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.checkins import selectors
from kinwell.checkins.presenting import nudge_links
from kinwell.checkins.vocabulary import MOOD_METER, QUADRANTS, meter_word_of
from kinwell.core.home import FirstStep, Panel, Waiting, first_step, home_panel, waiting_source


@waiting_source
def reach_outs(*, user) -> list[Waiting]:
    return [
        Waiting(
            kind="reach_out",
            text=_("%(name)s reached out after your check-in") % {"name": response.author.display_name},
            url=reverse("checkins:mine"),
            since=response.created_at,
        )
        for response in selectors.reach_outs_waiting_for(owner=user)
    ]


@home_panel(order=20)
def signs_nudge(*, user) -> Panel | None:
    nudges = list(selectors.open_nudges(owner=user))
    if not nudges:
        return None
    return Panel("checkins/_nudge.html", {"nudges": nudges, "nudge_links": nudge_links()})


@first_step("checkin", order=10)
def first_checkin(*, user) -> FirstStep:
    return FirstStep(
        title=_("Check in for the first time"),
        why=_("A minute to notice how you are. Over days it shows your own patterns, and only you see it unless you share."),
        url=reverse("checkins:new"),
        done=selectors.has_checked_in(owner=user),
    )


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
