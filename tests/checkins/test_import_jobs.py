"""Check-in imports run in the worker; the page follows them (issue 22)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from kinwell.checkins import import_jobs
from kinwell.checkins.models import CheckIn, CheckInImport
from kinwell.checkins.tasks import import_checkin_file
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "daylio_sample.csv"
HEADER = "day,recorded_at,mood,feelings,stress,sleep_hours,energy,tags,note,wants_support\n"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def upload(client, data: bytes, format="daylio"):
    return client.post("/check-ins/import-export/",
                       {"format": format, "file": SimpleUploadedFile("export.csv", data, "text/csv")})


def test_the_upload_waits_encrypted_in_the_database_and_its_page_shows_progress(user, database_queue):
    client = signed_in_client(user)
    response = upload(client, SAMPLE.read_bytes())
    job = CheckInImport.objects.get()
    assert response.status_code == 302 and response.url == f"/check-ins/imports/{job.pk}/"
    with connection.cursor() as cursor:
        cursor.execute("SELECT upload FROM checkins_checkinimport")
        stored = cursor.fetchone()[0]
    assert stored.startswith("fernet:") and "Pizza" not in stored
    page = client.get(response.url).content.decode()
    assert "<progress" in page and "Waiting to start" in page and f'href="/check-ins/imports/{job.pk}/"' in page
    assert "Refresh" in page and not CheckIn.objects.exists()

    import_checkin_file.call(import_id=job.pk)  # what the worker does
    job.refresh_from_db()
    assert (job.status, job.upload, job.outcome["imported"]) == ("done", "", 6)
    page = client.get(response.url).content.decode()
    assert "6 check-ins" in page and "so-so" in page and "<progress" not in page
    assert CheckIn.objects.filter(owner=user).count() == 6
    import_checkin_file.call(import_id=job.pk)  # the same job again: nothing more
    assert CheckIn.objects.filter(owner=user).count() == 6


def test_progress_is_written_while_the_file_is_read(user, database_queue, monkeypatch):
    monkeypatch.setattr(import_jobs, "PROGRESS_INTERVAL_SECONDS", 0)
    today = timezone.now().date()
    rows = "".join(f"{today - timedelta(days=n)},,3,,,,,,,\n" for n in range(1200))
    job = import_jobs.queue_import(owner=user, format="csv", data=(HEADER + rows).encode())
    seen = []
    original = import_jobs.import_services.import_checkins

    def watching(**kwargs):
        def progress(done, total):
            kwargs_progress(done, total)
            seen.append(CheckInImport.objects.values_list("status", "rows_done", "rows_total").get(pk=job.pk))
        kwargs_progress = kwargs.pop("progress")
        return original(progress=progress, **kwargs)

    monkeypatch.setattr(import_jobs.import_services, "import_checkins", watching)
    import_jobs.run_import(import_id=job.pk)
    assert seen == [("reading", 500, 1200), ("reading", 1000, 1200)]
    assert CheckIn.objects.filter(owner=user).count() == 1200


def test_a_file_that_cannot_be_read_imports_nothing_and_the_page_says_why(user):
    client = signed_in_client(user)
    page = client.post("/check-ins/import-export/", {
        "format": "csv", "file": SimpleUploadedFile("x.csv", (HEADER + "2025-03-01,,9,,,,,,,\n").encode())
    }, follow=True).content.decode()
    assert "Nothing was imported. Line 2, field “mood”" in page and "Try another file" in page
    assert CheckInImport.objects.get().status == "failed" and not CheckIn.objects.exists()


def test_the_outcome_is_worded_in_the_persons_language(user):
    user.language = "es"
    user.save()
    job = import_jobs.queue_import(owner=user, format="csv", data=(HEADER + "2025-03-01,,9,,,,,,,\n").encode())
    job.refresh_from_db()
    assert job.outcome["problem"].startswith("No se importó")


def test_the_crisis_panel_shows_once_on_the_result(user):
    today = timezone.now().date()
    data = (HEADER + f"{today},,1,,,,,,I can't do this anymore. I've been saving my pills and tonight is the night.,yes\n"
            ).encode()
    client = signed_in_client(user)
    first = upload(client, data, format="csv")
    assert "crisis-panel" in client.get(first.url).content.decode()
    assert "crisis-panel" not in client.get(first.url).content.decode()


def test_another_persons_import_is_not_found(user, other_user):
    job = import_jobs.queue_import(owner=user, format="daylio", data=SAMPLE.read_bytes())
    assert signed_in_client(other_user).get(f"/check-ins/imports/{job.pk}/").status_code == 404
    assert signed_in_client(user).get(f"/check-ins/imports/{job.pk}/").status_code == 200
