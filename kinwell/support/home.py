"""What waits on home from the support plan: its follow-up, once the day has come."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.core.home import Waiting, waiting_source
from kinwell.support import selectors


@waiting_source
def follow_ups(*, user) -> list[Waiting]:
    items = []
    for plan in selectors.follow_ups_due_for(user=user):
        own = plan.owner_id == user.pk
        if own:
            text = _("How is your support plan going? Take a minute to look back")
        else:
            text = _("Time to look back on the support plan you are building with %(name)s") % {
                "name": plan.owner.display_name}
        items.append(Waiting(
            kind="plan_follow_up",
            text=text,
            url=reverse("support:plan") if own else reverse("support:joint", args=[plan.pk]),
            circle=plan.circle.name if plan.circle and not own else "",
            since=None,
        ))
    return items
