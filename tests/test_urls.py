"""Every URL in the URL conf, walked as a visitor, an outsider and a member.

A new URL fails `test_every_url_is_classified` until it is put in one of the
groups below, so no page that shows personal or circle data can skip these checks.
"""

import pytest

from kinwell.circles import services
from kinwell.circles.models import DataKind
from tests.factories import CircleFactory, UserFactory, screening_result, share
from tests.factories import together_world
from tests.urlconf import named_patterns

pytestmark = pytest.mark.django_db

PUBLIC = {
    "core:home", "core:help_now", "core:accessibility", "core:privacy", "core:healthz",
    "accounts:signup", "accounts:signup_sent", "accounts:confirm_sign_up", "accounts:login", "accounts:logout", "accounts:password_reset",
    "accounts:password_reset_done", "accounts:password_reset_confirm", "accounts:password_reset_complete",
    "accounts:deleted", "circles:invitation", "set_language", "safety:supporting",
    "checkins:reminder_link",
    "screening:stop_reminders",
    # "I would rather not be the one you ask": the signed link in the email is the key.
    "safety:decline",
    # The secret in the address is the key (a calendar program or a mail program has no session).
    "connect:calendar_feed", "connect:stop_nudges",
    # One-click unsubscribe: the signed token is the key; GET only shows the button.
    "notifications:unsubscribe",
    # A clinician link: the secret token is the key (a clinician has no account); a wrong one is a 404.
    "summary:shared",
    # The help finder and its Open Referral API: a public directory, no personal data.
    "directory:finder", "directory:detail", "directory:hsds_index", "directory:hsds_services",
    "directory:hsds_service", "directory:hsds_service_at_locations", "directory:hsds_organizations",
    "directory:hsds_taxonomy_terms", "directory:hsds_openapi", "directory:hsds_service_at_location",
    "directory:hsds_organization", "directory:hsds_taxonomies", "directory:hsds_taxonomy", "directory:hsds_taxonomy_term",
    "library:list", "library:guidelines", "library:article",
    # The installable app: its manifest, service worker and offline pages hold nothing personal.
    "pwa:manifest", "pwa:service_worker", "pwa:offline", "pwa:offline_saved",
}
# Signed-in pages about the person's own account: a visitor is sent to log in.
PERSONAL = {
    "accounts:settings", "accounts:password_change", "accounts:tokens", "accounts:revoke_token",
    "accounts:data", "accounts:download", "circles:new", "circles:access_log",
    "safety:plan", "safety:plan_print", "safety:tell_contact",
    "checkins:mine", "checkins:new", "checkins:edit", "checkins:delete", "checkins:trends", "checkins:settings",
    "checkins:dismiss_nudge",
    "checkins:import_export", "checkins:import_status", "checkins:export",
    "screening:index", "screening:start", "screening:take", "screening:discard", "screening:result",
    "screening:delete", "screening:fhir", "screening:fhir_all", "screening:history", "screening:summary",
    "screening:reminders",
    "journal:index", "journal:entry", "journal:delete_entry", "journal:goals", "journal:goal_progress",
    "journal:delete_goal", "connect:index", "connect:gratitude", "connect:delete_gratitude", "connect:ideas",
    "connect:calendar", "connect:nudges",
    "talk:home", "talk:coach",
    # Replying and reporting need an account; the moderation pages also need staff (403 otherwise).
    "library:respond", "moderation:report", "moderation:queue", "moderation:act", "moderation:log",
    "support:plan", "support:needs", "support:message", "support:build_together", "support:start_over",
    "support:save_service",
    "summary:index", "summary:detail", "summary:fhir", "summary:share", "summary:revoke_link", "summary:delete",
    "push:devices", "push:subscribe", "push:remove",
    "notifications:settings",
    # Card decks are the same for everyone; favourites are only the person's own.
    "checkins:quick",
    "cards:index", "cards:favourites", "cards:deck", "cards:draw", "cards:card", "cards:in_person", "cards:favourite",
    "cards:start",
}
# Pages inside a circle: only its members get anything but a 404.
CIRCLE = {
    "circles:detail", "circles:member", "circles:remove_member", "circles:transfer", "circles:invite",
    "circles:revoke_invitation", "circles:sharing", "circles:leave", "safety:member_plan",
    "checkins:circle", "checkins:respond",
    "screening:member_results",
    "journal:member_goals", "connect:circle", "connect:week", "connect:delete_win", "connect:member_gratitude",
    "connect:plans", "connect:plan", "connect:plan_ics",
    "talk:circle", "talk:conversation", "talk:conversation_state", "talk:conversation_live",
    "talk:conflict_new", "talk:conflict",
    "support:member_plan",
    # A support plan's own pages: only the people building it get anything but a 404.
    "support:joint", "support:joint_needs", "support:own_step", "support:step_done", "support:remove_step",
    "support:follow_up", "support:stop_together",
    # The daily question: today's, past days and what the pages post to.
    "daily:today", "daily:past", "daily:day", "daily:answer", "daily:swap", "daily:react", "daily:reply",
}
# Served by their own frameworks and tested on their own (admin: staff only; API: tests/api).
ELSEWHERE_PREFIXES = ("admin/", "api/v1/", "static/")


def test_every_url_is_classified():
    names = {name for route, name in named_patterns() if not route.startswith(ELSEWHERE_PREFIXES)}
    assert names - {None} == PUBLIC | PERSONAL | CIRCLE, "Classify new URLs in this test"
    assert None not in names, "Every URL needs a name"


@pytest.fixture
def world(settings):
    owner, member, outsider = UserFactory(display_name="Owner"), UserFactory(display_name="Member"), UserFactory()
    circle = CircleFactory(owner=owner, members=[member])
    share(owner, circle, DataKind.CHECKIN_MOOD)
    services.add_boundary(user=owner, circle=circle, text="Owner's quiet hour after work")
    invitation, token = services.create_invitation(inviter=owner, circle=circle)
    from kinwell.accounts.models import ApiToken

    api_token = ApiToken.objects.create(user=owner, name="phone", token_hash="a" * 64, hint="kw_aaaa")
    from kinwell.checkins import services as checkin_services
    from kinwell.checkins.models import SignNudge

    checkin = checkin_services.record_checkin(owner=owner, mood=2, note="Owner's quiet hour was hard today").value
    nudge = SignNudge.objects.create(owner=owner, rule="support_requests", since=checkin.day)
    from kinwell.checkins.import_jobs import queue_import

    checkin_import = queue_import(owner=owner, format="json", data=b'[{"day": "2025-03-01", "mood": 3}]')
    result = screening_result(owner, "gad7", total=12)
    together = together_world(owner=owner, member=member, circle=circle)
    from kinwell.talk import conflict_services, services as talk_services

    conversation = talk_services.start_conversation(starter=owner, circle=circle, partner=member, topic="Evenings").value
    talk_services.act(actor=owner, conversation=conversation, event="speak", text="Owner's quiet hour matters to me")
    conflict = conflict_services.open_conflict(opener=owner, circle=circle, people=[member], issue="Owner's quiet hour").value
    from kinwell.support import services as support_services
    from kinwell.support.rules import Signals

    plan = support_services.start_or_resume(owner=owner)
    support_services.save_answers(plan=plan, actor=owner, step="situation", answers={"concerns": ["loneliness"]})
    support_services.make_plan(plan=plan, actor=owner, signals=Signals(), use_what_kinwell_knows=True,
                               in_own_words="Owner's quiet hour feels empty")
    own_step = support_services.add_own_step(plan=plan, actor=owner, text="Owner's quiet hour walk").value
    from kinwell.summary import services as summary_services

    summary = summary_services.make_summary(owner=owner, days=30, plan=True, note_ids=[checkin.pk])
    link, _link_token = summary_services.make_link(owner=owner, summary_id=summary.pk)
    from kinwell.daily import services as daily_services
    from tests.daily import FIXTURE_BANK

    settings.DAILY_QUESTIONS_DIR = FIXTURE_BANK
    day = daily_services.open_today(viewer=owner, circle=circle)
    daily_answer = daily_services.answer_question(author=owner, circle=circle, day_id=day.pk,
                                                  text="Owner's quiet hour, every day").value
    daily_services.answer_question(author=member, circle=circle, day_id=day.pk, text="A long walk")
    from tests.push.fake_push import device_for

    device = device_for(owner)
    return {
        "owner": owner, "member": member, "outsider": outsider, "circle": circle,
        "kwargs": {
            "circle_id": circle.pk, "user_id": owner.pk, "invitation_id": invitation.pk,
            "token_id": api_token.pk, "token": token, "uidb64": "x",
            "checkin_id": checkin.pk, "nudge_id": nudge.pk, "action": "stop", "import_id": checkin_import.pk,
            "format": "csv",
            "response_id": result.pk, "instrument": "gad7", **together,
            "conversation_id": conversation.pk, "conflict_id": conflict.pk,
            "slug": "no-such-article", "reply_id": 999999, "target_type": "reply", "target_id": 999999,
            "plan_id": plan.pk, "step_id": own_step.pk, "step": "situation",
            "service_at_location_id": "5d1f0f8e-1c57-4b0e-9a43-6b1b1d1c0a11",
            "summary_id": summary.pk, "link_id": link.pk,
            "day_id": day.pk, "answer_id": daily_answer.pk, "device_id": device.pk,
            "deck_key": "repair", "card_key": "repair-what-helps",
        },
    }


def url_for(name, world):
    from django.urls import reverse

    route = dict((n, r) for r, n in named_patterns())[name]
    return reverse(name, kwargs={k: v for k, v in world["kwargs"].items() if f"<{k}>" in route or f":{k}>" in route})


@pytest.mark.parametrize("name", sorted(PERSONAL | CIRCLE))
def test_a_visitor_is_sent_to_log_in(client, world, name):
    for method in ("get", "post"):
        response = getattr(client, method)(url_for(name, world))
        assert response.status_code == 302, (name, method)
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("name", sorted(CIRCLE))
def test_an_outsider_gets_404_for_every_circle_url(client_for, world, name):
    client = client_for(world["outsider"])
    for method in ("get", "post"):
        response = getattr(client, method)(url_for(name, world))
        # A POST-only URL may refuse a GET with 405 before looking anything up.
        allowed = {404, 405} if method == "get" else {404}
        assert response.status_code in allowed, (name, method, response.status_code)
        assert "quiet hour" not in response.content.decode()


def test_a_member_sees_exactly_what_the_owner_shares(client_for, world):
    client = client_for(world["member"])
    for name in ("circles:detail", "circles:member"):
        page = client.get(url_for(name, world)).content.decode()
        assert "quiet hour after work" in page
        assert "Check-in moods" in page
        assert "Check-in notes" not in page
        assert "Screening results" not in page


def test_when_the_owner_takes_space_a_member_sees_only_that(client_for, world):
    from kinwell.connect import services as connect_services

    connect_services.send_appreciation(sender=world["owner"], circle=world["circle"], recipient_id=world["member"].pk,
                                       text="Thanks for the quiet hour")
    services.set_space(user=world["owner"], circle=world["circle"], paused=True)
    for name in ("connect:circle", "connect:week", "daily:today"):
        page = client_for(world["member"]).get(url_for(name, world)).content.decode()
        assert "quiet hour" not in page and "Owner appreciated" not in page, name
    client = client_for(world["member"])
    for name in ("circles:detail", "circles:member"):
        page = client.get(url_for(name, world)).content.decode()
        assert "is taking some space" in page
        assert "quiet hour" not in page
        assert "Check-in moods" not in page


def test_personal_pages_never_show_another_persons_data(client_for, world):
    client = client_for(world["outsider"])
    for name in sorted(PERSONAL - {"accounts:revoke_token", "push:remove"}):
        response = client.get(url_for(name, world))
        body = response.content.decode()
        assert "quiet hour" not in body and world["owner"].email not in body, name
    # The owner's token cannot be touched by someone else.
    assert client.post(url_for("accounts:revoke_token", world)).status_code == 404
    # Nor their push device.
    assert client.post(url_for("push:remove", world)).status_code == 404


def test_a_member_sees_shared_check_in_moods_but_not_unshared_notes(client_for, world):
    page = client_for(world["member"]).get(url_for("checkins:circle", world)).content.decode()
    assert "Low" in page and "Owner" in page
    assert "quiet hour was hard" not in page


def test_the_owner_sees_who_viewed_their_data(client_for, world):
    client_for(world["member"]).get(url_for("circles:member", world))
    page = client_for(world["owner"]).get(url_for("circles:access_log", world)).content.decode()
    assert "Member" in page and "boundaries" in page
    outsider_log = client_for(world["outsider"]).get(url_for("circles:access_log", world)).content.decode()
    assert "Member" not in outsider_log


def test_a_path_naming_a_circle_acts_in_that_circle_only(client_for):
    """Two people in two circles: an id from circle A through circle B's path is a 404,
    on the web and in the API, and nothing changes."""
    from datetime import datetime, timedelta

    from django.urls import reverse

    from kinwell.checkins import services as checkin_services
    from kinwell.circles.models import Boundary
    from kinwell.connect import services as connect_services
    from kinwell.connect.models import PlannedDate, Win
    from tests.api.test_api import Api

    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    first, second = CircleFactory(owner=maya, members=[jordan]), CircleFactory(owner=maya, members=[jordan])
    win = connect_services.celebrate_win(author=maya, circle=first, text="A quiet hour win").value
    boundary = services.add_boundary(user=maya, circle=first, text="A quiet hour, please").value
    plan = connect_services.propose_plan(
        proposer=maya, circle=first, invitee_id=jordan.pk, title="Walk",
        starts_local=datetime.now() + timedelta(days=3), minutes=60, time_zone="UTC",
    ).value
    share(maya, first, DataKind.CHECKIN_MOOD)
    checkin = checkin_services.record_checkin(owner=maya, mood=2).value

    wrong_win = reverse("connect:delete_win", kwargs={"circle_id": second.pk, "win_id": win.pk})
    assert client_for(maya).post(wrong_win).status_code == 404
    api = Api(maya)
    assert api.delete(f"/together/circles/{second.pk}/wins/{win.pk}").status_code == 404
    assert api.delete(f"/circles/{second.pk}/boundaries/{boundary.pk}").status_code == 404
    assert client_for(maya).post(reverse("circles:sharing", kwargs={"circle_id": second.pk}),
                                 {"action": "remove_boundary", "boundary": boundary.pk}).status_code == 404
    assert api.post(f"/together/circles/{second.pk}/plans/{plan.pk}/cancel").status_code == 404
    wrong_checkin = reverse("checkins:respond", kwargs={"circle_id": second.pk, "checkin_id": checkin.pk})
    assert client_for(jordan).post(wrong_checkin, {"reaction": "here_for_you"}).status_code == 404
    assert Win.objects.filter(pk=win.pk).exists() and Boundary.objects.filter(pk=boundary.pk).exists()
    assert PlannedDate.objects.get(pk=plan.pk).status == PlannedDate.Status.PROPOSED
    assert not checkin.responses.exists()
    # Through their own circle's paths, the same ids work.
    assert api.delete(f"/together/circles/{first.pk}/wins/{win.pk}").status_code == 204
    assert api.delete(f"/circles/{first.pk}/boundaries/{boundary.pk}").status_code == 204


def test_conversations_and_conflict_rounds_pause_while_someone_in_them_takes_space(client_for, world):
    """Through the policy like everything else: a member opening one is in the others'
    access log, and while someone in it takes space the others get a 404 and no list entry."""
    from kinwell.circles.models import AccessLogEntry

    member = client_for(world["member"])
    listing = member.get(url_for("talk:circle", world)).content.decode()
    assert url_for("talk:conversation", world) in listing and url_for("talk:conflict", world) in listing
    for name in ("talk:conversation", "talk:conflict"):
        assert member.get(url_for(name, world)).status_code == 200, name
    logged = set(AccessLogEntry.objects.filter(viewer=world["member"], owner=world["owner"]).values_list("kind", flat=True))
    assert {"conversation", "conflict_round"} <= logged
    log = client_for(world["owner"]).get(url_for("circles:access_log", world)).content.decode()
    assert "Member opened a conversation you are in" in log and "Member opened a conflict round you are in" in log

    services.set_space(user=world["owner"], circle=world["circle"], paused=True, quietly=True)
    for name in ("talk:conversation", "talk:conversation_state", "talk:conflict"):
        response = member.get(url_for(name, world))
        assert response.status_code == 404 and "quiet hour" not in response.content.decode(), name
    listing = member.get(url_for("talk:circle", world)).content.decode()
    assert url_for("talk:conversation", world) not in listing and url_for("talk:conflict", world) not in listing
    assert client_for(world["owner"]).get(url_for("talk:conversation", world)).status_code == 200  # hers still
    services.set_space(user=world["owner"], circle=world["circle"], paused=False)
    assert member.get(url_for("talk:conversation", world)).status_code == 200


def test_a_member_reads_the_owners_revealed_daily_answer(client_for, world):
    page = client_for(world["member"]).get(url_for("daily:today", world)).content.decode()
    assert "Owner&#x27;s quiet hour, every day" in page
