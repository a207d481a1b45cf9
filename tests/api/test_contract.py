"""The API's contract as a whole: one name for one shape in the OpenAPI document,
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
