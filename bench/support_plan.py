"""The support plan: the rules engine over the scenario table (time per plan), and the
plan page through the full Django stack against a trivial view, on SQLite in a temp
dir (or PostgreSQL with DATABASE_URL pointing at an empty database).
Run: .venv/bin/python bench/support_plan.py"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, sorted(samples)[int(len(samples) * 0.95) - 1] * 1000


def engine():
    from kinwell.support.rules import outline
    from tests.support.test_rules_scenarios import SCENARIOS

    median, p95 = timed(lambda: [outline(row[1], row[2]) for row in SCENARIOS], 300)
    print(f"rules engine: {median / len(SCENARIOS) * 1000:.0f} µs a plan (median; p95 {p95 / len(SCENARIOS) * 1000:.0f} µs)"
          f" over {len(SCENARIOS)} scenarios")


def pages():
    workdir = tempfile.mkdtemp()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinwell.settings")
    os.environ["KINWELL_VAR_DIR"] = workdir
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, path

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", stdout=open(os.devnull, "w"))
    from kinwell import urls

    urls.urlpatterns.append(path("bench-trivial/", lambda request: HttpResponse("ok")))
    clear_url_caches()
    settings.ALLOWED_HOSTS = ["*"]
    from kinwell.accounts.models import User
    from kinwell.support.models import SupportPlan

    maya = User.objects.get(email="maya@example.com")
    plan = SupportPlan.objects.get(owner=maya)
    client = Client()
    client.force_login(maya, backend="django.contrib.auth.backends.ModelBackend")
    jordan = Client()
    jordan.force_login(plan.partner, backend="django.contrib.auth.backends.ModelBackend")
    for name, run in (
        ("trivial view", lambda: client.get("/bench-trivial/")),
        ("my support plan (Maya)", lambda: client.get("/support-plan/")),
        ("plan built together (Jordan's view)", lambda: jordan.get(f"/support-plan/{plan.pk}/")),
        ("a flow screen", lambda: client.get("/support-plan/needs/details/")),
    ):
        for _ in range(20):
            assert run().status_code == 200
        median, p95 = timed(run, 200)
        print(f"{name}: median {median:.2f} ms, p95 {p95:.2f} ms")
    print(f"database: {settings.DATABASES['default']['ENGINE']}")


if __name__ == "__main__":
    engine()
    pages()
