"""The safety layer in a real browser: a crisis text is saved and the panel appears at
once, with JavaScript off; the safety plan is there one click away."""

import pytest
from playwright.sync_api import expect

from kinwell.circles.models import Boundary
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.browser

CRISIS_TEXT = "honestly everyone would be better off without me. this is my last message"


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_crisis_text_is_saved_and_the_panel_shows_at_once(new_context, javascript):
    person = UserFactory(display_name="Rae")
    circle = CircleFactory(owner=person, name="Home")
    page = new_context(as_user=person, javascript=javascript).new_page()
    page.goto(f"/circles/{circle.pk}/sharing/")
    page.get_by_label("A boundary").fill(CRISIS_TEXT)
    page.get_by_role("button", name="Add boundary").click()

    panel = page.locator(".crisis-panel")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", level=2)).to_have_text("You don’t have to go through this alone")
    expect(panel.get_by_role("link", name="Call 988", exact=True)).to_have_attribute("href", "tel:988")
    expect(panel.get_by_role("link", name="Call 911", exact=True)).to_have_attribute("href", "tel:911")
    expect(panel.get_by_role("link", name="Text HOME to 741741", exact=True)).to_be_visible()
    # Nothing was blocked: the words are saved and shown back to the person.
    assert Boundary.objects.get(membership__user=person).text == CRISIS_TEXT
    expect(page.locator(".boundaries")).to_contain_text("everyone would be better off without me")
    if javascript:
        # The panel takes focus, so a screen reader starts there.
        assert page.evaluate("document.activeElement.classList.contains('crisis-panel')")

    # The safety plan is one click away from the panel, and help-now from every page.
    panel.get_by_role("link", name="Make a safety plan: a few lines for hard moments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My safety plan")
    page.get_by_label("My reasons for living").fill("My sister. The sea.")
    page.get_by_role("button", name="Save my safety plan").click()
    page.locator("header").get_by_role("link", name="Get help now").click()
    expect(page.locator("main")).to_contain_text("My sister. The sea.")


def test_a_supporter_reads_a_shared_safety_plan(new_context):
    person, friend = UserFactory(display_name="Rae"), UserFactory(display_name="Kit")
    circle = CircleFactory(owner=person, members=[friend])
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/safety-plan/")
    page.get_by_label("Things I can do on my own to cope").fill("Walk the dog around the park.")
    page.get_by_role("button", name="Save my safety plan").click()
    page.goto(f"/circles/{circle.pk}/sharing/")
    page.get_by_label("Safety plan").check()
    page.get_by_role("button", name="Save what I share").click()

    friend_page = new_context(as_user=friend, javascript=False).new_page()
    friend_page.goto(f"/circles/{circle.pk}/members/{person.pk}/")
    friend_page.get_by_role("link", name="Read Rae’s safety plan").click()
    expect(friend_page.locator("main")).to_contain_text("Walk the dog around the park.")
    friend_page.get_by_role("link", name="Back to Rae").click()
    friend_page.get_by_role("link", name="How to help someone who is struggling").click()
    expect(friend_page.get_by_role("heading", level=1)).to_have_text("When someone you love is struggling")


NEUTRAL_SITE = "https://www.weather.gov/"


@pytest.fixture
def neutral_site(settings):
    """The quick exit's neutral site, answered locally: the tests make no outside request."""
    settings.QUICK_EXIT_URL = NEUTRAL_SITE

    def serve(context):
        context.route(
            f"{NEUTRAL_SITE}**",
            lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"),
        )
        return context

    return serve


def test_quick_exit_from_help_now_by_keyboard_replaces_the_page_in_history(new_context, neutral_site):
    from tests.browser.keyboard import Keyboard

    page = neutral_site(new_context()).new_page()
    page.goto("/accessibility/")
    page.goto("/help-now/")
    keys = Keyboard(page)
    # Tab only (the skip link's Enter would add a "#main" entry of its own to the history):
    # past the skip link and the header, the quick exit is the first stop in the content.
    keys.tab_to("[data-quick-exit]", limit=10)
    assert page.evaluate("document.activeElement.closest('main') !== null")
    expect(page.locator("[data-quick-exit]")).to_have_accessible_description(
        "Takes you straight to an everyday website. Pressing Escape twice does the same, and Back will not return here."
    )
    with page.expect_navigation():
        keys.press("Enter")
    assert page.url == NEUTRAL_SITE
    # help-now was replaced, not left behind: Back goes to the page before it.
    page.go_back()
    assert page.url.endswith("/accessibility/")


def test_the_skip_link_leaves_no_history_entry_that_back_could_reach_after_a_quick_exit(new_context, neutral_site):
    page = neutral_site(new_context()).new_page()
    page.goto("/accessibility/")
    page.goto("/help-now/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    with page.expect_navigation():
        page.locator("[data-quick-exit]").first.click()
    assert page.url == NEUTRAL_SITE
    page.go_back()
    assert page.url.endswith("/accessibility/")


def test_escape_twice_leaves_help_now_and_once_does_not(new_context, neutral_site):
    page = neutral_site(new_context()).new_page()
    page.goto("/")
    page.goto("/help-now/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1300)  # a single press, or two far apart, keeps the person here
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.endswith("/help-now/")
    with page.expect_navigation():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.url == NEUTRAL_SITE
    page.go_back()
    assert not page.url.endswith("/help-now/")


def test_without_javascript_the_quick_exit_is_a_plain_link(new_context, neutral_site):
    page = neutral_site(new_context(javascript=False)).new_page()
    page.goto("/help-now/")
    # The Escape hint is for when the script runs: without it, it is not shown.
    expect(page.locator(".quick-exit .js-only")).to_be_hidden()
    with page.expect_navigation():
        page.get_by_role("link", name="Leave this page quickly").click()
    assert page.url == NEUTRAL_SITE


def test_the_crisis_panel_and_the_article_offer_the_quick_exit(new_context, neutral_site):
    person = UserFactory(display_name="Rae")
    circle = CircleFactory(owner=person, name="Home")
    page = neutral_site(new_context(as_user=person)).new_page()
    page.goto(f"/circles/{circle.pk}/sharing/")
    page.get_by_label("A boundary").fill(CRISIS_TEXT)
    page.get_by_role("button", name="Add boundary").click()
    expect(page.locator(".crisis-panel [data-quick-exit]")).to_be_visible()
    page.goto("/library/when-you-do-not-feel-safe-with-someone-close-to-you/")
    expect(page.locator(".article-region")).to_have_text("For people in the United States")
    with page.expect_navigation():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.url == NEUTRAL_SITE
