"""Tests for kinwell/core/management/commands/load_demo_data.py and kinwell/core/demo.py."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kinwell.circles.models import Circle, Membership

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates_and_everyone_can_sign_in(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    people = get_user_model().objects.all()
    assert people.count() == 6
    assert Circle.objects.count() == 3
    assert Membership.objects.filter(role="owner").count() == 3
    for person in people:
        assert person.check_password("kinwell-demo")
    response = client.post("/accounts/login/", {"username": "maya@example.com", "password": "kinwell-demo"})
    assert response.status_code == 302
