"""Tests for kinwell/talk/conflict_services.py, conflict_views.py and jobs.py.

Conflict rounds: every step, wrong steps as clear 4xx, the check-back reminder job."""

from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinwell.core.errors import Conflict as ConflictError
from kinwell.core.errors import NotFound, ServiceError
from kinwell.core.schedule import run_due_jobs
from kinwell.talk import conflict_services as services
from kinwell.talk.jobs import send_check_back_reminders
from kinwell.talk.models import Conflict
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db
Stage = Conflict.Stage


@pytest.fixture
def people():
    ana, ben, cal = UserFactory(display_name="Ana"), UserFactory(display_name="Ben"), UserFactory(display_name="Cal")
    circle = CircleFactory(owner=ana, members=[ben, cal])
    return ana, ben, cal, circle


@pytest.fixture
def round_(people):
    ana, ben, _cal, circle = people
    return services.open_conflict(opener=ana, circle=circle, people=[ben], issue="Dishes").value


def url(conflict):
    return reverse("talk:conflict", kwargs={"circle_id": conflict.circle_id, "conflict_id": conflict.pk})


def to_agreed(conflict, ana, ben, days=7):
    services.write_view(actor=ana, conflict=conflict, view="Dishes pile up", feelings="tired", needs="help")
    services.write_view(actor=ben, conflict=conflict, view="I do them later", feelings="nagged", needs="trust")
    services.write_reflection(actor=ana, conflict=conflict, text="You plan to do them later")
    services.write_reflection(actor=ben, conflict=conflict, text="You are tired of the pile")
    services.add_option(actor=ben, conflict=conflict, text="Dishwasher every night")
    services.finish_brainstorm(actor=ana, conflict=conflict)
    services.propose_agreement(actor=ana, conflict=conflict, text="Ben runs it at 9", check_back_on=timezone.localdate() + timedelta(days=days))
    services.accept_agreement(actor=ben, conflict=conflict)
    conflict.refresh_from_db()
    return conflict


def test_opening_needs_other_circle_members(people):
    ana, ben, _cal, circle = people
    with pytest.raises(ServiceError):
        services.open_conflict(opener=ana, circle=circle, people=[ana], issue="x")
    with pytest.raises(ServiceError):
        services.open_conflict(opener=ana, circle=circle, people=[UserFactory()], issue="x")
    with pytest.raises(ServiceError):
        services.open_conflict(opener=ana, circle=circle, people=[ben], issue="")
    assert not Conflict.objects.exists()


def test_a_whole_round_moves_through_every_step(people, round_):
    ana, ben, _cal, _circle = people
    conflict = to_agreed(round_, ana, ben)
    assert conflict.stage == Stage.AGREED and conflict.check_back_on
    services.revisit(actor=ben, conflict=conflict, text="Mostly works", keep=False)
    conflict.refresh_from_db()
    assert conflict.stage == Stage.BRAINSTORMING and conflict.check_back_on is None
    assert not conflict.members.filter(agreed=True).exists()
    services.finish_brainstorm(actor=ana, conflict=conflict)  # the earlier options still count
    services.propose_agreement(actor=ben, conflict=conflict, text="Alternate nights", check_back_on=timezone.localdate() + timedelta(days=3))
    services.accept_agreement(actor=ana, conflict=conflict)
    services.revisit(actor=ana, conflict=conflict, text="Works well", keep=True)
    conflict.refresh_from_db()
    assert conflict.stage == Stage.CLOSED


def test_wrong_steps_are_refused(people, round_):
    ana, ben, cal, _circle = people
    with pytest.raises(NotFound):
        services.write_view(actor=cal, conflict=round_, view="a", feelings="b", needs="c")
    with pytest.raises(ConflictError):
        services.write_reflection(actor=ana, conflict=round_, text="too early")
    services.write_view(actor=ana, conflict=round_, view="a", feelings="b", needs="c")
    with pytest.raises(ConflictError, match="already"):
        services.write_view(actor=ana, conflict=round_, view="a", feelings="b", needs="c")
    with pytest.raises(ServiceError):
        services.write_view(actor=ben, conflict=round_, view="a", feelings="", needs="c")
    assert round_.entries.filter(author=ben).count() == 0  # nothing half-written
    services.write_view(actor=ben, conflict=round_, view="a", feelings="b", needs="c")
    services.write_reflection(actor=ana, conflict=round_, text="x")
    services.write_reflection(actor=ben, conflict=round_, text="y")
    with pytest.raises(ServiceError, match="at least one option"):
        services.finish_brainstorm(actor=ana, conflict=round_)
    services.add_option(actor=ana, conflict=round_, text="o")
    services.finish_brainstorm(actor=ana, conflict=round_)
    with pytest.raises(ConflictError, match="Nobody"):
        services.accept_agreement(actor=ben, conflict=round_)
    for bad in (None, timezone.localdate(), timezone.localdate() + timedelta(days=400)):
        with pytest.raises(ServiceError):
            services.propose_agreement(actor=ana, conflict=round_, text="t", check_back_on=bad)
    with pytest.raises(ConflictError):
        services.revisit(actor=ana, conflict=round_, text="t", keep=True)


def test_others_views_stay_hidden_until_you_wrote_yours(client_for, people, round_):
    ana, ben, _cal, _circle = people
    services.write_view(actor=ana, conflict=round_, view="Ana's view here", feelings="sad", needs="rest")
    page = client_for(ben).get(url(round_)).content.decode()
    assert "Ana&#x27;s view here" not in page and "Ana's view here" not in page
    client_for(ben).post(url(round_), {"action": "view", "view": "Ben's view", "feelings": "ok", "needs": "calm"})
    page = client_for(ben).get(url(round_)).content.decode()
    assert "view here" in page


def test_pages_walk_through_each_step_with_repair_phrases(client_for, people, round_):
    ana, ben, _cal, _circle = people
    a, b = client_for(ana), client_for(ben)
    page = a.get(url(round_)).content.decode()
    assert "Repair phrases" in page and "Can we start over?" in page and "Dishes" in page
    assert a.post(url(round_), {"action": "view", "view": "v", "feelings": "", "needs": "n"}).status_code == 400
    for client in (a, b):
        assert client.post(url(round_), {"action": "view", "view": "v", "feelings": "f", "needs": "n"}).status_code == 302
    for client in (a, b):
        assert client.post(url(round_), {"action": "reflection", "text": "heard"}).status_code == 302
    assert a.post(url(round_), {"action": "option", "text": "idea"}).status_code == 302
    assert b.post(url(round_), {"action": "finish_brainstorm"}).status_code == 302
    day = (timezone.localdate() + timedelta(days=7)).isoformat()
    assert a.post(url(round_), {"action": "agreement", "text": "deal", "check_back_on": day}).status_code == 302
    assert b.post(url(round_), {"action": "accept"}).status_code == 302
    round_.refresh_from_db()
    assert round_.stage == Stage.AGREED
    assert a.post(url(round_), {"action": "option", "text": "late"}).status_code == 400  # step closed: clear 4xx
    assert a.post(url(round_), {"action": "revisit", "text": "good", "outcome": "keep"}).status_code == 302
    round_.refresh_from_db()
    assert round_.stage == Stage.CLOSED


def test_a_circle_member_outside_the_round_gets_404(client_for, people, round_):
    assert client_for(people[2]).get(url(round_)).status_code == 404
    assert client_for(people[2]).post(url(round_), {"action": "accept"}).status_code == 404


def test_opening_from_the_circle_page(client_for, people):
    ana, ben, _cal, circle = people
    new = reverse("talk:conflict_new", args=[circle.pk])
    assert client_for(ana).post(new, {"people": [ben.pk], "issue": ""}).status_code == 400
    response = client_for(ana).post(new, {"people": [ben.pk], "issue": "Bedtimes"})
    conflict = Conflict.objects.get()
    assert response["Location"] == url(conflict) and conflict.members.count() == 2


def test_the_check_back_reminder_is_sent_once_on_the_day(people, round_, django_capture_on_commit_callbacks):
    ana, ben, _cal, _circle = people
    conflict = to_agreed(round_, ana, ben, days=2)
    mail.outbox.clear()
    before = datetime.combine(conflict.check_back_on - timedelta(days=1), datetime.min.time(), tzinfo=dt_timezone.utc)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_check_back_reminders(now=before) == 0
    on_the_day = before + timedelta(days=1, hours=8)
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run_due_jobs(now=on_the_day)
    assert outcomes["kinwell.talk.jobs.send_check_back_reminders"] == "ok"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ana.email, ben.email])
    assert "check back" in mail.outbox[0].body and "Dishes" not in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_check_back_reminders(now=on_the_day + timedelta(minutes=1)) == 0
    assert len(mail.outbox) == 2


def test_anyone_can_leave_privately_at_any_step(client_for, people, django_capture_on_commit_callbacks):
    ana, ben, cal, circle = people
    conflict = services.open_conflict(opener=ana, circle=circle, people=[ben, cal], issue="Holidays").value
    services.write_view(actor=ana, conflict=conflict, view="Mine", feelings="tired", needs="rest")
    services.write_view(actor=ben, conflict=conflict, view="I am scared of how you get", feelings="afraid", needs="space")
    page = client_for(ben).get(url(conflict)).content.decode()
    assert "Leave this round" in page and "nobody is emailed" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(ben).post(url(conflict), {"action": "leave"})
    assert response.status_code == 302 and mail.outbox == []
    assert client_for(ben).get(url(conflict)).status_code == 404
    conflict.refresh_from_db()
    # Ben's words left with him; Cal still has to write, so the round waits for Cal.
    assert not conflict.entries.filter(author=ben).exists() and conflict.stage == Stage.VIEWS
    for_ana = client_for(ana).get(url(conflict)).content.decode()
    assert "Ben" not in for_ana and "scared" not in for_ana and "left" not in for_ana.split("Leave this round")[0]
    services.write_view(actor=cal, conflict=conflict, view="Cal's", feelings="ok", needs="fairness")
    conflict.refresh_from_db()
    assert conflict.stage == Stage.REFLECTING
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cal).post(url(conflict), {"action": "leave"})
    conflict.refresh_from_db()
    assert conflict.stage == Stage.ENDED and mail.outbox == []
    for_ana = client_for(ana).get(url(conflict)).content.decode()
    assert "This round has ended." in for_ana and "Cal" not in for_ana and "left Kinwell" not in for_ana
    with pytest.raises(ConflictError):
        services.write_reflection(actor=ana, conflict=conflict, text="x")


def test_leaving_after_proposing_the_agreement_sends_the_others_back_to_choosing(people):
    ana, ben, cal, circle = people
    conflict = services.open_conflict(opener=ana, circle=circle, people=[ben, cal], issue="Chores").value
    for person in (ana, ben, cal):
        services.write_view(actor=person, conflict=conflict, view="v", feelings="f", needs="n")
    for person in (ana, ben, cal):
        services.write_reflection(actor=person, conflict=conflict, text="r")
    services.add_option(actor=ben, conflict=conflict, text="A rota")
    services.finish_brainstorm(actor=ben, conflict=conflict)
    services.propose_agreement(actor=cal, conflict=conflict, text="Cal's plan", check_back_on=timezone.localdate() + timedelta(days=3))
    services.accept_agreement(actor=ana, conflict=conflict)
    services.leave(actor=cal, conflict=conflict)
    conflict.refresh_from_db()
    assert conflict.stage == Stage.BRAINSTORMING and conflict.check_back_on is None
    assert not conflict.members.filter(agreed=True).exists()
    with pytest.raises(NotFound):
        services.leave(actor=cal, conflict=conflict)


def test_the_pages_carry_a_standing_notice_for_anyone_afraid(client_for, people, round_):
    ana, _ben, _cal, circle = people
    for page_url in (url(round_), reverse("talk:circle", kwargs={"circle_id": circle.pk}), reverse("talk:home"), reverse("talk:coach")):
        page = client_for(ana).get(page_url).content.decode()
        assert "If you are afraid of someone in this circle" in page, page_url
        assert "/library/when-you-do-not-feel-safe-with-someone-close-to-you/" in page and reverse("core:help_now") in page
