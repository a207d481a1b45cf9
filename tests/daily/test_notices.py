"""Tests for kinwell/daily/tasks.py: "Jordan answered today's question" goes to the others
who have not answered, never with the answer, never about or to someone taking space."""

import pytest
from django.core import mail

from kinwell.circles import services as circle_services
from kinwell.circles.models import CircleKind
from tests.daily.helpers import answer, today
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    ana, luis, sol = (UserFactory(display_name=name) for name in ("Ana", "Luis", "Sol"))
    return ana, luis, sol, CircleFactory(owner=ana, members=[luis, sol], kind=CircleKind.FAMILY, name="Casa")


def test_the_others_who_have_not_answered_hear_who_answered_but_not_what(family, django_capture_on_commit_callbacks):
    ana, luis, sol, circle = family
    day = today(ana, circle)
    with django_capture_on_commit_callbacks(execute=True):
        answer(sol, circle, day, "A treehouse with a slide")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ana.email, luis.email])
    assert all("Sol answered today's question" in m.subject for m in mail.outbox)
    assert not any("treehouse" in m.body or "treehouse" in m.alternatives[0][0] for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer(luis, circle, day, "Pancakes every Sunday")
    # Ana already heard about this day within the hour; Sol has answered.
    assert mail.outbox == []


def test_nothing_goes_about_or_to_someone_taking_space(family, django_capture_on_commit_callbacks):
    ana, luis, sol, circle = family
    circle_services.set_space(user=luis, circle=circle, paused=True)
    circle_services.set_space(user=sol, circle=circle, paused=True, quietly=True)
    day = today(ana, circle)
    with django_capture_on_commit_callbacks(execute=True):
        answer(sol, circle, day, "Quiet answer")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        answer(ana, circle, day, "Ana's answer")
    assert mail.outbox == []  # Luis and Sol are taking space
