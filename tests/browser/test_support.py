"""From "I don't know what I need" to a saved plan with reasons and working next steps,
by keyboard alone and without JavaScript, in a real browser."""

import re
import time

import pytest
from playwright.sync_api import expect

from kinwell.directory.demo import load_demo_directory
from kinwell.support.models import SupportPlan
from tests.browser.keyboard import Keyboard
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
    keys = Keyboard(page)

    started = time.monotonic()
    keys.skip_to_main()
    keys.tab_to("main a.button")  # "Start"
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/needs/situation/(#main)?$"))
    keys.skip_to_main()
    keys.check("concerns", "partner_conflict")
    keys.tab_to("main button[type=submit]")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/needs/details/(#main)?$"))
    keys.skip_to_main()
    keys.check("involves", "partner")
    keys.choose("duration", "long")
    keys.choose("impact", "a_lot")
    keys.tab_to("main button[type=submit]")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/needs/preferences/(#main)?$"))
    keys.skip_to_main()
    keys.choose("payment", "medicaid")
    keys.choose("language", "spanish")
    keys.tab_to("input[name=zip]")
    for key in "10001":
        keys.press(key)
    keys.press("Enter")  # submits the form from the text field
    page.wait_for_url(re.compile(r"/needs/signals/(#main)?$"))
    keys.skip_to_main()
    keys.tab_to("main button[type=submit]")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/support-plan/(#main)?$"))
    elapsed = time.monotonic() - started

    plan = SupportPlan.objects.get(owner=person)
    assert plan.is_made
    couples = page.locator("#pathway-couples_therapy")
    expect(page.locator("ol.pathways > li").first).to_have_id("pathway-couples_therapy")
    expect(couples).to_contain_text(
        "You told us about arguments or distance with your partner: it has gone on for more than three months "
        "and gets in the way of daily life a lot.")
    assert len(keys.presses) <= KEY_BUDGET, keys.presses
    print(f"\nsupport plan by keyboard: {len(keys.presses)} key presses, {elapsed:.1f} s of browser time")

    # The first next step works: the finder, already filtered, finds a place near 10001.
    keys.skip_to_main()
    keys.tab_to("#pathway-couples_therapy a[href^='/find-help/']")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/find-help/\?zip=10001"))
    expect(page.locator("main")).to_contain_text("Demo Chelsea Community Mental Health")
    # ...and can be saved back to the plan.
    saved = page.locator(".finder-result", has_text="Demo Chelsea Community Mental Health")
    saved.get_by_role("button", name=re.compile("^Save to my support plan")).click()
    expect(page.locator(".messages")).to_contain_text("Saved to your support plan")
    assert plan.steps.filter(pathway="saved").count() == 1
