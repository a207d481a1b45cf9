"""Tests for kinwell/journal/services.py, selectors.py, views.py and api.py.

The private journal is the owner's alone: pages, API, admin, export and deletion."""

import pytest
from django.db import connection
from django.urls import reverse

from kinwell.accounts.services import create_api_token
from kinwell.circles.access import can_view
from kinwell.circles.models import DataKind
from kinwell.core.personal_data import export_for
from kinwell.journal import services
from kinwell.journal.models import Goal, JournalEntry
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db

SECRET = "I have not told anyone how tired I am of pretending."


@pytest.fixture
def couple():
    owner, partner = UserFactory(display_name="Owner"), UserFactory(display_name="Partner")
    circle = CircleFactory(owner=owner, members=[partner])
    # Sharing every kind there is still never opens the journal.
    share(owner, circle, *DataKind.values)
    return owner, partner, circle


def test_writing_an_entry_stores_it_encrypted_and_shows_it_to_me(client_for, user):
    client = client_for(user)
    response = client.post(reverse("journal:index"), {"text": SECRET})
    assert response.status_code == 302
    page = client.get(reverse("journal:index")).content.decode()
    assert "how tired I am" in page
    assert "cannot be shared" in page and "Nobody else can read it" in page
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM journal_journalentry")
        stored = cursor.fetchone()[0]
    assert "tired" not in stored


def test_another_person_gets_404_even_in_the_same_circle_with_everything_shared(client_for, couple):
    owner, partner, circle = couple
    entry = services.add_entry(owner=owner, text=SECRET).value
    assert not can_view(viewer=partner, owner=owner, kind="journal", circle=circle)
    client = client_for(partner)
    for name in ("journal:entry", "journal:delete_entry"):
        response = client.post(reverse(name, kwargs={"entry_id": entry.pk}))
        assert response.status_code == 404, name
        assert "tired" not in response.content.decode()
    assert client.get(reverse("journal:entry", kwargs={"entry_id": entry.pk})).status_code == 404
    assert "tired" not in client.get(reverse("journal:index")).content.decode()
    assert JournalEntry.objects.get(pk=entry.pk).text == SECRET


def test_staff_get_404_too_and_the_admin_has_no_journal(client_for, couple):
    owner, _partner, _circle = couple
    entry = services.add_entry(owner=owner, text=SECRET).value
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = client_for(staff)
    assert client.get(reverse("journal:entry", kwargs={"entry_id": entry.pk})).status_code == 404
    assert client.get("/admin/journal/journalentry/").status_code == 404
    _token, raw = create_api_token(user=staff, name="t")
    response = client.get(f"/api/v1/journal/entries/{entry.pk}", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 404
    assert client.get("/api/v1/journal/entries", HTTP_AUTHORIZATION=f"Bearer {raw}").json() == []


def test_editing_and_deleting_my_entry(client_for, user):
    entry = services.add_entry(owner=user, text="first draft").value
    client = client_for(user)
    assert client.post(reverse("journal:entry", kwargs={"entry_id": entry.pk}), {"text": "  "}).status_code == 400
    client.post(reverse("journal:entry", kwargs={"entry_id": entry.pk}), {"text": "second draft"})
    assert JournalEntry.objects.get(pk=entry.pk).text == "second draft"
    client.post(reverse("journal:delete_entry", kwargs={"entry_id": entry.pk}))
    assert not JournalEntry.objects.exists()


def test_an_empty_entry_gets_a_clear_message_and_saves_nothing(client_for, user):
    response = client_for(user).post(reverse("journal:index"), {"text": ""})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_every_entry_passes_through_the_safety_layer(client_for, user):
    client = client_for(user)
    client.post(reverse("journal:index"), {"text": "I can't go on, I want to end my life tonight."})
    page = client.get(reverse("journal:index")).content.decode()
    assert "crisis-panel" in page
    assert JournalEntry.objects.filter(owner=user).count() == 1  # saved, never blocked


def test_the_api_answers_with_safety_and_only_my_entries(user, other_user):
    _token, raw = create_api_token(user=user, name="t")
    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = client.post("/api/v1/journal/entries", {"text": "I want to die"}, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["safety"]["level"] in ("concern", "urgent")
    services.add_entry(owner=other_user, text="not yours")
    texts = [entry["text"] for entry in client.get("/api/v1/journal/entries").json()]
    assert texts == ["I want to die"]


def test_goals_are_private_until_shared_and_seen_only_through_the_policy(client_for, user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    goal = services.add_goal(owner=user, area="learn", title="Learn to bake bread").value
    url = reverse("journal:member_goals", kwargs={"circle_id": circle.pk, "user_id": user.pk})
    member = client_for(other_user)
    assert member.get(url).status_code == 404
    share(user, circle, DataKind.GOALS)
    page = member.get(url)
    assert page.status_code == 200 and "Learn to bake bread" in page.content.decode()
    from kinwell.circles.models import AccessLogEntry

    assert AccessLogEntry.objects.filter(owner=user, viewer=other_user, kind="goals").exists()
    outsider = client_for(UserFactory())
    assert outsider.get(url).status_code == 404
    # Progress and the check-off.
    owner = client_for(user)
    owner.post(reverse("journal:goal_progress", kwargs={"goal_id": goal.pk}), {"steps_done": "4"})
    assert Goal.objects.get(pk=goal.pk).is_done
    owner.post(reverse("journal:goal_progress", kwargs={"goal_id": goal.pk}), {"steps_done": "2"})
    assert not Goal.objects.get(pk=goal.pk).is_done
    assert owner.post(reverse("journal:goal_progress", kwargs={"goal_id": goal.pk}), {"steps_done": "9"}).status_code == 400
    assert member.post(reverse("journal:goal_progress", kwargs={"goal_id": goal.pk}), {"steps_done": "4"}).status_code == 404


def test_export_holds_journal_and_goals_and_deletion_removes_them(user):
    services.add_entry(owner=user, text=SECRET)
    services.add_goal(owner=user, area="rest", title="Sleep by eleven")
    exported = export_for(user)["journal"]
    assert exported["journal_entries"][0]["text"] == SECRET
    assert exported["goals"][0]["goal"] == "Sleep by eleven"
    from kinwell.accounts.services import delete_account

    delete_account(user=user)
    assert not JournalEntry.objects.exists() and not Goal.objects.exists()


def test_the_pages_speak_spanish(client_for):
    ana = UserFactory(language="es")
    page = client_for(ana).get(reverse("journal:index")).content.decode()
    assert "Este diario es solo para ti" in page
    assert "Ideas para pasar tiempo juntos" in client_for(ana).get(reverse("connect:ideas")).content.decode()
    assert "Un té y una pregunta de verdad" in client_for(ana).get(reverse("connect:ideas")).content.decode()
