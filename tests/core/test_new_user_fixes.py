"""What a new user hit (issue 18), one test each: circle cards that count and name the
people, a time at the end of a sentence, the words you sent, the invitation's time in the
reader's zone, the admin's plural of a reply, and "My data" naming every part of the file."""

from datetime import datetime, timezone as dt_timezone

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from kinwell.checkins import services as checkin_services
from kinwell.circles import services as circle_services
from kinwell.circles.models import CircleKind, Invitation
from kinwell.core.personal_data import described_sections, export_for, section_names
from kinwell.library.models import Reply
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_a_couple_circle_card_says_two_people_and_who(client_for):
    maya = UserFactory(display_name="Maya")
    CircleFactory(name="Us", kind=CircleKind.COUPLE, owner=maya, members=[UserFactory(display_name="Jordan")])
    page = client_for(maya).get("/").content.decode()
    assert "2 people: Maya and Jordan" in page
    assert "1 person" not in page


def test_a_time_at_the_end_of_a_sentence_has_one_full_stop(client_for):
    owner, invited = UserFactory(display_name="Lee"), UserFactory()
    circle = CircleFactory(owner=owner)
    invitation, token = circle_services.create_invitation(inviter=owner, circle=circle)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=datetime(2030, 5, 6, 17, 56, tzinfo=dt_timezone.utc))
    page = client_for(invited).get(f"/invite/{token}/").content.decode()
    assert "May 6, 2030, 5:56 PM" in page
    assert ".." not in page.replace("...", "")


def test_the_circle_page_shows_the_words_you_sent(client_for):
    owner, friend = UserFactory(display_name="Sam"), UserFactory(display_name="Alex")
    circle = CircleFactory(owner=owner, members=[friend])
    share(owner, circle, "checkin_mood")
    checkin = checkin_services.record_checkin(owner=owner, mood=2).value
    client = client_for(friend)
    client.post(f"/circles/{circle.pk}/check-ins/{checkin.pk}/respond/", {"reaction": "here_for_you", "message": "Coffee tomorrow?"})
    checkin_services.respond_to_checkin(author=friend, checkin_id=checkin.pk, reaction="here_for_you")
    page = client.get(f"/circles/{circle.pk}/check-ins/").content.decode()
    assert "You wrote: “Coffee tomorrow?”" in page
    assert "You sent: “I&#x27;m here for you”" in page or "You sent: “I'm here for you”" in page
    assert "A message" not in page


def test_the_invitation_shows_its_time_in_the_readers_zone(client, client_for):
    owner = UserFactory(display_name="Lee", time_zone="America/Chicago")
    circle = CircleFactory(owner=owner)
    invitation, token = circle_services.create_invitation(inviter=owner, circle=circle)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=datetime(2030, 1, 6, 17, 56, tzinfo=dt_timezone.utc))
    in_tokyo = UserFactory(time_zone="Asia/Tokyo")
    page = client_for(in_tokyo).get(f"/invite/{token}/").content.decode()
    assert "Jan. 7, 2030, 2:56 AM (JST, your time)" in page
    # Signed out we do not know the reader's zone: the inviter's, and it says so.
    page = client.get(f"/invite/{token}/").content.decode()
    assert "Jan. 6, 2030, 11:56 AM (CST, Lee&#x27;s time)" in page or "11:56 AM (CST, Lee's time)" in page
    assert "UTC" not in page


def test_the_admin_says_replies():
    assert str(Reply._meta.verbose_name_plural) == "replies"
    with translation.override("es"):
        assert str(Reply._meta.verbose_name_plural) == "respuestas"


def test_my_data_describes_every_part_of_the_export(client_for, user):
    document = export_for(user)
    assert set(section_names()) <= set(document)
    described = dict(described_sections())
    assert set(described) == set(section_names())
    missing = sorted(name for name, text in described.items() if text == name.replace("_", " "))
    assert not missing, f"These export sections need a sentence for the My data page (describes=): {missing}"
    page = client_for(user).get("/accounts/data/").content.decode()
    for text in described.values():
        assert str(text).replace("'", "&#x27;") in page
    assert page.count('<li>', page.index('class="data-kinds"')) >= len(described)


def test_my_data_in_spanish(client_for):
    ana = UserFactory(language="es")
    page = client_for(ana).get("/accounts/data/").content.decode()
    assert "Tu diario privado" in page
    assert get_user_model().objects.count() == 1
