"""Tests for kinwell/checkins/models.py and kinwell/core/encryption.py.

What the database itself holds: no check-in note or response message in plain text (C14)."""

import pytest
from django.db import connection

from kinwell.checkins.import_services import import_checkins
from kinwell.checkins.models import CheckIn, CheckInResponse
from kinwell.checkins.services import record_checkin, respond_to_checkin, update_checkin
from kinwell.circles.models import DataKind
from kinwell.core.encryption import TOKEN_PREFIX
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db

NOTE = "Panic attack on the bus, Maria talked me through it"
MESSAGE = "So glad Maria was there. Walk on Sunday?"


def every_stored_value(model, column: str) -> list[str]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote(column)} FROM {quote(model._meta.db_table)}")
        return [row[0] for row in cursor.fetchall()]


def test_notes_and_messages_are_not_in_the_database_as_plain_text():
    owner, friend = UserFactory(), UserFactory()
    circle = CircleFactory(owner=owner, members=[friend])
    share(owner, circle, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES)
    checkin = record_checkin(owner=owner, mood=2, note=NOTE).value
    edited = record_checkin(owner=owner, mood=3, note="first draft").value
    update_checkin(owner=owner, checkin_id=edited.pk, note="Maria again: edited later")
    respond_to_checkin(author=friend, checkin_id=checkin.pk, reaction="message", message=MESSAGE)
    import_checkins(owner=owner, format="csv", data=(
        b"day,recorded_at,mood,feelings,stress,sleep_hours,energy,tags,note,wants_support\n"
        b"2025-01-05,,4,,,,,,Imported: Maria's birthday,\n"
    ))

    notes = every_stored_value(CheckIn, "note")
    messages = every_stored_value(CheckInResponse, "message")
    assert len(notes) == 3 and len(messages) == 1
    for stored in notes + messages:
        assert stored.startswith(TOKEN_PREFIX)
        assert "Maria" not in stored and "bus" not in stored
    # …and the application still reads them.
    assert CheckIn.objects.get(pk=checkin.pk).note == NOTE
    assert CheckInResponse.objects.get().message == MESSAGE


def test_the_same_note_twice_is_stored_differently():
    owner = UserFactory()
    record_checkin(owner=owner, mood=3, note=NOTE)
    record_checkin(owner=owner, mood=3, note=NOTE)
    first, second = every_stored_value(CheckIn, "note")
    assert first != second


def test_tags_a_person_types_are_encrypted_and_still_counted_in_trends():
    owner = UserFactory()
    for mood in (2, 2, 2, 4, 4, 4):
        record_checkin(owner=owner, mood=mood, tags=["Maria's visit"] if mood == 4 else ["work"])
    stored = every_stored_value(CheckIn, "tags")
    assert stored and all(value.startswith(TOKEN_PREFIX) for value in stored)
    assert not any("maria" in value.lower() or "work" in value for value in stored)
    assert sorted({tag for tags in CheckIn.objects.values_list("tags", flat=True) for tag in tags}) == [
        "maria's visit", "work"]
    from kinwell.checkins.selectors import trend_for

    trend = trend_for(owner=owner, days=30)
    assert "maria's visit" in str(trend)


def test_an_empty_tag_list_is_stored_as_nothing():
    record_checkin(owner=UserFactory(), mood=3)
    assert every_stored_value(CheckIn, "tags") == [""]
    assert CheckIn.objects.get().tags == []


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_tags_already_stored_and_can_be_undone():
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("checkins", "0001_initial")], [("checkins", "0002_encrypt_tags")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    owner = UserFactory()
    old_apps.get_model("checkins", "CheckIn").objects.create(
        owner_id=owner.pk, day="2025-01-05", mood=3, tags=["grandma's hospital"], note="")
    old_apps.get_model("checkins", "CheckIn").objects.create(owner_id=owner.pk, day="2025-01-06", mood=3, tags=[], note="")
    assert any("grandma" in str(value) for value in every_stored_value(CheckIn, "tags"))
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    stored = every_stored_value(CheckIn, "tags")
    assert not any("grandma" in value for value in stored) and sorted(stored)[1].startswith(TOKEN_PREFIX)
    assert sorted(CheckIn.objects.values_list("tags", flat=True)) == [[], ["grandma's hospital"]]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(before)
    assert any("grandma" in str(value) for value in every_stored_value(CheckIn, "tags"))
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
