"""Tests for kinwell/directory/reportable.py.

'Report incorrect information' on a directory record goes to the moderation queue,
and a moderator can hide the record from the finder."""

import pytest

from kinwell.directory.demo import load_demo_directory
from kinwell.directory.models import SearchEntry, Service
from kinwell.moderation.models import ModerationAction, Report
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_wrong_record_is_reported_seen_in_the_queue_and_hidden(client_for):
    load_demo_directory()
    service = Service.objects.filter(name__icontains="Lakeside").first() or Service.objects.first()
    place = service.service_at_locations.first()
    reporter, moderator = UserFactory(), UserFactory(is_staff=True)

    detail = client_for(reporter).get(f"/find-help/{place.pk}/").content.decode()
    report_url = f"/report/service/{service.pk}/"
    assert report_url in detail and "Report incorrect information" in detail
    response = client_for(reporter).post(report_url, {"reason": "wrong_information", "note": "The phone number is disconnected"})
    assert response.status_code in (200, 302), response.content.decode()[:500]
    assert Report.objects.get().target_id == str(service.pk)

    queue = client_for(moderator).get("/moderation/").content.decode()
    assert service.name in queue
    hidden = client_for(moderator).post(
        "/moderation/act/", {"target_type": "service", "target_id": str(service.pk), "action": "hide"}
    )
    assert hidden.status_code in (200, 302)
    service.refresh_from_db()
    assert service.status == "inactive"
    assert not SearchEntry.objects.filter(service_at_location__service=service).exists()
    assert client_for(reporter).get(f"/find-help/{place.pk}/").status_code == 404
    assert ModerationAction.objects.filter(action="hide", target_type="service").exists()


def test_a_made_up_record_cannot_be_reported(client_for):
    client = client_for(UserFactory())
    assert client.get("/report/service/not-a-uuid/").status_code == 404
    assert client.get("/report/service/7b1c2c1e-0000-4000-8000-000000000000/").status_code == 404
