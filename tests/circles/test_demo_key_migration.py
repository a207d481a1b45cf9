"""Tests for kinwell/circles/migrations (demo_key).

A database made by an earlier `make run` keeps its demo circles when the demo key
arrives, instead of gaining a second set beside them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("circles", "0002_more_kinds_of_data")]
AFTER = [("circles", "0003_demo_key")]


@pytest.fixture
def back_to_the_latest_schema():
    """Migrating back leaves later migrations unapplied: put them back, so the tests that
    run after this one (transactional tests share the database) see the whole schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_earlier_demo_circles_are_marked_and_a_same_named_circle_is_not(back_to_the_latest_schema):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User, Circle, Membership = (old.get_model(*name.split(".")) for name in
                                ("accounts.User", "circles.Circle", "circles.Membership"))
    maya = User.objects.create(email="maya@example.com", username="maya@example.com", display_name="Maya")
    ana = User.objects.create(email="ana@example.com", username="ana@example.com", display_name="Ana")
    demo = Circle.objects.create(name="Maya & Jordan", kind="couple")
    own = Circle.objects.create(name="Maya & Jordan", kind="couple")
    not_hers = Circle.objects.create(name="The Riveras", kind="family")
    for circle in (demo, own):
        Membership.objects.create(circle=circle, user=maya, role="owner")
    Membership.objects.create(circle=not_hers, user=maya, role="owner")  # Ana owned the demo one
    Membership.objects.create(circle=Circle.objects.create(name="Ana's", kind="other"), user=ana, role="owner")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("circles", "Circle")
    assert dict(new.objects.exclude(demo_key="").values_list("pk", "demo_key")) == {demo.pk: "couple"}
