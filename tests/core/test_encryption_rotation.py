"""Tests for kinwell/core/encryption.py and manage.py rotate_encryption_key.

`manage.py rotate_encryption_key`: everything readable with only the new key afterwards."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from kinwell.checkins.models import CheckIn, CheckInResponse
from kinwell.checkins.services import record_checkin, respond_to_checkin
from kinwell.circles.models import Boundary, DataKind
from kinwell.circles.services import add_boundary
from kinwell.core.encryption import TOKEN_PREFIX
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def raw(model, column: str, pk: int) -> str:
    table, quote = model._meta.db_table, connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote(column)} FROM {quote(table)} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.fixture
def old_world(settings):
    """Personal text of three kinds, all written under an old key."""
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    owner, friend = UserFactory(), UserFactory()
    circle = CircleFactory(owner=owner, members=[friend])
    share(owner, circle, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES)
    checkin = record_checkin(owner=owner, mood=2, note="Couldn't sleep again, worried about rent").value
    response = respond_to_checkin(author=friend, checkin_id=checkin.pk, reaction="message", message="Call me tonight?").value
    boundary = add_boundary(user=owner, circle=circle, text="No calls after nine").value
    return {"old_key": settings.ENCRYPTION_KEYS[0], "checkin": checkin, "response": response, "boundary": boundary}


def rotate(*args) -> str:
    out = StringIO()
    call_command("rotate_encryption_key", *args, stdout=out)
    return out.getvalue()


def test_after_rotation_only_the_new_key_is_needed(settings, old_world):
    new_key = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new_key, old_world["old_key"]]
    output = rotate("--batch-size", "1")
    assert "checkins.CheckIn (tags, note): 1 re-encrypted" in output
    assert "checkins.CheckInResponse (message): 1 re-encrypted" in output
    settings.ENCRYPTION_KEYS = [new_key]
    assert CheckIn.objects.get().note == "Couldn't sleep again, worried about rent"
    assert CheckInResponse.objects.get().message == "Call me tonight?"
    assert Boundary.objects.get(pk=old_world["boundary"].pk).text == "No calls after nine"


def test_running_it_again_changes_nothing(settings, old_world):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_world["old_key"]]
    rotate()
    stored = raw(CheckIn, "note", old_world["checkin"].pk)
    output = rotate()
    assert "0 values re-encrypted" in output and "checkins.CheckIn (tags, note): 0 re-encrypted" in output
    assert raw(CheckIn, "note", old_world["checkin"].pk) == stored


def test_a_dry_run_writes_nothing(settings, old_world):
    before = raw(CheckIn, "note", old_world["checkin"].pk)
    new_key = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new_key, old_world["old_key"]]
    output = rotate("--dry-run")
    assert "would be re-encrypted" in output and "checkins.CheckIn (tags, note): 1 re-encrypted" in output
    assert raw(CheckIn, "note", old_world["checkin"].pk) == before
    settings.ENCRYPTION_KEYS = [new_key]
    with pytest.raises(ValueError):
        assert CheckIn.objects.get().note


def test_plain_text_left_from_before_is_encrypted(settings, old_world):
    pk = old_world["checkin"].pk
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {CheckIn._meta.db_table} SET note = %s WHERE id = %s", ["written before encryption", pk])
    output = rotate()
    assert "1 were plain text" in output
    assert raw(CheckIn, "note", pk).startswith(TOKEN_PREFIX)
    assert CheckIn.objects.get(pk=pk).note == "written before encryption"


def test_a_value_no_key_can_read_is_reported_and_left(settings, old_world):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old key is lost
    before = raw(CheckIn, "note", old_world["checkin"].pk)
    with pytest.raises(CommandError, match="cannot be decrypted"):
        rotate()
    assert raw(CheckIn, "note", old_world["checkin"].pk) == before
