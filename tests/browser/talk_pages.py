"""Visits for the talking-together pages in every state a person can see them, for the
axe cases in tests/browser/cases/talk.py. Each builds its own conversation or conflict round
on top of the demo (Alex and Sam in the family circle; Ana and Jo in the walking group)."""

from datetime import timedelta

from django.utils import timezone

from kinwell.talk import conflict_services, services
from kinwell.talk.models import Conversation


def _conversation(demo, *steps, circle="family", starter="alex", partner="sam"):
    """A conversation after `steps`: each is (who, event, text)."""
    people = {"alex": demo.alex, "sam": demo.sam, "ana": demo.ana, "jo": demo.jo}
    conversation = services.start_conversation(
        starter=people[starter], circle=getattr(demo, circle), partner=people[partner], topic="How we share the evenings"
    ).value
    for who, event, text in steps:
        services.act(actor=people[who], conversation=conversation, event=event, text=text)
    return conversation


def _path(conversation):
    return f"/circles/{conversation.circle_id}/talk/conversations/{conversation.pk}/"


SPOKE = ("alex", "speak", "I feel lonely after nine, when we both look at our phones. I need some time together.")
HEARD = ("sam", "paraphrase", "You feel lonely late in the evening and you want time with me.")


def conversation_at(*steps, circle="family", starter="alex", partner="sam"):
    def visit(page, demo, settings):
        page.goto(_path(_conversation(demo, *steps, circle=circle, starter=starter, partner=partner)))

    return visit


def conversation_then(action, *steps, **fields):
    """Open the conversation after `steps` and press `action` with `fields` filled in."""

    def visit(page, demo, settings):
        page.goto(_path(_conversation(demo, *steps)))
        for name, value in fields.items():
            page.locator(f"main [name='{name}']").fill(value)
        with page.expect_navigation():
            page.locator(f"main button[name=action][value={action}]").click()

    return visit


def conversation_on_break(over: bool):
    def visit(page, demo, settings):
        conversation = _conversation(demo, SPOKE)
        services.act(actor=demo.sam, conversation=conversation, event="time_out", minutes=20)
        if over:
            Conversation.objects.filter(pk=conversation.pk).update(break_until=timezone.now() - timedelta(minutes=1))
        page.goto(_path(conversation))

    return visit


def conversation_after_return(page, demo, settings):
    conversation = _conversation(demo, SPOKE)
    start = timezone.now() - timedelta(minutes=30)
    services.act(actor=demo.sam, conversation=conversation, event="time_out", minutes=20, now=start)
    services.act(actor=demo.sam, conversation=conversation, event="resume")
    page.goto(_path(conversation))


def conversation_ended(page, demo, settings):
    conversation = _conversation(demo, SPOKE, HEARD)
    services.act(actor=demo.sam, conversation=conversation, event="end")
    page.goto(_path(conversation))


def conversation_partner_left(page, demo, settings):
    from kinwell.accounts.services import delete_account

    conversation = _conversation(demo, SPOKE, HEARD)
    delete_account(user=demo.sam)
    page.goto(_path(conversation))


def _conflict(demo, stage):
    alex, sam, family = demo.alex, demo.sam, demo.family
    conflict = conflict_services.open_conflict(opener=alex, circle=family, people=[sam], issue="Weekend plans").value
    steps = [
        lambda: conflict_services.write_view(actor=sam, conflict=conflict, view="Plans get made without me.", feelings="Left out", needs="To be asked").value,
        lambda: conflict_services.write_view(actor=alex, conflict=conflict, view="I plan so we do things.", feelings="Tired", needs="Help planning").value,
        lambda: conflict_services.write_reflection(actor=sam, conflict=conflict, text="You plan because you want us to do things.").value,
        lambda: conflict_services.write_reflection(actor=alex, conflict=conflict, text="You feel left out when I plan alone.").value,
        lambda: conflict_services.add_option(actor=sam, conflict=conflict, text="Plan on Thursday evenings together").value,
        lambda: conflict_services.finish_brainstorm(actor=alex, conflict=conflict),
        lambda: conflict_services.propose_agreement(
            actor=sam, conflict=conflict, text="We plan together on Thursdays.", check_back_on=timezone.localdate() + timedelta(days=14)
        ).value,
        lambda: conflict_services.accept_agreement(actor=alex, conflict=conflict),
        lambda: conflict_services.revisit(actor=alex, conflict=conflict, text="It works.", keep=True).value,
    ]
    upto = {"views": 1, "reflecting": 3, "brainstorming": 5, "agreeing": 7, "agreed": 8, "closed": 9}[stage]
    for step in steps[:upto]:
        step()
    return conflict


def conflict_at(stage):
    def visit(page, demo, settings):
        conflict = _conflict(demo, stage)
        page.goto(f"/circles/{conflict.circle_id}/talk/conflicts/{conflict.pk}/")

    return visit


def conflict_with_errors(page, demo, settings):
    conflict = _conflict(demo, "views")
    page.goto(f"/circles/{conflict.circle_id}/talk/conflicts/{conflict.pk}/")
    page.locator("main [name=view]").fill("Only the view")
    with page.expect_navigation():
        page.locator("main button[name=action][value=view]").click()
    assert page.locator(".error-summary").is_visible()


def conflict_new_with_errors(page, demo, settings):
    page.goto(f"/circles/{demo.family.pk}/talk/")
    with page.expect_navigation():
        page.get_by_role("button", name="Name the issue", exact=True).click()
    assert page.locator(".error-summary").is_visible()


def coach_checked(text):
    def visit(page, demo, settings):
        page.goto("/talk/coach/")
        page.locator("main textarea[name=text]").fill(text)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()

    return visit


def conversation_read_by_the_threatened(page, demo, settings):
    """Sam opens a conversation in which Alex's words were flagged for their reader."""
    from kinwell.talk.models import Entry

    conversation = _conversation(demo, SPOKE)
    Entry.objects.filter(conversation=conversation, author=demo.alex).update(reader_needs_help=True)
    page.goto(_path(conversation))


def conflict_read_by_the_threatened(page, demo, settings):
    """Alex opens a round in which Sam's view was flagged for its reader."""
    from kinwell.talk.models import ConflictEntry

    conflict = _conflict(demo, "reflecting")
    ConflictEntry.objects.filter(conflict=conflict, author=demo.sam).update(reader_needs_help=True)
    page.goto(f"/circles/{conflict.circle_id}/talk/conflicts/{conflict.pk}/")
