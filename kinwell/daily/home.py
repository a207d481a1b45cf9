"""The daily question on home: what waits for this person (today's question to answer,
or answers shared that they have not looked at yet) and a card with today's question for
each of their circles. Never anyone's answer: home is seen over a shoulder too. The
question itself is ours, so it is safe to show."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinwell.circles import access
from kinwell.core.home import Panel, Waiting, home_panel, waiting_source
from kinwell.daily import selectors, services


def _todays(user) -> list[tuple]:
    """(circle, today's day or None) for each of the person's circles."""
    return [(circle, services.open_today(viewer=user, circle=circle)) for circle in selectors.circles_of(user=user)]


def _names(people) -> str:
    names = [person.display_name for person in people]
    if len(names) <= 2:
        return _(" and ").join(names)
    return _("%(first)s and %(count)d others") % {"first": names[0], "count": len(names) - 1}


@waiting_source
def daily_waiting(*, user) -> list[Waiting]:
    items = []
    for circle, day in _todays(user):
        if day is None or access.is_taking_space(user=user, circle=circle):
            continue
        url = reverse("daily:today", args=[circle.pk])
        others = selectors.who_answered(viewer=user, circle=circle, day=day)
        mine = selectors.my_answer(viewer=user, day=day)
        if mine is None:
            text = (
                ngettext("%(names)s answered today's question", "%(names)s answered today's question", len(others))
                % {"names": _names(others)}
                if others else _("Today's question is waiting for your answer")
            )
            items.append(Waiting(kind="daily_question", text=text, url=url, circle=circle.name, since=day.created_at))
        elif day.pk in selectors.unseen_reveals(user=user, days=[day]):
            items.append(Waiting(kind="daily_answers", text=_("The answers to today's question are in"), url=url,
                                 circle=circle.name, since=day.revealed_at))
    return items


@home_panel(order=30)
def daily_panel(*, user) -> Panel | None:
    questions = []
    for circle, day in _todays(user):
        if day is None:
            continue
        questions.append({
            "circle": circle, "question": selectors.question_text(day),
            "answered": selectors.my_answer(viewer=user, day=day) is not None, "revealed": day.revealed,
            "url": reverse("daily:today", args=[circle.pk]),
        })
    if not questions:
        return None
    return Panel(template="daily/_home_panel.html", context={"questions": questions})
