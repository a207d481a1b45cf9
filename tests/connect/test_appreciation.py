"""Tests for kinwell/connect/services.py and selectors.py (appreciation, wins, gratitude, the weekly view).

Appreciation, wins, gratitude and the weekly view, with who may see what."""

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from kinwell.accounts.services import delete_account
from kinwell.circles.models import AccessLogEntry, DataKind
from kinwell.connect import services
from kinwell.connect.models import Appreciation, GratitudeEntry, Win
from kinwell.core.errors import NotFound
from kinwell.core.personal_data import export_for
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    maya, jordan, sam = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan"), UserFactory(display_name="Sam")
    circle = CircleFactory(owner=maya, members=[jordan, sam])
    return maya, jordan, sam, circle


def test_an_appreciation_reaches_its_recipient_and_only_they_read_it(client_for, family, django_capture_on_commit_callbacks):
    maya, jordan, sam, circle = family
    url = reverse("connect:circle", kwargs={"circle_id": circle.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(maya).post(
            url, {"action": "appreciation", "recipient": jordan.pk, "text": "Thank you for the soup when I was ill"}
        )
    assert response.status_code == 302
    assert "soup" in client_for(jordan).get(url).content.decode()
    assert "soup" not in client_for(sam).get(url).content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [jordan.email]
    assert "Maya" in mail.outbox[0].subject and "soup" not in mail.outbox[0].body
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM connect_appreciation")
        assert "soup" not in cursor.fetchone()[0]


def test_appreciation_only_to_someone_in_the_same_circle(family):
    maya, _jordan, _sam, circle = family
    stranger = UserFactory()
    with pytest.raises(NotFound):
        services.send_appreciation(sender=maya, circle=circle, recipient_id=stranger.pk, text="hi")
    with pytest.raises(NotFound):
        services.send_appreciation(sender=stranger, circle=circle, recipient_id=maya.pk, text="hi")
    assert not Appreciation.objects.exists()


def test_a_win_shows_in_the_circle_feed_and_an_outsider_gets_404(client_for, family):
    maya, jordan, sam, circle = family
    url = reverse("connect:circle", kwargs={"circle_id": circle.pk})
    client_for(maya).post(url, {"action": "win", "about": jordan.pk, "text": "Jordan passed the driving test"})
    page = client_for(sam).get(url).content.decode()
    assert "Jordan passed the driving test" in page and "Maya celebrates Jordan" in page
    assert client_for(UserFactory()).get(url).status_code == 404
    bad = client_for(maya).post(url, {"action": "win", "text": ""})
    assert bad.status_code == 400 and Win.objects.count() == 1


def test_the_gratitude_journal_is_private_until_shared(client_for, family):
    maya, jordan, _sam, circle = family
    client_for(maya).post(reverse("connect:gratitude"), {"text": "The light this morning"})
    url = reverse("connect:member_gratitude", kwargs={"circle_id": circle.pk, "user_id": maya.pk})
    assert client_for(jordan).get(url).status_code == 404
    share(maya, circle, DataKind.GRATITUDE)
    assert "The light this morning" in client_for(jordan).get(url).content.decode()
    assert AccessLogEntry.objects.filter(owner=maya, viewer=jordan, kind="gratitude").count() == 1
    assert client_for(UserFactory()).get(url).status_code == 404


def test_the_week_shows_kind_moments_and_hides_words_meant_for_two(client_for, family):
    maya, jordan, sam, circle = family
    services.send_appreciation(sender=maya, circle=circle, recipient_id=jordan.pk, text="You make mornings easy")
    services.celebrate_win(author=sam, circle=circle, text="Finished my first 5k")
    url = reverse("connect:week", kwargs={"circle_id": circle.pk})
    for_sam = client_for(sam).get(url).content.decode()
    assert "Maya appreciated Jordan" in for_sam and "mornings easy" not in for_sam
    assert "Finished my first 5k" in for_sam
    assert "five kind moments for every hard one" in for_sam
    assert "No hard moments noted this week." in for_sam
    assert "mornings easy" in client_for(jordan).get(url).content.decode()
    last_week = client_for(sam).get(url, {"week": "2001-01-01"}).content.decode()
    assert "Finished my first 5k" not in last_week


def test_the_week_counts_conflict_rounds_and_reaching_out_without_their_words(client_for, family):
    from kinwell.checkins import services as checkin_services
    from kinwell.circles.models import DataKind
    from kinwell.talk import conflict_services
    from tests.factories import share

    maya, jordan, sam, circle = family
    conflict_services.open_conflict(opener=maya, circle=circle, people=[jordan], issue="Who walks the dog")
    share(jordan, circle, DataKind.CHECKIN_MOOD)
    checkin = checkin_services.record_checkin(owner=jordan, mood=2, wants_support=True).value
    checkin_services.respond_to_checkin(author=maya, checkin_id=checkin.pk, reaction="here_for_you")
    page = client_for(sam).get(reverse("connect:week", kwargs={"circle_id": circle.pk})).content.decode()
    assert "Hard moments" in page and "A conflict round was opened" in page and "walks the dog" not in page
    assert "Maya reached out to Jordan after a check-in" in page


def test_nothing_the_coach_noticed_reaches_the_weekly_view(client_for, family):
    from kinwell.connect.selectors import weekly_moments
    from kinwell.talk import conflict_services, services as talk_services

    maya, jordan, sam, circle = family
    talk = talk_services.start_conversation(starter=maya, circle=circle, partner=jordan, topic="You never help. Whatever.").value
    talk_services.act(actor=maya, conversation=talk, event="speak", text="You are so lazy, you idiot. It's not my fault.")
    round_ = conflict_services.open_conflict(opener=jordan, circle=circle, people=[maya], issue="You always forget").value
    conflict_services.write_view(actor=jordan, conflict=round_, view="You never listen", feelings="Whatever", needs="Grow up")
    week = weekly_moments(viewer=sam, circle=circle, week_of=round_.created_at.date())
    assert [moment.kind for moment in week["hard"]] == ["conflict"]
    for viewer in (maya, jordan, sam):
        page = client_for(viewer).get(reverse("connect:week", kwargs={"circle_id": circle.pk})).content.decode()
        assert "A conflict round was opened" in page
        assert "coach" not in page.lower() and "harsh" not in page.lower(), viewer


def test_every_text_passes_through_the_safety_layer(client_for, family):
    maya, jordan, _sam, circle = family
    client = client_for(maya)
    client.post(reverse("connect:gratitude"), {"text": "Nothing. I want to kill myself."})
    assert "crisis-panel" in client.get(reverse("connect:gratitude")).content.decode()
    client.post(
        reverse("connect:circle", kwargs={"circle_id": circle.pk}),
        {"action": "win", "text": "I finally have the pills saved up to end it all"},
    )
    assert "crisis-panel" in client.get(reverse("connect:index")).content.decode()


def test_export_and_deletion(family):
    maya, jordan, _sam, circle = family
    services.send_appreciation(sender=maya, circle=circle, recipient_id=jordan.pk, text="Thanks for listening")
    services.celebrate_win(author=maya, circle=circle, text="New job")
    services.add_gratitude(owner=maya, text="Coffee")
    section = export_for(maya)["connect"]
    assert section["appreciations_sent"][0]["text"] == "Thanks for listening"
    assert section["wins_posted"][0]["text"] == "New job"
    assert section["gratitude_journal"][0]["text"] == "Coffee"
    assert export_for(jordan)["connect"]["appreciations_received"][0]["text"] == "Thanks for listening"
    services.celebrate_win(author=maya, circle=circle, about_id=jordan.pk, text="Jordan's first marathon")
    assert export_for(jordan)["connect"]["wins_about_me"][0]["text"] == "Jordan's first marathon"
    delete_account(user=maya)
    assert not Appreciation.objects.exists() and not Win.objects.exists() and not GratitudeEntry.objects.exists()


def test_the_circle_page_links_to_what_others_share_and_the_owner_sees_who_looked(client_for, family):
    maya, jordan, _sam, circle = family
    url = reverse("connect:circle", kwargs={"circle_id": circle.pk})
    assert "Maya's gratitude journal" not in client_for(jordan).get(url).content.decode()
    share(maya, circle, DataKind.GRATITUDE, DataKind.GOALS)
    page = client_for(jordan).get(url).content.decode()
    assert "Maya's gratitude journal" in page and "Maya's goals" in page
    assert not AccessLogEntry.objects.exists()  # a link is not a view
    client_for(jordan).get(reverse("connect:member_gratitude", kwargs={"circle_id": circle.pk, "user_id": maya.pk}))
    log = client_for(maya).get(reverse("circles:access_log")).content.decode()
    assert "Jordan viewed your gratitude journal" in log


def test_while_someone_takes_space_their_wins_and_appreciations_pause_for_the_circle(client_for, family):
    from datetime import timedelta

    from django.utils import timezone

    from kinwell.circles import services as circle_services
    from kinwell.connect import services as connect_services

    maya, jordan, sam, circle = family
    connect_services.celebrate_win(author=maya, circle=circle, text="Finished the marathon training plan")
    connect_services.send_appreciation(sender=maya, recipient_id=jordan.pk, circle=circle, text="For the soup")
    url = reverse("connect:circle", kwargs={"circle_id": circle.pk})
    week = reverse("connect:week", kwargs={"circle_id": circle.pk})
    assert "marathon" in client_for(sam).get(url).content.decode()
    circle_services.set_space(user=maya, circle=circle, paused=True, until=timezone.localdate() + timedelta(days=3))
    for page in (url, week):
        seen_by_sam = client_for(sam).get(page).content.decode()
        assert "marathon" not in seen_by_sam and "Maya appreciated" not in seen_by_sam
    assert "marathon" in client_for(maya).get(url).content.decode()  # her own, still hers to see


def test_appreciations_from_someone_taking_space_wait_for_the_recipient_too(client_for, family):
    """The recipient, not only the rest of the circle: their page, the API feed and their
    export all wait until the sender is back."""
    from kinwell.circles import services as circle_services
    from tests.api.test_api import Api

    maya, jordan, _sam, circle = family
    services.send_appreciation(sender=maya, recipient_id=jordan.pk, circle=circle, text="For the soup")
    services.celebrate_win(author=maya, circle=circle, about_id=jordan.pk, text="Jordan's marathon")
    url = reverse("connect:circle", kwargs={"circle_id": circle.pk})
    feed = f"/together/circles/{circle.pk}/feed"
    assert "soup" in client_for(jordan).get(url).content.decode()
    assert Api(jordan).get(feed).json()["appreciations"]
    circle_services.set_space(user=maya, circle=circle, paused=True)
    assert "soup" not in client_for(jordan).get(url).content.decode()
    assert Api(jordan).get(feed).json() == {**Api(jordan).get(feed).json(), "wins": [], "appreciations": []}
    exported = export_for(jordan)["connect"]
    assert exported["appreciations_received"] == [] and exported["wins_about_me"] == []
    assert "soup" in client_for(maya).get(url).content.decode()  # hers to see
    assert export_for(maya)["connect"]["appreciations_sent"]
    circle_services.set_space(user=maya, circle=circle, paused=False)
    assert "soup" in client_for(jordan).get(url).content.decode()


def test_someone_taking_space_cannot_send_an_appreciation(client_for, family, django_capture_on_commit_callbacks):
    from kinwell.circles import services as circle_services
    from tests.api.test_api import Api

    maya, jordan, _sam, circle = family
    circle_services.set_space(user=maya, circle=circle, paused=True)
    url = reverse("connect:circle", kwargs={"circle_id": circle.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(maya).post(url, {"action": "appreciation", "recipient": jordan.pk, "text": "Thanks"})
        api = Api(maya).post(f"/together/circles/{circle.pk}/appreciations", {"recipient_id": jordan.pk, "text": "Hi"})
    assert response.status_code == 409 and "taking space" in response.content.decode()
    assert api.status_code == 409 and "taking space" in api.json()["detail"]
    assert not Appreciation.objects.exists() and not mail.outbox
