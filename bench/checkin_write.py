"""How much does saving a check-in cost next to the cheapest authenticated API read?

One person with 120 days of daily check-ins (the history a look for signs reads) and
their sign settings on, in a fresh database; then, through the full Django stack
(Django's test client, in-process), in turn `POST /api/v1/checkins` (a new check-in)
with an Idempotency-Key like a careful client, the same without one, and
`GET /api/v1/me`, all with a bearer token. Medians, p95s and their ratio. Goal (issue 22): the POST within 2x of
the GET. The task backend is the configured one (the database queue by default), so
the POST pays for queueing the look for signs; no worker runs here.

    .venv/bin/python bench/checkin_write.py [rounds]          # SQLite in a temp dir
    DATABASE_URL=postgres://... .venv/bin/python bench/checkin_write.py   # an empty database
"""

import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from django_setup import start_django  # noqa: E402

start_django()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

HISTORY_DAYS = 120
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 300


def build_person():
    from django.contrib.auth import get_user_model

    from kinwell.accounts.services import create_api_token
    from kinwell.checkins.models import CheckIn
    from kinwell.checkins.services import sign_settings_for
    from kinwell.core.localtime import today_for

    rng = random.Random(22)
    person = get_user_model().objects.create_user(email="bench@example.org", password="x", display_name="Bench")
    sign_settings_for(user=person)  # nudges are on by default: the look for signs does its full work
    today = today_for(person)
    CheckIn.objects.bulk_create([
        CheckIn(owner=person, day=today - timedelta(days=offset), mood=rng.randint(1, 5), stress=rng.randint(0, 10))
        for offset in range(1, HISTORY_DAYS + 1)
    ])
    _token, raw = create_api_token(user=person, name="bench")
    return raw


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main():
    call_command("migrate", verbosity=0)
    raw = build_person()
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = json.dumps({"mood": 3, "stress": 4, "feelings": ["calm"], "note": "A walk after work."})

    def post():
        response = client.post("/api/v1/checkins", body, content_type="application/json",
                               HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()))
        assert response.status_code == 201, response.content

    def post_without_key():
        response = client.post("/api/v1/checkins", body, content_type="application/json")
        assert response.status_code == 201, response.content

    def get():
        response = client.get("/api/v1/me")
        assert response.status_code == 200, response.content

    for _ in range(10):
        post()
        get()
    posts, plain_posts, gets = [], [], []
    for _ in range(ROUNDS):  # interleaved, so a noisy neighbour hits all alike
        posts.append(timed(post))
        plain_posts.append(timed(post_without_key))
        gets.append(timed(get))

    def p95(samples):
        return sorted(samples)[int(len(samples) * 0.95) - 1]

    post_median, get_median = statistics.median(posts), statistics.median(gets)
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; "
          f"task backend: {settings.TASKS['default']['BACKEND']}; {ROUNDS} rounds; "
          f"load {os.getloadavg()[0]:.2f}")
    print(f"{'request':<24} {'median ms':>10} {'p95 ms':>8}")
    print(f"{'GET /api/v1/me':<24} {get_median:>10.2f} {p95(gets):>8.2f}")
    plain_median = statistics.median(plain_posts)
    print(f"{'POST, Idempotency-Key':<24} {post_median:>10.2f} {p95(posts):>8.2f}")
    print(f"{'POST, no key':<24} {plain_median:>10.2f} {p95(plain_posts):>8.2f}")
    print(f"ratio POST / GET (medians): {post_median / get_median:.2f} with a key, "
          f"{plain_median / get_median:.2f} without  (goal: <= 2)")


if __name__ == "__main__":
    main()
