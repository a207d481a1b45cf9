"""Tests for kinwell/directory/services.py (import_directory, import_file).

Importing into the database: atomic, idempotent, with a summary, and searchable."""

import json
import shutil
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from kinwell.core.errors import ServiceError
from kinwell.directory import geo, search
from kinwell.directory.models import Location, Organization, SearchEntry, Service, ServiceTerm, TaxonomyTerm
from kinwell.directory.services import import_file

pytestmark = pytest.mark.django_db


def near(zip_code, radius, *keys):
    lat, lon = geo.zip_centroid(zip_code)
    with connection.cursor() as cursor:
        return search.run(cursor, search.Query(lat, lon, radius, tuple(keys)))


def test_locator_sample_imports_and_reimports_in_place(locator_json):
    first = import_file(file_format="locator-json", path=locator_json)
    assert (first.created, first.updated, first.unchanged) == (30, 0, 0)
    again = import_file(file_format="locator-json", path=locator_json)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 30)
    assert Service.objects.count() == 30 and SearchEntry.objects.count() == 30
    charlottesville = near("22902", 10, "care:substance_use")
    assert charlottesville.total == 6  # the sample has 14 SA facilities; six are within 10 miles
    assert charlottesville.hits[0].distance_miles < 1 and not charlottesville.hits[0].approximate


def test_a_changed_row_is_updated_and_nothing_else(tmp_path, locator_json):
    import_file(file_format="locator-json", path=locator_json)
    data = json.loads(locator_json.read_text())
    data["rows"][0]["phone"] = "434-555-0100"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    summary = import_file(file_format="locator-json", path=changed)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 29)
    org = Organization.objects.get(name="Region Ten Community Services Board", locations__name="Mohr Center")
    assert org.locations.get().phones.filter(number="434-555-0100").exists()
    assert Service.objects.count() == 30


def test_strict_refuses_a_file_with_one_bad_row_and_by_default_the_rest_is_imported(tmp_path, locator_json):
    data = json.loads(locator_json.read_text())
    data["rows"][25]["longitude"] = "far west"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(ServiceError, match="Nothing was imported. Row 26, field “latitude”"):
        import_file(file_format="locator-json", path=bad, strict=True)
    assert not Organization.objects.exists() and not TaxonomyTerm.objects.exists()
    summary = import_file(file_format="locator-json", path=bad)
    assert summary.created == 29 and [skip.row for skip in summary.skipped] == [26]


@pytest.mark.parametrize("problem", ["wrong sheet", "missing column", "not a spreadsheet"])
def test_malformed_spreadsheets_are_rejected(tmp_path, problem):
    import openpyxl

    path = tmp_path / "directory.xlsx"
    if problem == "not a spreadsheet":
        path.write_bytes(b"name1,name2\nA,B\n")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Facilities" if problem == "wrong sheet" else "Facilities List"
        sheet.append(["name1", "city", "state", "zip"])
        sheet.append(["Somewhere Clinic", "Albany", "NY", "12207"])
        codes = book.create_sheet("Service Code Reference")
        codes.append(["category_code", "category_name", "service_code", "service_name", "service_description"])
        book.save(path)
    expected = {"wrong sheet": "no sheet named “Facilities List”", "missing column": "missing the column",
                "not a spreadsheet": "not a readable Excel"}[problem]
    with pytest.raises(CommandError, match=expected):
        call_command("import_directory", "samhsa-xlsx", str(path))
    assert not Organization.objects.exists()


def test_truncated_zip_imports_nothing(tmp_path, data_dir):
    import shutil

    archive = shutil.make_archive(str(tmp_path / "pkg"), "zip", data_dir / "hsds-sample-1.1" / "all_resources")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(open(archive, "rb").read()[:3000])
    with pytest.raises(ServiceError, match="Nothing was imported"):
        import_file(file_format="hsds", path=cut)
    assert not Organization.objects.exists()


def test_an_operator_imports_from_the_admin_in_the_background(client, locator_json, tmp_path,
                                                              django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    from kinwell.directory.models import ImportRun

    admin = get_user_model().objects.create_superuser(email="operator@example.org", password="x-long-password-1")
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/admin/directory/organization/import/").status_code == 200
    with open(locator_json, "rb") as upload, django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/directory/organization/import/", {"file_format": "locator-json", "file": upload})
    # The worker ran it (tasks run at once in tests); the upload's page shows how it went.
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/directory/organization/import/{run.pk}/"
    assert Service.objects.count() == 30 and run.status == "done" and run.upload is None
    assert run.rows_done == run.rows_total == 30
    page = client.get(response.url).content.decode()
    assert "Imported" in page and "30 created" in page and 'http-equiv="refresh"' not in page
    # A messy package: imported, with the skipped rows listed on its page.
    messy = Path(__file__).parent / "data" / "messy-hsds-3.0"
    zipped = shutil.make_archive(str(tmp_path / "messy"), "zip", messy)  # a folder cannot be uploaded: zip it
    with open(zipped, "rb") as upload, django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/directory/organization/import/", {"file_format": "hsds", "file": upload})
    page = client.get(response.url).content.decode()
    assert "Skipped, and why" in page and "2 services whose organization is not in the file" in page
    # A file that cannot be read imports nothing, and its page says why.
    with open(locator_json, "rb") as upload, django_capture_on_commit_callbacks(execute=True):
        bad = client.post("/admin/directory/organization/import/", {"file_format": "samhsa-xlsx", "file": upload})
    failed = ImportRun.objects.order_by("-pk").first()
    assert failed.status == "failed" and "Nothing was imported" in client.get(bad.url).content.decode()
    # A page still waiting for the worker shows a progress bar and a Refresh link; it never
    # reloads itself (a screen reader would start over), a small script may poll instead.
    failed.status = "running"
    failed.rows_done, failed.rows_total = 10, 40
    failed.save()
    waiting = client.get(bad.url).content.decode()
    assert 'http-equiv="refresh"' not in waiting and '<progress max="40" value="10"' in waiting
    assert f'<a href="{bad.url}">Refresh</a>' in waiting and "import_progress.js" in waiting

