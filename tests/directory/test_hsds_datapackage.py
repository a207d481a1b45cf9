"""The exported datapackage against the official HSDS 3.0 table schemas, with frictionless:
every table, every column type and constraint, and the foreign keys between tables."""

import json
import zipfile

import pytest
from django.conf import settings
from django.core.management import call_command
from frictionless import Package

from kinwell.directory.demo import load_demo_directory
from kinwell.directory.services import import_file

pytestmark = pytest.mark.django_db

OFFICIAL = settings.SHARED_DATA_DIR / "hsds-3.0" / "datapackage.json"


def validate_with_official_schemas(package_zip, folder) -> list[str]:
    """Unzip our package beside the official datapackage.json (its schemas, our files); the errors, if any."""
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(folder)
    official = json.loads(OFFICIAL.read_text())
    (folder / "datapackage.json").write_text(json.dumps(official))
    report = Package(str(folder / "datapackage.json")).validate()
    return [f"{task.name}: {error.type}: {error.message}"[:300] for task in report.tasks for error in task.errors]


def test_the_export_validates_against_the_official_table_schemas(tmp_path, locator_json, data_dir):
    import_file(file_format="locator-json", path=locator_json)
    import_file(file_format="hsds", path=data_dir / "hsds-sample-1.1" / "all_resources")
    load_demo_directory()  # a third taxonomy, with codes the locator's also uses (MH, SA)
    package = tmp_path / "directory.zip"
    call_command("export_directory", str(package))
    errors = validate_with_official_schemas(package, tmp_path / "unzipped")
    assert not errors, "\n".join(errors[:20])
    terms = (tmp_path / "unzipped" / "taxonomy_terms.csv").read_text().splitlines()
    assert len(terms) > 100 and all(line.split(",")[7] for line in terms[1:2])
