"""Tests for kinwell/api.py (the OpenAPI document as a whole).

The API's contract as a whole: one name for one shape in the OpenAPI document,
bounds on every number a client sends, JSON for every answer."""

import enum
import typing

import pytest
from pydantic import BaseModel

from kinwell.api import api


def _types_in(annotation):
    """The classes an annotation names, through unions, lists, dicts and Annotated."""
    if isinstance(annotation, type):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


def _schema_classes():
    """Every model and enum the API reads or writes, by walking its operations."""
    found, todo = set(), []
    for bound in api._get_bound_routers():
        for path_view in bound.path_operations.values():
            for operation in path_view.operations:
                wrappers = [*operation.models, *(m for m in operation.response_models.values() if m)]
                # ninja's per-operation wrappers are not components; what they hold is.
                todo.extend(t for w in wrappers for f in w.model_fields.values() for t in _types_in(f.annotation))
    while todo:
        cls = todo.pop()
        if cls in found or not (issubclass(cls, BaseModel) or issubclass(cls, enum.Enum)):
            continue
        found.add(cls)
        if issubclass(cls, BaseModel):
            todo.extend(t for f in cls.model_fields.values() for t in _types_in(f.annotation))
    return found


def test_no_two_schemas_share_a_name():
    # The OpenAPI components are keyed by class name: a second class of the same name
    # silently replaces the first, and operations are then documented with its shape.
    by_name = {}
    for cls in _schema_classes():
        by_name.setdefault(cls.__name__, set()).add(f"{cls.__module__}.{cls.__qualname__}")
    shared = {name: sorted(where) for name, where in by_name.items() if len(where) > 1}
    assert shared == {}
    components = api.get_openapi_schema()["components"]["schemas"]
    assert {"TrendFindingOut", "CoachFindingOut", "DatePlanOut", "SupportPlanOut"} <= set(components)


def test_the_walk_sees_the_schemas_of_every_app():
    modules = {cls.__module__ for cls in _schema_classes()}
    assert {"kinwell.checkins.api", "kinwell.talk.api", "kinwell.connect.api", "kinwell.support.api",
            "kinwell.journal.api", "kinwell.library.api", "kinwell.safety.schemas"} <= modules


def _document():
    return api.get_openapi_schema()


def _unbounded_numbers(schema, where, components, seen=()):
    """Places in a JSON schema where a client may send a number with no lower or upper bound."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            yield from _unbounded_numbers(components[name], f"{where}→{name}", components, (*seen, name))
        return
    for choice in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(choice, []):
            yield from _unbounded_numbers(option, where, components, seen)
    if schema.get("type") in ("integer", "number") and "enum" not in schema:
        low = "minimum" in schema or "exclusiveMinimum" in schema
        high = "maximum" in schema or "exclusiveMaximum" in schema
        if not (low and high):
            yield where
    if isinstance(schema.get("items"), dict):
        yield from _unbounded_numbers(schema["items"], f"{where}[]", components, seen)
    for name, field in schema.get("properties", {}).items():
        yield from _unbounded_numbers(field, f"{where}.{name}", components, seen)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _unbounded_numbers(schema["additionalProperties"], f"{where}{{}}", components, seen)


def _operations(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_number_a_client_sends_is_bounded():
    # Unbounded numbers reached the database (overflow: a 500) or the maths (a domain
    # error: a 500); a bound makes them a 422 before any code runs.
    document = _document()
    components = document["components"]["schemas"]
    unbounded = []
    for name, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            where = f"{name} {parameter['in']}:{parameter['name']}"
            unbounded += _unbounded_numbers(parameter["schema"], where, components)
        for content in operation.get("requestBody", {}).get("content", {}).values():
            unbounded += _unbounded_numbers(content["schema"], f"{name} body", components)
    assert unbounded == []


def test_integer_path_parameters_are_ids_the_url_bounds():
    # The document's bounds on path ids hold because the <id:...> converter only matches
    # up to 18 digits: an `int` converter would match any length.
    patterns = [str(pattern.pattern) for pattern in api.urls[0]]
    assert patterns and not [p for p in patterns if "<int:" in p]


def test_every_json_body_is_an_object_with_no_nested_models():
    # core.json_api.ObjectBodyParser refuses a body that is not a JSON object, which is
    # right only while every body is one; and it checks the top level only, so a body
    # model must not hold another model (ninja's Schema would take any value there).
    document = _document()
    components = document["components"]["schemas"]
    for name, operation in _operations(document):
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            continue
        ref = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        body = components[ref]
        assert body["type"] == "object", name
        for field, schema in body.get("properties", {}).items():
            for inner in [schema, schema.get("items", {}), *schema.get("anyOf", [])]:
                if "$ref" in inner:
                    target = components[inner["$ref"].rsplit("/", 1)[-1]]
                    assert "enum" in target, f"{name}: {field} is a nested model"


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["[null, null]", "null", '"Quinn"', "3", '[["display_name", "Quinn"]]'])
def test_a_body_that_is_not_an_object_is_a_422_and_changes_nothing(client_for, user, body):
    client = client_for(user)
    before = user.display_name
    response = client.patch("/api/v1/me", data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "The body must be a JSON object."
    user.refresh_from_db()
    assert user.display_name == before
    assert client.patch("/api/v1/me", data="{not json", content_type="application/json").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_every_answer_of_the_api_is_json(settings, client_for, user, debug):
    # With DEBUG on, Django answers these with HTML debug pages; a JSON client must
    # never have to read HTML.
    settings.DEBUG = debug
    client = client_for(user)
    cases = [
        (client.get("/api/v1/circles/not-a-number"), 404),
        (client.get("/api/v1/circles/1234567890123456789012"), 404),
        (client.get("/api/v1/no-such-thing"), 404),
        (client.delete("/api/v1/me"), 405),
        (client.post("/api/v1/checkins", data="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
                     content_type="application/json"), 413),
        (client.post("/api/v1/checkins", data="a=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
                     content_type="application/x-www-form-urlencoded"), 413),
        (client.get("/hsds/services/not-a-uuid"), 404),
    ]
    for response, status in cases:
        assert (response.status_code, response["Content-Type"]) == (status, "application/json"), response.request
        assert response.json()["detail"]
    assert cases[3][0]["Allow"]
    assert "too large" in cases[4][0].json()["detail"]
    # The interactive docs stay a page.
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.django_db
def test_numbers_out_of_bounds_are_a_422(client_for, user):
    from tests.factories import CircleFactory

    circle = CircleFactory(owner=user)
    client = client_for(user)
    huge = 99999999999999999999
    calls = [
        client.get("/api/v1/checkins/trends", {"days": huge}),
        client.get("/api/v1/directory/search", {"zip": "22902", "page": huge}),
        client.get("/api/v1/directory/search", {"zip": "22902", "radius": huge}),
        client.get("/api/v1/directory/search", {"lat": "nan", "lon": "1"}),
        client.get("/api/v1/directory/search", {"lat": "1", "lon": "-1e999"}),
        client.post("/api/v1/screening/results", {"instrument": "phq2", "answers": {"phq2_1": huge, "phq2_2": 0}},
                    content_type="application/json"),
        client.post(f"/api/v1/talk/circles/{circle.pk}/conflicts", {"people": [huge], "issue": "Dishes"},
                    content_type="application/json"),
        client.post("/api/v1/reports", {"target_type": "reply", "target_id": huge, "reason": "spam"},
                    content_type="application/json"),
        client.post("/api/v1/checkins", {"mood": 3, "sleep_hours": "nan"}, content_type="application/json"),
    ]
    assert [response.status_code for response in calls] == [422] * len(calls)


@pytest.mark.django_db
def test_the_json_answers_speak_spanish(client):
    response = client.get("/api/v1/no-such-thing", HTTP_ACCEPT_LANGUAGE="es")
    assert response.json() == {"detail": "No lo encontramos."}
    response = client.get("/hsds/services", {"page": "0"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.json() == {"detail": "page debe estar entre 1 y 100000."}
