"""Tests for kinwell/safety/resources.py and wording.py.

Issue 15, point 8: every number comes from the configured country's resources, and a
Spanish reader gets the Spanish keyword and 988's Spanish options first."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from kinwell.checkins.tasks import send_supporter_check_on_me
from kinwell.safety import services
from kinwell.safety.resources import resources_for
from kinwell.safety.tasks import send_check_on_me
from kinwell.screening.models import Reminder
from kinwell.screening.tasks import send_reminder
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

# What a page or email in another country must never show: the US lines and their words.
US_NUMBERS = re.compile(r"988|741741|\b911\b|1-800|1-866|88788|United States|Estados Unidos")
URGENT_TEXT = "I can't do this anymore. I've been saving my pills and tonight is the night."


def no_us_number(text: str) -> bool:
    return US_NUMBERS.search(text) is None


@pytest.fixture
def in_britain(settings):
    settings.CRISIS_COUNTRY = "GB"


def test_the_crisis_text_line_keyword_is_ayuda_in_spanish_and_home_otherwise():
    line = next(r for r in resources_for("US").resources if r.key == "crisis-text-line")
    assert [a.href for a in line.actions_for("en")] == ["sms:741741?&body=HOME"]
    assert [a.href for a in line.actions_for("es")] == ["sms:741741?&body=AYUDA"]


def test_988s_spanish_options_come_first_for_spanish_readers_only():
    lifeline = next(r for r in resources_for("US").resources if r.key == "988")
    spanish = [a.label for a in lifeline.actions_for("es")]
    assert spanish[:3] == ["Call 988 and press 2 for Spanish", "Text AYUDA to 988", "Chat in Spanish at 988lineadevida.org"]
    assert "Call 988" in spanish[3:]
    assert [a.label for a in lifeline.actions_for("en")][0] == "Call 988"
    assert not any("Spanish" in a.label for a in lifeline.actions_for("en"))


@pytest.mark.parametrize("path", ["/help-now/", "/supporting-someone/"])
def test_help_pages_in_spanish_lead_with_spanish_options_and_ayuda(client, path):
    page = client.get(path, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "sms:741741?&amp;body=AYUDA" in page and "body=HOME" not in page
    # 988's first button is its Spanish line, and it is the main (not secondary) button.
    buttons = re.findall(r'<a class="(button[^"]*)" href="(tel:988|sms:988[^"]*)"[^>]*>([^<]+)</a>', page)
    assert buttons[0] == ("button", "tel:988", "Llama al 988 y presiona 2 para español"), buttons
    assert [label for _cls, _href, label in buttons].index("Llama al 988") > 1


def test_the_panel_in_spanish_offers_ayuda(client_for):
    person = UserFactory(language="es")
    circle = CircleFactory(owner=person)
    client = client_for(person)
    page = client.post(
        f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": URGENT_TEXT}, follow=True
    ).content.decode()
    assert "crisis-panel" in page and "body=AYUDA" in page and "body=HOME" not in page


def test_in_britain_no_page_shows_a_us_number(client_for, in_britain):
    person = UserFactory(display_name="Rae")
    circle = CircleFactory(owner=person)
    client = client_for(person)
    for path in ("/help-now/", "/supporting-someone/", "/safety-plan/", "/safety-plan/print/", "/find-help/"):
        page = client.get(path).content.decode()
        assert no_us_number(page), (path, US_NUMBERS.search(page).group())
    assert "116 123" in client.get("/safety-plan/").content.decode()
    panel = client.post(
        f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": URGENT_TEXT}, follow=True
    ).content.decode()
    assert "crisis-panel" in panel and no_us_number(panel), US_NUMBERS.search(panel)
    assert "Outside the United Kingdom?" in panel and "999" in panel


def test_in_britain_the_screening_texts_name_samaritans(client_for, in_britain):
    from tests.factories import screening_result

    person = UserFactory()
    result = screening_result(person, "phq9", total=25)
    page = client_for(person).get(reverse("screening:result", args=[result.pk])).content.decode()
    assert "call Samaritans free on 116 123" in page and no_us_number(page)


def test_in_britain_the_moderation_guide_names_no_us_number(client_for, in_britain, settings):
    from tests.factories import post_reply, trusted

    from tests.library import FIXTURE_ARTICLES

    settings.LIBRARY_ARTICLES_DIR = FIXTURE_ARTICLES
    staff = UserFactory(is_staff=True)
    author = trusted(UserFactory())
    post_reply(author, text=URGENT_TEXT)
    page = client_for(staff).get("/moderation/").content.decode()
    assert "How to respond to a reply that suggests a crisis" in page
    assert no_us_number(page) and "999" in page and "Samaritans" in page


def test_in_britain_every_email_names_british_lines(in_britain, django_capture_on_commit_callbacks):
    owner = UserFactory(display_name="Rae", email="rae@example.org")
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    CircleFactory(owner=owner, members=[sam])
    services.update_plan(owner=owner, crisis_contact_id=sam.pk)
    send_check_on_me.call(owner_id=owner.pk)
    send_supporter_check_on_me.call(owner_id=owner.pk, supporter_ids=[sam.pk])
    reminder = Reminder.objects.create(owner=owner, instrument="phq9", next_due="2026-12-01T09:00Z")
    send_reminder.call(reminder_id=reminder.pk)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert no_us_number(message.subject + message.body), (message.subject, US_NUMBERS.search(message.body))
        assert "116 123" in message.body
    assert "call 999" in mail.outbox[0].body and "call 999" in mail.outbox[1].body


def test_in_the_united_states_the_emails_still_name_988_and_911():
    owner = UserFactory(display_name="Rae")
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    CircleFactory(owner=owner, members=[sam])
    services.update_plan(owner=owner, crisis_contact_id=sam.pk)
    send_check_on_me.call(owner_id=owner.pk)
    assert "call or text 988 together, or call 911" in mail.outbox[0].body


def test_a_spanish_contact_reads_the_check_on_me_in_spanish_with_the_right_lines():
    owner = UserFactory(display_name="Rae")
    ana = UserFactory(display_name="Ana", email="ana@example.org", language="es")
    CircleFactory(owner=owner, members=[ana])
    services.update_plan(owner=owner, crisis_contact_id=ana.pk)
    send_check_on_me.call(owner_id=owner.pk)
    body = mail.outbox[0].body
    assert "988" in body and "911" in body and "Hola" in body
    assert mail.outbox[0].subject == "Una nota de Kinwell"
