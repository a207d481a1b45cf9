"""Tests for kinwell/core/idempotency.py.

A write sent again with the same Idempotency-Key gets the first answer and writes
nothing new: a client that lost the answer to a check-in can retry safely."""

import contextlib
import json
import sqlite3
import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from kinwell.accounts.services import create_api_token, delete_account
from kinwell.checkins.models import CheckIn
from kinwell.core.models import IdempotencyKey
from kinwell.core.personal_data import export_for
from kinwell.core.schedule import run_due_jobs
from kinwell.circles.models import Boundary
from kinwell.journal.models import JournalEntry
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db


def post(token, path, body, key=None, method="post"):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return getattr(Client(), method)(f"/api/v1{path}", data=json.dumps(body), content_type="application/json",
                                     **headers)


@pytest.fixture
def token(user):
    return create_api_token(user=user, name="phone")[1]


def test_a_retried_check_in_returns_the_first_answer_and_writes_nothing(user, token):
    body = {"mood": 2, "tags": ["work"], "note": "A long day at the hospital"}
    first = post(token, "/checkins", body, key="3f1c-checkin-1")
    assert first.status_code == 201 and "Idempotent-Replayed" not in first
    # The same body, with keys in another order and other spacing, is the same request.
    again = Client().post("/api/v1/checkins", data=json.dumps(dict(reversed(body.items())), indent=2),
                          content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
                          HTTP_IDEMPOTENCY_KEY="3f1c-checkin-1")
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert CheckIn.objects.filter(owner=user).count() == 1

    # Without a key, or with a new one, a write is a new write as always.
    assert post(token, "/checkins", body).status_code == 201
    assert post(token, "/checkins", body, key="3f1c-checkin-2").json()["id"] != first.json()["id"]
    assert CheckIn.objects.filter(owner=user).count() == 3


def test_the_same_key_for_a_different_request_is_refused_and_writes_nothing(user, token):
    assert post(token, "/checkins", {"mood": 4}, key="k-1").status_code == 201
    changed = post(token, "/checkins", {"mood": 1}, key="k-1")
    assert changed.status_code == 422
    assert "different body" in changed.json()["detail"]
    elsewhere = post(token, "/journal/entries", {"text": "Dear diary"}, key="k-1")
    assert elsewhere.status_code == 422
    assert "POST /api/v1/checkins" in elsewhere.json()["detail"]
    assert CheckIn.objects.filter(owner=user).count() == 1
    assert not JournalEntry.objects.filter(owner=user).exists()


def test_keys_belong_to_one_person(user, token, other_user):
    other_token = create_api_token(user=other_user, name="phone")[1]
    mine = post(token, "/checkins", {"mood": 3}, key="shared-key")
    theirs = post(other_token, "/checkins", {"mood": 3}, key="shared-key")
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert "Idempotent-Replayed" not in theirs


def test_refusals_and_deletes_are_replayed_as_they_first_were(user, token, other_user):
    circle = CircleFactory(owner=user)
    invalid = post(token, f"/circles/{circle.pk}/boundaries", {"text": ""}, key="b-1")
    assert invalid.status_code == 422  # refused by validation, before the key is taken
    assert not IdempotencyKey.objects.exists()
    made = post(token, f"/circles/{circle.pk}/boundaries", {"text": "Call before you come"}, key="b-1")
    assert made.status_code == 201

    # A refusal by a service is an answer like any other: the retry hears it again.
    elsewhere = CircleFactory(owner=other_user)
    refused = post(token, f"/circles/{elsewhere.pk}/boundaries", {"text": "Hello"}, key="b-2")
    assert refused.status_code == 404
    again = post(token, f"/circles/{elsewhere.pk}/boundaries", {"text": "Hello"}, key="b-2")
    assert (again.status_code, again.json(), again["Idempotent-Replayed"]) == (404, refused.json(), "true")

    boundary_id = made.json()["id"]
    path = f"/api/v1/circles/{circle.pk}/boundaries/{boundary_id}"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    gone = Client().delete(path, HTTP_IDEMPOTENCY_KEY="d-1", **auth)
    assert gone.status_code == 204 and not Boundary.objects.filter(pk=boundary_id).exists()
    # Deleting again without the key is a 404; with it, the client hears the first answer.
    assert Client().delete(path, **auth).status_code == 404
    replayed = Client().delete(path, HTTP_IDEMPOTENCY_KEY="d-1", **auth)
    assert replayed.status_code == 204 and replayed["Idempotent-Replayed"] == "true"


def test_keys_expire_after_a_day(user, token):
    assert post(token, "/checkins", {"mood": 3}, key="old").status_code == 201
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=24, minutes=1))
    later = post(token, "/checkins", {"mood": 3}, key="old")
    assert later.status_code == 201 and "Idempotent-Replayed" not in later
    assert CheckIn.objects.filter(owner=user).count() == 2

    assert post(token, "/checkins", {"mood": 5}, key="other").status_code == 201
    run_due_jobs(now=timezone.now() + timedelta(hours=25))
    assert not IdempotencyKey.objects.exists()


def test_a_malformed_key_is_a_clear_400(token, user):
    for key in ["", "has space", "x" * 256, "ключ"]:
        response = post(token, "/checkins", {"mood": 3}, key=key)
        assert response.status_code == 400, key
        assert "Idempotency-Key" in response.json()["detail"]
    assert not CheckIn.objects.filter(owner=user).exists()


def test_the_kept_answer_is_encrypted_and_goes_with_the_account(user, token):
    post(token, "/checkins", {"mood": 2, "note": "Marker words zebra-quartz"}, key="enc-1")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM core_idempotencykey")
        (raw,) = cursor.fetchone()
    assert "zebra-quartz" not in raw
    assert "zebra-quartz" in IdempotencyKey.objects.get().body
    kept = export_for(user)["api_retries"]["requests_with_an_idempotency_key"]
    assert [(k["method"], k["path"], k["key"]) for k in kept] == [("POST", "/api/v1/checkins", "enc-1")]
    delete_account(user=user)
    assert not IdempotencyKey.objects.exists()


def test_the_header_is_documented_on_every_write(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "Idempotency-Key" in document["info"]["description"]
    writes = [(path, method, op) for path, ops in document["paths"].items() for method, op in ops.items()
              if method in ("post", "put", "patch", "delete") and op.get("security")]
    assert len(writes) > 40
    for path, method, operation in writes:
        names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "header"]
        assert names == ["Idempotency-Key"], (method, path)


@contextlib.contextmanager
def shared_database(tmp_path):
    """Connections of other threads that see the test's data. SQLite's in-memory test
    database locks whole tables between connections instead of waiting for them, so
    there the database is copied to a file (WAL, busy timeout and IMMEDIATE
    transactions as in production) for the length of the block."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "shared.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    settings_dict = connections.settings["default"]
    in_memory = settings_dict["NAME"]
    settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        settings_dict["NAME"] = in_memory


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_write_once(tmp_path):
    """Two copies of one request arriving together (a double tap, a retry racing the
    original): one writes, the other waits for it and gets the same answer."""
    user = UserFactory()
    token = create_api_token(user=user, name="phone")[1]
    start = threading.Barrier(2)
    answers, counts = [], []

    def submit():
        try:
            start.wait()
            answers.append(post(token, "/checkins", {"mood": 3, "note": "Both at once"}, key="double-tap"))
        finally:
            connections.close_all()

    def count():
        try:
            counts.append(CheckIn.objects.filter(owner_id=user.pk).count())
        finally:
            connections.close_all()

    with shared_database(tmp_path):
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        counter = threading.Thread(target=count)
        counter.start()
        counter.join()
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert sorted(a.get("Idempotent-Replayed", "") for a in answers) == ["", "true"]
    assert counts == [1]
