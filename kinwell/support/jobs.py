"""The follow-up on a support plan: on its follow-up day, in the person's own time zone
from the morning on, ask once "how is it going?" (both people, for a plan made together).
`follow_up_sent_on` remembers it, so running again sends nothing twice."""

from datetime import datetime, timedelta

from django.db import transaction

from kinwell.core.localtime import local_now
from kinwell.core.schedule import periodic
from kinwell.support.models import SupportPlan

FOLLOW_UP_HOUR = 9


@periodic
def ask_how_the_plan_is_going(*, now: datetime) -> int:
    from kinwell.support.tasks import send_follow_up

    sent = 0
    # A day either side covers every time zone; each person's own day decides.
    due = SupportPlan.objects.filter(made_at__isnull=False, follow_up_on__lte=(now + timedelta(days=1)).date(),
                                     follow_up_sent_on__isnull=True).select_related("owner", "partner")
    for plan in due:
        here = local_now(now, plan.owner.time_zone)
        if here.date() < plan.follow_up_on or here.hour < FOLLOW_UP_HOUR:
            continue
        with transaction.atomic():
            claimed = SupportPlan.objects.filter(pk=plan.pk, follow_up_sent_on__isnull=True).update(
                follow_up_sent_on=here.date())
            if not claimed:
                continue
            for person in filter(None, (plan.owner, plan.partner)):
                transaction.on_commit(lambda p=person: send_follow_up.enqueue(plan_id=plan.pk, person_id=p.pk))
                sent += 1
    return sent
