"""Demo data for appreciation and time together: called from `manage.py load_demo_data`
with the demo couple circle. Safe to run again: it replaces what is in that circle. Rows are
made directly, not through the services, so loading the demo emails nobody."""

from datetime import datetime, timedelta

from django.utils import timezone

from kinwell.connect.models import Appreciation, PlannedDate, Win
from kinwell.core.demo import demo_part
from kinwell.core.localtime import zone_of


def load(*, people: dict, circle) -> None:
    maya, jordan = people["maya@example.com"], people["jordan@example.com"]
    for model in (Appreciation, Win, PlannedDate):
        model.objects.filter(circle=circle).delete()
    Appreciation.objects.create(
        circle=circle, sender=jordan, recipient=maya,
        text="Thank you for handling the landlord call. I know you hate the phone.",
    )
    Appreciation.objects.create(
        circle=circle, sender=maya, recipient=jordan,
        text="I loved how you listened last night without trying to fix it.",
    )
    Win.objects.create(circle=circle, author=maya, about=jordan, text="Jordan got the apprenticeship!")
    Win.objects.create(circle=circle, author=jordan, text="Three weeks of cooking at home instead of takeaway.")
    today = timezone.localdate()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    starts_at = datetime.combine(saturday, datetime.min.time()).replace(hour=12, tzinfo=zone_of(maya))
    PlannedDate.objects.create(
        circle=circle, proposer=maya, invitee=jordan, awaiting=jordan, activity="picnic",
        title="A simple picnic", message="The park by the river, if it doesn't rain?",
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), time_zone=maya.time_zone,
        status=PlannedDate.Status.ACCEPTED,
    )


@demo_part("appreciation and time together", order=30)
def _demo_part(*, people, circles) -> None:
    load(people=people, circle=circles["couple"])
