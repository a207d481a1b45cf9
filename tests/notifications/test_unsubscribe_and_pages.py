"""One-click unsubscribe (GET changes nothing; the button and RFC 8058's POST turn the
group off), the headers, the settings page and the API."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kinwell.notifications.notices import GROUPS
from kinwell.notifications.selectors import chosen_channels, preferences_of
from kinwell.notifications.services import notify
from kinwell.notifications.tokens import unsubscribe_token

pytestmark = pytest.mark.django_db


def a_reminder(person):
    notify(recipient=person, notice="checkin_reminder", url="/check-ins/new/",
           context={"snooze_url": "https://k.example/s/", "stop_url": "https://k.example/x/"})
    return mail.outbox[-1]


def test_every_email_that_can_be_turned_off_carries_the_one_click_headers_and_link(user):
    email = a_reminder(user)
    header = email.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<http://\S+/notifications/unsubscribe/\S+/>", header)
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = header[1:-1]
    assert link in email.body and link in email.alternatives[0][0]


def test_opening_the_link_changes_nothing_and_the_button_turns_the_group_off(user):
    path = urlsplit(a_reminder(user).extra_headers["List-Unsubscribe"][1:-1]).path
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert page.status_code == 200 and "Stop these notices" in page.content.decode()
    assert chosen_channels(preferences_of(user))["reminders"] == "email"
    # The page's own button: a form POST with its CSRF token.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    done = client.post(path, {"csrfmiddlewaretoken": token})
    assert done.status_code == 200 and "To turn them back on" in done.content.decode()
    assert chosen_channels(preferences_of(user))["reminders"] == "none"
    assert chosen_channels(preferences_of(user))["conversations"] != "none"  # only that group
    mail.outbox.clear()
    notify(recipient=user, notice="checkin_reminder", url="/x/", context={"snooze_url": "", "stop_url": ""})
    assert mail.outbox == []


def test_a_mail_programs_one_click_post_works_without_a_csrf_token(user):
    path = urlsplit(a_reminder(user).extra_headers["List-Unsubscribe"][1:-1]).path
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert chosen_channels(preferences_of(user))["reminders"] == "none"


def test_any_other_post_without_a_csrf_token_is_refused(user):
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, group="reminders")])
    client = Client(enforce_csrf_checks=True)
    for body in ("List-Unsubscribe=One-Click&x=1", "", "unsubscribe=yes"):
        response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 403
    assert chosen_channels(preferences_of(user))["reminders"] == "email"


def test_a_forged_or_changed_token_is_a_404(client, user):
    token = unsubscribe_token(user=user, group="reminders")
    assert client.get(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("notifications:unsubscribe", args=["nonsense"])).status_code == 404
    assert client.post(reverse("notifications:unsubscribe", args=["nonsense"]),
                       data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
                       ).status_code == 404


def test_the_digests_link_turns_off_everything_that_can_be_turned_off(client, user):
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, group="all")])
    client.post(path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert set(chosen_channels(preferences_of(user)).values()) == {"none"}


def test_the_settings_page_saves_choices_and_explains_mistakes(client_for, user):
    client = client_for(user)
    page = client.get(reverse("notifications:settings"))
    body = page.content.decode()
    assert page.status_code == 200 and "Quiet hours" in body and 'value="push"' not in body  # no push here
    assert reverse("notifications:settings") in client.get(reverse("accounts:settings")).content.decode()
    data = {f"channel_{key}": "email" for key in GROUPS}
    data |= {"channel_daily_question": "none", "quiet_from": "22:00", "quiet_until": "07:00", "digest": "on"}
    assert client.post(reverse("notifications:settings"), data).status_code == 302
    row = preferences_of(user)
    assert row.channels["daily_question"] == "none" and row.quiet_from.hour == 22 and row.digest
    bad = client.post(reverse("notifications:settings"), {**data, "quiet_until": "", "channel_reminders": "push"})
    assert bad.status_code == 400 and "start and an end" in bad.content.decode()


def test_the_settings_page_in_spanish(client_for):
    from tests.factories import UserFactory

    person = UserFactory(language="es")
    body = client_for(person).get(reverse("notifications:settings")).content.decode()
    assert "Horas de silencio" in body


def test_the_api_reads_and_updates_preferences(client_for, user):
    client = client_for(user)
    got = client.get("/api/v1/notifications/preferences").json()
    assert got["channels"]["reminders"] == "email" and got["offered"] == ["email", "none"] and got["digest"] is True
    put = client.put("/api/v1/notifications/preferences", {
        "conversations": "none", "set_quiet_hours": True, "quiet_from": "21:30", "quiet_until": "06:00",
        "digest": False}, content_type="application/json")
    assert put.status_code == 200, put.content
    assert put.json()["channels"]["conversations"] == "none" and put.json()["quiet_from"] == "21:30"
    assert put.json()["digest"] is False
    refused = client.put("/api/v1/notifications/preferences", {"reminders": "push"},
                         content_type="application/json")
    assert refused.status_code == 400
    half = client.put("/api/v1/notifications/preferences", {"set_quiet_hours": True, "quiet_from": "21:30"},
                      content_type="application/json")
    assert half.status_code == 400
    assert client.put("/api/v1/notifications/preferences", {"quiet_from": "25:00"},
                      content_type="application/json").status_code == 422


def test_the_old_nudge_stop_address_takes_the_one_click_post_and_nothing_else_without_csrf(user):
    from kinwell.connect import services as connect_services
    from kinwell.connect.models import NudgePreference
    from kinwell.connect.tasks import stop_nudges_link

    connect_services.set_nudges(owner=user, frequency="daily")
    path = urlsplit(stop_nudges_link(user)).path
    client = Client(enforce_csrf_checks=True)
    assert client.post(path, data="stop=1", content_type="application/x-www-form-urlencoded").status_code == 403
    assert NudgePreference.objects.get(owner=user).frequency == "daily"
    assert client.post(path, data="List-Unsubscribe=One-Click",
                       content_type="application/x-www-form-urlencoded").status_code == 200
    assert NudgePreference.objects.get(owner=user).frequency == "off"
