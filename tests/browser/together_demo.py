"""Demo-like data for the together and journal pages, on top of tests/browser/demo.py:
appreciations both ways, a win, shared gratitude and goals, a plan waiting for Alex's
answer and one accepted, journal entries, and nudges switched on."""

from datetime import datetime, timedelta

from django.utils import timezone

from kinwell.circles.models import DataKind
from kinwell.connect import services as connect
from kinwell.connect.tasks import stop_nudges_link
from kinwell.journal import services as journal
from tests.factories import share


def add_together(demo) -> dict:
    alex, sam, family = demo.alex, demo.sam, demo.family
    connect.send_appreciation(sender=sam, circle=family, recipient_id=alex.pk, text="Thank you for driving me to the clinic on Tuesday.")
    connect.send_appreciation(sender=alex, circle=family, recipient_id=sam.pk, text="You made the whole evening feel easy.")
    connect.celebrate_win(author=alex, circle=family, about_id=sam.pk, text="Sam finished the first draft of the thesis!")
    connect.celebrate_win(author=sam, circle=family, text="Ran 5 km without stopping.")
    share(sam, family, DataKind.CHECKIN_MOOD, DataKind.SCREENING, DataKind.SUPPORT_PLAN, DataKind.SAFETY_PLAN,
          DataKind.GRATITUDE, DataKind.GOALS)
    connect.add_gratitude(owner=sam, text="The neighbour who fixed my bike.")
    connect.add_gratitude(owner=alex, text="A slow breakfast with nowhere to be.")
    journal.add_goal(owner=sam, area="learn", title="Learn ten songs on the guitar")
    goal = journal.add_goal(owner=alex, area="rest", title="One evening a week with no screens", note="Thursdays work best.").value
    journal.set_goal_progress(owner=alex, goal_id=goal.pk, steps_done=2)
    entry = journal.add_entry(owner=alex, text="Today was heavy. I want to tell Sam but not yet.").value
    soon = datetime.combine(timezone.localdate() + timedelta(days=6), datetime.min.time()).replace(hour=18)
    waiting = connect.propose_plan(
        proposer=sam, circle=family, invitee_id=alex.pk, title="Picnic by the river", starts_local=soon,
        minutes=120, time_zone="UTC", message="I'll bring the blanket.", activity="picnic",
    ).value
    accepted = connect.propose_plan(
        proposer=alex, circle=family, invitee_id=sam.pk, title="Tea and a real question",
        starts_local=soon + timedelta(days=1), minutes=30, time_zone="UTC",
    ).value
    connect.accept_plan(actor=sam, plan_id=accepted.pk)
    connect.set_nudges(owner=alex, frequency="few_weekly")
    return {"waiting": waiting, "accepted": accepted, "entry": entry, "stop": stop_nudges_link(alex)}


def together_page(path):
    """A visit that adds the data, then opens path(demo, added)."""

    def visit(page, demo, settings):
        added = add_together(demo)
        page.goto(path(demo, added))

    return visit


def together_errors(path, button_name):
    def visit(page, demo, settings):
        added = add_together(demo)
        page.goto(path(demo, added))
        with page.expect_navigation():
            page.get_by_role("button", name=button_name, exact=True).click()
        assert page.locator(".error-summary").is_visible(), f"No error summary on {page.url}"

    return visit


def calendar_created(page, demo, settings):
    add_together(demo)
    page.goto("/settings/calendar/")
    with page.expect_navigation():
        page.get_by_role("button", name="Create my calendar address").click()
    assert page.locator("#feed-address").input_value().endswith(".ics")


def nudges_stopped(page, demo, settings):
    added = add_together(demo)
    page.goto(stop_path(demo, added))
    with page.expect_navigation():
        page.get_by_role("button", name="Stop the nudges").click()
    assert "no more nudges" in page.locator("main").inner_text()


def stop_path(demo, added):
    return "/" + added["stop"].split("://", 1)[-1].split("/", 1)[-1]
