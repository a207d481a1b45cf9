"""Run by tests/accounts/test_deletion_leaves_nothing.py in a fresh process with its own
file-based SQLite database (KINWELL_VAR_DIR): makes a person with distinctive markers,
deletes the account, and prints how often each marker occurs in the raw database file
and its write-ahead log, before and after. Reads the files while the connection is open,
because closing the last connection checkpoints and removes the -wal file by itself."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinwell.settings")

import django  # noqa: E402

django.setup()

from axes.models import AccessAttempt, AccessLog  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from kinwell.accounts.services import delete_account  # noqa: E402
from kinwell.checkins.services import record_checkin  # noqa: E402
from kinwell.circles.services import create_circle  # noqa: E402
from kinwell.journal.services import add_entry  # noqa: E402
from kinwell.library.services import post_reply  # noqa: E402

markers = json.loads(sys.argv[1])
call_command("migrate", verbosity=0)
database = Path(settings.DATABASES["default"]["NAME"])


def secure_delete(value=None) -> int:
    with connection.cursor() as cursor:
        if value is not None:
            cursor.execute(f"PRAGMA secure_delete={value}")
        cursor.execute("PRAGMA secure_delete")
        return cursor.fetchone()[0]


def make_person(markers: dict):
    person = get_user_model().objects.create_user(email=markers["email"], password="a-long-test-password",
                                                  display_name=markers["display_name"])
    create_circle(owner=person, name=markers["circle"], kind="friends")
    for _day in range(3):
        record_checkin(owner=person, mood=3, tags=[markers["tag"], "work"], note=markers["note"])
    add_entry(owner=person, text=markers["journal"])
    post_reply(author=person, article_slug="asking-someone-you-trust-for-support", text=markers["reply"],
               display_name=markers["reply_name"])
    AccessAttempt.objects.create(username=markers["email"], ip_address="203.0.113.77",
                                 user_agent=markers["user_agent"], get_data="", post_data="", http_accept="*/*",
                                 path_info="/accounts/login/", failures_since_start=1)
    AccessLog.objects.create(username=markers["email"], ip_address="203.0.113.77", user_agent=markers["user_agent"],
                             http_accept="*/*", path_info="/accounts/login/")
    return person


def hits(markers: dict) -> dict:
    found = {}
    for path in (database, Path(f"{database}-wal")):
        data = path.read_bytes() if path.exists() else b""
        found[path.name] = {name: data.count(marker.encode()) for name, marker in markers.items()}
    return found


configured = secure_delete()
# The control: the same deletion with secure_delete off must leave markers the grep finds.
control_markers = {name: marker + "ctl" for name, marker in markers.items()}
control = make_person(control_markers)
secure_delete("OFF")
delete_account(user=control)
control_after = hits(control_markers)
secure_delete("ON")

person = make_person(markers)
before = hits(markers)
delete_account(user=person)
print(json.dumps({"secure_delete": configured, "control_after": control_after, "before": before,
                  "after": hits(markers)}))
