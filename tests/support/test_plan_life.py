"""Tests for kinwell/support/services.py, selectors.py and jobs.py.

The plan after it is made: sharing through the access policy, building it together,
messages to trusted people, saving finder results, the follow-up, export and deletion."""

from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kinwell.accounts.services import delete_account
from kinwell.circles.access import can_view
from kinwell.circles.models import CircleKind, DataKind
from kinwell.core.personal_data import export_for
from kinwell.library.catalogue import articles
from kinwell.support import next_steps, services
from kinwell.support.jobs import ask_how_the_plan_is_going
from kinwell.support.models import PlanStep, SupportPlan, TrustedMessage
from kinwell.support.rules import Signals
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def make_plan(owner, *, concerns=("loneliness",), involves=(), words="", **signals):
    plan = services.start_or_resume(owner=owner)
    services.save_answers(plan=plan, actor=owner, step="situation", answers={"concerns": list(concerns)})
    services.save_answers(plan=plan, actor=owner, step="details", answers={"involves": list(involves)})
    return services.make_plan(plan=plan, actor=owner, signals=Signals(**signals), use_what_kinwell_knows=True,
                              in_own_words=words).value


@pytest.fixture
def couple():
    maya, jordan = UserFactory(display_name="Maya"), UserFactory(display_name="Jordan")
    circle = CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    return maya, jordan, circle


def test_every_article_a_plan_links_exists_in_the_library():
    assert set(next_steps.ARTICLES.values()) <= set(articles())


def test_a_member_sees_the_steps_only_when_shared_and_never_the_answers(client_for, couple):
    maya, jordan, circle = couple
    make_plan(maya, words="I feel so far from everyone")
    url = reverse("support:member_plan", kwargs={"circle_id": circle.pk, "user_id": maya.pk})
    assert client_for(jordan).get(url).status_code == 404
    share(maya, circle, DataKind.SUPPORT_PLAN)
    assert can_view(viewer=jordan, owner=maya, kind=DataKind.SUPPORT_PLAN, circle=circle)
    page = client_for(jordan).get(url).content.decode()
    assert "Reach out to people you trust" in page and "Send a short message to someone you trust" in page
    assert "lonely" not in page and "far from everyone" not in page
    log = client_for(maya).get(reverse("circles:access_log")).content.decode()
    assert "Jordan" in log


def test_a_plan_of_someone_who_feels_unsafe_is_never_shown_in_a_circle(client_for, couple):
    maya, jordan, circle = couple
    make_plan(maya, concerns=("unsafe", "partner_conflict"), involves=("partner",))
    share(maya, circle, DataKind.SUPPORT_PLAN)
    url = reverse("support:member_plan", kwargs={"circle_id": circle.pk, "user_id": maya.pk})
    assert client_for(jordan).get(url).status_code == 404


def test_a_couple_builds_one_plan_from_both_answers(client_for, couple):
    maya, jordan, circle = couple
    plan = make_plan(maya, concerns=("stress",), involves=("me",))
    client_for(maya).post(reverse("support:build_together"), {"partner": jordan.pk})
    plan.refresh_from_db()
    assert plan.partner == jordan and plan.circle == circle
    jordan_client = client_for(jordan)
    for step, data in (("situation", {"concerns": ["partner_conflict", "unsafe"]}),
                       ("details", {"involves": ["partner"], "duration": "long", "impact": "some"})):
        response = jordan_client.post(reverse("support:joint_needs", kwargs={"plan_id": plan.pk, "step": step}), data)
        assert response.status_code == 302
    services.make_plan(plan=plan, actor=maya, signals=Signals(), use_what_kinwell_knows=True)
    mine = client_for(maya).get(reverse("support:plan")).content.decode()
    assert "First: your safety" not in mine  # Jordan's "unsafe" never reaches Maya's view
    assert "couples_therapy" not in _pathways(mine)  # but it takes couples therapy out of both views
    theirs = jordan_client.get(reverse("support:joint", kwargs={"plan_id": plan.pk})).content.decode()
    assert "First: your safety" in theirs
    from kinwell.circles.models import AccessLogEntry

    assert AccessLogEntry.objects.filter(owner=maya, viewer=jordan, kind=DataKind.SUPPORT_PLAN).exists()
    assert AccessLogEntry.objects.filter(owner=jordan, viewer=maya, kind=DataKind.SUPPORT_PLAN).exists()
    step = plan.steps.exclude(kind="safety").first()
    jordan_client.post(reverse("support:step_done", kwargs={"plan_id": plan.pk, "step_id": step.pk}), {"done": "1"})
    step.refresh_from_db()
    assert step.done_by == jordan


def test_only_a_partner_in_a_couple_circle_can_build_it_together(client_for, couple):
    maya, jordan, circle = couple
    stranger = UserFactory()
    make_plan(maya)
    response = client_for(maya).post(reverse("support:build_together"), {"partner": stranger.pk})
    assert response.status_code == 400
    assert SupportPlan.objects.get(owner=maya).partner is None


def test_a_message_to_a_trusted_person_is_emailed_and_ticks_the_step(client_for, couple,
                                                                     django_capture_on_commit_callbacks):
    maya, jordan, circle = couple
    make_plan(maya)
    page = client_for(maya).get(reverse("support:message")).content.decode()
    assert "feeling a bit alone lately" in page and "mailto:?body=" in page and "Jordan" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(maya).post(reverse("support:message"),
                                         {"text": "Could we have a walk on Sunday?", "recipient": jordan.pk})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [jordan.email]
    assert "Could we have a walk on Sunday?" in mail.outbox[0].body and mail.outbox[0].reply_to == [maya.email]
    assert PlanStep.objects.get(plan__owner=maya, key="message").done_at is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM support_trustedmessage")
        assert "Sunday" not in cursor.fetchone()[0]


def test_a_message_only_goes_to_someone_in_my_circles(client_for, user):
    stranger = UserFactory()
    response = client_for(user).post(reverse("support:message"), {"text": "Hello", "recipient": stranger.pk})
    assert response.status_code == 400
    assert not TrustedMessage.objects.exists() and not mail.outbox


def test_the_follow_up_asks_once_on_its_day_in_the_persons_morning(couple, django_capture_on_commit_callbacks):
    maya, jordan, circle = couple
    maya.time_zone = "America/New_York"
    maya.save()
    plan = make_plan(maya)
    day = plan.follow_up_on
    assert day == timezone.localdate() + timedelta(days=14)
    early = datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt_timezone.utc)  # 7:00 in New York
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_how_the_plan_is_going(now=early) == 0
        assert ask_how_the_plan_is_going(now=early + timedelta(hours=3)) == 1
        assert ask_how_the_plan_is_going(now=early + timedelta(hours=4)) == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [maya.email]
    # A plain subject: the inbox may be seen by someone else.
    assert mail.outbox[0].subject == "A note from Kinwell"
    assert "you made a support plan in Kinwell. How is it going?" in mail.outbox[0].body
    assert reverse("support:needs", kwargs={"step": "situation"}) in mail.outbox[0].body
    assert "/help-now/" in mail.outbox[0].body and "911" in mail.outbox[0].body


def test_saving_a_finder_result_puts_it_on_the_plan(client_for, user):
    from kinwell.directory.demo import load_demo_directory
    from kinwell.directory.models import ServiceAtLocation

    load_demo_directory()
    place = ServiceAtLocation.objects.select_related("service").first()
    response = client_for(user).post(reverse("support:save_service", kwargs={"service_at_location_id": place.pk}))
    assert response.status_code == 302
    step = PlanStep.objects.get(plan__owner=user, pathway="saved")
    assert step.own_text == place.service.name and str(place.pk) in step.link
    assert place.service.name in client_for(user).get(reverse("support:plan")).content.decode()


def test_the_plan_is_in_the_export_and_goes_with_the_account(couple):
    maya, jordan, circle = couple
    plan = make_plan(maya, words="Evenings are the hardest")
    services.build_together(plan=plan, owner=maya, partner_id=jordan.pk)
    services.save_answers(plan=plan, actor=jordan, step="situation", answers={"concerns": ["stress"]})
    exported = export_for(maya)["support_plan"]
    assert exported["plan"]["in_own_words"] == "Evenings are the hardest"
    assert exported["plan"]["answers"]["concerns"] == ["loneliness"]
    assert export_for(jordan)["support_plan"]["my_answers_in_plans_built_together"][0]["answers"] == {
        "concerns": ["stress"]}
    delete_account(user=jordan)
    plan.refresh_from_db()
    assert plan.partner is None and plan.partner_answers == {}
    delete_account(user=maya)
    assert not SupportPlan.objects.exists() and not PlanStep.objects.exists()


def test_a_sign_nudge_offers_to_make_a_support_plan(client_for, user):
    from kinwell.checkins.models import SignNudge

    SignNudge.objects.create(owner=user, rule="mood_below_baseline", since=timezone.localdate())
    page = client_for(user).get(reverse("checkins:mine")).content.decode()
    assert f'href="{reverse("support:plan")}"' in page and "Make a support plan" in page


def test_the_member_page_links_a_shared_plan(client_for, couple):
    maya, jordan, circle = couple
    make_plan(maya)
    share(maya, circle, DataKind.SUPPORT_PLAN)
    page = client_for(jordan).get(reverse("circles:member", kwargs={"circle_id": circle.pk, "user_id": maya.pk}))
    assert reverse("support:member_plan", kwargs={"circle_id": circle.pk, "user_id": maya.pk}) in page.content.decode()


def test_finder_results_offer_save_and_share_when_signed_in(client_for, client, user):
    from kinwell.directory.demo import load_demo_directory

    load_demo_directory()
    from kinwell.directory.models import ServiceAtLocation

    place = ServiceAtLocation.objects.first()
    detail = reverse("directory:detail", kwargs={"service_at_location_id": place.pk})
    assert "Save to my support plan" in client_for(user).get(detail).content.decode()
    assert f"{reverse('support:message')}?service={place.pk}" in client_for(user).get(detail).content.decode()
    assert "Save to my support plan" not in client.get(detail).content.decode()
    share_page = client_for(user).get(f"{reverse('support:message')}?service={place.pk}").content.decode()
    assert place.service.name in share_page
    assert client_for(user).get(f"{reverse('support:message')}?service=not-a-uuid").status_code == 404


def test_the_demo_data_has_a_plan_built_together_and_loads_twice(client_for):
    from django.core.management import call_command

    for _ in range(2):
        call_command("load_demo_data", stdout=open("/dev/null", "w"))
    plan = SupportPlan.objects.get(owner__email="maya@example.com")
    assert plan.partner.email == "jordan@example.com" and plan.is_made
    assert plan.steps.filter(done_at__isnull=False).count() == 1
    page = client_for(plan.partner).get(reverse("support:joint", kwargs={"plan_id": plan.pk})).content.decode()
    assert "Couples therapy" in page and "zip=60614" in page


@pytest.mark.parametrize("how", ["partner_leaves", "owner_leaves", "removed", "circle_ends"])
def test_a_plan_built_together_ends_when_the_couple_circle_does(client_for, couple, how):
    from kinwell.circles import services as circle_services

    maya, jordan, circle = couple
    plan = make_plan(maya)
    services.build_together(plan=plan, owner=maya, partner_id=jordan.pk)
    services.save_answers(plan=plan, actor=jordan, step="situation", answers={"concerns": ["stress"]})
    if how == "partner_leaves":
        circle_services.leave_circle(user=jordan, circle=circle)
    elif how == "owner_leaves":
        circle_services.transfer_ownership(actor=maya, circle=circle, new_owner=jordan)
        circle_services.leave_circle(user=maya, circle=circle)
    elif how == "removed":
        circle_services.remove_member(actor=maya, circle=circle, member=jordan)
    else:
        circle.delete()
    plan.refresh_from_db()
    assert plan.partner is None and plan.partner_answers == {}
    assert client_for(jordan).get(reverse("support:joint", kwargs={"plan_id": plan.pk})).status_code == 404


def _joint(maya, jordan, plan, client_for, *, jordan_concerns):
    client_for(maya).post(reverse("support:build_together"), {"partner": jordan.pk})
    plan.refresh_from_db()
    for step, data in (("situation", {"concerns": jordan_concerns}),
                       ("details", {"involves": ["partner"], "duration": "long", "impact": "a_lot"})):
        client_for(jordan).post(reverse("support:joint_needs", kwargs={"plan_id": plan.pk, "step": step}), data)
    return services.make_plan(plan=plan, actor=maya, signals=Signals(), use_what_kinwell_knows=True).value


def _pathways(page: str) -> set:
    import re

    return set(re.findall(r'id="pathway-(\w+)"', page))


def test_when_either_partner_feels_unsafe_couples_therapy_leaves_both_views(client_for, couple):
    maya, jordan, circle = couple
    plan = make_plan(maya, concerns=("partner_conflict",), involves=("partner",))
    plan = _joint(maya, jordan, plan, client_for, jordan_concerns=["partner_conflict", "unsafe"])
    mine = client_for(maya).get(reverse("support:plan")).content.decode()
    theirs = client_for(jordan).get(reverse("support:joint", kwargs={"plan_id": plan.pk})).content.decode()
    for page in (mine, theirs):
        assert "couples_therapy" not in _pathways(page)
        assert "Couples therapy" not in page
    assert "First: your safety" not in mine  # and Maya is never told why


def test_the_owners_safety_steps_stay_private_in_a_plan_built_together(client_for, couple):
    maya, jordan, circle = couple
    plan = make_plan(maya, concerns=("unsafe", "partner_conflict"), involves=("partner",))
    plan = _joint(maya, jordan, plan, client_for, jordan_concerns=["partner_conflict"])
    safety_steps = plan.steps.filter(pathway="safety")
    assert safety_steps.exists()
    shared = plan.steps.exclude(pathway="safety").count()
    theirs = client_for(jordan).get(reverse("support:joint", kwargs={"plan_id": plan.pk})).content.decode()
    assert f"0 of {shared} steps done" in theirs
    assert "not safe" not in theirs.lower() and "First: your safety" not in theirs
    assert next_steps.ARTICLES["unsafe"] not in theirs
    api = client_for(jordan).get(f"/api/v1/support-plan/{plan.pk}")
    assert api.status_code == 200 and api.json()["safety_steps"] == []
    mine = client_for(maya).get(reverse("support:plan")).content.decode()
    assert "First: your safety" in mine and f"0 of {shared} steps done" in mine


def test_danger_in_the_owners_own_words_counts_like_feeling_unsafe(client_for, couple):
    maya, jordan, circle = couple
    plan = services.start_or_resume(owner=maya)
    services.save_answers(plan=plan, actor=maya, step="situation", answers={"concerns": ["partner_conflict"]})
    services.save_answers(plan=plan, actor=maya, step="details", answers={"involves": ["partner"]})
    services.make_plan(plan=plan, actor=maya, signals=Signals(), use_what_kinwell_knows=False,
                       in_own_words="He choked me last week")
    page = client_for(maya).get(reverse("support:plan")).content.decode()
    assert "First: your safety" in page
    assert "couples_therapy" not in _pathways(page) and "not advised" in page
    share(maya, circle, DataKind.SUPPORT_PLAN)
    url = reverse("support:member_plan", kwargs={"circle_id": circle.pk, "user_id": maya.pk})
    assert client_for(jordan).get(url).status_code == 404
