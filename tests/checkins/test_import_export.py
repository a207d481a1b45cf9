"""Tests for kinwell/checkins/import_services.py, exporting.py and io_views.py.

Importing and exporting check-ins: the service, the page and the API, on the real database."""

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from kinwell.checkins import exporting
from kinwell.checkins.import_services import import_checkins
from kinwell.checkins.models import CheckIn, SignNudge
from kinwell.checkins.services import record_checkin
from kinwell.core.errors import ServiceError
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "daylio_sample.csv"
HEADER = "day,recorded_at,mood,feelings,stress,sleep_hours,energy,tags,note,wants_support\n"
COMPARED = ("day", "mood", "feelings", "stress", "sleep_hours", "energy", "tags", "note", "wants_support", "recorded_at")


def utc_today() -> date:
    """Today for the factories' people, who live in UTC."""
    from django.utils import timezone

    return timezone.now().date()


def snapshot(user) -> list[tuple]:
    return [tuple(getattr(c, name) for name in COMPARED) for c in CheckIn.objects.filter(owner=user).order_by("day", "recorded_at")]


def test_the_daylio_sample_imports_with_a_summary(user):
    summary = import_checkins(owner=user, format="daylio", data=SAMPLE.read_bytes()).value
    assert (summary.imported, summary.already_there) == (6, 0)
    assert [(item.line, item.reason) for item in summary.skipped] == [
        (8, "The mood “so-so” is not one of Daylio's five (rad, good, meh, bad, awful).")
    ]
    pizza = CheckIn.objects.get(owner=user, day=date(2025, 3, 14))
    assert (pizza.mood, pizza.tags, pizza.source) == (4, ["friends", "good meal", "movies"], "daylio")
    assert pizza.note.startswith("Pizza night") and len(pizza.import_key) == 64


def test_daylio_times_are_read_in_the_persons_time_zone():
    user = UserFactory(time_zone="Europe/Madrid")
    import_checkins(owner=user, format="daylio", data=SAMPLE.read_bytes())
    pizza = CheckIn.objects.get(owner=user, day=date(2025, 3, 14))
    assert pizza.recorded_at.utctimetuple()[3:5] == (20, 40)


def test_importing_the_same_file_twice_adds_nothing(user):
    import_checkins(owner=user, format="daylio", data=SAMPLE.read_bytes())
    before = snapshot(user)
    again = import_checkins(owner=user, format="daylio", data=SAMPLE.read_bytes()).value
    assert (again.imported, again.already_there, len(again.skipped)) == (0, 6, 1)
    assert snapshot(user) == before


def test_the_same_file_in_another_account_is_imported_there(user, other_user):
    import_checkins(owner=user, format="daylio", data=SAMPLE.read_bytes())
    assert import_checkins(owner=other_user, format="daylio", data=SAMPLE.read_bytes()).value.imported == 6


@pytest.mark.parametrize(
    "format, data, words",
    [
        ("csv", (HEADER + "2025-03-01,,3,,,,,,fine,\n2025-03-02,,9,,,,,,bad mood,\n").encode(),
         "Line 3, field “mood”: 9 is outside"),
        ("daylio", SAMPLE.read_bytes().replace(b"2025-03-11,", b"11/03/2025,"), "Line 6, field “full_date”"),
        ("csv", SAMPLE.read_bytes(), "looks like a Daylio file"),
        ("json", b'{"checkins": [{"day": "2025-03-01", "mood": 3}', "Line 1: This part of the file cannot be read as JSON"),
        ("json", b'[{"day": "2025-03-01", "mood": 3}, {"day": "2025-03-01", "mood": 0}]', "Check-in number 2, field “mood”"),
        ("daylio", b"", "no check-ins"),
        ("daylio", b"full_date,mood\n2025-03-01,good\n", "missing these columns: date, weekday, time"),
        ("daylio", SAMPLE.read_bytes().replace(b"Lina", b"L\xe9na"), "not saved as UTF-8"),
        ("csv", (HEADER + "2025-03-01,,3,,,,,walk|rain\u202e,,\n").encode(), "Line 2, field “tags”: A tag here has hidden"),
        ("json", '[{"day": "2025-03-01", "mood": 3, "tags": ["x\\u0016y"]}]'.encode(), "Check-in number 1, field “tags”"),
        ("daylio", SAMPLE.read_bytes().replace(b"movies", b"mov\x1bies"), "Line 2, field “activities”: A tag here"),
    ],
)
def test_a_bad_file_imports_nothing_and_says_where(user, format, data, words):
    record_checkin(owner=user, mood=3, note="already here")
    with pytest.raises(ServiceError) as raised:
        import_checkins(owner=user, format=format, data=data)
    assert raised.value.message.startswith("Nothing was imported.")
    assert words in raised.value.message
    assert CheckIn.objects.filter(owner=user).count() == 1


def test_older_history_is_welcome_and_future_days_are_skipped(user):
    today = utc_today()
    old, future = today - timedelta(days=800), today + timedelta(days=3)
    data = (HEADER + f"{old},,4,,,,,,two years ago,\n{future},,3,,,,,,not yet,\n").encode()
    summary = import_checkins(owner=user, format="csv", data=data).value
    assert summary.imported == 1 and summary.skipped[0].line == 3 and "has not come yet" in summary.skipped[0].reason
    assert CheckIn.objects.get(owner=user).day == old


def test_the_signs_check_runs_once_after_the_import(user, settings):
    today = utc_today()
    rows = [f"{today - timedelta(days=n)},,{4 if n > 7 else 1},,,,,,,yes" for n in range(40)]
    data = (HEADER + "\n".join(rows)).encode()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    import_checkins(owner=user, format="csv", data=data)
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["kinwell.checkins.tasks.find_signs"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    import_checkins(owner=UserFactory(), format="csv", data=data)
    assert SignNudge.objects.exclude(owner=user).exists()


def test_export_then_import_into_a_fresh_account_gives_the_same_check_ins(user):
    record_checkin(owner=user, mood=2, feelings=["sad", "tired"], stress=7, sleep_hours="5.5", energy=2,
                   tags=["work", "choir, alto"], note='Hard day.\r\nSaid "no" twice, felt better', wants_support=True)
    record_checkin(owner=user, mood=5, day=utc_today() - timedelta(days=30), note="Café with Lina 🙂")
    record_checkin(owner=user, mood=3)
    for format in ("csv", "json"):
        fresh = UserFactory()
        data = exporting.export(owner=user, format=format).encode()
        assert import_checkins(owner=fresh, format=format, data=data).value.imported == 3
        theirs = [row[:7] + (row[7].replace("\r\n", "\n"),) + row[8:] for row in snapshot(user)]
        assert snapshot(fresh) == theirs, format
        # And back into the account it came from: nothing new.
        again = import_checkins(owner=user, format=format, data=data).value
        assert (again.imported, again.already_there) == (0, 3)


def test_a_backup_of_imported_daylio_check_ins_adds_nothing_when_imported_back(user):
    import_checkins(owner=user, format="daylio", data=SAMPLE.read_bytes())
    for format in ("csv", "json"):
        again = import_checkins(owner=user, format=format, data=exporting.export(owner=user, format=format).encode()).value
        assert (again.imported, again.already_there) == (0, 6), format


def test_the_export_files_are_what_they_say(user):
    record_checkin(owner=user, mood=4, sleep_hours=Decimal("7.5"), tags=["work"], note="fine")
    csv_text = exporting.export(owner=user, format="csv")
    assert csv_text.startswith(HEADER.strip() + "\r\n") and ",4,,,7.5,,work,fine,no\r\n" in csv_text
    document = json.loads(exporting.export(owner=user, format="json"))
    assert document["format"] == "kinwell-checkins" and document["checkins"][0]["sleep_hours"] == 7.5


# --- The page -----------------------------------------------------------------------


def upload(client, data: bytes, format: str, name="export.csv"):
    """The page queues the file and goes to its import's page; tasks run at once in tests."""
    return client.post(
        "/check-ins/import-export/", {"format": format, "file": SimpleUploadedFile(name, data, "text/csv")},
        follow=True,
    )


def test_the_page_imports_and_shows_a_summary(client_for, user):
    client = client_for(user)
    assert "Bring in check-ins from a file" in client.get("/check-ins/import-export/").content.decode()
    page = upload(client, SAMPLE.read_bytes(), "daylio")
    body = page.content.decode()
    assert page.status_code == 200 and "Your import" in body
    assert "6 check-ins" in body and "so-so" in body and "crisis-panel" not in body
    assert CheckIn.objects.filter(owner=user).count() == 6


def test_a_bad_file_on_the_page_imports_nothing_and_its_page_says_why(client_for, user):
    page = upload(client_for(user), (HEADER + "2025-03-01,,9,,,,,,,\n").encode(), "csv")
    assert page.status_code == 200
    assert "Nothing was imported. Line 2, field “mood”" in page.content.decode()
    assert not CheckIn.objects.filter(owner=user).exists()


def test_an_empty_form_is_a_400(client_for, user):
    page = client_for(user).post("/check-ins/import-export/", {})
    assert page.status_code == 400 and "error-summary" in page.content.decode()


def test_a_worrying_imported_note_shows_the_crisis_panel(client_for, user):
    data = (HEADER + f"{utc_today()},,1,,,,,,I can't do this anymore. I've been saving my pills and tonight is the night.,yes\n"
            f"{utc_today() - timedelta(days=1)},,3,,,,,,a quiet walk,\n").encode()
    page = upload(client_for(user), data, "csv")
    assert page.status_code == 200 and "crisis-panel" in page.content.decode()


def test_a_worrying_old_note_offers_help_quietly_without_the_crisis_panel(client_for, user):
    old = utc_today() - timedelta(days=200)
    data = (HEADER + f"{old},,1,,,,,,I can't do this anymore. I've been saving my pills and tonight is the night.,\n").encode()
    body = upload(client_for(user), data, "csv").content.decode()
    assert "crisis-panel" not in body and "Some of your older notes tell of a hard time" in body
    assert CheckIn.objects.filter(owner=user).count() == 1


def test_the_download_links_send_files(client_for, user):
    record_checkin(owner=user, mood=4, note="private words")
    client = client_for(user)
    csv_response = client.get("/check-ins/export/csv/")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert csv_response["Content-Disposition"].startswith('attachment; filename="kinwell-checkins-')
    assert "private words" in csv_response.content.decode()
    assert json.loads(client.get("/check-ins/export/json/").content)["checkins"][0]["note"] == "private words"
    assert client.get("/check-ins/export/xml/").status_code == 404
    # Someone else's download holds only their own check-ins.
    assert "private words" not in client_for(UserFactory()).get("/check-ins/export/csv/").content.decode()


# --- The API ------------------------------------------------------------------------


def api_client(person):
    from django.test import Client

    from kinwell.accounts.services import create_api_token

    _token, raw = create_api_token(user=person, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_api_imports_a_file_once(user):
    client = api_client(user)
    body = {"format": "daylio", "file": SimpleUploadedFile("daylio.csv", SAMPLE.read_bytes(), "text/csv")}
    first = client.post("/api/v1/checkins/import", body)
    assert first.status_code == 200, first.content
    assert first.json()["imported"] == 6 and first.json()["skipped"][0]["line"] == 8
    assert first.json()["safety"]["level"] == "none" and first.json()["older_note_of_concern"] is False
    body["file"] = SimpleUploadedFile("daylio.csv", SAMPLE.read_bytes(), "text/csv")
    again = client.post("/api/v1/checkins/import", body).json()
    assert (again["imported"], again["already_there"]) == (0, 6)


def test_the_api_refuses_a_bad_file_with_the_line_and_imports_nothing(user):
    client = api_client(user)
    data = (HEADER + "2025-03-01,,3,,,,,,,\n2025-03-02,,three,,,,,,,\n").encode()
    response = client.post("/api/v1/checkins/import", {"format": "csv", "file": SimpleUploadedFile("x.csv", data)})
    assert response.status_code == 400 and "Line 3, field “mood”" in response.json()["detail"]
    assert not CheckIn.objects.filter(owner=user).exists()
    wrong = client.post("/api/v1/checkins/import", {"format": "xml", "file": SimpleUploadedFile("x.csv", data)})
    assert wrong.status_code == 422


def test_the_api_reports_a_worrying_note_to_the_safety_layer(user):
    data = (HEADER + f"{utc_today()},,1,,,,,,I can't do this anymore. I've been saving my pills and tonight is the night.,\n").encode()
    response = api_client(user).post("/api/v1/checkins/import", {"format": "csv", "file": SimpleUploadedFile("x.csv", data)})
    assert response.json()["safety"]["level"] == "urgent" and response.json()["older_note_of_concern"] is False


def test_the_api_exports_json_and_csv_that_import_back(user):
    record_checkin(owner=user, mood=2, feelings=["sad"], sleep_hours="6.5", tags=["work"], note="Tired, but ok")
    client = api_client(user)
    document = client.get("/api/v1/checkins/export").json()
    assert document["format"] == "kinwell-checkins" and document["checkins"][0]["note"] == "Tired, but ok"
    csv_response = client.get("/api/v1/checkins/export?format=csv")
    assert csv_response["Content-Type"].startswith("text/csv") and "Tired, but ok" in csv_response.content.decode()
    fresh = UserFactory()
    assert import_checkins(owner=fresh, format="json", data=json.dumps(document).encode()).value.imported == 1
    assert snapshot(fresh) == snapshot(user)
    assert client.get("/api/v1/checkins/export?format=xml").status_code == 422


def test_the_csv_export_quotes_formulas_and_reads_back_as_typed(user):
    record_checkin(owner=user, mood=3, tags=["=hyperlink(\"http://evil.example\")", "@sum(1)"],
                   note="-2+3 was my day\n=cmd|' /C calc'!A0")
    text = exporting.export_csv(owner=user)
    import csv
    import io

    row = dict(zip(*list(csv.reader(io.StringIO(text)))))
    assert row["tags"].startswith("'=hyperlink") and row["note"].startswith("'-2+3")
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    fresh = UserFactory()
    assert import_checkins(owner=fresh, format="csv", data=text.encode()).value.imported == 1
    assert snapshot(fresh) == snapshot(user)
