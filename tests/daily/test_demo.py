import pytest

from kinwell.circles.models import CircleKind
from kinwell.core.home import waiting_for
from kinwell.daily import demo, selectors
from kinwell.daily.models import QuestionDay, Reaction
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_couple_has_past_days_shared_and_todays_answer_from_jordan():
    maya = UserFactory(email="maya@example.com", display_name="Maya")
    jordan = UserFactory(email="jordan@example.com", display_name="Jordan")
    circle = CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    people = {"maya@example.com": maya, "jordan@example.com": jordan}
    for _ in range(2):  # safe to run again
        demo.load(people=people, circle=circle)
    assert QuestionDay.objects.filter(circle=circle).count() == 4
    assert selectors.days_together(circle) == 3
    assert Reaction.objects.count() == 3
    assert [item.text for item in waiting_for(user=maya)] == ["Jordan answered today's question"]
    keys = list(QuestionDay.objects.values_list("question_key", flat=True))
    assert len(set(keys)) == 4
