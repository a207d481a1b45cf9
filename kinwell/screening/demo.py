"""Demo questionnaire results over a few months, for `manage.py load_demo_data`.
Safe to run again: the demo people's results are replaced, not added to."""

from datetime import timedelta

from django.utils import timezone

from kinwell.circles import services as circle_services
from kinwell.circles.models import DataKind, Membership
from kinwell.core.demo import demo_part
from kinwell.screening import scoring
from kinwell.screening.models import Response

# email: [(instrument, days ago, answers in item order)]
RESULTS = {
    "maya@example.com": [
        ("phq9", 112, [2, 2, 2, 2, 2, 2, 2, 2, 0]),
        ("gad7", 112, [2, 2, 2, 1, 1, 2, 1]),
        ("phq9", 84, [2, 2, 1, 2, 1, 1, 1, 1, 0]),
        ("phq9", 56, [1, 1, 1, 2, 1, 1, 1, 0, 0]),
        ("gad7", 56, [1, 2, 1, 1, 1, 1, 1]),
        ("phq9", 28, [1, 1, 1, 1, 0, 1, 0, 0, 0]),
        ("gad7", 14, [1, 1, 1, 1, 0, 1, 0]),
        ("csi4", 14, [4, 4, 4, 4]),
    ],
    "jordan@example.com": [
        ("phq9", 60, [1, 1, 1, 1, 0, 1, 0, 0, 0]),
        ("phq9", 30, [1, 0, 1, 1, 0, 0, 0, 0, 0]),
        ("csi4", 14, [3, 4, 3, 3]),
    ],
    "ana@example.com": [
        ("gad2", 40, [2, 1]),
        ("gad7", 40, [2, 1, 2, 1, 1, 1, 1]),
        ("ucla3", 20, [2, 2, 1]),
    ],
}
# Maya shares her scores (not her answers) with the demo couple circle.
SHARE_SCORES = ["maya@example.com"]


def load(people: dict, *, couple) -> int:
    now = timezone.now()
    made = 0
    for email, results in RESULTS.items():
        person = people[email]
        Response.objects.filter(owner=person).delete()
        for key, days_ago, values in results:
            instrument = scoring.get(key)
            answers = {item.key: value for item, value in zip(instrument.items, values)}
            result = scoring.score(instrument, answers)
            Response.objects.create(
                owner=person, instrument=key, mode=Response.Mode.ALL, answers=answers,
                total=result.total, band=result.band, completed_at=now - timedelta(days=days_ago),
            )
            made += 1
    for email in SHARE_SCORES:
        membership = Membership.objects.get(user=people[email], circle=couple)
        kinds = set(membership.shared_kinds.values_list("kind", flat=True)) | {DataKind.SCREENING.value}
        circle_services.update_sharing(user=people[email], circle=couple, kinds=kinds)
    return made


@demo_part("screening results", order=20)
def _demo_part(*, people, circles) -> None:
    load(people, couple=circles["couple"])
