"""Tests for kinwell/summary/services.py (links) and selectors.py.

The private link for a clinician: unguessable, only its hash kept, read-only,
expiring, revocable, exactly the chosen content, every view in the owner's access log,
no way into the rest of Kinwell; and the summary in the export and gone with the account."""

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinwell.accounts.services import delete_account
from kinwell.circles.models import AccessLogEntry
from kinwell.core.errors import ServiceError
from kinwell.core.personal_data import export_for
from kinwell.summary import services
from kinwell.summary.models import ClinicianLink, Summary
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(maya):
    summary = services.make_summary(owner=maya, days=90, instruments=["gad7"], trends=True)
    link, token = services.make_link(owner=maya, summary_id=summary.pk, label="Dr. Rivera")
    return {"summary": summary, "link": link, "token": token, "url": reverse("summary:shared", args=[token])}


def test_the_token_is_unguessable_and_only_its_hash_is_kept(shared):
    token, link = shared["token"], shared["link"]
    assert len(token) >= 43  # 32 random bytes
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not ClinicianLink.objects.filter(token_hash=token).exists()
    assert token not in str(export_for(link.summary.owner))


def test_expiry_defaults_to_14_days_and_is_at_most_90(maya, shared):
    assert timedelta(days=13, hours=23) < shared["link"].expires_at - timezone.now() <= timedelta(days=14)
    longest, _token = services.make_link(owner=maya, summary_id=shared["summary"].pk, days=90)
    assert longest.expires_at - timezone.now() > timedelta(days=89)
    for days in (0, 91, -3):
        with pytest.raises(ServiceError):
            services.make_link(owner=maya, summary_id=shared["summary"].pk, days=days)


def test_a_visitor_sees_exactly_the_chosen_content_and_nothing_else_of_kinwell(client, shared):
    response = client.get(shared["url"])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Summary shared by Maya" in page and "GAD-7" in page and "not a diagnosis" in page
    assert "PHQ-9" not in page  # not chosen
    assert "Hard week at work" not in page  # notes were not picked
    assert "<a " not in page and "Log in" not in page and "<nav" not in page and "<form" not in page
    assert "<script" not in page  # nothing needs JavaScript
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"] and '<meta name="robots" content="noindex' in page
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_every_view_is_in_the_owners_access_log(client, client_for, maya, shared):
    client.get(shared["url"])
    client.get(shared["url"])
    entries = AccessLogEntry.objects.filter(owner=maya)
    assert entries.count() == 2
    assert all(e.viewer is None and e.circle is None and e.link_id == shared["link"].pk for e in entries)
    shared["link"].refresh_from_db()
    assert shared["link"].views == 2 and shared["link"].last_viewed_at is not None
    log = client_for(maya).get(reverse("circles:access_log")).content.decode()
    assert log.count("Your clinician link “Dr. Rivera” was opened") == 2
    summary_page = client_for(maya).get(reverse("summary:detail", args=[shared["summary"].pk])).content.decode()
    assert "Viewed 2 times." in summary_page


def test_wrong_expired_and_revoked_tokens_get_the_same_404(client, client_for, maya, shared):
    wrong = client.get(reverse("summary:shared", args=["x" * 43]))
    expired_link, expired_token = services.make_link(owner=maya, summary_id=shared["summary"].pk)
    ClinicianLink.objects.filter(pk=expired_link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    expired = client.get(reverse("summary:shared", args=[expired_token]))
    response = client_for(maya).post(reverse("summary:revoke_link", args=[shared["summary"].pk, shared["link"].pk]))
    assert response.status_code == 302
    revoked = client.get(shared["url"])
    bodies = set()
    for answer in (wrong, expired, revoked):
        assert answer.status_code == 404
        assert answer["Referrer-Policy"] == "no-referrer"
        body = answer.content.decode()
        assert "Maya" not in body and "GAD-7" not in body
        bodies.add(body.replace(answer.wsgi_request.path, ""))
    assert len(bodies) == 1  # nothing tells them apart
    assert not AccessLogEntry.objects.filter(owner=maya).exists()  # none of these was a view


def test_a_link_is_read_only(client, shared):
    assert client.post(shared["url"]).status_code in (403, 404)


def test_deleting_the_summary_closes_its_links_and_keeps_the_log(client, client_for, maya, shared):
    client.get(shared["url"])
    client_for(maya).post(reverse("summary:delete", args=[shared["summary"].pk]))
    assert client.get(shared["url"]).status_code == 404
    entry = AccessLogEntry.objects.get(owner=maya)
    assert entry.link_id is None and entry.kind == "clinician_summary"
    assert "A clinician link you made was opened" in client_for(maya).get(reverse("circles:access_log")).content.decode()


def test_making_a_link_shows_the_address_once(client_for, maya, shared):
    client = client_for(maya)
    response = client.post(reverse("summary:share", args=[shared["summary"].pk]), {"days": 30, "label": "Group"})
    page = response.content.decode()
    assert response.status_code == 200 and "/for-clinician/" in page
    token = page.split("/for-clinician/")[1].split("/")[0]
    assert ClinicianLink.objects.get(label="Group").token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert "/for-clinician/" not in client.get(reverse("summary:detail", args=[shared["summary"].pk])).content.decode()
    bad = client.post(reverse("summary:share", args=[shared["summary"].pk]), {"days": 120})
    assert bad.status_code == 400 and "90" in bad.content.decode()


def test_summaries_links_and_views_are_in_the_export_and_go_with_the_account(client, maya, shared):
    client.get(shared["url"])
    section = export_for(maya)["clinician_summaries"]["summaries"][0]
    assert section["questionnaires"] == ["gad7"] and section["trends"] is True
    assert section["links"][0]["label"] == "Dr. Rivera" and len(section["links"][0]["views"]) == 1
    assert export_for(maya)["circles"]["who_viewed_my_data"][0]["kind"] == "clinician_summary"
    assert export_for(UserFactory())["clinician_summaries"] is None
    delete_account(user=maya)
    assert not Summary.objects.exists() and not ClinicianLink.objects.exists()
    assert not AccessLogEntry.objects.exists()
    assert client.get(shared["url"]).status_code == 404
