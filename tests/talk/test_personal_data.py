"""Talking together in "Download my data", in account deletion, and in hard_moments."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinwell.accounts.services import delete_account
from kinwell.core.personal_data import export_for
from kinwell.talk import conflict_services, services
from kinwell.talk.models import ConflictEntry, Entry
from kinwell.talk.selectors import hard_moments
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def written():
    ana, ben = UserFactory(), UserFactory()
    circle = CircleFactory(owner=ana, members=[ben])
    talk = services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Weekends").value
    services.act(actor=ana, conversation=talk, event="speak", text="You never plan anything.")
    services.act(actor=ben, conversation=talk, event="paraphrase", text="Ben's paraphrase")
    conflict = conflict_services.open_conflict(opener=ana, circle=circle, people=[ben], issue="Chores").value
    conflict_services.write_view(actor=ben, conflict=conflict, view="Ben's view", feelings="Whatever.", needs="rest")
    return ana, ben, circle, talk, conflict


def test_the_export_has_every_text_the_person_wrote_and_only_theirs(written):
    ana, ben, _circle, _talk, _conflict = written
    section = export_for(ben)["talk"]
    texts = [t["text"] for c in section["conversations"] for t in c["my_texts"]]
    assert texts == ["Ben's paraphrase"]
    conflict_texts = [t["text"] for c in section["conflicts"] for t in c["my_texts"]]
    assert conflict_texts == ["Ben's view", "Whatever.", "rest"]
    ana_texts = [t["text"] for c in export_for(ana)["talk"]["conversations"] for t in c["my_texts"]]
    assert ana_texts == ["Weekends", "You never plan anything."]


def test_deleting_an_account_removes_their_texts_and_the_partner_keeps_their_own(client_for, written):
    ana, ben, _circle, talk, conflict = written
    delete_account(user=ana)
    assert not Entry.objects.exclude(author=ben).exists()
    assert list(Entry.objects.values_list("text", flat=True)) == ["Ben's paraphrase"]
    assert set(ConflictEntry.objects.values_list("author", flat=True)) == {ben.pk}
    page = client_for(ben).get(f"/circles/{talk.circle_id}/talk/conversations/{talk.pk}/").content.decode()
    assert "left Kinwell" in page and "Ben&#x27;s paraphrase" in page
    assert "plan anything" not in page
    response = client_for(ben).post(f"/circles/{talk.circle_id}/talk/conversations/{talk.pk}/", {"action": "speak", "text": "hi"})
    assert response.status_code == 409


def test_hard_moments_counts_conflict_rounds_and_nothing_the_coach_noticed(written):
    _ana, _ben, circle, _talk, _conflict = written
    now = timezone.now()
    found = hard_moments(circle=circle, start=now - timedelta(days=7), end=now + timedelta(minutes=1))
    # The texts hold "You never plan anything." and "Whatever.": still only the round, and only when.
    assert found == {"conflicts_opened": [_conflict.created_at]}
    assert hard_moments(circle=circle, start=now + timedelta(days=1), end=now + timedelta(days=8)) == {
        "conflicts_opened": [],
    }
    other = CircleFactory()
    assert hard_moments(circle=other, start=now - timedelta(days=7), end=now + timedelta(minutes=1))["conflicts_opened"] == []


def test_demo_data_can_be_loaded_twice():
    from django.core.management import call_command

    from kinwell.talk.models import Conflict, Conversation

    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assert Conversation.objects.count() == 1 and Conflict.objects.count() == 1
    assert Conflict.objects.get().stage == "brainstorming"
