"""Tests for kinwell/directory/file_limits.py and services.py.

Directory imports that cannot hurt: zip bombs, endless values and lying archives are
refused with a message naming where, and nothing is written."""

import struct
import zipfile

import pytest

from kinwell.core.errors import ServiceError
from kinwell.directory.models import Organization, Service
from kinwell.directory.services import import_file

pytestmark = pytest.mark.django_db

ORGS = "id,name\n0d7e3a0c-1111-4a5b-9c1d-000000000001,Demo Harbor Clinic\n"
SERVICES_HEADER = "id,organization_id,name,description\n"


def service_row(description: str) -> str:
    return f"0d7e3a0c-2222-4a5b-9c1d-000000000001,0d7e3a0c-1111-4a5b-9c1d-000000000001,Counselling,{description}\n"


def package(path, services: str):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", ORGS)
        archive.writestr("services.csv", services)
    return path


def test_a_small_package_imports(tmp_path):
    summary = import_file(file_format="hsds", path=package(tmp_path / "ok.zip", SERVICES_HEADER + service_row("Talk")))
    assert summary.created == 1 and Service.objects.get().description == "Talk"


def test_a_zip_bomb_is_refused_by_its_declared_size_before_anything_is_read(tmp_path):
    # 300 MB of one letter compresses to about 300 KB: past the default limit of 256 MB.
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", ORGS)
        with archive.open("services.csv", "w", force_zip64=True) as member:
            member.write(SERVICES_HEADER.encode())
            chunk = b"a" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ServiceError, match=r"Nothing was imported\. The zip file would expand to 300\.0 MB, past the limit of 256\.0 MB"):
        import_file(file_format="hsds", path=bomb)
    assert not Organization.objects.exists()


def test_an_archive_that_lies_about_its_sizes_is_stopped_while_reading(tmp_path, settings):
    settings.DIRECTORY_IMPORT_MAX_BYTES = 1024 * 1024
    liar = package(tmp_path / "liar.zip", SERVICES_HEADER + service_row("x" * 100_000) * 30)
    data = bytearray(liar.read_bytes())
    # Declare 100 bytes for services.csv in both headers; its data still expands to 3 MB.
    local = data.index(b"PK\x03\x04services.csv"[:4], data.index(b"services.csv") - 30)
    struct.pack_into("<I", data, local + 22, 100)
    central = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, central + 24, 100)
    liar.write_bytes(bytes(data))
    # Python's zip reader stops at the declared size and then finds the checksum wrong.
    with pytest.raises(ServiceError, match="Nothing was imported. The zip file is damaged"):
        import_file(file_format="hsds", path=liar)
    assert not Organization.objects.exists()


def test_the_expanded_bytes_are_counted_across_every_file(tmp_path, settings):
    settings.DIRECTORY_IMPORT_MAX_BYTES = 50_000
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "organizations.csv").write_text(ORGS)
    (folder / "services.csv").write_text(SERVICES_HEADER + service_row("y" * 1000) * 60)
    with pytest.raises(ServiceError, match="Reading services.csv went past the limit of 48.8 KB"):
        import_file(file_format="hsds", path=folder)
    assert not Organization.objects.exists()


def test_a_value_over_the_csv_field_limit_names_its_row_and_field(tmp_path):
    too_long = SERVICES_HEADER + service_row("Talk") + service_row("z" * 200_000).replace("-000000000001,0d7e", "-000000000002,0d7e", 1)
    with pytest.raises(ServiceError, match="Row 3 of services.csv, field “description”: the value is longer than the limit of 131,072"):
        import_file(file_format="hsds", path=package(tmp_path / "long.zip", too_long))
    assert not Organization.objects.exists()


def test_a_quoted_value_over_the_limit_is_traced_to_its_column(tmp_path):
    quoted = SERVICES_HEADER + service_row('"a, ""quoted"" start ' + "q" * 140_000 + '"')
    with pytest.raises(ServiceError, match="Row 2 of services.csv, field “description”"):
        import_file(file_format="hsds", path=package(tmp_path / "quoted.zip", quoted))


def test_a_json_file_over_the_limit_is_not_read(tmp_path, settings):
    settings.DIRECTORY_IMPORT_MAX_BYTES = 1000
    big = tmp_path / "big.json"
    big.write_text("[" + ",".join(['{"id": "x"}'] * 200) + "]")
    with pytest.raises(ServiceError, match="The file is 2.3 KB, past the limit of 1.0 KB"):
        import_file(file_format="hsds", path=big)
    with pytest.raises(ServiceError, match="past the limit"):
        import_file(file_format="locator-json", path=big)


def test_a_workbook_that_expands_past_the_limit_is_refused(tmp_path, settings):
    settings.DIRECTORY_IMPORT_MAX_BYTES = 100_000
    workbook = tmp_path / "book.xlsx"
    with zipfile.ZipFile(workbook, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<row/>" * 100_000)
    with pytest.raises(ServiceError, match="The Excel \\(.xlsx\\) file would expand to"):
        import_file(file_format="samhsa-xlsx", path=workbook)
