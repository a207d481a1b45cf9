"""What waits on home from connect (an appreciation you haven't seen, a time together to
answer) and its card on the day's page: the next time together you planned."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kinwell.connect import ideas, selectors
from kinwell.core.home import Panel, Waiting, home_panel, waiting_source


@waiting_source
def appreciations(*, user) -> list[Waiting]:
    return [
        Waiting(
            kind="appreciation",
            text=_("%(name)s sent you an appreciation") % {"name": item.sender.display_name},
            url=reverse("connect:circle", args=[item.circle_id]),
            circle=item.circle.name,
            since=item.created_at,
        )
        for item in selectors.appreciations_waiting_for(user=user)
    ]


@waiting_source
def plans_to_answer(*, user) -> list[Waiting]:
    return [
        Waiting(
            kind="plan_to_accept",
            text=_("%(name)s suggested time together: say if it works for you") % {
                "name": plan.other_person(user).display_name},
            url=reverse("connect:plan", args=[plan.circle_id, plan.pk]),
            circle=plan.circle.name,
            since=plan.updated_at,
        )
        for plan in selectors.plans_waiting_for(user=user)
    ]


@home_panel(order=40)
def next_plan(*, user) -> Panel | None:
    plan = selectors.next_plan_for(user=user)
    if plan is None:
        return None
    # The plan's own title may be the other person's words: the card names the activity
    # from our list instead, when there is one.
    idea = ideas.idea_by_key(plan.activity) if plan.activity else None
    return Panel("connect/_home_next_plan.html", {
        "plan": plan, "other": plan.other_person(user),
        "activity": idea.title(translation.get_language() or "en") if idea else "",
    })
