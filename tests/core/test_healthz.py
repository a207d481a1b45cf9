"""Tests for kinwell/core/views.py (healthz)."""

from unittest import mock

from django.db.utils import OperationalError


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client, db):
    # The database driver is third-party; making its cursor fail is the honest way to
    # stand in for a database that went away.
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
