"""Tests for kinwell/moderation/services.py, selectors.py and registry.py.

Reporting and moderation: reports reach the queue, moderators act, everything they
do is in the audit trail, and only moderators can do it."""

import pytest
from django.utils import timezone

from kinwell.core.errors import NotAllowed, NotFound, ServiceError
from kinwell.library.models import Reply, ReplyStatus
from kinwell.moderation import selectors, services
from kinwell.moderation.models import ModerationAction, Report, Sanction
from kinwell.moderation.selectors import queue
from tests.factories import UserFactory, post_reply

pytestmark = pytest.mark.django_db

URGENT = "I can't do this anymore. I've been saving my pills and tonight is the night."


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Mo", is_staff=True)


def report(reporter, reply, reason="harmful", note=""):
    return services.report(reporter=reporter, target_type="reply", target_id=reply.pk, reason=reason, note=note).value


def test_a_reported_reply_shows_in_the_queue(user, other_user, moderator, client_for):
    reply = post_reply(user, "You are all idiots")
    report(other_user, reply, note="Name-calling")
    entries = queue()
    assert [(e["type"], e["id"]) for e in entries] == [("reply", str(reply.pk))]
    assert entries[0]["reports"][0].note == "Name-calling"
    page = client_for(moderator).get("/moderation/").content.decode()
    assert "You are all idiots" in page and "Name-calling" in page and "Harmful or unkind" in page


def test_held_replies_show_in_the_queue_crisis_first_with_guidance(user, moderator, client_for):
    post_reply(user, "see example.org")
    crisis = post_reply(user, URGENT)
    entries = queue()
    assert entries[0]["id"] == str(crisis.pk) and entries[0]["notes"]["crisis"]
    page = client_for(moderator).get("/moderation/").content.decode()
    assert "How to respond to a reply that suggests a crisis" in page
    assert "rated this urgent" in page


def test_reporting_twice_makes_one_report_and_a_bad_reason_is_refused(user, other_user):
    reply = post_reply(user)
    assert report(other_user, reply) == report(other_user, reply)
    assert Report.objects.count() == 1
    with pytest.raises(ServiceError):
        report(other_user, reply, reason="because")


def test_you_cannot_report_what_you_cannot_see(user, other_user):
    held = post_reply(user, "see example.org")
    with pytest.raises(NotFound):
        report(other_user, held)
    with pytest.raises(NotFound):
        services.report(reporter=other_user, target_type="nonsense", target_id=1, reason="spam")


def test_three_reporters_hold_a_reply_until_a_moderator_looks(user):
    reply = post_reply(user)
    for _ in range(services.HOLD_AFTER_REPORTERS):
        report(UserFactory(), reply, reason="spam")
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.HELD and "reported" in reply.held_reasons
    assert ModerationAction.objects.get().action == "auto_hold"


def test_the_daily_report_limit(user, other_user):
    Report.objects.bulk_create(
        [Report(target_type="reply", target_id=n + 1000, reporter=other_user, reason="spam") for n in range(services.REPORTS_PER_DAY)]
    )
    with pytest.raises(services.TooManyReports):
        report(other_user, post_reply(user))


@pytest.mark.parametrize("action, status", [("approve", ReplyStatus.PUBLISHED), ("hide", ReplyStatus.HIDDEN)])
def test_approve_and_hide_resolve_reports_and_are_audited(user, other_user, moderator, action, status):
    reply = post_reply(user, "see example.org")
    services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action=action)
    reply.refresh_from_db()
    assert reply.status == status
    entry = ModerationAction.objects.get()
    assert (entry.actor, entry.action, entry.subject, entry.target_id) == (moderator, action, user, str(reply.pk))
    assert not queue()


def test_delete_removes_the_reply_and_the_trail_remembers_it(user, other_user, moderator):
    reply = post_reply(user, "Spammy words here")
    report(other_user, reply, reason="spam")
    services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action="delete")
    assert not Reply.objects.exists()
    assert Report.objects.get().status == Report.Status.RESOLVED
    summary = ModerationAction.objects.get().target_summary
    assert "first-steps-together" in summary and "Spammy" not in summary


def test_warn_and_suspend_the_author(user, moderator):
    reply = post_reply(user)
    with pytest.raises(ServiceError):
        services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action="warn")
    services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action="warn", note="Please be kinder.")
    assert selectors.latest_warning(user).note == "Please be kinder."
    with pytest.raises(ServiceError):
        services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action="suspend", days=0)
    services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action="suspend", days=3)
    suspension = selectors.active_suspension(user)
    assert suspension is not None and suspension.until > timezone.now()
    assert [a.action for a in ModerationAction.objects.order_by("id")] == ["warn", "suspend"]
    # Suspended from replies only: the account still works.
    user.refresh_from_db()
    assert user.is_active


def test_only_moderators_moderate(user, other_user, client_for, client):
    reply = post_reply(user)
    with pytest.raises(NotAllowed):
        services.moderate(actor=other_user, target_type="reply", target_id=reply.pk, action="hide")
    assert client_for(other_user).get("/moderation/").status_code == 403
    assert client_for(other_user).get("/moderation/log/").status_code == 403
    response = client_for(other_user).post("/moderation/act/", {"target_type": "reply", "target_id": reply.pk, "action": "hide"})
    assert response.status_code == 403
    assert client.get("/moderation/").status_code == 302
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.PUBLISHED


def test_report_page_confirms_to_the_reporter(user, other_user, client_for):
    reply = post_reply(user, "Some reply")
    client = client_for(other_user)
    url = f"/report/reply/{reply.pk}/"
    assert "Some reply" in client.get(url).content.decode()
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "wrong_information", "note": "This is not true"}, follow=True)
    assert "Thank you for telling us" in response.content.decode()
    assert Report.objects.get().reason == "wrong_information"
    assert client.get("/report/reply/999999/").status_code == 404
    assert client.get("/report/nonsense/1/").status_code == 404


def test_the_moderation_pages_work_end_to_end(user, other_user, moderator, client_for):
    reply = post_reply(user, "Rude words")
    report(other_user, reply)
    client = client_for(moderator)
    response = client.post("/moderation/act/", {"target_type": "reply", "target_id": reply.pk, "action": "hide"}, follow=True)
    assert "Done" in response.content.decode()
    log = client.get("/moderation/log/").content.decode()
    assert "Mo" in log and "Hid" in log
    assert client.post("/moderation/act/", {"action": "explode"}).status_code == 400


def test_moderation_data_in_the_export(user, other_user):
    from kinwell.core.personal_data import export_for

    reply = post_reply(user)
    report(other_user, reply, note="A note")
    Sanction.objects.create(user=user, kind=Sanction.Kind.WARNING, note="Be kind")
    assert export_for(other_user)["moderation"]["reports_i_made"][0]["note"] == "A note"
    assert export_for(user)["moderation"]["warnings_and_suspensions"][0]["message"] == "Be kind"


def test_a_warned_person_sees_the_warning_where_they_reply(user, moderator, client_for):
    reply = post_reply(user)
    services.moderate(actor=moderator, target_type="reply", target_id=reply.pk, action="warn", note="Please keep it kind.")
    page = client_for(user).get("/library/first-steps-together/").content.decode()
    assert "A note from our moderators" in page and "Please keep it kind." in page
    assert "Please keep it kind." not in client_for(UserFactory()).get("/library/first-steps-together/").content.decode()

