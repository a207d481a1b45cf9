import pytest
from django.core.management import call_command

from kinwell.directory.models import Organization

pytestmark = pytest.mark.django_db


def test_demo_directory_is_fictional_and_findable(client):
    call_command("load_demo_data")
    call_command("load_demo_data")  # again: updates in place
    names = list(Organization.objects.values_list("name", flat=True))
    assert len(names) == 6 and all(name.startswith("Demo ") for name in names)
    page = client.get("/find-help/", {"zip": "60614", "radius": "10"}).content.decode()
    assert "Demo Lakeside Family Counseling" in page and "this place is fictional" not in page
    assert "555-0101" in page
