"""How fast are the circle check-ins page and a personal 365-day trend page?

A circle of 10 people, each with a year of daily check-ins (a third with notes,
encrypted like real ones), is generated into a fresh database; then each page is
requested through the full Django stack (middleware, sessions, templates) next to
a trivial view, in the same run, and the medians compared. Goal (issue 4): each page
within 2x of the trivial view's median.

    .venv/bin/python bench/checkin_pages.py                 # SQLite in a temp dir
    DATABASE_URL=postgres://... .venv/bin/python bench/checkin_pages.py   # PostgreSQL (an empty database)
"""

import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from django_setup import start_django  # noqa: E402

start_django()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

MEMBERS = 10
DAYS = 365
ROUNDS = 40


def trivial(request):
    return HttpResponse("ok")


def trivial_page(request):
    """The same layout as every page (header, nav, footer) around one paragraph."""
    return render(request, "core/accessibility.html")


urlpatterns = [
    path("bench/trivial/", trivial),
    path("bench/trivial-page/", trivial_page),
    path("", include("kinwell.urls")),
]


def build_circle():
    from django.contrib.auth import get_user_model

    from kinwell.checkins.models import CheckIn
    from kinwell.core.localtime import today_for
    from kinwell.circles.models import DataKind
    from kinwell.circles.services import create_circle, update_sharing
    from kinwell.circles.models import Membership

    rng = random.Random(7)
    User = get_user_model()
    people = [
        User.objects.create_user(email=f"bench{n}@example.org", password="x", display_name=f"Member {n}")
        for n in range(MEMBERS)
    ]
    circle = create_circle(owner=people[0], name="Bench circle", kind="family")
    for person in people[1:]:
        Membership.objects.create(circle=circle, user=person)
    for person in people:
        update_sharing(user=person, circle=circle, kinds={DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES})
    rows = []
    for person in people:
        today = today_for(person)
        for offset in range(DAYS):
            rows.append(CheckIn(
                owner=person, day=today - timedelta(days=offset), mood=rng.randint(1, 5), stress=rng.randint(0, 10),
                sleep_hours=rng.choice([5, 6, 6.5, 7, 7.5, 8, 9]), energy=rng.randint(1, 5),
                tags=rng.sample(["work", "family", "exercise", "money", "friends", "rest"], k=rng.randint(0, 3)),
                feelings=rng.sample(["calm", "tired", "anxious", "grateful", "sad"], k=rng.randint(0, 2)),
                note="A fairly ordinary day, a walk at lunch." if rng.random() < 0.33 else "",
                wants_support=rng.random() < 0.05,
            ))
    CheckIn.objects.bulk_create(rows, batch_size=2000)
    return circle, people


def median_ms(client, url, rounds=ROUNDS):
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(samples), sorted(samples)[int(len(samples) * 0.95) - 1]


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    circle, people = build_circle()
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; "
          f"{MEMBERS} members x {DAYS} days generated in {time.perf_counter() - started:.1f} s")
    client = Client()
    client.force_login(people[0])
    with override_settings(ROOT_URLCONF=__name__):
        trivial_ms = median_ms(client, "/bench/trivial/")
        pages = {
            "a static page": median_ms(client, "/bench/trivial-page/"),
            "circle check-ins": median_ms(client, f"/circles/{circle.pk}/check-ins/"),
            "trends, 365 days": median_ms(client, "/check-ins/trends/?days=365"),
            "trends, 30 days": median_ms(client, "/check-ins/trends/?days=30"),
        }
    print(f"{'page':<20} {'median ms':>10} {'p95 ms':>8} {'x trivial':>10}")
    print(f"{'trivial view':<20} {trivial_ms[0]:>10.2f} {trivial_ms[1]:>8.2f} {1:>10.2f}")
    for name, (median, p95) in pages.items():
        print(f"{name:<20} {median:>10.2f} {p95:>8.2f} {median / trivial_ms[0]:>10.2f}")
    print("goal: each page within 2x of the trivial view's median "
          "('a static page' shows what the shared layout alone costs)")


if __name__ == "__main__":
    main()
