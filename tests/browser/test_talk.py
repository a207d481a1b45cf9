"""Talking together in real browsers: two people, two browser contexts, keyboard only.

A guided conversation (with the coach, live updates without a reload, a break and a
gentle return), then a conflict round from naming the issue to settling it, with a
repair phrase used by keyboard. And the same conversation by reload without JavaScript.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from kinwell.talk.models import Conflict, Conversation
from tests.browser.support import assert_no_axe_violations, press_and_wait, skip_to_main, tab_to
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.browser
LIVE_WAIT_MS = 12_000  # talk.js asks every 5 seconds


def mark_page(page: Page) -> None:
    """A marker that a reload or navigation would wipe: proves an update came without one."""
    page.evaluate("window.__stillHere = true")


def still_same_page(page: Page) -> bool:
    return page.evaluate("window.__stillHere === true")


def type_at(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def press_button(page: Page, selector: str) -> None:
    tab_to(page, selector)
    press_and_wait(page)


@pytest.fixture
def couple():
    alex = UserFactory(display_name="Alex", email="alex@example.org")
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    circle = CircleFactory(name="Us", owner=alex, members=[sam])
    return alex, sam, circle


def test_two_people_hold_a_guided_conversation_by_keyboard(new_context, couple):
    alex_user, sam_user, circle = couple
    alex = new_context(as_user=alex_user).new_page()
    sam = new_context(as_user=sam_user).new_page()

    # Alex starts a conversation with Sam from the circle's talk page.
    alex.goto(f"/circles/{circle.pk}/talk/")
    skip_to_main(alex)
    type_at(alex, "#id_topic", "How we share the evenings")
    press_and_wait(alex)
    conversation = Conversation.objects.get()
    path = f"/circles/{circle.pk}/talk/conversations/{conversation.pk}/"
    expect(alex.locator("#live")).to_contain_text("You hold the floor.")

    sam.goto(path)
    expect(sam.locator("#live")).to_contain_text("Alex holds the floor.")
    mark_page(sam)

    # Alex drafts harshly, asks the coach, then writes a gentler start-up.
    skip_to_main(alex)
    type_at(alex, "main textarea[name=text]", "You never listen to me.")
    # With JavaScript the coach reads the draft as it is written, saving nothing...
    expect(alex.locator(".coach-live")).to_contain_text("You never")
    expect(alex.locator(".coach-live")).to_contain_text("Your words, another way:")
    expect(alex.locator(".coach-live")).to_contain_text("When you didn't listen to me")
    assert_no_axe_violations(alex)
    # Fear is not a tone to soften: the live coach steps aside and points to help.
    alex.locator("main textarea[name=text]").fill("")
    type_at(alex, "main textarea[name=text]", "You are controlling and I am scared of you.")
    expect(alex.locator(".coach-live")).to_contain_text("This coach is not for being afraid of someone")
    expect(alex.locator(".coach-live")).to_contain_text("National Domestic Violence Hotline")
    expect(alex.locator(".coach-live li")).not_to_have_count(0)
    assert alex.locator(".coach-live q").count() == 0
    alex.locator("main textarea[name=text]").fill("")
    type_at(alex, "main textarea[name=text]", "You never listen to me.")
    expect(alex.locator(".coach-live")).to_contain_text("When you didn't listen to me")
    # ...and the button asks the server, which works without it too.
    press_button(alex, "main button[value=check]")
    expect(alex.locator(".coach")).to_contain_text("You never")
    expect(alex.locator("main textarea[name=text]")).to_have_value("You never listen to me.")
    tab_to(alex, "main textarea[name=text]")
    alex.keyboard.press("Control+A")
    alex.keyboard.type("I feel lonely after nine. I need some time with you.")
    press_button(alex, "main button[value=speak]")

    # Sam's page shows it without a reload, and asks for a paraphrase first.
    expect(sam.locator("#live")).to_contain_text("I feel lonely after nine.", timeout=LIVE_WAIT_MS)
    assert still_same_page(sam)
    expect(sam.locator("#live")).to_contain_text("say back what you heard")
    skip_to_main(sam)
    type_at(sam, "main textarea[name=text]", "You feel alone late and want time with me.")
    press_button(sam, "main button[value=paraphrase]")

    # Alex confirms; the floor passes to Sam.
    mark_page(alex)
    expect(alex.locator("#live")).to_contain_text("You feel alone late", timeout=LIVE_WAIT_MS)
    assert still_same_page(alex)
    press_button(alex, "main button[value=confirm]")
    sam.reload()
    expect(sam.locator("#live")).to_contain_text("You hold the floor.")

    # Sam needs a break: at least 20 minutes, enforced; Alex sees it live.
    mark_page(alex)
    skip_to_main(sam)
    press_button(sam, "main button[value=time_out]")
    expect(alex.locator("#live")).to_contain_text("On a break", timeout=LIVE_WAIT_MS)
    assert still_same_page(alex)
    expect(alex.locator("#live")).to_contain_text("Breathe out slowly")
    assert alex.locator("button[value=resume]").count() == 0
    Conversation.objects.filter(pk=conversation.pk).update(break_until=conversation.created_at - timedelta(seconds=1))
    alex.reload()
    skip_to_main(alex)
    press_button(alex, "main button[value=resume]")
    expect(alex.locator("#live")).to_contain_text("Welcome back. Start softly")
    assert_no_axe_violations(alex)

    # Sam speaks, Alex paraphrases, Sam confirms; then Alex ends the conversation.
    sam.reload()
    skip_to_main(sam)
    type_at(sam, "main textarea[name=text]", "I feel tired after work. I need twenty quiet minutes first.")
    press_button(sam, "main button[value=speak]")
    alex.reload()
    skip_to_main(alex)
    type_at(alex, "main textarea[name=text]", "You need quiet first, then time together.")
    press_button(alex, "main button[value=paraphrase]")
    sam.reload()
    skip_to_main(sam)
    press_button(sam, "main button[value=confirm]")
    skip_to_main(alex)
    press_button(alex, "main button[value=end]")
    expect(alex.locator("#live")).to_contain_text("This conversation has ended.")
    conversation.refresh_from_db()
    assert (conversation.phase, conversation.rounds) == ("ended", 2)
    assert conversation.entries.count() == 5  # topic, two statements, two paraphrases


def test_the_conversation_works_by_reload_without_javascript(new_context, couple):
    alex_user, sam_user, circle = couple
    alex = new_context(as_user=alex_user, javascript=False).new_page()
    sam = new_context(as_user=sam_user, javascript=False).new_page()
    alex.goto(f"/circles/{circle.pk}/talk/")
    alex.locator("#id_topic").fill("Sundays")
    with alex.expect_navigation():
        alex.get_by_role("button", name="Start the conversation").click()
    alex.locator("main textarea[name=text]").fill("I miss our Sunday walks.")
    with alex.expect_navigation():
        alex.locator("main button[value=speak]").click()
    sam.goto(alex.url)
    expect(sam.locator("#live")).to_contain_text("I miss our Sunday walks.")
    # The repair phrases are plain text to copy when there is no script.
    expect(sam.locator(".repair-phrases")).to_contain_text("Can we start over?")
    assert sam.locator(".repair-phrases button").count() == 0
    sam.locator("main textarea[name=text]").fill("You miss walking with me.")
    with sam.expect_navigation():
        sam.locator("main button[value=paraphrase]").click()
    alex.reload()
    expect(alex.locator("#live")).to_contain_text("You miss walking with me.")
    expect(alex.locator("button[value=confirm]")).to_be_visible()


def test_two_people_work_through_a_conflict_round_by_keyboard(new_context, couple):
    alex_user, sam_user, circle = couple
    alex = new_context(as_user=alex_user).new_page()
    sam = new_context(as_user=sam_user).new_page()

    alex.goto(f"/circles/{circle.pk}/talk/")
    skip_to_main(alex)
    tab_to(alex, "#id_people_0")
    alex.keyboard.press("Space")
    type_at(alex, "#id_issue", "Weekend plans")
    press_and_wait(alex)
    conflict = Conflict.objects.get()
    path = f"/circles/{circle.pk}/talk/conflicts/{conflict.pk}/"

    def write_view(page, view, feelings, needs):
        skip_to_main(page)
        type_at(page, "#id_view", view)
        type_at(page, "#id_feelings", feelings)
        type_at(page, "#id_needs", needs)
        press_button(page, "main button[value=view]")

    write_view(alex, "I plan so we do things.", "Tired", "Help with planning")
    sam.goto(path)
    expect(sam.locator("main")).not_to_contain_text("I plan so we do things.")  # hidden until Sam writes
    write_view(sam, "Weekend plans get made before I hear about them.", "Left out", "To be asked")
    expect(sam.locator("main")).to_contain_text("I plan so we do things.")

    # Reflections; Sam adds a repair phrase with its button, by keyboard.
    skip_to_main(sam)
    type_at(sam, "main textarea[name=text]", "You plan because you want us to do things.")
    tab_to(sam, ".repair-phrases button[aria-label$='Can we start over?']", max_tabs=60)
    sam.keyboard.press("Enter")
    expect(sam.locator("main textarea[name=text]")).to_have_value("You plan because you want us to do things. Can we start over?")
    tab_to(sam, "main button[value=reflection]", backwards=True, max_tabs=60)
    press_and_wait(sam)
    alex.reload()
    skip_to_main(alex)
    type_at(alex, "main textarea[name=text]", "You feel left out when I plan alone.")
    press_button(alex, "main button[value=reflection]")

    # Brainstorm, then choose together.
    skip_to_main(alex)
    type_at(alex, "main textarea[name=text]", "Plan on Thursday evenings together")
    press_button(alex, "main button[value=option]")
    sam.reload()
    skip_to_main(sam)
    press_button(sam, "main button[value=finish_brainstorm]")

    alex.reload()
    skip_to_main(alex)
    type_at(alex, "#id_text", "We plan together on Thursdays.")
    tab_to(alex, "#id_check_back_on")
    check_back = conflict.created_at.date() + timedelta(days=14)
    alex.keyboard.type(check_back.strftime("%m%d%Y"))
    press_button(alex, "main button[value=agreement]")
    sam.reload()
    skip_to_main(sam)
    press_button(sam, "main button[value=accept]")
    expect(sam.locator("main")).to_contain_text("Check back on")

    # On the check-back day (any day after agreeing), say how it goes and settle it.
    alex.reload()
    skip_to_main(alex)
    type_at(alex, "#id_text", "It works. Thank you.")
    tab_to(alex, "#id_outcome_0")
    alex.keyboard.press("Space")
    press_button(alex, "main button[value=revisit]")
    expect(alex.locator("main")).to_contain_text("This issue is settled.")
    conflict.refresh_from_db()
    assert conflict.stage == "closed" and conflict.check_back_on == check_back
    assert_no_axe_violations(alex)


def test_the_live_coach_offers_help_first_for_a_crisis_draft_and_keeps_nothing(new_context, couple):
    from kinwell.talk import services

    alex_user, sam_user, circle = couple
    conversation = services.start_conversation(
        starter=alex_user, circle=circle, partner=sam_user, topic="How we share the evenings"
    ).value
    alex = new_context(as_user=alex_user).new_page()
    alex.goto(f"/circles/{circle.pk}/talk/conversations/{conversation.pk}/")
    skip_to_main(alex)
    type_at(alex, "main textarea[name=text]", "I don't want to be here anymore, I have the pills ready")
    help_line = alex.locator(".coach-live__help")
    expect(help_line).to_contain_text("You do not have to go through this alone.")
    expect(help_line.get_by_role("link", name="Get help now")).to_have_attribute("href", "/help-now/")
    assert_no_axe_violations(alex)
    assert conversation.entries.count() == 1  # only the topic: a draft is never kept
