"""Tests for kinwell/directory/records.py, parse_hsds.py and services.py.

Real publishers' files have broken references and odd rows: every whole record is imported,
the broken ones are skipped and named, --strict refuses the whole file, and a record a
moderator hid stays hidden when the file lists it again."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kinwell.core.errors import ServiceError
from kinwell.directory.models import Organization, SearchEntry, Service
from kinwell.directory.records import skip_report
from kinwell.directory.services import import_file
from tests.directory.test_import import near

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def test_a_messy_3_0_package_imports_every_whole_record_and_names_the_rest():
    summary = import_file(file_format="hsds", path=DATA / "messy-hsds-3.0")
    assert sorted(Organization.objects.values_list("name", flat=True)) == ["Hilltop Family Center",
                                                                           "Riverside Counseling"]
    assert sorted(Service.objects.values_list("name", flat=True)) == ["Hilltop family group",
                                                                      "Riverside couples therapy"]
    report = skip_report(summary.skipped)
    assert "2 services whose organization is not in the file (field “organization_id”): " \
           "rows 3 of services.csv, 4 of services.csv" in report
    assert "1 service whose organization was left out (see above) (field “organization_id”): " \
           "row 8 of services.csv" in report
    assert "1 organization whose id an earlier row already uses (field “id”): row 4 of organizations.csv" in report
    assert "1 organization without a name (field “name”): row 5 of organizations.csv" in report
    assert "1 location with coordinates that are not a place on Earth (field “latitude”): " \
           "row 3 of locations.csv" in report
    assert "1 service_at_location whose location was left out (see above) (field “location_id”): " \
           "row 3 of service_at_location.csv" in report
    assert "1 service_at_location whose location is not in the file (field “location_id”): " \
           "row 5 of service_at_location.csv" in report
    assert "1 service with a number that is not a number (field “minimum_age”): row 6 of services.csv" in report
    assert "1 taxonomy term without a name (field “name”): row 4 of taxonomy_terms.csv" in report
    # What was kept is searchable where it is: Atlanta by its coordinates, Billings by its ZIP code.
    atlanta, billings = near("30303", 10), near("59101", 10)
    assert [hit.card["name"] for hit in atlanta.hits] == ["Riverside couples therapy"]
    assert [hit.card["name"] for hit in billings.hits] == ["Hilltop family group"] and billings.hits[0].approximate
    couples = Service.objects.get(name="Riverside couples therapy")
    assert list(couples.taxonomy_terms.values_list("taxonomy", flat=True)) == ["Messy test taxonomy"]


def test_a_messy_1_1_package_too():
    summary = import_file(file_format="hsds", path=DATA / "messy-hsds-1.1")
    assert sorted(Service.objects.values_list("name", flat=True)) == ["Lakeview peer group", "Northside therapy"]
    report = skip_report(summary.skipped)
    assert any(line.startswith("1 service whose organization is not in the file") for line in report)
    assert any(line.startswith("1 service whose id an earlier row already uses") for line in report)
    assert any(line.startswith("1 location with coordinates that are not a place on Earth") for line in report)
    assert near("59101", 10).total == 1 and near("30303", 10).total == 1


def test_strict_refuses_the_whole_file_and_the_command_prints_the_report(capsys):
    with pytest.raises(ServiceError, match="Nothing was imported. Row 4 of taxonomy_terms.csv, field “name”: a taxonomy term needs a name"):
        import_file(file_format="hsds", path=DATA / "messy-hsds-3.0", strict=True)
    assert not Organization.objects.exists()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_directory", "hsds", str(DATA / "messy-hsds-3.0"), "--strict")
    call_command("import_directory", "hsds", str(DATA / "messy-hsds-3.0"))
    out = capsys.readouterr().out
    assert "2 created" in out and "Skipped, and why:" in out
    assert "  2 services whose organization is not in the file" in out


def test_a_file_that_cannot_be_read_imports_nothing(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "organizations.csv").write_text("id,name\n1,A\n")
    with pytest.raises(ServiceError, match="needs at least organizations.csv and services.csv"):
        import_file(file_format="hsds", path=broken)
    assert not Organization.objects.exists()


def test_a_hidden_record_stays_hidden_when_a_later_import_lists_it_again(tmp_path):
    from kinwell.directory.reportable import _hide

    import_file(file_format="hsds", path=DATA / "messy-hsds-3.0")
    couples = Service.objects.get(name="Riverside couples therapy")
    _hide(couples)
    # The publisher changes the organization (so it is replaced whole) and lists the service again, active.
    changed = tmp_path / "changed"
    changed.mkdir()
    for source in (DATA / "messy-hsds-3.0").iterdir():
        (changed / source.name).write_text(source.read_text().replace("Counseling for couples", "Help for couples"))
    summary = import_file(file_format="hsds", path=changed)
    assert summary.updated == 1
    couples.refresh_from_db()
    assert couples.hidden and couples.status == "inactive"
    assert not SearchEntry.objects.filter(service=couples).exists() and near("30303", 10).total == 0
    again = import_file(file_format="hsds", path=changed)  # unchanged: still hidden
    assert again.unchanged == 2 and Service.objects.get(pk=couples.pk).hidden


def test_progress_on_a_terminal_says_rows_a_second_and_time_left(monkeypatch):
    import io

    from django.core.management.base import OutputWrapper

    from kinwell.directory.management.commands.import_directory import Progress

    clock = iter([100.0, 101.0, 102.0, 104.0])
    monkeypatch.setattr("kinwell.directory.management.commands.import_directory.time.monotonic",
                        lambda: next(clock))
    out = io.StringIO()
    progress = Progress(OutputWrapper(out), enabled=True)
    progress(0, 9000, phase="writing")
    progress(1000, 9000, phase="writing")
    progress(2000, 9000, phase="writing")
    progress(9000, 9000, phase="writing")
    text = out.getvalue()
    assert "writing 2,000 of 9,000 · 1,000 rows/s · about 7 s left" in text
    assert text.rstrip().endswith("writing 9,000 of 9,000 · 2,250 rows/s\x1b[K")
    quiet = io.StringIO()
    Progress(OutputWrapper(quiet), enabled=False)(10, 100, phase="reading")
    assert quiet.getvalue() == ""  # nobody watching (a log, CI): no progress lines
