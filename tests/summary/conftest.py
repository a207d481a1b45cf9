from datetime import timedelta

import pytest
from django.utils import timezone

from kinwell.checkins import services as checkin_services
from kinwell.checkins.models import SignNudge
from tests.factories import UserFactory, screening_result


@pytest.fixture
def maya(db):
    """Maya, with PHQ-9 and GAD-7 results over the last months, check-ins with notes
    and a sign that fired."""
    person = UserFactory(display_name="Maya", email="maya@example.org")
    now = timezone.now()
    for key, total, days in (("phq9", 16, 200), ("phq9", 14, 80), ("phq9", 9, 20), ("gad7", 12, 75), ("gad7", 7, 15)):
        screening_result(person, key, total=total, when=now - timedelta(days=days))
    today = timezone.localdate()
    for offset, mood, note in ((60, 2, "Hard week at work, barely slept"), (30, 3, ""), (10, 4, "Walked with Sam, felt lighter"),
                               (200, 1, "Long ago")):
        checkin_services.record_checkin(owner=person, mood=mood, note=note, stress=6, sleep_hours=6.5,
                                        day=today - timedelta(days=offset), recorded_at=now - timedelta(days=offset))
    SignNudge.objects.create(owner=person, rule="mood_below_baseline", since=today - timedelta(days=58),
                             details={"days_below": 5, "window": 7})
    return person
