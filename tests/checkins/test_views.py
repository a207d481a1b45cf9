from datetime import timedelta

import pytest

from kinwell.checkins import services
from kinwell.checkins.models import CheckIn, CheckInResponse
from kinwell.circles.models import DataKind
from kinwell.core.localtime import today_for
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_check_in_share_and_be_reached_out_to(client_for):
    owner, member = UserFactory(display_name="Robin"), UserFactory(display_name="Kai")
    circle = CircleFactory(owner=owner, members=[member])
    share(owner, circle, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES)
    client = client_for(owner)
    response = client.post("/check-ins/new/", {
        "mood": "2", "feelings": ["sad", "tired"], "stress": "7", "sleep_hours": "5.5", "tags": ["work"],
        "new_tags": "choir", "note": "rough day", "wants_support": "on",
    })
    assert response.status_code == 302
    checkin = CheckIn.objects.get()
    assert checkin.tags == ["work", "choir"] and checkin.wants_support

    page = client_for(member).get(f"/circles/{circle.pk}/check-ins/").content.decode()
    assert "Could use some support" in page and "rough day" in page and "How to check in well" in page
    form = client_for(member).get(f"/circles/{circle.pk}/check-ins/{checkin.pk}/respond/")
    assert form.status_code == 200 and "rough day" in form.content.decode()
    too_long = client_for(member).post(f"/circles/{circle.pk}/check-ins/{checkin.pk}/respond/", {"message": "x" * 300})
    assert too_long.status_code == 400 and not CheckInResponse.objects.exists()
    client_for(member).post(f"/circles/{circle.pk}/check-ins/{checkin.pk}/respond/", {"reaction": "thinking_of_you"})
    mine = client.get("/check-ins/").content.decode()
    assert "People who reached out" in mine and "Kai" in mine and "Thinking of you" in mine
    assert CheckInResponse.objects.get().seen_at is not None


def test_a_form_with_errors_says_what_is_wrong_with_a_400(client_for, user):
    response = client_for(user).post("/check-ins/new/", {"mood": "", "stress": "12"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose how you feel" in body and "less than or equal to 10" in body
    assert not CheckIn.objects.exists()


def test_a_worrying_note_is_saved_and_the_crisis_panel_shows(client_for, user):
    client = client_for(user)
    response = client.post("/check-ins/new/", {"mood": "1", "note": "I have been saving my pills"}, follow=True)
    body = response.content.decode()
    assert CheckIn.objects.get().note == "I have been saving my pills"
    assert "crisis-panel" in body and "988" in body
    assert "I have been saving my pills" in body  # never hidden


def test_a_custom_tag_is_checked_too(client_for, user):
    response = client_for(user).post("/check-ins/new/", {"mood": "2", "new_tags": "want to die"}, follow=True)
    assert "crisis-panel" in response.content.decode()


def test_edit_back_fill_and_delete(client_for, user):
    client = client_for(user)
    missed = today_for(user) - timedelta(days=2)
    client.post("/check-ins/new/", {"mood": "4", "day": missed.isoformat()})
    checkin = CheckIn.objects.get()
    assert checkin.day == missed
    assert client.get(f"/check-ins/{checkin.pk}/edit/").status_code == 200
    client.post(f"/check-ins/{checkin.pk}/edit/", {"mood": "5", "day": missed.isoformat()})
    checkin.refresh_from_db()
    assert checkin.mood == 5
    assert "Delete this check-in?" in client.get(f"/check-ins/{checkin.pk}/delete/").content.decode()
    client.post(f"/check-ins/{checkin.pk}/delete/")
    assert not CheckIn.objects.exists()
    assert client.get(f"/check-ins/{checkin.pk}/edit/").status_code == 404


def test_the_trend_page_shows_chart_table_and_what_goes_with_better_days(client_for, user):
    today = today_for(user)
    for offset in range(20):
        short_night = offset % 2 == 0
        services.record_checkin(
            owner=user, mood=2 if short_night else 4, sleep_hours="5" if short_night else "8",
            tags=["work"] if short_night else ["exercise"], day=today - timedelta(days=offset),
        )
    page = client_for(user).get("/check-ins/trends/?days=30").content.decode()
    assert '<svg role="img"' in page and "<title id=\"chart-title\">" in page and "<desc" in page
    assert "Day by day, as a table" in page and page.count("<tr>") >= 20
    assert "On days you slept under 6 hours your mood averaged 2.0, against 4.0 otherwise; 10 days." in page
    assert "On days tagged “exercise” your mood averaged 4.0" in page
    assert "not a diagnosis" in page
    assert client_for(user).get("/check-ins/trends/?days=abc").status_code == 200


def test_signs_settings_save_and_bad_choices_are_a_400(client_for, user, other_user):
    CircleFactory(owner=user, members=[other_user])
    client = client_for(user)
    response = client.post("/check-ins/settings/", {"form": "signs", "nudges_on": "on", "tell_supporters": "on"})
    assert response.status_code == 400 and "Pick at least one person" in response.content.decode()
    ok = client.post("/check-ins/settings/", {
        "form": "signs", "nudges_on": "on", "tell_supporters": "on", "supporters": [str(other_user.pk)],
    })
    assert ok.status_code == 302
    assert list(services.sign_settings_for(user=user).supporters.all()) == [other_user]
    assert client.post("/check-ins/settings/", {"form": "reminder", "local_time": "nope"}).status_code == 400
    assert client.post("/check-ins/settings/", {"form": "reminder", "enabled": "on", "local_time": "21:15"}).status_code == 302


def test_check_ins_are_in_my_data_and_go_with_the_account(client_for, user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD)
    checkin = services.record_checkin(owner=user, mood=3, note="Sunny walk").value
    services.respond_to_checkin(author=other_user, checkin_id=checkin.pk, reaction="here_for_you")
    export = client_for(user).get("/accounts/data/download/").json()
    assert export["checkins"]["checkins"][0]["note"] == "Sunny walk"
    assert export["checkins"]["checkins"][0]["responses"][0]["reaction"] == "here_for_you"
    from kinwell.accounts.services import delete_account

    delete_account(user=user)
    assert not CheckIn.objects.exists() and not CheckInResponse.objects.exists()
