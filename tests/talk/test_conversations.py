"""Tests for kinwell/talk/services.py, views.py and flow.py.

Guided conversations through services and pages: the exercise, wrong turns as clear
4xx pages, the break, notifications, the live endpoints, access and the safety layer."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinwell.core.errors import Conflict, NotAllowed, NotFound, ServiceError
from kinwell.notifications.models import PendingNotice, ThreadView
from kinwell.talk import services
from kinwell.talk.models import Conversation, Entry
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    ana, ben, cal = UserFactory(display_name="Ana"), UserFactory(display_name="Ben"), UserFactory(display_name="Cal")
    circle = CircleFactory(owner=ana, members=[ben, cal])
    return ana, ben, cal, circle


@pytest.fixture
def talk(pair):
    ana, ben, _cal, circle = pair
    return services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Our evenings").value


def url(conversation, name="talk:conversation"):
    return reverse(name, kwargs={"circle_id": conversation.circle_id, "conversation_id": conversation.pk})


def test_start_needs_someone_else_in_the_circle(pair):
    ana, _ben, _cal, circle = pair
    stranger = UserFactory()
    for partner in (ana, stranger, None):
        with pytest.raises(ServiceError):
            services.start_conversation(starter=ana, circle=circle, partner=partner, topic="x")
    with pytest.raises(ServiceError):
        services.start_conversation(starter=ana, circle=circle, partner=pair[1], topic="   ")
    assert not Conversation.objects.exists()


def test_a_full_round_with_texts_stored_encrypted_and_no_coach_counts(pair, talk):
    ana, ben, _cal, _circle = pair
    services.act(actor=ana, conversation=talk, event="speak", text="You never listen to me.")
    services.act(actor=ben, conversation=talk, event="paraphrase", text="You feel unheard.")
    services.act(actor=ana, conversation=talk, event="correct", text="Mostly at dinner.")
    services.act(actor=ben, conversation=talk, event="paraphrase", text="You feel unheard at dinner.")
    services.act(actor=ana, conversation=talk, event="confirm")
    talk.refresh_from_db()
    assert (talk.phase, talk.speaker_seat, talk.rounds) == ("speaking", 1, 1)
    kinds = list(talk.entries.values_list("kind", flat=True))
    assert kinds == ["topic", "statement", "paraphrase", "correction", "paraphrase"]
    assert not hasattr(talk.entries.get(kind="statement"), "coach_findings")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM talk_entry")
        assert all("listen" not in row[0] for row in cursor.fetchall())


def test_wrong_turns_raise_the_right_error(pair, talk):
    ana, ben, cal, _circle = pair
    with pytest.raises(NotAllowed):
        services.act(actor=ben, conversation=talk, event="speak", text="Me first")
    with pytest.raises(Conflict):
        services.act(actor=ana, conversation=talk, event="confirm")
    with pytest.raises(NotFound):
        services.act(actor=cal, conversation=talk, event="speak", text="Hi")
    services.act(actor=ana, conversation=talk, event="speak", text="I feel tired in the evenings.")
    with pytest.raises(Conflict, match="listener"):
        services.act(actor=ana, conversation=talk, event="speak", text="And another thing")
    assert talk.entries.count() == 2  # nothing half-written


def test_the_break_is_enforced_on_the_server(pair, talk):
    ana, ben, _cal, _circle = pair
    start = timezone.now()
    services.act(actor=ben, conversation=talk, event="time_out", minutes=20, now=start)
    with pytest.raises(Conflict, match="break"):
        services.act(actor=ana, conversation=talk, event="speak", text="Hello", now=start + timedelta(minutes=5))
    with pytest.raises(Conflict, match="not over"):
        services.act(actor=ana, conversation=talk, event="resume", now=start + timedelta(minutes=19))
    with pytest.raises(Conflict, match="already"):
        services.act(actor=ana, conversation=talk, event="time_out", now=start + timedelta(minutes=10))
    services.act(actor=ana, conversation=talk, event="resume", now=start + timedelta(minutes=21))
    talk.refresh_from_db()
    assert talk.break_until is None and talk.returned_at is not None
    with pytest.raises(ServiceError, match="20 minutes"):
        services.act(actor=ana, conversation=talk, event="time_out", minutes=5, now=start + timedelta(minutes=30))


def test_the_other_person_is_emailed_without_the_words(pair, django_capture_on_commit_callbacks):
    ana, ben, _cal, circle = pair
    with django_capture_on_commit_callbacks(execute=True):
        talk = services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Money worries").value
    assert [m.to for m in mail.outbox] == [[ben.email]]
    assert "Money" not in mail.outbox[0].body and url(talk) in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.act(actor=ana, conversation=talk, event="speak", text="I worry about rent.")
    assert len(mail.outbox) == 1  # one notice per person per hour in a conversation
    an_hour_ago = timezone.now() - timedelta(minutes=61)
    PendingNotice.objects.update(created_at=an_hour_ago, sent_at=an_hour_ago)
    with django_capture_on_commit_callbacks(execute=True):
        services.act(actor=ben, conversation=talk, event="paraphrase", text="Rent worries you.")
    assert mail.outbox[-1].to == [ana.email]
    with django_capture_on_commit_callbacks(execute=True):
        services.act(actor=ana, conversation=talk, event="confirm")
    assert len(mail.outbox) == 3 and mail.outbox[-1].to == [ben.email]
    assert "rent" not in mail.outbox[-1].body.lower()


def test_the_page_walks_both_people_through_a_round(client_for, pair, talk):
    ana, ben, _cal, _circle = pair
    ana_client, ben_client = client_for(ana), client_for(ben)
    page = ana_client.get(url(talk)).content.decode()
    assert "You hold the floor." in page and "not for solving the problem" in page
    assert 'value="speak"' in page
    assert 'value="speak"' not in ben_client.get(url(talk)).content.decode()

    response = ana_client.post(url(talk), {"action": "speak", "text": "I feel lonely after nine."})
    assert response.status_code == 302
    page = ben_client.get(url(talk)).content.decode()
    assert "I feel lonely after nine." in page and "say back what you heard" in page
    # The listener cannot reply before paraphrasing: a clear 4xx page, not a 500.
    response = ben_client.post(url(talk), {"action": "speak", "text": "But I work late"})
    assert response.status_code == 409 and "listener" in response.content.decode()
    assert ben_client.post(url(talk), {"action": "paraphrase", "text": "You feel alone late."}).status_code == 302
    assert ana_client.post(url(talk), {"action": "confirm"}).status_code == 302
    page = ben_client.get(url(talk)).content.decode()
    assert "You hold the floor." in page


def test_checking_with_the_coach_shows_findings_and_saves_nothing(client_for, pair, talk):
    response = client_for(pair[0]).post(url(talk), {"action": "check", "event": "speak", "text": "You always do this. Whatever."})
    page = response.content.decode()
    assert response.status_code == 200 and "What the coach noticed" in page and "<q>You always</q>" in page
    assert "You always do this. Whatever." in page  # the draft is kept in the box
    assert "Your words, another way:" in page and "When you did this [say when" in page
    assert "Something to try:" in page and "at least 20 minutes" in page
    assert not talk.entries.filter(kind="statement").exists()


def test_the_coach_does_not_coach_someone_afraid_to_soften(client_for, pair, talk):
    response = client_for(pair[0]).post(
        url(talk), {"action": "check", "event": "speak", "text": "You are controlling and I am scared of you. Leave me alone."}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "This coach is not for being afraid of someone" in page
    assert "What the coach noticed" not in page and "<q>" not in page
    assert "National Domestic Violence Hotline" in page and "tel:18007997233" in page
    assert "/library/when-you-do-not-feel-safe-with-someone-close-to-you/" in page
    alone = client_for(pair[0]).post(reverse("talk:coach"), {"text": "Me siento controlada cuando revisas mi celular."})
    page = alone.content.decode()
    assert alone.status_code == 200 and "This coach is not for being afraid of someone" in page
    assert "tel:18007997233" in page and "<q>" not in page


def test_the_coach_page_in_spanish(client_for):
    ana = UserFactory(language="es")
    response = client_for(ana).post(reverse("talk:coach"), {"text": "Me das miedo cuando te enojas."})
    page = response.content.decode()
    assert response["Content-Language"] == "es"
    assert "Este asistente no es para cuando le tienes miedo a alguien" in page and "mereces estar a salvo" in page
    assert "Cuando no te sientes a salvo con alguien cercano" in page
    flagged = client_for(ana).post(reverse("talk:coach"), {"text": "Siempre llegas tarde a todo."}).content.decode()
    assert "Tus palabras, dichas de otra forma:" in flagged and "Cuando llegaste tarde" in flagged


def test_an_empty_turn_re_renders_with_400(client_for, pair, talk):
    response = client_for(pair[0]).post(url(talk), {"action": "speak", "text": ""})
    assert response.status_code == 400 and "error-summary" in response.content.decode()


def test_a_too_short_break_gets_a_form_error(client_for, pair, talk):
    response = client_for(pair[1]).post(url(talk), {"action": "time_out", "minutes": "5"})
    assert response.status_code == 400
    talk.refresh_from_db()
    assert talk.break_until is None


def test_a_break_page_shows_self_soothing_ideas_then_a_way_back(client_for, pair, talk):
    ana, ben, _cal, _circle = pair
    assert client_for(ben).post(url(talk), {"action": "time_out", "minutes": "20"}).status_code == 302
    page = client_for(ana).get(url(talk)).content.decode()
    assert "On a break" in page and "Breathe out slowly" in page and 'value="resume"' not in page
    assert client_for(ana).post(url(talk), {"action": "resume"}).status_code == 409
    Conversation.objects.filter(pk=talk.pk).update(break_until=timezone.now() - timedelta(seconds=1))
    page = client_for(ana).get(url(talk)).content.decode()
    assert 'value="resume"' in page
    assert client_for(ana).post(url(talk), {"action": "resume"}).status_code == 302
    assert "Welcome back. Start softly" in client_for(ben).get(url(talk)).content.decode()


def test_state_and_live_endpoints_change_when_the_other_person_acts(client_for, pair, talk):
    ana, ben, _cal, _circle = pair
    before = client_for(ben).get(url(talk, "talk:conversation_state")).json()
    services.act(actor=ana, conversation=talk, event="speak", text="I miss our walks.")
    after = client_for(ben).get(url(talk, "talk:conversation_state")).json()
    assert before["version"] != after["version"] and after["phase"] == "paraphrasing"
    live = client_for(ben).get(url(talk, "talk:conversation_live")).content.decode()
    assert "I miss our walks." in live and "<html" not in live


def test_a_circle_member_outside_the_conversation_gets_404(client_for, pair, talk):
    cal = pair[2]
    for name in ("talk:conversation", "talk:conversation_state", "talk:conversation_live"):
        assert client_for(cal).get(url(talk, name)).status_code == 404
    assert client_for(cal).post(url(talk), {"action": "speak", "text": "hi"}).status_code == 404
    assert "Our evenings" not in client_for(cal).get(reverse("talk:circle", args=[talk.circle_id])).content.decode()


def test_a_person_who_left_the_circle_loses_access(client_for, pair, talk):
    from kinwell.circles import services as circle_services

    ben = pair[1]
    circle_services.leave_circle(user=ben, circle=talk.circle)
    assert client_for(ben).get(url(talk)).status_code == 404


def test_every_saved_text_goes_through_the_safety_layer(client_for, pair, talk):
    ana = pair[0]
    client = client_for(ana)
    client.post(url(talk), {"action": "speak", "text": "I want to kill myself."})
    page = client.get(url(talk)).content.decode()
    assert "crisis-panel" in page
    assert talk.entries.filter(kind="statement").exists()  # never blocked


def test_starting_from_the_circle_page(client_for, pair):
    ana, ben, _cal, circle = pair
    page_url = reverse("talk:circle", args=[circle.pk])
    assert client_for(ana).post(page_url, {"partner": ben.pk, "topic": ""}).status_code == 400
    response = client_for(ana).post(page_url, {"partner": ben.pk, "topic": "Sundays"})
    conversation = Conversation.objects.get()
    assert response["Location"] == url(conversation)
    assert Entry.objects.get(kind="topic").text == "Sundays"


def test_no_email_while_the_other_person_has_the_page_open(client_for, pair, talk, django_capture_on_commit_callbacks):
    ana, ben, _cal, _circle = pair
    client_for(ben).get(url(talk, "talk:conversation_state"))  # Ben's page is polling
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.act(actor=ana, conversation=talk, event="speak", text="I feel tired.")
    assert mail.outbox == []
    from kinwell.talk.models import Participant

    Participant.objects.filter(user=ben).update(last_seen_at=timezone.now() - timedelta(minutes=3))
    ThreadView.objects.filter(user=ben).update(viewed_at=timezone.now() - timedelta(minutes=3))
    with django_capture_on_commit_callbacks(execute=True):
        services.act(actor=ana, conversation=talk, event="time_out")
    assert [m.to for m in mail.outbox] == [[ben.email]]
