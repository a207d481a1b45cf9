"""The Open Referral HSDS API, validated against the 3.0 schemas, and the datapackage round trip."""

import json

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kinwell.directory import geo
from kinwell.directory.models import (
    Address, Location, Organization, Phone, Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm,
)
from kinwell.directory.services import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def validators(django_db_blocker):
    from django.conf import settings

    schema_dir = settings.SHARED_DATA_DIR / "hsds-3.0" / "schema"
    resources = []
    for path in schema_dir.glob("*.json"):
        resources.append((path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012)))
    registry = Registry().with_resources(resources)

    def validator(name):
        return Draft202012Validator(registry.contents(f"{name}.json"), registry=registry)

    return validator


@pytest.fixture
def directory(locator_json, data_dir):
    import_file(file_format="locator-json", path=locator_json)
    import_file(file_format="hsds", path=data_dir / "hsds-sample-1.1" / "all_resources")


def assert_page(body, validator, name):
    assert set(body) >= {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
                         "contents"}
    assert body["contents"], "an empty page proves nothing"
    for item in body["contents"]:
        errors = sorted(validator(name).iter_errors(item), key=str)
        assert not errors, f"{name}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_services_conform_to_hsds_3(client, directory, validators):
    body = client.get("/hsds/services", {"per_page": 50}).json()
    assert body["total_items"] == 43 and body["size"] == 43 and body["last_page"]
    assert_page(body, validators, "service")
    one = body["contents"][0]
    single = client.get(f"/hsds/services/{one['id']}").json()
    assert single["id"] == one["id"] and not list(validators("service").iter_errors(single))
    missing = client.get("/hsds/services/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and missing.json() == {"detail": "No service with that id."}


def test_service_at_locations_by_postcode_and_proximity(client, directory, validators, locator_json):
    near = client.get("/hsds/service_at_locations", {"postcode": "22902", "proximity": 16093}).json()  # 10 miles
    assert_page(near, validators, "service_at_location")
    centre = geo.zip_centroid("22902")
    rows = json.loads(locator_json.read_text())["rows"]
    expected = [r for r in rows if geo.haversine_miles(*centre, float(r["latitude"]), float(r["longitude"])) <= 10]
    assert near["total_items"] == len(expected) > 5
    in_zip = client.get("/hsds/service_at_locations", {"postcode": "22902", "per_page": 100}).json()
    assert {c["location"]["addresses"][0]["postal_code"] for c in in_zip["contents"]} == {"22902"}
    assert client.get("/hsds/service_at_locations", {"postcode": "00000"}).status_code == 400


def test_organizations_and_taxonomy_terms(client, directory, validators):
    assert_page(client.get("/hsds/organizations").json(), validators, "organization")
    terms = client.get("/hsds/taxonomy_terms", {"per_page": 100}).json()
    assert_page(terms, validators, "taxonomy_term")
    assert client.get("/hsds/taxonomy_terms", {"page": "x"}).status_code == 400


@pytest.mark.parametrize("query", [
    {"page": "99999999999999999999"}, {"page": "0"}, {"page": "-3"}, {"page": "1" * 5000}, {"per_page": "nan"},
])
@pytest.mark.parametrize("endpoint", ["services", "organizations", "taxonomy_terms", "service_at_locations"])
def test_paging_out_of_bounds_is_a_400(client, endpoint, query):
    # A 20-digit page overflowed the database's OFFSET: a 500.
    response = client.get(f"/hsds/{endpoint}", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json" and "page" in response.json()["detail"]


@pytest.mark.parametrize("proximity", ["-1e999", "1e999", "inf", "-inf", "nan", "0", "-5", "200000", "near"])
def test_proximity_must_be_a_distance_in_range(client, proximity):
    # -1e999 is -inf to float(): the bounding box took a square root of it (a 500).
    response = client.get("/hsds/service_at_locations", {"postcode": "22902", "proximity": proximity})
    assert response.status_code == 400
    assert "proximity" in response.json()["detail"]


def test_a_malformed_hsds_id_is_a_json_404(client):
    response = client.get("/hsds/services/not-a-uuid")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def snapshot():
    return {
        "organizations": set(Organization.objects.values_list("id", "name", "website")),
        "services": set(Service.objects.values_list("id", "organization_id", "name", "url", "description")),
        "locations": set(Location.objects.values_list("id", "name", "latitude", "longitude")),
        "addresses": set(Address.objects.values_list("id", "location_id", "address_1", "city", "postal_code")),
        "phones": set(Phone.objects.values_list("id", "location_id", "service_id", "number", "description")),
        "links": set(ServiceTerm.objects.values_list("service_id", "taxonomy_term_id")),
        "terms": set(TaxonomyTerm.objects.values_list("id", "code", "name", "parent_id")),
        "places": set(ServiceAtLocation.objects.values_list("id", "service_id", "location_id")),
    }


def test_export_then_reimport_gives_the_same_records(tmp_path, directory):
    before = snapshot()
    package = tmp_path / "directory.zip"
    call_command("export_directory", str(package))
    again = import_file(file_format="hsds", path=package)
    assert again.created == 0  # same ids: nothing new
    assert snapshot() == before
    for model in (ServiceTerm, ServiceAtLocation, Address, Phone, Service, Location, Organization, TaxonomyTerm):
        model.objects.all().delete()
    fresh = import_file(file_format="hsds", path=package)
    assert fresh.created == 40
    assert snapshot() == before
