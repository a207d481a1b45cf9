"""Tests for kinwell/directory/hsds_views.py, hsds_selectors.py, hsds_params.py and hsds_export.py.

The Open Referral HSDS API, validated against the 3.0 schemas, and the datapackage round trip."""

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
    # 43 services, of which the HSDS sample marks 3 inactive: never listed.
    assert Service.objects.count() == 43 and Service.objects.filter(status="inactive").count() == 3
    assert body["total_items"] == 40 and body["size"] == 40 and body["last_page"]
    assert_page(body, validators, "service")
    full = client.get("/hsds/services", {"per_page": 50, "full": "true"}).json()
    assert_page(full, validators, "service")
    assert any(item["attributes"] for item in full["contents"]) and "attributes" not in body["contents"][0]
    minimal = client.get("/hsds/services", {"minimal": "true"}).json()["contents"][0]
    assert set(minimal) == {"id", "name", "status", "modified_date"}
    one = body["contents"][0]
    single = client.get(f"/hsds/services/{one['id']}").json()
    assert single["id"] == one["id"] and not list(validators("service").iter_errors(single))
    missing = client.get("/hsds/services/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and missing.json() == {"detail": "No service with that id."}
    assert client.get("/hsds/services/not-an-id").status_code == 404
    inactive = Service.objects.filter(status="inactive").first()
    assert client.get(f"/hsds/services/{inactive.pk}").status_code == 404


def test_service_at_locations_by_postcode_and_proximity(client, directory, validators, locator_json):
    near = client.get("/hsds/service_at_locations", {"postcode": "22902", "proximity": 16093}).json()  # 10 miles
    assert_page(near, validators, "service_at_location")
    centre = geo.zip_centroid("22902")
    rows = json.loads(locator_json.read_text())["rows"]
    expected = sorted(geo.haversine_miles(*centre, float(r["latitude"]), float(r["longitude"])) for r in rows)
    expected = [d for d in expected if d <= 10]
    assert near["total_items"] == len(expected) > 5
    # Nearest first, as the finder: the same distances, in the same order, page after page.
    seen = []
    for page in (1, 2, 3):
        body = client.get("/hsds/service_at_locations", {"postcode": "22902", "proximity": 16093, "per_page": 3,
                                                         "page": page}).json()
        seen += [geo.haversine_miles(*centre, c["location"]["latitude"], c["location"]["longitude"])
                 for c in body["contents"]]
    assert [round(d, 6) for d in seen] == [round(d, 6) for d in expected[:9]]
    full = client.get("/hsds/service_at_locations", {"postcode": "22902", "proximity": 16093, "full": "1"}).json()
    assert_page(full, validators, "service_at_location")
    one = full["contents"][0]
    single = client.get(f"/hsds/service_at_locations/{one['id']}").json()
    assert single["id"] == one["id"] and not list(validators("service_at_location").iter_errors(single))
    in_zip = client.get("/hsds/service_at_locations", {"postcode": "22902", "per_page": 100, "full": "true"}).json()
    assert {c["location"]["addresses"][0]["postal_code"] for c in in_zip["contents"]} == {"22902"}
    assert client.get("/hsds/service_at_locations", {"postcode": "00000"}).status_code == 400


def test_organizations_and_taxonomy_terms(client, directory, validators):
    organizations = client.get("/hsds/organizations").json()
    assert_page(organizations, validators, "organization")
    one = client.get(f"/hsds/organizations/{organizations['contents'][0]['id']}", {"full_service": "true"}).json()
    assert not list(validators("organization").iter_errors(one)) and "services" in one
    terms = client.get("/hsds/taxonomy_terms", {"per_page": 100}).json()
    assert_page(terms, validators, "taxonomy_term")
    assert client.get("/hsds/taxonomy_terms", {"page": "x"}).status_code == 400
    taxonomies = client.get("/hsds/taxonomies").json()
    assert_page(taxonomies, validators, "taxonomy")
    locator = next(t for t in taxonomies["contents"] if t["name"] == "FindTreatment.gov")
    assert client.get(f"/hsds/taxonomies/{locator['id']}").json() == locator
    in_it = client.get("/hsds/taxonomy_terms", {"taxonomy_id": locator["id"], "per_page": 100}).json()
    assert in_it["total_items"] == TaxonomyTerm.objects.filter(taxonomy="FindTreatment.gov").count()
    assert all(t["taxonomy_id"] == locator["id"] for t in in_it["contents"])
    term = in_it["contents"][0]
    assert client.get(f"/hsds/taxonomy_terms/{term['id']}").json()["id"] == term["id"]
    with_term = client.get("/hsds/services", {"taxonomy_term_id": term["id"], "per_page": 100}).json()
    assert with_term["total_items"] == Service.objects.filter(term_links__taxonomy_term_id=term["id"]).count() > 0
    by_taxonomy = client.get("/hsds/services", {"taxonomy_id": locator["id"], "per_page": 100}).json()
    assert by_taxonomy["total_items"] == 30  # every locator facility, each once


def test_ndjson_streams_every_result_without_pages(client, directory):
    response = client.get("/hsds/services", {"format": "ndjson"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 40 and all(json.loads(line)["id"] for line in lines)


@pytest.mark.parametrize("params", [
    {"postcode": "22902", "proximity": "-1e999"}, {"postcode": "22902", "proximity": "nan"},
    {"postcode": "22902", "proximity": "inf"}, {"postcode": "22902", "proximity": "0"},
    {"proximity": "1000"}, {"postcode": "00000"}, {"page": "99999999999999999999"}, {"page": "0"},
    {"per_page": "1000"}, {"full": "maybe"}, {"modified_after": "yesterday"}, {"taxonomy_term_id": "x"},
    {"format": "xml"}, {"search": "a\x00b"}, {"postcode": "22902\x00"},
])
def test_nonsense_is_a_400_in_json(client, params):
    response = client.get("/hsds/service_at_locations", params)
    assert response.status_code == 400 and response.json()["detail"]


def test_hidden_and_inactive_services_are_never_listed(client, locator_json):
    from kinwell.directory.reportable import _hide

    import_file(file_format="locator-json", path=locator_json)
    params = {"postcode": "22902", "proximity": 16093, "per_page": 100}
    before = client.get("/hsds/service_at_locations", params).json()
    first = Service.objects.get(pk=before["contents"][0]["service"]["id"])
    _hide(first)
    after = client.get("/hsds/service_at_locations", params).json()
    assert after["total_items"] == before["total_items"] - 1
    assert first.name not in {c["service"]["name"] for c in after["contents"] if c["service"]["id"] == str(first.pk)}
    for path in ("/hsds/services", "/hsds/service_at_locations"):
        listed = client.get(path, {"per_page": 100}).json()["contents"]
        assert str(first.pk) not in {item.get("service", item)["id"] for item in listed}
    assert client.get(f"/hsds/services/{first.pk}").status_code == 404


def test_proximity_crosses_the_antimeridian(client, tmp_path):
    # Guam (144.8° E) and Saipan (145.7° E) from Honolulu (157.9° W): about 3,800 miles west.
    rows = [{"name1": name, "street1": "1 Main St", "city": city, "state": state, "zip": zip_code,
             "phone": "555-0100", "typeFacility": "MH", "latitude": lat, "longitude": lon, "services": []}
            for name, city, state, zip_code, lat, lon in [
                ("Honolulu Counseling", "Honolulu", "HI", "96813", "21.31", "-157.86"),
                ("Guam Behavioral Health", "Tamuning", "GU", "96913", "13.49", "144.78"),
                ("Saipan Community Guidance", "Saipan", "MP", "96950", "15.18", "145.75"),
                ("Boston Counseling", "Boston", "MA", "02108", "42.36", "-71.06")]]
    path = tmp_path / "pacific.json"
    path.write_text(json.dumps({"rows": rows}))
    import_file(file_format="locator-json", path=path)
    body = client.get("/hsds/service_at_locations", {"postcode": "96813", "proximity": 6_500_000}).json()
    names = [c["service"]["name"] for c in body["contents"]]
    assert names == ["Honolulu Counseling", "Saipan Community Guidance", "Guam Behavioral Health"]


@pytest.mark.parametrize("query", [
    {"page": "99999999999999999999"}, {"page": "0"}, {"page": "-3"}, {"page": "1" * 5000}, {"per_page": "nan"},
])
@pytest.mark.parametrize("endpoint", ["services", "organizations", "taxonomy_terms", "service_at_locations"])
def test_paging_out_of_bounds_is_a_400(client, endpoint, query):
    # A 20-digit page overflowed the database's OFFSET: a 500.
    response = client.get(f"/hsds/{endpoint}", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json" and "page" in response.json()["detail"]


# Up to half the way round the Earth is a distance (Guam from Hawaii is 6,100 km); more is not.
@pytest.mark.parametrize("proximity", ["-1e999", "1e999", "inf", "-inf", "nan", "0", "-5", "30000000", "near"])
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
