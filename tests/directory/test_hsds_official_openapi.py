"""Tests for kinwell/directory/hsds_views.py against the official HSDS document.

schemathesis against the official HSDS 3.0 OpenAPI document (../shared/data/hsds-3.0), not
one we wrote: for generated requests to every path, no 5xx, and every 200 is valid against
the official schemas. The document refers to its schemas by URL on GitHub; the same files
are in schema/ beside it, so the references are pointed there (nothing is fetched)."""

import json

import pytest
import schemathesis
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from kinwell.directory.models import Organization, Service, ServiceAtLocation, TaxonomyTerm
from kinwell.directory.services import import_file
from kinwell.wsgi import application
from tests.api.test_openapi_conformance import keep_the_test_connection  # noqa: F401  (a fixture)

SCHEMA_DIR = settings.SHARED_DATA_DIR / "hsds-3.0" / "schema"
REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _local(ref: str) -> str:
    """A schema file's reference as a reference inside the document ("compiled/service_list.json"
    and "phone.json" alike; the compiled and list shapes are the plain schema's fields)."""
    name = ref.removeprefix(REMOTE).removeprefix("compiled/").removesuffix(".json").removesuffix("_list")
    return f"#/components/schemas/hsds_{name}"


def _point_refs(node):
    if isinstance(node, dict):
        return {key: (_local(value) if key == "$ref" and not value.startswith("#") else _point_refs(value))
                for key, value in node.items() if key not in ("$schema", "$id")}
    if isinstance(node, list):
        return [_point_refs(item) for item in node]
    return node


def official_document() -> dict:
    document = _point_refs(json.loads((SCHEMA_DIR / "openapi.json").read_text()))
    for path in SCHEMA_DIR.glob("*.json"):
        if path.name != "openapi.json":
            document["components"]["schemas"][f"hsds_{path.stem}"] = _point_refs(json.loads(path.read_text()))
    document["servers"] = [{"url": "/hsds"}]  # where we serve it
    return document


schema = schemathesis.openapi.from_dict(official_document())
schema.app = application

CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]


@pytest.fixture
def hsds_world(db, keep_the_test_connection, data_dir, locator_json):  # noqa: F811
    import_file(file_format="locator-json", path=locator_json)
    import_file(file_format="hsds", path=data_dir / "hsds-sample-1.1" / "all_resources")
    term = TaxonomyTerm.objects.exclude(taxonomy="").first()
    from kinwell.directory.hsds_export import taxonomy_id

    return {"/services/{id}": str(Service.objects.filter(status="active").first().pk),
            "/service_at_locations/{id}": str(ServiceAtLocation.objects.filter(
                service__status="active").first().pk),
            "/organizations/{id}": str(Organization.objects.first().pk),
            "/taxonomies/{id}": taxonomy_id(term.taxonomy), "/taxonomy_terms/{id}": str(term.pk)}


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(max_examples=15, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                            HealthCheck.filter_too_much])
def test_the_official_hsds_openapi(case, hsds_world):
    # Half the requests for one record name a real one, so its 200 is checked too.
    if "id" in (case.path_parameters or {}) and len(str(case.path_parameters["id"])) % 2 == 0:
        case.path_parameters["id"] = hsds_world[case.path]
    # Half the proximity searches around a postcode with places: the sorted, paged answer is checked.
    if case.query and "proximity" in case.query and len(str(case.query["proximity"])) % 2 == 0:
        case.query.update(postcode="22902", proximity="20000")
    response = case.call()
    case.validate_response(response, checks=CHECKS)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "params"), [
    ("/services", {"search": "counseling", "page": 1, "per_page": 5, "minimal": "false", "full": "true"}),
    ("/service_at_locations", {"postcode": "22902", "proximity": "16093", "full": "false"}),
    ("/service_at_locations", {"modified_after": "2020-01-01T00:00:00Z", "format": "json"}),
    ("/organizations", {"full_service": "true", "per_page": 2}), ("/taxonomies", {}), ("/taxonomy_terms", {}),
])
def test_valid_requests_are_answered(client, hsds_world, path, params):
    response = client.get(f"/hsds{path}", params)
    assert response.status_code == 200 and response.json()["total_items"] > 0
