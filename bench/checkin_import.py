"""Importing and exporting check-ins at the size limit: 20,000 rows.

Run: .venv/bin/python bench/checkin_import.py [rows, default 20000]  (uses a throwaway SQLite database;
set DATABASE_URL to try PostgreSQL). Prints the time to parse a Daylio file, to
import it, to import it again (all "already there"), and to export CSV and JSON.
"""

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinwell.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from kinwell.accounts.models import User  # noqa: E402
from kinwell.checkins import exporting, importing  # noqa: E402
from kinwell.checkins.import_services import import_checkins, limits  # noqa: E402

ROWS = 20_000
MOODS = ["rad", "good", "meh", "bad", "awful"]
ACTIVITIES = ["work", "family", "friends", "sport", "reading", "relax", "gaming", "nature", "cleaning", "date"]
NOTES = ["", "", "Slow morning, better afternoon.", "Long walk after work, felt lighter.", "Tired. Early night."]


def daylio_file(rows: int) -> bytes:
    generator = random.Random(7)
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    start = date.today() - timedelta(days=rows // 3 + 1)
    for n in range(rows):
        day = start + timedelta(days=n // 3)
        activities = " | ".join(generator.sample(ACTIVITIES, generator.randint(0, 4)))
        note = generator.choice(NOTES)
        lines.append(f'{day},x,x,{8 + (n % 3) * 5}:{n % 60:02d},{generator.choice(MOODS)},{activities},,"{note}"')
    return ("\n".join(lines) + "\n").encode()


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<42} {time.perf_counter() - start:7.2f} s")
    return result


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    call_command("migrate", verbosity=0)
    owner, _ = User.objects.get_or_create(email="bench-import@example.org", defaults={"display_name": "Bench"})
    owner.checkins.all().delete()
    data = daylio_file(rows)
    print(f"Daylio file: {rows} rows, {len(data) / 1024 / 1024:.1f} MB")
    timed("parse only", lambda: importing.parse("daylio", data, limits=limits()))
    summary = timed("import (parse, check, write, signs)", lambda: import_checkins(owner=owner, format="daylio", data=data).value)
    print(f"  imported {summary.imported}, skipped {len(summary.skipped)}")
    again = timed("import the same file again", lambda: import_checkins(owner=owner, format="daylio", data=data).value)
    print(f"  imported {again.imported}, already there {again.already_there}")
    csv_text = timed("export CSV", lambda: exporting.export(owner=owner, format="csv"))
    timed("export JSON", lambda: exporting.export(owner=owner, format="json"))
    fresh, _ = User.objects.get_or_create(email="bench-import-2@example.org", defaults={"display_name": "Bench 2"})
    fresh.checkins.all().delete()
    timed("import our CSV into a fresh account", lambda: import_checkins(owner=fresh, format="csv", data=csv_text.encode()).value)
    timed("import our CSV back into the same account", lambda: import_checkins(owner=owner, format="csv", data=csv_text.encode()).value)


if __name__ == "__main__":
    main()
