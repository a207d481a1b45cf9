"""From "I don't know what I need" to a saved plan with reasons and working next steps,
by keyboard alone and without JavaScript, in a real browser."""

import re
import time

import pytest
from playwright.sync_api import expect

from kinwell.directory.demo import load_demo_directory
from kinwell.support.models import SupportPlan
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

# Four screens with a handful of answers each: a person should not need more presses.
KEY_BUDGET = 70


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_from_not_knowing_to_a_plan_by_keyboard(new_context, javascript):
    load_demo_directory()
    person = UserFactory(display_name="Rae")
    page = new_context(as_user=person, javascript=javascript).new_page()
    page.goto("/support-plan/")
    presses = []

    def press(key):
        presses.append(key)
        page.keyboard.press(key)

    def tab_to(selector):
        for _ in range(60):
            press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def skip_to_main():  # what a keyboard user does on each new page: the skip link first
        if page.url.endswith("#main"):
            return  # the address kept the skip link's target: Tab already starts inside main
        press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('skip-link')")
        press("Enter")

    def check(name, value):
        tab_to(f"input[name={name}][value={value}]")
        press("Space")

    def choose(name, value):  # a radio group is one tab stop; arrows move within it
        tab_to(f"input[name={name}]")
        while page.evaluate("document.activeElement.value") != value:
            press("ArrowDown")
        if not page.evaluate("document.activeElement.checked"):
            press("Space")

    started = time.monotonic()
    skip_to_main()
    tab_to("main a.button")  # "Start"
    press("Enter")
    page.wait_for_url(re.compile(r"/needs/situation/(#main)?$"))
    skip_to_main()
    check("concerns", "partner_conflict")
    tab_to("main button[type=submit]")
    press("Enter")
    page.wait_for_url(re.compile(r"/needs/details/(#main)?$"))
    skip_to_main()
    check("involves", "partner")
    choose("duration", "long")
    choose("impact", "a_lot")
    tab_to("main button[type=submit]")
    press("Enter")
    page.wait_for_url(re.compile(r"/needs/preferences/(#main)?$"))
    skip_to_main()
    choose("payment", "medicaid")
    choose("language", "spanish")
    tab_to("input[name=zip]")
    for key in "10001":
        press(key)
    press("Enter")  # submits the form from the text field
    page.wait_for_url(re.compile(r"/needs/signals/(#main)?$"))
    skip_to_main()
    tab_to("main button[type=submit]")
    press("Enter")
    page.wait_for_url(re.compile(r"/support-plan/(#main)?$"))
    elapsed = time.monotonic() - started

    plan = SupportPlan.objects.get(owner=person)
    assert plan.is_made
    couples = page.locator("#pathway-couples_therapy")
    expect(page.locator("ol.pathways > li").first).to_have_id("pathway-couples_therapy")
    expect(couples).to_contain_text(
        "You told us about arguments or distance with your partner: it has gone on for more than three months "
        "and gets in the way of daily life a lot.")
    assert len(presses) <= KEY_BUDGET, presses
    print(f"\nsupport plan by keyboard: {len(presses)} key presses, {elapsed:.1f} s of browser time")

    # The first next step works: the finder, already filtered, finds a place near 10001.
    skip_to_main()
    tab_to("#pathway-couples_therapy a[href^='/find-help/']")
    press("Enter")
    page.wait_for_url(re.compile(r"/find-help/\?zip=10001"))
    expect(page.locator("main")).to_contain_text("Demo Chelsea Community Mental Health")
    # ...and can be saved back to the plan.
    saved = page.locator(".finder-result", has_text="Demo Chelsea Community Mental Health")
    saved.get_by_role("button", name=re.compile("^Save to my support plan")).click()
    expect(page.locator(".messages")).to_contain_text("Saved to your support plan")
    assert plan.steps.filter(pathway="saved").count() == 1
