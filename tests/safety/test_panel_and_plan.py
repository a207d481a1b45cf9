"""Tests for kinwell/safety/panel.py, services.py, selectors.py and views.py.

The Django side of the safety layer: the crisis panel after a save, the safety
plan, telling the person's chosen contact, and sharing the plan."""

import io
import json

import pytest
from django.core import mail
from django.core.management import call_command

from kinwell.circles import services as circle_services
from kinwell.circles.models import AccessLogEntry
from kinwell.safety import services
from kinwell.safety.models import SafetyPlan
from kinwell.safety.resources import resources_for
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db

URGENT_TEXT = "I can't do this anymore. I've been saving my pills and tonight is the night."
DANGER_TEXT = "My husband hits me and he said he will hurt me if I tell anyone."
CALM_TEXT = "Please knock before coming into my room."


def add_boundary(client, circle, text):
    return client.post(f"/circles/{circle.pk}/sharing/", {"action": "boundary", "text": text}, follow=True)


def test_us_resources_by_default_and_others_by_setting():
    us = resources_for("US")
    hrefs = {action.href for resource in us.for_panel() for action in resource.actions}
    assert {"tel:988", "sms:988", "sms:741741?&body=HOME"} <= hrefs
    assert us.emergency.href == "tel:911"
    assert not us.for_panel()[-1].key == "domestic-violence"
    assert us.for_panel(danger_from_others=True)[0].key == "domestic-violence"  # before the crisis lines
    assert resources_for("GB").emergency.href == "tel:999"
    assert resources_for("ZZ").code == "US"


def test_a_crisis_text_is_saved_and_the_panel_shows_at_once(client_for, user):
    circle = CircleFactory(owner=user)
    response = add_boundary(client_for(user), circle, URGENT_TEXT)
    page = response.content.decode()
    assert response.status_code == 200
    assert circle.memberships.get(user=user).boundaries.get().text == URGENT_TEXT
    assert "crisis-panel--urgent" in page and 'role="alert"' in page
    assert 'href="tel:988"' in page and 'href="tel:911"' in page and "741741" in page
    assert "Make a safety plan" in page
    # Shown once, on the page right after the save.
    assert "crisis-panel" not in client_for(user).get(f"/circles/{circle.pk}/").content.decode()


def test_a_calm_text_shows_no_panel(client_for, user):
    circle = CircleFactory(owner=user)
    page = add_boundary(client_for(user), circle, CALM_TEXT).content.decode()
    assert "crisis-panel" not in page


def test_danger_from_someone_else_brings_the_domestic_violence_hotline(client_for, user):
    circle = CircleFactory(owner=user)
    page = add_boundary(client_for(user), circle, DANGER_TEXT).content.decode()
    assert "crisis-panel" in page
    assert "1-800-799-7233" in page


def test_the_api_reports_what_the_safety_check_noticed(user):
    from tests.api.test_api import Api

    circle = CircleFactory(owner=user)
    body = Api(user).post(f"/circles/{circle.pk}/boundaries", {"text": URGENT_TEXT}).json()
    assert body["safety"]["level"] == "urgent" and body["safety"]["help_url"] == "/help-now/"
    calm = Api(user).post(f"/circles/{circle.pk}/boundaries", {"text": CALM_TEXT}).json()
    assert calm["safety"]["level"] == "none"


def test_the_safety_plan_is_saved_encrypted_and_shown_on_help_now(client_for, user):
    client = client_for(user)
    response = client.post("/safety-plan/", {"warning_signs": "I stop answering messages.", "reasons_for_living": "My niece."})
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(owner=user)
    assert plan.reasons_for_living == "My niece."
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT reasons_for_living FROM safety_safetyplan WHERE id = %s", [plan.pk])
        assert "niece" not in cursor.fetchone()[0]
    assert "My niece." in client.get("/help-now/").content.decode()
    assert "My niece." in client.get("/safety-plan/print/").content.decode()


def test_the_crisis_contact_must_be_someone_in_my_circles(client_for, user):
    stranger = UserFactory()
    response = client_for(user).post("/safety-plan/", {"crisis_contact": stranger.pk})
    assert response.status_code == 400
    assert not SafetyPlan.objects.filter(owner=user, crisis_contact__isnull=False).exists()


def test_telling_my_contact_needs_my_confirmation_by_default(client_for, user, other_user, django_capture_on_commit_callbacks):
    CircleFactory(owner=user, members=[other_user])
    client = client_for(user)
    client.post("/safety-plan/", {"crisis_contact": other_user.pk, "crisis_message": "Could you call me?"})
    circle = user.memberships.get().circle
    with django_capture_on_commit_callbacks(execute=True):
        page = add_boundary(client, circle, URGENT_TEXT).content.decode()
    assert mail.outbox == []
    assert f"Let {other_user.display_name} know" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/safety-plan/tell/").status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [other_user.email]
    assert "Could you call me?" in mail.outbox[0].body and "/supporting-someone/" in mail.outbox[0].body


def test_telling_without_asking_when_the_person_chose_that(client_for, user, other_user, django_capture_on_commit_callbacks):
    circle = CircleFactory(owner=user, members=[other_user])
    services.update_plan(owner=user, crisis_contact_id=other_user.pk, tell_without_asking=True, crisis_message="")
    with django_capture_on_commit_callbacks(execute=True):
        page = add_boundary(client_for(user), circle, URGENT_TEXT).content.decode()
    assert len(mail.outbox) == 1
    assert "we are letting" in page
    # A calm text tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        add_boundary(client_for(user), circle, CALM_TEXT)
    assert len(mail.outbox) == 1


def test_tell_without_a_contact_is_a_404(client_for, user):
    assert client_for(user).post("/safety-plan/tell/").status_code == 404


def test_a_shared_plan_is_readable_by_the_circle_and_the_view_is_logged(client_for, user, other_user):
    outsider = UserFactory()
    circle = CircleFactory(owner=user, members=[other_user])
    services.update_plan(owner=user, reasons_for_living="The garden in spring.")
    url = f"/circles/{circle.pk}/members/{user.pk}/safety-plan/"
    assert client_for(other_user).get(url).status_code == 404
    share(user, circle, "safety_plan")
    page = client_for(other_user).get(url).content.decode()
    assert "The garden in spring." in page
    assert AccessLogEntry.objects.filter(owner=user, viewer=other_user, kind="safety_plan").exists()
    assert client_for(outsider).get(url).status_code == 404
    circle_services.set_space(user=user, circle=circle, paused=True)
    assert client_for(other_user).get(url).status_code == 404


def test_the_plan_is_in_my_export_and_goes_with_my_account(client_for, user):
    services.update_plan(owner=user, coping_on_my_own="A long shower.")
    data = json.loads(client_for(user).get("/accounts/data/download/").content)
    assert data["safety_plan"]["coping_on_my_own"] == "A long shower."
    from kinwell.accounts.services import delete_account

    delete_account(user=user)
    assert not SafetyPlan.objects.exists()


def test_supporter_guidance_is_public(client):
    page = client.get("/supporting-someone/").content.decode()
    assert "Ask directly" in page and 'href="tel:988"' in page


def test_crisis_check_reads_lines_and_prints_json(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{CALM_TEXT}\n{URGENT_TEXT}\n"))
    out = io.StringIO()
    call_command("crisis_check", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["level"] for line in lines] == ["none", "urgent"]
    assert set(lines[1]) == {"level", "reasons"} and lines[1]["reasons"]


def test_spanish_readers_also_get_988_in_spanish(client):
    page = client.get("/help-now/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'href="sms:988?&amp;body=AYUDA"' in page and "988lineadevida.org" in page
    english = client.get("/help-now/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "AYUDA" not in english


def test_a_contact_who_has_left_is_not_told_and_the_panel_still_shows(client_for, user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    services.update_plan(owner=user, crisis_contact_id=other_user.pk, tell_without_asking=True, crisis_message="")
    circle_services.leave_circle(user=other_user, circle=circle)
    response = add_boundary(client_for(user), circle, URGENT_TEXT)
    assert response.status_code == 200
    assert "crisis-panel--urgent" in response.content.decode()
    assert mail.outbox == []


def test_the_message_for_my_contact_is_encrypted_and_kept_short(client_for, user, other_user):
    from django.db import connection

    CircleFactory(owner=user, members=[other_user])
    client = client_for(user)
    too_long = client.post("/safety-plan/", {"crisis_contact": other_user.pk, "crisis_message": "x" * 201})
    assert too_long.status_code == 400
    client.post("/safety-plan/", {"crisis_contact": other_user.pk, "crisis_message": "Call me, please."})
    with connection.cursor() as cursor:
        cursor.execute("SELECT crisis_message FROM safety_safetyplan")
        assert "Call me" not in cursor.fetchone()[0]
    assert SafetyPlan.objects.get(owner=user).crisis_message == "Call me, please."


def test_a_plan_section_that_is_far_too_long_is_a_400(client_for, user):
    response = client_for(user).post("/safety-plan/", {"warning_signs": "x" * 4001})
    assert response.status_code == 400
    assert not SafetyPlan.objects.filter(owner=user).exists()


def test_the_panel_links_to_an_article_that_exists():
    from kinwell.library import catalogue

    assert "noticing-the-signs-someone-is-struggling" in catalogue.articles()


def test_help_now_speaks_of_the_configured_country_not_always_the_united_states(client, settings):
    settings.CRISIS_COUNTRY = "GB"
    page = client.get("/help-now/").content.decode()
    assert "999" in page[page.index("<footer"):]  # the footer's emergency line too
    assert "Outside the United Kingdom" in page and "The numbers above work in the United Kingdom" in page
    assert "988" not in page and "1-800-662-4357" not in page
    settings.CRISIS_COUNTRY = "US"
    page = client.get("/help-now/").content.decode()
    assert "Outside the United States" in page and "1-800-662-4357" in page
