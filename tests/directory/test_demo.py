import pytest
from django.core.management import call_command

from kinwell.directory.demo import load_demo_directory
from kinwell.directory.models import ImportRun, Organization

pytestmark = pytest.mark.django_db


def test_make_run_removes_the_fictional_places_an_earlier_version_loaded(client):
    load_demo_directory()
    assert Organization.objects.filter(name__startswith="Demo ").count() == 6
    call_command("load_demo_data")
    assert not Organization.objects.filter(source="demo").exists()
    assert not ImportRun.objects.exists()  # the tests' settings leave the national directory out
