"""The pages, the crisis check on answers and replies, the reader of a threat, export and
deletion, and home."""

from datetime import timedelta
from html import escape

import pytest
from django.urls import reverse

from kinwell.accounts.services import delete_account
from kinwell.circles.models import CircleKind
from kinwell.core.home import panels_for, waiting_for
from kinwell.core.personal_data import export_for
from kinwell.daily import services
from kinwell.daily.models import Answer, QuestionDay, Reaction, Reply
from tests.daily.helpers import answer, today
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

CRISIS = {"en": "I don't want to be here anymore, I have the pills ready", "es": "ya no quiero vivir"}
THREATS = {"en": "If you leave me I will kill you", "es": "Si me dejas te mato"}
READER_HELP = 'id="reader-help-title"'


@pytest.fixture
def couple():
    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    return maya, jordan, CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)


def page(client, circle) -> str:
    return client.get(reverse("daily:today", args=[circle.pk])).content.decode()


@pytest.mark.parametrize("language", sorted(CRISIS))
def test_a_crisis_answer_is_saved_and_shows_the_panel(couple, client_for, language):
    maya, _jordan, circle = couple
    day = today(maya, circle)
    client = client_for(maya)
    response = client.post(reverse("daily:answer", args=[circle.pk, day.pk]), {"text": CRISIS[language]}, follow=True)
    body = response.content.decode()
    assert response.status_code == 200 and "crisis-panel" in body
    assert Answer.objects.get(author=maya).text == CRISIS[language]
    assert escape(CRISIS[language]) in body  # never hidden from its writer


@pytest.mark.parametrize("language", sorted(CRISIS))
def test_a_crisis_reply_shows_the_panel(couple, client_for, language):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day)
    theirs = answer(jordan, circle, day).value
    response = client_for(maya).post(reverse("daily:reply", args=[circle.pk, day.pk, theirs.pk]),
                                     {f"reply-{theirs.pk}-text": CRISIS[language]}, follow=True)
    assert "crisis-panel" in response.content.decode()
    assert Reply.objects.get().text == CRISIS[language]


@pytest.mark.parametrize("language", sorted(THREATS))
def test_a_threat_shows_its_readers_help_and_tells_the_writer_nothing(couple, client_for, language):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day)
    response = client_for(jordan).post(reverse("daily:answer", args=[circle.pk, day.pk]), {"text": THREATS[language]},
                                       follow=True)
    writer_page = response.content.decode()
    assert "crisis-panel" not in writer_page and READER_HELP not in writer_page
    assert READER_HELP in page(client_for(maya), circle)
    assert READER_HELP not in page(client_for(jordan), circle)
    assert "reader" not in str(export_for(jordan)["daily_question"])


def test_the_question_is_in_the_viewers_language(couple, client_for):
    maya, jordan, circle = couple
    type(jordan).objects.filter(pk=jordan.pk).update(language="es")
    jordan.refresh_from_db()
    day = today(maya, circle)
    from kinwell.daily.selectors import the_bank

    question = the_bank().get(day.question_key)
    assert question.text("en") in page(client_for(maya), circle)
    assert question.text("es") in page(client_for(jordan), circle)


def test_an_empty_answer_is_a_400_with_the_form(couple, client_for):
    maya, _jordan, circle = couple
    day = today(maya, circle)
    response = client_for(maya).post(reverse("daily:answer", args=[circle.pk, day.pk]), {"text": "  "})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode() or "aria-invalid" in response.content.decode()
    assert not Answer.objects.exists()


def test_bad_input_is_a_clear_4xx(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    answer(maya, circle, day)
    theirs = answer(jordan, circle, day).value
    client = client_for(maya)
    react = reverse("daily:react", args=[circle.pk, day.pk, theirs.pk])
    assert client.post(react, {"kind": "angry"}).status_code == 400
    assert client.post(reverse("daily:react", args=[circle.pk, day.pk, 999999]), {"kind": "love"}).status_code == 404
    assert client.post(reverse("daily:swap", args=[circle.pk, day.pk])).status_code == 409
    assert client.get(reverse("daily:day", args=[circle.pk, 999999])).status_code == 404


def test_swap_react_and_reply_through_the_pages(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    first = day.question_key
    client_for(jordan).post(reverse("daily:swap", args=[circle.pk, day.pk]))
    day.refresh_from_db()
    assert day.question_key != first
    answer(maya, circle, day)
    theirs = answer(jordan, circle, day, "Jordan's answer").value
    client = client_for(maya)
    client.post(reverse("daily:react", args=[circle.pk, day.pk, theirs.pk]), {"kind": "laugh"})
    client.post(reverse("daily:reply", args=[circle.pk, day.pk, theirs.pk]),
                {f"reply-{theirs.pk}-text": "Tell me more!"})
    assert Reaction.objects.get().kind == "laugh"
    body = page(client_for(jordan), circle)
    assert "Tell me more!" in body and 'aria-hidden="true">😂' in body


def test_past_days_are_listed_and_paged(couple, client_for):
    maya, jordan, circle = couple
    day = today(maya, circle)
    for offset in range(1, 23):
        QuestionDay.objects.create(circle=circle, day=day.day - timedelta(days=offset), question_key="test-light-song")
    client = client_for(jordan)
    first = client.get(reverse("daily:past", args=[circle.pk]))
    assert first.status_code == 200 and "Page 1 of 2" in first.content.decode()
    assert client.get(reverse("daily:past", args=[circle.pk]), {"page": "2"}).status_code == 200
    assert client.get(reverse("daily:past", args=[circle.pk]), {"page": "x"}).status_code == 200
    past = QuestionDay.objects.filter(circle=circle).order_by("day").first()
    assert client.get(reverse("daily:day", args=[circle.pk, past.pk])).status_code == 200


def test_export_and_deletion(couple):
    maya, jordan, circle = couple
    day = today(maya, circle)
    mine = answer(maya, circle, day, "Maya's answer").value
    theirs = answer(jordan, circle, day, "Jordan's answer").value
    services.reply_to_answer(author=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, text="Lovely")
    services.react(person=maya, circle=circle, day_id=day.pk, answer_id=theirs.pk, kind="hug")
    services.react(person=jordan, circle=circle, day_id=day.pk, answer_id=mine.pk, kind="love")
    section = export_for(maya)["daily_question"]
    assert section["answers"][0]["answer"] == "Maya's answer"
    assert section["answers"][0]["question"]
    assert section["replies"][0]["reply"] == "Lovely"
    assert section["reactions"][0]["reaction"] == "hug"
    assert "Jordan's answer" not in str(section)
    delete_account(user=maya)
    assert not Answer.objects.filter(pk=mine.pk).exists()
    assert not Reply.objects.exists()
    assert list(Reaction.objects.values_list("kind", flat=True)) == []  # Jordan's reacted to Maya's answer
    assert Answer.objects.get(pk=theirs.pk).text == "Jordan's answer"


def test_home_says_what_waits_without_anyones_words(couple):
    maya, jordan, circle = couple
    [waiting] = waiting_for(user=maya)
    assert waiting.kind == "daily_question" and waiting.text == "Today's question is waiting for your answer"
    assert waiting.url == reverse("daily:today", args=[circle.pk])
    day = today(maya, circle)
    answer(jordan, circle, day, "Jordan's private words")
    [waiting] = waiting_for(user=maya)
    assert waiting.text == "Jordan answered today's question"
    assert waiting_for(user=jordan) == []
    answer(maya, circle, day)
    [waiting] = waiting_for(user=jordan)
    assert waiting.kind == "daily_answers"
    services.mark_seen(person=jordan, day=QuestionDay.objects.get())
    assert waiting_for(user=jordan) == []
    [panel] = [p for p in panels_for(user=maya) if p.template == "daily/_home_panel.html"]
    [item] = panel.context["questions"]
    assert item["circle"] == circle and item["answered"] and item["revealed"]
    assert "private words" not in str(panel.context)


def test_home_panel_renders(couple):
    from django.template.loader import render_to_string

    maya, _jordan, circle = couple
    [panel] = [p for p in panels_for(user=maya) if p.template == "daily/_home_panel.html"]
    html = render_to_string(panel.template, panel.context)
    assert reverse("daily:today", args=[circle.pk]) in html and "Today's question" in html


def test_no_waiting_item_while_taking_space(couple):
    from kinwell.circles import services as circle_services

    maya, _jordan, circle = couple
    circle_services.set_space(user=maya, circle=circle, paused=True)
    assert waiting_for(user=maya) == []
