"""The main journeys, in a real browser against the live server, through the real forms:
sign up, start a circle, invite, join from a second browser, share, take space.

Once by keyboard alone with JavaScript on, once with a mouse and JavaScript off.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from kinwell.circles.models import Circle, Membership
from tests.browser.support import (
    focused,
    next_tab_is,
    path_of,
    press_and_wait,
    skip_to_main,
    start_in_main,
    tab_to,
    type_into_next,
)
from tests.factories import DEFAULT_PASSWORD, CircleFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "quiet-harbour-lantern-42"


def sign_up_by_keyboard(page: Page, *, name: str, email: str, time_zone: str | None = None) -> None:
    start_in_main(page)
    type_into_next(page, "#id_display_name", name)
    type_into_next(page, "#id_email", email)
    type_into_next(page, "#id_password1", PASSWORD)
    type_into_next(page, "#id_password2", PASSWORD)
    next_tab_is(page, "#id_time_zone")
    if time_zone:
        # Typing on a closed select picks the option that starts with what was typed.
        page.keyboard.type(time_zone.replace("_", " "))
        assert page.locator("#id_time_zone").input_value() == time_zone
    next_tab_is(page, "#id_language")
    next_tab_is(page, "main form button[type=submit]")
    press_and_wait(page)
    assert path_of(page) == "/accounts/signup/sent/"
    # The person opens the confirmation link from their email and enters their password.
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    link = urlsplit(re.search(r"https?://\S+/accounts/signup/confirm/\S+", message.body).group(0))
    page.goto(link.path + (f"?{link.query}" if link.query else ""))
    start_in_main(page)
    type_into_next(page, "#id_password", PASSWORD)
    next_tab_is(page, "main form button[type=submit]")
    press_and_wait(page)


def test_keyboard_only_sign_up_start_circle_invite_join_share_and_take_space(new_context, live_server):
    """The whole journey with Tab, Shift+Tab, Space, Enter and typing: no clicks, no fills."""
    maya_context = new_context()
    maya_context.grant_permissions(["clipboard-read", "clipboard-write"])
    maya = maya_context.new_page()
    maya.goto("/")

    # Welcome page → sign up.
    skip_to_main(maya)
    next_tab_is(maya, "main a[href='/accounts/signup/']")
    press_and_wait(maya)
    sign_up_by_keyboard(maya, name="Maya", email="maya@example.org", time_zone="Europe/Lisbon")
    assert path_of(maya) == "/"
    expect(maya.locator("h1")).to_have_text("Hello, Maya")
    expect(maya.locator(".messages")).to_contain_text("Welcome to Kinwell, Maya.")

    # Start a circle (the second of her first steps, after checking in): a name, and a
    # kind chosen in the radio group with the arrow keys.
    start_in_main(maya)
    next_tab_is(maya, "main a[href='/check-ins/new/']")
    next_tab_is(maya, "main a[href='/circles/new/']")
    press_and_wait(maya)
    start_in_main(maya)
    type_into_next(maya, "#id_name", "Maya & Jordan")
    next_tab_is(maya, "input[name=kind][value=couple]")
    maya.keyboard.press("ArrowDown")  # moves to "Family" and selects it
    maya.keyboard.press("ArrowUp")  # back to "Couple"
    assert maya.locator("input[name=kind]:checked").get_attribute("value") == "couple"
    next_tab_is(maya, "main form button[type=submit]")
    press_and_wait(maya)
    assert re.fullmatch(r"/circles/\d+/invite/", path_of(maya))
    expect(maya.locator(".messages")).to_contain_text("Your circle “Maya & Jordan” is ready.")
    circle = Circle.objects.get(name="Maya & Jordan", kind="couple")
    assert circle.memberships.get().user.time_zone == "Europe/Lisbon"

    # Create an invitation link and copy it with the Copy button that enhance.js adds.
    start_in_main(maya)
    tab_to(maya, "main form button[type=submit]")
    press_and_wait(maya)
    link = maya.locator("#invite-link").input_value()
    assert link.startswith(f"{live_server.url}/invite/")
    start_in_main(maya)
    tab_to(maya, "#invite-link")
    next_tab_is(maya, "button.copy-button")
    maya.keyboard.press("Enter")
    expect(maya.locator(".copy-button + [role=status]")).to_have_text("Copied.")
    assert maya.evaluate("navigator.clipboard.readText()") == link

    # Jordan, in another browser, opens the link, signs up from there and joins.
    jordan = new_context().new_page()
    jordan.goto(link)
    expect(jordan.locator("h1")).to_have_text("Maya invited you to “Maya & Jordan”")
    start_in_main(jordan)
    next_tab_is(jordan, "main a[href^='/accounts/signup/?next=/invite/']")
    press_and_wait(jordan)
    sign_up_by_keyboard(jordan, name="Jordan", email="jordan@example.org")
    assert path_of(jordan) == urlsplit(link).path, "Signing up from an invitation leads back to it"
    start_in_main(jordan)
    next_tab_is(jordan, "main button[value=accept]")
    press_and_wait(jordan)
    assert path_of(jordan) == f"/circles/{circle.pk}/sharing/"
    expect(jordan.locator(".messages")).to_contain_text("You joined Maya & Jordan.")

    # Jordan ticks two kinds (Space), saves (Enter), and adds a boundary.
    start_in_main(jordan)
    tab_to(jordan, "input[name=kinds][value=checkin_mood]")
    jordan.keyboard.press("Space")
    next_tab_is(jordan, "input[name=kinds][value=checkin_notes]")
    next_tab_is(jordan, "input[name=kinds][value=screening]")
    jordan.keyboard.press("Space")
    # Change of mind about screening, then back: Shift+Tab walks backwards.
    next_tab_is(jordan, "input[name=kinds][value=screening_answers]")
    tab_to(jordan, "input[name=kinds][value=screening]", max_tabs=1, backwards=True)
    jordan.keyboard.press("Space")
    jordan.keyboard.press("Space")
    tab_to(jordan, "main form button[type=submit]")
    press_and_wait(jordan)
    expect(jordan.locator(".messages")).to_contain_text("Saved. Your circle now sees exactly what you ticked.")
    checked = jordan.locator("input[name=kinds]:checked")
    assert [checked.nth(i).get_attribute("value") for i in range(checked.count())] == ["checkin_mood", "screening"]

    start_in_main(jordan)
    tab_to(jordan, "#id_text")
    jordan.keyboard.type("Please ask before making plans for both of us on weekends.")
    next_tab_is(jordan, "main form:has(#id_text) button[type=submit]")
    press_and_wait(jordan)
    expect(jordan.locator(".messages")).to_contain_text("Your boundary is saved")

    # Maya (focus still on Copy) goes back up to the circle's Overview tab: Shift+Tab.
    tab_to(maya, f"main a[href='/circles/{circle.pk}/']", max_tabs=8, backwards=True)
    press_and_wait(maya)
    jordan_card = maya.locator(".person", has_text="Jordan")
    expect(jordan_card).to_contain_text("Shares with this circle: Check-in moods, Screening results")
    expect(jordan_card).to_contain_text("Please ask before making plans for both of us on weekends.")

    # Jordan takes space: tick "I need some space", save.
    start_in_main(jordan)
    tab_to(jordan, "#id_paused")
    jordan.keyboard.press("Space")
    assert jordan.locator("#id_paused").is_checked()
    # Past the optional date (Chromium stops on its month, day and year and on its calendar
    # button) and the "pause quietly" choice.
    tab_to(jordan, "main form:has(#id_paused) button[type=submit]", max_tabs=6)
    press_and_wait(jordan)
    expect(jordan.locator(".messages")).to_contain_text("You are taking space.")

    # Maya now sees only that Jordan is taking space: nothing shared, no boundaries.
    maya.reload()
    jordan_card = maya.locator(".person", has_text="Jordan")
    expect(jordan_card).to_contain_text("Jordan is taking some space.")
    expect(jordan_card).not_to_contain_text("Shares with this circle")
    expect(jordan_card).not_to_contain_text("weekends")
    assert Membership.objects.get(circle=circle, user__email="jordan@example.org").space_paused


def test_skip_link_comes_first_and_focus_is_always_visible(new_context):
    """On each kind of page: Tab first reaches the skip link, which moves focus into main,
    and every Tab stop after it through the whole page shows where focus is."""
    person = UserFactory(display_name="Sam")
    circle = CircleFactory(name="Thursday friends", owner=person)
    signed_out = new_context().new_page()
    signed_in = new_context(as_user=person).new_page()
    for page, path in [
        (signed_out, "/"),
        (signed_out, "/help-now/"),
        (signed_out, "/accounts/signup/"),
        (signed_in, "/"),
        (signed_in, f"/circles/{circle.pk}/sharing/"),
    ]:
        page.goto(path)
        skip_to_main(page)
        # Walk to the end of the page (the last footer link); tab_to checks each stop.
        tab_to(page, "footer li:last-child a", max_tabs=60)
        # And focus can come all the way back.
        tab_to(page, ".skip-link", max_tabs=80, backwards=True)
        assert focused(page)["visible"]


def test_help_now_works_signed_out_without_javascript(new_context):
    context = new_context(javascript=False)
    page = context.new_page()
    page.goto("/")
    context.clear_cookies()
    with page.expect_navigation():
        page.get_by_role("link", name="Get help now").first.click()
    expect(page).to_have_url(re.compile(r"/help-now/$"))
    expect(page.locator("h1")).to_have_text("Get help now")
    for name, href in [
        ("Call 911", "tel:911"),
        ("Call 988", "tel:988"),
        ("Text 988", "sms:988"),
        ("Text HOME to 741741", "sms:741741?&body=HOME"),
    ]:
        expect(page.get_by_role("link", name=name, exact=True)).to_have_attribute("href", href)
    expect(page.locator("main")).to_contain_text("Outside the United States")
    # "Kinwell does not record that you visited it": no cookie was set.
    assert context.cookies() == []


def test_invite_join_share_and_take_space_without_javascript(new_context, live_server, settings, mailoutbox):
    """The same journey with JavaScript off and a mouse; the invitation travels by email."""
    settings.SITE_URL = live_server.url
    maya_person = UserFactory(display_name="Maya", email="maya@example.org")

    maya = new_context(javascript=False).new_page()
    maya.goto("/")
    maya.get_by_role("link", name="Log in").first.click()
    maya.get_by_label("Email address").fill("MAYA@example.org ")
    maya.get_by_label("Password").fill(DEFAULT_PASSWORD)
    maya.get_by_role("button", name="Log in").click()
    expect(maya.locator("h1")).to_have_text("Hello, Maya")

    maya.get_by_role("link", name="Start a new circle").click()
    maya.get_by_label("Circle name").fill("The Riveras")
    maya.get_by_label("Family").check()
    maya.get_by_role("button", name="Create circle").click()
    expect(maya.locator(".messages")).to_contain_text("Your circle “The Riveras” is ready.")
    circle = Circle.objects.get(name="The Riveras", memberships__user=maya_person)

    maya.get_by_label("Their email address").fill("jordan@example.org")
    maya.get_by_role("button", name="Create invitation link").click()
    expect(maya.locator(".messages")).to_contain_text("We are emailing the invitation to jordan@example.org.")
    expect(maya.locator("main")).to_contain_text("jordan@example.org — from Maya")
    # Without JavaScript there is no Copy button; the link is there to select by hand.
    assert maya.get_by_role("button", name="Copy").count() == 0
    shown_link = maya.locator("#invite-link").input_value()

    (email,) = mailoutbox
    assert email.to == ["jordan@example.org"]
    link = re.search(r"^(http\S+/invite/\S+/)$", email.body, re.M).group(1)
    assert link == shown_link

    # Jordan opens the emailed link in another browser, signs up from it, joins.
    jordan = new_context(javascript=False).new_page()
    jordan.goto(link)
    expect(jordan.locator("h1")).to_have_text("Maya invited you to “The Riveras”")
    jordan.get_by_role("link", name="Create an account").click()
    jordan.get_by_label("What should people call you?").fill("Jordan")
    jordan.get_by_label("Email address").fill("jordan@example.org")
    jordan.get_by_label("Password", exact=True).fill(PASSWORD)
    jordan.get_by_label("Password confirmation").fill(PASSWORD)
    jordan.get_by_label("Time zone").select_option("America/Chicago")
    jordan.get_by_role("button", name="Create account").click()
    expect(jordan.locator("h1")).to_have_text("Check your email")
    # The confirmation link in the email brings Jordan back to the invitation.
    message = next(m for m in reversed(mailoutbox) if m.to == ["jordan@example.org"] and "/signup/confirm/" in m.body)
    confirm = urlsplit(re.search(r"https?://\S+/accounts/signup/confirm/\S+", message.body).group(0))
    jordan.goto(confirm.path + (f"?{confirm.query}" if confirm.query else ""))
    jordan.get_by_label("Password").fill(PASSWORD)
    jordan.get_by_role("button", name="Confirm and log in").click()
    expect(jordan).to_have_url(link)
    jordan.get_by_role("button", name="Join the circle").click()
    expect(jordan).to_have_url(f"{live_server.url}/circles/{circle.pk}/sharing/")
    expect(jordan.locator(".messages")).to_contain_text("Nothing of yours is shared until you choose")

    # Nothing is shared yet.
    maya.goto(f"/circles/{circle.pk}/")
    expect(maya.locator(".person", has_text="Jordan")).not_to_contain_text("Shares with this circle")

    jordan.get_by_label("Check-in moods").check()
    jordan.get_by_label("Support plan").check()
    jordan.get_by_role("button", name="Save what I share").click()
    expect(jordan.locator(".messages")).to_contain_text("Saved.")
    jordan.get_by_label("A boundary").fill("I'll text when I'm ready to talk.")
    jordan.get_by_role("button", name="Add boundary").click()

    maya.reload()
    card = maya.locator(".person", has_text="Jordan")
    expect(card).to_contain_text("Shares with this circle: Check-in moods, Support plan")
    expect(card).to_contain_text("I'll text when I'm ready to talk.")
    maya.get_by_role("link", name="Jordan", exact=True).click()
    expect(maya.locator("main")).to_contain_text("Support plan")

    # Jordan sees that Maya looked at their boundaries.
    jordan.goto("/settings/access-log/")
    expect(jordan.locator("main .plain-list li").first).to_contain_text("Maya viewed your boundaries in The Riveras")

    # Jordan takes space; Maya sees only that.
    jordan.goto(f"/circles/{circle.pk}/sharing/")
    expect(jordan.locator("label[for=id_until]")).to_have_text("Until (optional)")
    jordan.get_by_label("I need some space").check()
    jordan.get_by_role("button", name="Save", exact=True).click()
    expect(jordan.locator(".messages")).to_contain_text("You are taking space.")
    maya.goto(f"/circles/{circle.pk}/")
    card = maya.locator(".person", has_text="Jordan")
    expect(card).to_contain_text("Jordan is taking some space.")
    expect(card).not_to_contain_text("Shares with this circle")
    expect(card).not_to_contain_text("ready to talk")
    maya.get_by_role("link", name="Jordan", exact=True).click()
    expect(maya.locator("main")).to_contain_text("Jordan is taking some space right now.")
    expect(maya.locator("main")).not_to_contain_text("Support plan")

    # The link worked once: opened again, it says so plainly.
    someone_else = new_context(javascript=False).new_page()
    response = someone_else.goto(link)
    assert response.status == 410
    expect(someone_else.locator("h1")).to_have_text("This invitation can no longer be used")
    expect(someone_else.locator("main")).to_contain_text("It has already been used.")
