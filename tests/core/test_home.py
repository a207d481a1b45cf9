"""Home as the day's page: first steps for a new person, what waits for you across
circles (each item linking where you act), the day's cards, and what never shows."""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from kinwell.checkins import services as checkin_services
from kinwell.checkins.models import CheckIn, SignNudge
from kinwell.circles import services as circle_services
from kinwell.circles.models import Circle, CircleKind
from kinwell.connect import services as connect_services
from kinwell.connect.models import Appreciation
from kinwell.core.home import waiting_for
from kinwell.daily import services as daily_services
from kinwell.support.models import SupportPlan
from kinwell.talk import conflict_services
from kinwell.talk import services as talk_services
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def kinds(user) -> list[str]:
    """What waits, without today's question, which every circle has (tests/daily covers it)."""
    return [item.kind for item in waiting_for(user=user) if not item.kind.startswith("daily_")]


@pytest.fixture
def couple():
    maya = UserFactory(display_name="Maya", email="maya.home@example.org")
    jordan = UserFactory(display_name="Jordan", email="jordan.home@example.org")
    circle = CircleFactory(name="Us two", kind=CircleKind.COUPLE, owner=maya, members=[jordan])
    return maya, jordan, circle


def test_a_new_person_sees_three_first_steps_that_lead_somewhere(client_for):
    newcomer = UserFactory(display_name="Robin")
    client = client_for(newcomer)
    page = client.get("/").content.decode()
    assert "Your first steps" in page
    for title, link in [
        ("Check in for the first time", 'href="/check-ins/new/"'),
        ("Start or join a circle", 'href="/circles/new/"'),
        ("Answer your first daily question", 'href="/#circles-title"'),
    ]:
        assert f"{link}>{title}</a>" in page
    assert page.index("Check in for the first time") < page.index("Start or join a circle")
    assert 'id="circles-title"' in page  # where the third step points
    assert client.get("/check-ins/new/").status_code == 200
    assert client.get("/circles/new/").status_code == 200
    # No blank sections: each one says what will appear there.
    assert "Nothing is waiting" not in page and "Once you are in a circle" in page
    assert "You are not in a circle yet" in page


def test_done_steps_are_marked_done_and_the_steps_go_once_all_are_done(client_for):
    newcomer = UserFactory()
    client = client_for(newcomer)
    checkin_services.record_checkin(owner=newcomer, mood=4)
    page = client.get("/").content.decode()
    assert "Check in for the first time <span" in page and ">Done</span>" in page
    assert 'href="/circles/new/">Start or join a circle</a>' in page
    circle = circle_services.create_circle(owner=newcomer, name="Home", kind=CircleKind.FAMILY)
    page = client.get("/").content.decode()
    # With a circle, the third step leads to its question of the day.
    assert f'href="/circles/{circle.pk}/question/">Answer your first daily question</a>' in page
    day = daily_services.open_today(viewer=newcomer, circle=circle)
    daily_services.answer_question(author=newcomer, circle=circle, day_id=day.pk, text="Pancakes")
    page = client.get("/").content.decode()
    assert "Your first steps" not in page


def test_maya_in_the_demo_has_her_turn_and_an_appreciation_waiting(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    maya = get_user_model().objects.get(email="maya@example.com")
    client.force_login(maya)
    page = client.get("/").content.decode()
    items = waiting_for(user=maya)
    turn = next(item for item in items if item.kind == "conversation_turn")
    assert turn.text == "Your turn in a conversation with Jordan"
    assert client.get(turn.url).status_code == 200
    assert "/talk/conversations/" in turn.url and f'href="{turn.url}"' in page
    assert "appreciation" in {item.kind for item in items}
    assert "Jordan sent you an appreciation" in page
    # Her signs nudge is on home too (the demo gives her a hard week), and her circles say who.
    assert "A gentle note about your check-ins" in page
    assert "2 people: Maya and Jordan" in page
    # The words of the conversation never reach home.
    assert "scroll our phones" not in page and "How we share the evenings" not in page


def test_every_source_adds_its_item_and_each_links_where_you_act(couple, client_for):
    maya, jordan, circle = couple
    talk = talk_services.start_conversation(starter=jordan, circle=circle, partner=maya, topic="Sunday plans").value
    talk_services.act(actor=jordan, conversation=talk, event="speak", text="I would like a slow morning.")
    conflict = conflict_services.open_conflict(opener=jordan, circle=circle, people=[maya], issue="Chores").value
    connect_services.send_appreciation(sender=jordan, circle=circle, recipient_id=maya.pk, text="Thank you for dinner")
    connect_services.propose_plan(
        proposer=jordan, circle=circle, invitee_id=maya.pk, title="Picnic",
        starts_local=datetime.now() + timedelta(days=3), minutes=120, time_zone="UTC",
    )
    share(maya, circle, "checkin_mood")
    checkin = checkin_services.record_checkin(owner=maya, mood=2).value
    checkin_services.respond_to_checkin(author=jordan, checkin_id=checkin.pk, reaction="thinking_of_you")
    outsider = UserFactory(display_name="Quinn")
    invitation, _token = circle_services.create_invitation(inviter=jordan, circle=circle, email=outsider.email)
    SupportPlan.objects.create(owner=maya, made_at=timezone.now(), follow_up_on=date.today() - timedelta(days=1))

    assert sorted(kinds(maya)) == sorted(
        ["conversation_turn", "conflict_step", "appreciation", "plan_to_accept", "reach_out", "plan_follow_up"]
    )
    assert kinds(outsider) == ["invitation"]
    texts = {item.kind: item.text for item in waiting_for(user=maya)}
    assert texts["reach_out"] == "Jordan reached out after your check-in"
    assert texts["plan_to_accept"] == "Jordan suggested time together: say if it works for you"
    client = client_for(maya)
    # Nobody's words: not the topic, the issue, the appreciation or the plan's title.
    page = client.get("/").content.decode()
    for item in waiting_for(user=maya):
        assert f'href="{item.url}"' in page
        assert client.get(item.url).status_code == 200, item
    assert client_for(outsider).get(waiting_for(user=outsider)[0].url).status_code == 200
    for words in ("Sunday plans", "slow morning", "Chores", "Thank you for dinner", "Picnic"):
        assert words not in page


def test_acting_on_an_item_takes_it_away(couple, client_for):
    maya, jordan, circle = couple
    connect_services.send_appreciation(sender=jordan, circle=circle, recipient_id=maya.pk, text="You were lovely today")
    share(maya, circle, "checkin_mood")
    checkin = checkin_services.record_checkin(owner=maya, mood=2).value
    checkin_services.respond_to_checkin(author=jordan, checkin_id=checkin.pk, reaction="here_for_you")
    assert sorted(kinds(maya)) == ["appreciation", "reach_out"]
    client = client_for(maya)
    client.get(f"/circles/{circle.pk}/together/")
    client.get("/check-ins/")
    assert kinds(maya) == []
    assert Appreciation.objects.get().seen_at is not None


def test_my_own_turn_only_and_not_the_others(couple):
    maya, jordan, circle = couple
    talk_services.start_conversation(starter=maya, circle=circle, partner=jordan, topic="Us")
    # Maya holds the floor first: it is her turn, not Jordan's.
    assert kinds(maya) == ["conversation_turn"]
    assert kinds(jordan) == []


def test_someone_taking_space_is_not_shown_as_waiting(couple):
    maya, jordan, circle = couple
    talk = talk_services.start_conversation(starter=jordan, circle=circle, partner=maya, topic="Us").value
    talk_services.act(actor=jordan, conversation=talk, event="speak", text="I miss our walks.")
    conflict_services.open_conflict(opener=jordan, circle=circle, people=[maya], issue="Money")
    connect_services.send_appreciation(sender=jordan, circle=circle, recipient_id=maya.pk, text="Thanks")
    share(maya, circle, "checkin_mood")
    checkin = checkin_services.record_checkin(owner=maya, mood=2).value
    checkin_services.respond_to_checkin(author=jordan, checkin_id=checkin.pk, reaction="here_for_you")
    assert len(kinds(maya)) == 4
    circle_services.set_space(user=jordan, circle=circle, paused=True, quietly=True)
    assert kinds(maya) == []
    circle_services.set_space(user=jordan, circle=circle, paused=False)
    assert len(kinds(maya)) == 4


def test_a_removed_member_is_not_shown_as_waiting_and_sees_nothing_of_the_circle(couple):
    maya, jordan, circle = couple
    talk = talk_services.start_conversation(starter=jordan, circle=circle, partner=maya, topic="Us").value
    talk_services.act(actor=jordan, conversation=talk, event="speak", text="Hello.")
    connect_services.send_appreciation(sender=jordan, circle=circle, recipient_id=maya.pk, text="Thanks")
    connect_services.send_appreciation(sender=maya, circle=circle, recipient_id=jordan.pk, text="Thanks too")
    assert sorted(kinds(maya)) == ["appreciation", "conversation_turn"]
    assert kinds(jordan) == ["appreciation"]
    circle_services.remove_member(actor=maya, circle=circle, member=jordan)
    assert kinds(maya) == []
    assert kinds(jordan) == []


def test_an_outsiders_items_never_appear(couple, client_for):
    maya, jordan, circle = couple
    stranger, friend = UserFactory(display_name="Stranger"), UserFactory(display_name="Friend")
    theirs = CircleFactory(name="Elsewhere", owner=stranger, members=[friend])
    talk = talk_services.start_conversation(starter=stranger, circle=theirs, partner=friend, topic="Private").value
    talk_services.act(actor=stranger, conversation=talk, event="speak", text="Only for my friend.")
    connect_services.send_appreciation(sender=stranger, circle=theirs, recipient_id=friend.pk, text="Private thanks")
    assert sorted(kinds(friend)) == ["appreciation", "conversation_turn"]
    assert kinds(maya) == [] and kinds(jordan) == []
    page = client_for(maya).get("/").content.decode()
    assert "Stranger" not in page and "Elsewhere" not in page


def test_conflict_steps_wait_only_for_the_person_whose_step_it_is(couple):
    maya, jordan, circle = couple
    conflict = conflict_services.open_conflict(opener=jordan, circle=circle, people=[maya], issue="Chores").value
    assert kinds(maya) == ["conflict_step"] and kinds(jordan) == ["conflict_step"]  # both write a view
    conflict_services.write_view(actor=jordan, conflict=conflict, view="a", feelings="b", needs="c")
    assert kinds(jordan) == [] and kinds(maya) == ["conflict_step"]
    conflict_services.write_view(actor=maya, conflict=conflict, view="a", feelings="b", needs="c")
    conflict_services.write_reflection(actor=maya, conflict=conflict, text="I heard you.")
    conflict_services.write_reflection(actor=jordan, conflict=conflict, text="I heard you too.")
    assert kinds(maya) == [] and kinds(jordan) == []  # brainstorming: open to anyone
    conflict_services.add_option(actor=maya, conflict=conflict, text="Take turns")
    conflict_services.finish_brainstorm(actor=maya, conflict=conflict)
    conflict_services.propose_agreement(actor=maya, conflict=conflict, text="Take turns",
                                        check_back_on=date.today() + timedelta(days=7))
    assert kinds(maya) == []
    assert [item.text for item in waiting_for(user=jordan) if item.kind == "conflict_step"] == [
        "An agreement is waiting for your answer"]


def test_the_next_plan_is_a_card_without_the_plans_own_words(couple, client_for):
    maya, jordan, circle = couple
    plan = connect_services.propose_plan(
        proposer=jordan, circle=circle, invitee_id=maya.pk, title="Secret surprise", activity="picnic",
        starts_local=datetime.now() + timedelta(days=2), minutes=60, time_zone="UTC",
    ).value
    connect_services.accept_plan(actor=maya, plan_id=plan.pk)
    page = client_for(maya).get("/").content.decode()
    assert "Your next time together" in page
    assert "with Jordan" in page and f'href="/circles/{circle.pk}/plans/{plan.pk}/"' in page
    assert "Secret surprise" not in page


def test_the_signs_nudge_shows_on_home_until_dismissed(client_for, user):
    CheckIn.objects.create(owner=user, day=date.today(), mood=2)
    nudge = SignNudge.objects.create(owner=user, rule="mood_below_baseline", since=date.today() - timedelta(days=6))
    client = client_for(user)
    assert "A gentle note about your check-ins" in client.get("/").content.decode()
    client.post(f"/check-ins/signs/{nudge.pk}/dismiss/")
    assert "A gentle note about your check-ins" not in client.get("/").content.decode()


def test_a_circle_card_counts_and_names_its_people(client_for):
    maya = UserFactory(display_name="Maya")
    CircleFactory(name="Maya & Jordan", kind=CircleKind.COUPLE, owner=maya, members=[UserFactory(display_name="Jordan")])
    CircleFactory(name="Family", owner=maya, members=[UserFactory(display_name="Sam"), UserFactory(display_name="Jo")])
    CircleFactory(name="Just me", owner=maya)
    page = client_for(maya).get("/").content.decode()
    assert "2 people: Maya and Jordan" in page
    assert "3 people: Maya, Sam and Jo" in page
    assert "1 person: Maya" in page
    assert Circle.objects.count() == 3


def test_home_in_spanish_says_the_people_in_spanish(client_for):
    ana = UserFactory(display_name="Ana", language="es")
    CircleFactory(name="Familia", owner=ana, members=[UserFactory(display_name="Luis"), UserFactory(display_name="Eva")])
    page = client_for(ana).get("/").content.decode()
    assert "3 personas: Ana, Luis y Eva" in page
    assert "Esperándote" in page


def test_a_shared_read_is_made_once_inside_a_page_and_fresh_outside_it():
    from kinwell.core import memo

    calls = []
    read = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert memo.memoized("key", read) == 1 and memo.memoized("key", read) == 2  # no scope: every time
    with memo.scope():
        assert memo.memoized("key", read) == 3 and memo.memoized("key", read) == 3
    assert memo.memoized("key", read) == 4
