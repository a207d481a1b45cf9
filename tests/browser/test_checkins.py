"""Check-ins in a real browser: by keyboard alone, quickly; the crisis panel after a
worrying note; a supporter seeing exactly what sharing allows and reaching out."""

import re
import time

import pytest
from playwright.sync_api import expect

from kinwell.checkins.models import CheckIn, CheckInResponse
from kinwell.circles.models import DataKind
from tests.browser.keyboard import Keyboard
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.browser

# A person who knows the form should need no more than this many key presses.
KEY_BUDGET = 15


def test_a_person_checks_in_by_keyboard_alone(new_context):
    person = UserFactory(display_name="Rae")
    page = new_context(as_user=person, javascript=True).new_page()
    page.goto("/check-ins/new/")
    keys = Keyboard(page)
    press = keys.press
    presses = keys.presses
    started = time.monotonic()
    press("Tab")  # the skip link comes first on every page
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    press("Enter")
    while page.evaluate("document.activeElement.name") != "meter":
        press("Tab")
    press("ArrowDown")  # "Anxious": the second word on the mood meter, after "Angry"
    while page.evaluate("document.activeElement.name") != "wants_support":
        press("Tab")
    press("Space")
    while page.evaluate("document.activeElement.type") != "submit":
        press("Tab")
    press("Enter")
    page.wait_for_url(re.compile(r"/check-ins/(#main)?$"))
    elapsed = time.monotonic() - started

    checkin = CheckIn.objects.get(owner=person)
    assert (checkin.mood, checkin.energy, checkin.feelings, checkin.wants_support) == (2, 4, ["anxious"], True)
    assert len(presses) <= KEY_BUDGET, presses
    expect(page.locator(".messages")).to_contain_text("Checked in")
    print(f"\nkeyboard check-in: {len(presses)} key presses, {elapsed:.1f} s of browser time")


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_worrying_note_is_saved_and_the_crisis_panel_shows(new_context, javascript):
    person = UserFactory(display_name="Rae")
    page = new_context(as_user=person, javascript=javascript).new_page()
    page.goto("/check-ins/new/")
    page.locator("label.meter__choice", has_text="Hopeless").click()
    note = "honestly everyone would be better off without me"
    page.get_by_label("A note, just for you unless you share notes").fill(note)
    page.get_by_role("button", name="Save my check-in").click()
    panel = page.locator(".crisis-panel")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name="Call 988", exact=True)).to_have_attribute("href", "tel:988")
    assert CheckIn.objects.get(owner=person).note == note
    expect(page.locator("main")).to_contain_text(note)


def test_a_supporter_sees_what_sharing_allows_and_reaches_out(new_context):
    person, friend = UserFactory(display_name="Rae"), UserFactory(display_name="Kit")
    circle = CircleFactory(owner=person, members=[friend], name="Home")
    share(person, circle, DataKind.CHECKIN_MOOD)
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/check-ins/new/")
    page.locator("label.meter__choice", has_text="Sad").click()
    page.get_by_label("A note, just for you unless you share notes").fill("Quiet worry about work")
    page.get_by_label("I could use some support today").check()
    page.get_by_role("button", name="Save my check-in").click()

    friend_page = new_context(as_user=friend, javascript=False).new_page()
    friend_page.goto(f"/circles/{circle.pk}/")
    friend_page.get_by_role("link", name="Check-ins").last.click()
    main = friend_page.locator("main")
    expect(main.locator(".notice--support")).to_contain_text("Rae")
    expect(main).to_contain_text("Low")
    expect(main).not_to_contain_text("Quiet worry about work")  # notes are not shared
    friend_page.get_by_role("link", name="Reach out to Rae").click()
    friend_page.get_by_label("Want to talk?").check()
    friend_page.get_by_role("button", name="Send").click()
    expect(friend_page.locator(".messages")).to_contain_text("Rae will see that you reached out")
    assert CheckInResponse.objects.get().reaction == "want_to_talk"

    page.goto("/check-ins/")
    expect(page.locator("main")).to_contain_text("Kit: “Want to talk?”")
