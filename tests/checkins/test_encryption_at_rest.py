"""What the database itself holds: no check-in note or response message in plain text (C14)."""

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
