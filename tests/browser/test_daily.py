"""Maya and Jordan answer today's question from two browsers, by keyboard alone, see
each other's answers once both are in, and react: with JavaScript and without."""

import pytest
from playwright.sync_api import expect

from kinwell.circles.models import CircleKind
from kinwell.daily.models import Answer, Reaction
from tests.browser.support import next_tab_is, press_and_wait, start_in_main, tab_to
from tests.daily import FIXTURE_BANK
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.browser


def answer_by_keyboard(page, circle, words):
    page.goto(f"/circles/{circle.pk}/")
    start_in_main(page)
    tab_to(page, f"main a[href='/circles/{circle.pk}/question/']", max_tabs=20)
    press_and_wait(page)
    start_in_main(page)
    tab_to(page, "main textarea[name=text]", max_tabs=20)
    page.keyboard.type(words)
    next_tab_is(page, "main form[action$='/answer/'] button[type=submit]")
    press_and_wait(page)


def react_by_keyboard(page, answer, kind):
    start_in_main(page)
    tab_to(page, f"#answer-{answer.pk} form:has(input[value={kind}]) button", max_tabs=40)
    press_and_wait(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_two_people_answer_see_each_other_and_react(new_context, settings, javascript):
    settings.DAILY_QUESTIONS_DIR = FIXTURE_BANK
    maya = UserFactory(display_name="Maya", time_zone="America/Chicago")
    jordan = UserFactory(display_name="Jordan", time_zone="America/Chicago")
    circle = CircleFactory(name="Maya & Jordan", owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    maya_page = new_context(as_user=maya, javascript=javascript).new_page()
    jordan_page = new_context(as_user=jordan, javascript=javascript).new_page()

    answer_by_keyboard(maya_page, circle, "Pancakes on the balcony, no phones.")
    expect(maya_page.locator(".messages")).to_contain_text("Your answer is in.")
    expect(maya_page.locator("main")).to_contain_text("Only you see it for now.")

    jordan_page.goto(f"/circles/{circle.pk}/question/")
    expect(jordan_page.locator("main")).to_contain_text("Maya answered.")
    expect(jordan_page.locator("main")).not_to_contain_text("Pancakes")
    answer_by_keyboard(jordan_page, circle, "A long walk, then the bakery.")
    expect(jordan_page.locator(".messages")).to_contain_text("the answers are shared now")
    expect(jordan_page.locator("main")).to_contain_text("Pancakes on the balcony, no phones.")

    mayas = Answer.objects.get(author=maya)
    react_by_keyboard(jordan_page, mayas, "love")
    expect(jordan_page.locator(f"#answer-{mayas.pk} form:has(input[value=love]) button")).to_have_attribute(
        "aria-pressed", "true")

    maya_page.goto(f"/circles/{circle.pk}/question/")
    expect(maya_page.locator("main")).to_contain_text("A long walk, then the bakery.")
    expect(maya_page.locator(f"#answer-{mayas.pk}")).to_contain_text("Love this 1")
    jordans = Answer.objects.get(author=jordan)
    react_by_keyboard(maya_page, jordans, "laugh")
    assert set(Reaction.objects.values_list("person__display_name", "kind")) == {("Jordan", "love"), ("Maya", "laugh")}
