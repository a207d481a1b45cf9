"""Tests for kinwell/api.py and every app's api.py.

schemathesis against our own OpenAPI document, in-process and signed in with a
personal access token: for generated requests to every operation, no 5xx, every
response matches its declared status, content type and schema, and requests that break
the document are refused.

Most requests come from schemathesis's coverage phase (boundary values, missing and
wrong-typed fields, methods an address does not take), which runs whatever
max_examples says; max_examples adds random ones on top. Six keeps the file near a
minute of CPU on an idle machine (it runs twice in CI, on SQLite and PostgreSQL);
twelve cost about a third more."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from kinwell.accounts.services import create_api_token
from kinwell.circles import services
from kinwell.wsgi import application
from tests.factories import CircleFactory, UserFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

# negative_data_rejection: a request that breaks the document (a body of the wrong JSON
# type, a number out of bounds) must be refused, not accepted; it found `[null, null]`
# taken as an empty update. unsupported_method: a method an address does not take is a 405.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection, unsupported_method]


@pytest.fixture
def keep_the_test_connection():
    """Requests here go through a plain WSGI client, not Django's test Client, so do
    what that Client does: keep the request signals from closing the connection that
    holds the test's transaction (PostgreSQL would otherwise lose it mid-test)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(db, keep_the_test_connection):
    person, friend = UserFactory(), UserFactory()
    circle = CircleFactory(owner=person, members=[friend])
    services.add_boundary(user=friend, circle=circle, text="Ask before visiting")
    services.update_sharing(user=friend, circle=circle, kinds={"checkin_mood"})
    _invitation, invite_token = services.create_invitation(inviter=person, circle=circle)
    _token, raw = create_api_token(user=person, name="schemathesis")
    return {"token": raw, "circle": circle, "friend": friend, "invite_token": invite_token}


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_conforms_to_the_schema(case, api_world):
    # Half the requests point at a real circle and person, so the success paths are
    # exercised too, not only 404s for made-up ids.
    # Only where every part of the request is meant to be valid: swapping a made-up id in
    # a request that breaks the document elsewhere (an unknown query parameter) would
    # turn a refusal the check expects into a success it does not.
    circle_id = (case.path_parameters or {}).get("circle_id")
    meant_valid = case.meta is None or all(
        component.mode == GenerationMode.POSITIVE for component in case.meta.components.values()
    )
    if meant_valid and isinstance(circle_id, int) and circle_id % 2 == 0:
        case.path_parameters["circle_id"] = api_world["circle"].pk
        if "user_id" in case.path_parameters:
            case.path_parameters["user_id"] = api_world["friend"].pk
    # Signed in through the case itself, not call(headers=): schemathesis then re-reads
    # what the request really carries, so a case made negative only by a wrong
    # Authorization header (or a made-up id replaced above) is judged as sent.
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {api_world['token']}"}
    response = case.call()
    case.validate_response(response, checks=CHECKS)
