"""Issue 19: one conflict round sent two people 13 emails. A whole round, played through
talk's own services and pages, now sends each person at most one notice an hour."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinwell.talk import conflict_services as services
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_whole_conflict_round_sends_each_person_at_most_one_notice_an_hour(django_capture_on_commit_callbacks):
    ana, ben = UserFactory(display_name="Ana"), UserFactory(display_name="Ben")
    circle = CircleFactory(owner=ana, members=[ben])
    with django_capture_on_commit_callbacks(execute=True):
        conflict = services.open_conflict(opener=ana, circle=circle, people=[ben], issue="Dishes").value
        services.write_view(actor=ana, conflict=conflict, view="Dishes pile up", feelings="tired", needs="help")
        services.write_view(actor=ben, conflict=conflict, view="I do them later", feelings="nagged", needs="trust")
        services.write_reflection(actor=ana, conflict=conflict, text="You plan to do them later")
        services.write_reflection(actor=ben, conflict=conflict, text="You are tired of the pile")
        services.add_option(actor=ben, conflict=conflict, text="Dishwasher every night")
        services.add_option(actor=ana, conflict=conflict, text="Take turns")
        services.finish_brainstorm(actor=ana, conflict=conflict)
        services.propose_agreement(actor=ana, conflict=conflict, text="Ben runs it at 9",
                                   check_back_on=timezone.localdate() + timedelta(days=7))
        services.accept_agreement(actor=ben, conflict=conflict)
    sent_to = Counter(address for email in mail.outbox for address in email.to)
    assert sent_to[ana.email] <= 1 and sent_to[ben.email] <= 1, sent_to
    assert sum(sent_to.values()) >= 1  # and not silence: someone was told the round moved
    for email in mail.outbox:
        assert "Dishes" not in email.body and "Dishwasher" not in email.body  # no words, only a link


def test_no_notice_while_the_person_has_the_round_open(client_for, django_capture_on_commit_callbacks):
    ana, ben = UserFactory(), UserFactory()
    circle = CircleFactory(owner=ana, members=[ben])
    conflict = services.open_conflict(opener=ana, circle=circle, people=[ben], issue="Dishes").value
    mail.outbox.clear()
    client_for(ben).get(reverse("talk:conflict", args=[circle.pk, conflict.pk]))  # Ben is looking at it
    with django_capture_on_commit_callbacks(execute=True):
        services.write_view(actor=ana, conflict=conflict, view="Dishes pile up", feelings="tired", needs="help")
    assert [address for email in mail.outbox for address in email.to if address == ben.email] == []
