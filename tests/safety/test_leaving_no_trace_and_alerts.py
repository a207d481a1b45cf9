"""Tests for kinwell/safety/templatetags, services.py (decline) and tasks.py.

Issue 15, points 9 and 10 on the safety side: a quick exit on every safety page, email
subjects that give nothing away, "we let Sam know" on the plan, and people chosen as a
contact or supporter are told and can say no."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinwell.checkins import services as checkin_services
from kinwell.checkins.models import SignSettings
from kinwell.core.middleware import CONTENT_SECURITY_POLICY
from kinwell.notifications.notices import NOTICES, notice_named
from kinwell.safety import services
from kinwell.safety.models import Declined, SafetyPlan
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

URGENT_TEXT = "I can't do this anymore. I've been saving my pills and tonight is the night."
QUICK_EXIT = re.compile(r'<a class="button quick-exit__button" href="([^"]+)"[^>]*data-quick-exit')
KINWELL = Path(__file__).resolve().parents[2] / "kinwell"


def quick_exits(page: str) -> list[str]:
    return QUICK_EXIT.findall(page)


# --- Quick exit ---------------------------------------------------------------------------


def test_help_now_has_one_quick_exit_to_a_neutral_site_as_a_plain_link(client):
    page = client.get("/help-now/").content.decode()
    assert quick_exits(page) == ["https://www.weather.gov/"]
    # It is first in the page's content, before the heading, so one Tab from the skip link reaches it.
    assert page.index("data-quick-exit") < page.index("<h1>")
    # Our own script from our origin, no inline script (the CSP allows only 'self').
    assert '<script src="/static/safety/quick-exit.js" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "Escape twice" in page and 'aria-describedby="quick-exit-hint"' in page


def test_the_quick_exit_address_is_configurable(client, settings):
    settings.QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
    assert quick_exits(client.get("/help-now/").content.decode()) == ["https://www.bbc.co.uk/weather"]


def test_the_quick_exit_script_replaces_the_history_entry_and_listens_for_escape():
    script = (KINWELL / "safety" / "static" / "safety" / "quick-exit.js").read_text()
    assert "location.replace(" in script and '"Escape"' in script


def test_the_crisis_panel_carries_the_quick_exit(client_for, user):
    circle = CircleFactory(owner=user)
    page = client_for(user).post(
        f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": URGENT_TEXT}, follow=True
    ).content.decode()
    panel = page[page.index('class="crisis-panel'):]
    assert len(quick_exits(panel)) == 1


def test_the_partner_violence_article_has_a_quick_exit_and_others_do_not(client):
    page = client.get("/library/when-you-do-not-feel-safe-with-someone-close-to-you/").content.decode()
    assert quick_exits(page) == ["https://www.weather.gov/"]
    assert quick_exits(client.get("/library/when-you-feel-lonely/").content.decode()) == []


def test_a_crisis_reply_on_the_article_shows_one_quick_exit_not_two(client_for):
    from kinwell.library.models import Reply

    person = UserFactory()
    client = client_for(person)
    slug = "when-you-do-not-feel-safe-with-someone-close-to-you"
    page = client.post(f"/library/{slug}/", {"text": URGENT_TEXT, "display_name": "R"}, follow=True).content.decode()
    assert Reply.objects.filter(author=person).exists()
    assert "crisis-panel" in page and len(quick_exits(page)) == 1
    assert page.count('id="quick-exit-hint"') == 1


def test_a_quick_exit_address_that_is_not_a_web_address_is_refused(monkeypatch):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import kinwell.settings

    monkeypatch.setenv("KINWELL_QUICK_EXIT_URL", "javascript:alert(1)")
    with pytest.raises(ImproperlyConfigured, match="KINWELL_QUICK_EXIT_URL"):
        importlib.reload(kinwell.settings)
    monkeypatch.delenv("KINWELL_QUICK_EXIT_URL")
    importlib.reload(kinwell.settings)


# --- Neutral subjects ---------------------------------------------------------------------

# Notice kinds (kinwell/notifications/notices.py) whose subject and push lines are
# read in an inbox list or on a lock screen.
SUBJECTS_ABOUT_SOMEONE_ELSE = ["safety_check_on_me", "sign_check_on_me", "safety_chosen"]
SUBJECTS_TO_ONESELF = ["screening_reminder", "support_follow_up"]


def _lines(kind: str) -> list[str]:
    notice = notice_named(kind)
    context = {"owner": "Rae Quinn", "instrument": "PHQ-9 depression questionnaire"}
    return [str(text) % context for text in (notice.subject, notice.headline, notice.glance)]


@pytest.mark.parametrize("kind", SUBJECTS_ABOUT_SOMEONE_ELSE + SUBJECTS_TO_ONESELF)
def test_subjects_that_touch_on_help_give_nothing_away(kind):
    for line in _lines(kind):
        assert "Rae" not in line
        for word in ("support", "crisis", "help", "safety", "PHQ", "depression", "questionnaire", "plan", "worried"):
            assert word.lower() not in line.lower(), (kind, line)


def test_no_subject_speaks_of_support_or_crisis():
    for notice in NOTICES.values():
        assert not re.search(r"crisis|safety|asked us to let you know", str(notice.subject).lower()), notice.kind


# --- "We let Sam know" --------------------------------------------------------------------


@pytest.fixture
def sam_is_the_contact(user):
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    CircleFactory(owner=user, members=[sam])
    services.update_plan(owner=user, crisis_contact_id=sam.pk)
    return sam


def test_the_plan_says_when_the_contact_was_told(client_for, user, sam_is_the_contact):
    assert 'id="contact-told"' not in client_for(user).get("/safety-plan/").content.decode()
    client_for(user).post(reverse("safety:tell_contact"))
    assert "We let Sam know today." in client_for(user).get("/safety-plan/").content.decode()
    plan = SafetyPlan.objects.get(owner=user)
    assert plan.contact_told == sam_is_the_contact
    two_days_ago = timezone.now() - timedelta(days=2)
    SafetyPlan.objects.filter(owner=user).update(contact_told_at=two_days_ago)
    weekday = timezone.localtime(two_days_ago).strftime("%A")
    assert f"We let Sam know on {weekday}." in client_for(user).get("/safety-plan/").content.decode()


def test_after_choosing_someone_else_the_plan_still_names_who_was_told(client_for, user, sam_is_the_contact):
    kit = UserFactory(display_name="Kit")
    CircleFactory(owner=user, members=[kit])
    client_for(user).post(reverse("safety:tell_contact"))
    services.update_plan(owner=user, crisis_contact_id=kit.pk)
    assert "We let Sam know today." in client_for(user).get("/safety-plan/").content.decode()


def test_the_told_note_is_in_spanish_for_a_spanish_reader(client_for, sam_is_the_contact, user):
    user.language = "es"
    user.save()
    client_for(user).post(reverse("safety:tell_contact"))
    assert "Le avisamos a Sam hoy." in client_for(user).get("/safety-plan/").content.decode()


# --- Being chosen, and saying no ------------------------------------------------------------


def decline_link_in(message) -> str:
    found = re.search(r"http\S+/chosen/say-no/\S+/", message.body)
    assert found, message.body
    return found.group().replace(django_settings.SITE_URL, "")


def test_a_new_crisis_contact_is_told_once_with_a_neutral_subject(user, django_capture_on_commit_callbacks):
    user.display_name = "Rae"
    user.save()
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    CircleFactory(owner=user, members=[sam])
    with django_capture_on_commit_callbacks(execute=True):
        services.update_plan(owner=user, crisis_contact_id=sam.pk)
        services.update_plan(owner=user, crisis_contact_id=sam.pk, warning_signs="Not sleeping")  # no second note
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "A note from Kinwell"
    assert "Rae chose you" in message.body and "/chosen/say-no/" in message.body
    assert "Not sleeping" not in message.body


def test_nobody_is_told_they_were_chosen_while_automatic_messages_are_paused(
    user, django_capture_on_commit_callbacks
):
    sam = UserFactory(email="sam@example.org")
    CircleFactory(owner=user, members=[sam])
    services.pause_automatic_messages(owner=user)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_plan(owner=user, crisis_contact_id=sam.pk)
    assert mail.outbox == []


def test_the_contact_says_no_in_one_click_and_the_person_sees_it(client, client_for, user, django_capture_on_commit_callbacks):
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    CircleFactory(owner=user, members=[sam])
    with django_capture_on_commit_callbacks(execute=True):
        services.update_plan(owner=user, crisis_contact_id=sam.pk, tell_without_asking=True)
    link = decline_link_in(mail.outbox[0])

    # Opening the link (as a mail program checking it would) changes nothing.
    page = client.get(link)
    assert page.status_code == 200 and "No, please do not ask me" in page.content.decode()
    assert SafetyPlan.objects.get(owner=user).crisis_contact == sam

    done = client.post(link)  # signed out: the link is the key
    assert done.status_code == 200 and "You are no longer" in done.content.decode()
    plan = SafetyPlan.objects.get(owner=user)
    assert plan.crisis_contact is None and plan.tell_without_asking is False
    assert Declined.objects.filter(owner=user, person=sam, role="crisis_contact").exists()

    page = client_for(user).get("/safety-plan/").content.decode()
    assert "Sam said today that they would rather not be your contact" in page
    assert f'<option value="{sam.pk}"' not in page
    with pytest.raises(Exception, match="rather not be your contact"):
        services.update_plan(owner=user, crisis_contact_id=sam.pk)
    assert client_for(user).post("/safety-plan/", {"crisis_contact": sam.pk}).status_code == 400
    # Saying no twice is harmless.
    assert client.post(link).status_code == 200


def test_a_tampered_link_to_say_no_is_a_404(client, user):
    assert client.get("/chosen/say-no/not-a-real-token/").status_code == 404
    assert client.post("/chosen/say-no/not-a-real-token/").status_code == 404


def test_a_new_signs_supporter_is_told_and_can_say_no(client, client_for, user, django_capture_on_commit_callbacks):
    kit = UserFactory(display_name="Kit", email="kit@example.org")
    lee = UserFactory(display_name="Lee", email="lee@example.org")
    CircleFactory(owner=user, members=[kit, lee])
    with django_capture_on_commit_callbacks(execute=True):
        checkin_services.update_sign_settings(
            user=user, nudges_on=True, streak_rule_on=False, tell_supporters=False, supporter_ids=[kit.pk]
        )
    assert mail.outbox == [], "nobody is asked while 'ask them to check on me' is off"
    with django_capture_on_commit_callbacks(execute=True):
        checkin_services.update_sign_settings(
            user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[kit.pk, lee.pk]
        )
        checkin_services.update_sign_settings(
            user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[kit.pk, lee.pk]
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["kit@example.org", "lee@example.org"]
    kit_mail = next(m for m in mail.outbox if m.to == ["kit@example.org"])
    assert kit_mail.subject == "A note from Kinwell" and "check in" in kit_mail.body

    client.post(decline_link_in(kit_mail))
    row = SignSettings.objects.get(user=user)
    assert list(row.supporters.all()) == [lee] and row.tell_supporters
    page = client_for(user).get(reverse("checkins:settings")).content.decode()
    assert "Kit said today that they would rather not be asked to check in on you" in page
    assert f'value="{kit.pk}"' not in page
    with pytest.raises(Exception):
        checkin_services.update_sign_settings(
            user=user, nudges_on=True, streak_rule_on=False, tell_supporters=True, supporter_ids=[kit.pk]
        )

    client.post(decline_link_in(next(m for m in mail.outbox if m.to == ["lee@example.org"])))
    row.refresh_from_db()
    assert not row.supporters.exists() and row.tell_supporters is False


def test_saying_no_is_in_both_peoples_data_and_goes_with_either_account(user):
    from kinwell.core.personal_data import export_for as collect

    sam = UserFactory(display_name="Sam")
    CircleFactory(owner=user, members=[sam])
    services.update_plan(owner=user, crisis_contact_id=sam.pk)
    services.decline(token=services.decline_token(owner_id=user.pk, person_id=sam.pk, role="crisis_contact"))
    assert collect(user)["said_no"]["people_who_said_no_to_me"][0]["name"] == "Sam"
    assert collect(sam)["said_no"]["i_said_no_to"][0]["role"] == "crisis_contact"
    sam.delete()
    assert not Declined.objects.exists()
