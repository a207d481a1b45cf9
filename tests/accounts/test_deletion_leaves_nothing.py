"""Tests for kinwell/accounts/services.py (delete_account).

Deleting an account leaves nothing: no login records, addresses or browsers, no
session, and no readable copy of the person's words in the SQLite files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from kinwell.accounts.services import delete_account
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).parent / "scripts" / "delete_and_grep.py"
MARKERS = {
    "email": "zorblequist@example.org",
    "display_name": "Quennavorth",
    "circle": "Circle of Plimbrasket",
    "tag": "vintrelloping",  # tags are kept in lower case
    "note": "Yarrowmist note",
    "journal": "Journal of Ostrevangle",
    "reply": "Reply about Fennicrowse",
    "reply_name": "Drabbelwyn",
    "user_agent": "Mozilla/5.0 Skrontiwave",
}


def test_deleting_an_account_removes_its_login_records_and_sessions(client_for):
    person = UserFactory(email="kim@example.org")
    other = UserFactory(email="ana@example.org")
    Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Kim's browser").post(
        "/accounts/login/", {"username": "kim@example.org", "password": "wrong"})
    kim = Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Kim's browser")
    kim.post("/accounts/login/", {"username": "kim@example.org", "password": DEFAULT_PASSWORD})
    Client().post("/accounts/login/", {"username": "KIM@example.org", "password": "wrong"})
    Client().post("/accounts/login/", {"username": "ana@example.org", "password": DEFAULT_PASSWORD})
    AccessFailureLog.objects.create(username="kim@example.org", ip_address="203.0.113.5", user_agent="x",
                                    http_accept="", path_info="/accounts/login/")
    assert AccessLog.objects.filter(username="kim@example.org").exists()
    phone = client_for(person)
    sessions_before = Session.objects.count()
    delete_account(user=person)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username__iexact="kim@example.org").exists(), model.__name__
        assert not model.objects.filter(user_agent="Kim's browser").exists()
    assert AccessLog.objects.filter(username="ana@example.org").exists()
    assert Session.objects.count() == sessions_before - 2  # Kim's browser and phone
    assert phone.get("/accounts/settings/").status_code == 302
    assert other.is_active


def test_the_moderation_trail_keeps_no_name_of_a_deleted_author():
    from kinwell.library.services import post_reply
    from kinwell.moderation.models import ModerationAction
    from kinwell.moderation.services import moderate

    author, moderator = UserFactory(), UserFactory(is_staff=True)
    reply = post_reply(author=author, article_slug="asking-someone-you-trust-for-support", text="Thanks for this",
                       display_name="Drabbelwyn").value
    moderate(actor=moderator, target_type="reply", target_id=str(reply.pk), action="hide")
    assert "Drabbelwyn" in ModerationAction.objects.get().target_summary
    delete_account(user=author)
    action = ModerationAction.objects.get()
    assert "Drabbelwyn" not in action.target_summary and "asking-someone-you-trust-for-support" in action.target_summary


def test_no_marker_of_a_deleted_person_stays_in_the_database_file_or_its_log(tmp_path):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("reads the raw SQLite files; on PostgreSQL the files belong to the server")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update({"KINWELL_VAR_DIR": str(tmp_path), "KINWELL_ENV": "development", "DJANGO_SETTINGS_MODULE": "kinwell.settings"})
    run = subprocess.run([sys.executable, str(SCRIPT), json.dumps(MARKERS)], env=env, cwd=settings.BASE_DIR,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["secure_delete"] == 1  # as settings configure every connection
    control = {name: sum(found[name] for found in report["control_after"].values()) for name in MARKERS}
    # Without secure_delete the same deletion leaves the words in the file: the grep would see them.
    assert control["display_name"] and control["circle"], control
    before = {name: sum(found[name] for found in report["before"].values()) for name in MARKERS}
    # The grep can see plain text: these markers were readable before the deletion.
    assert before["display_name"] and before["circle"] and before["email"] and before["user_agent"]
    after = report["after"]
    assert after == {file: {name: 0 for name in MARKERS} for file in after}, after
