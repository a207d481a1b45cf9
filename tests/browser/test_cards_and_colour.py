"""In a real browser: the one-tap check-in from home by keyboard with JavaScript off,
"add more" on the same check-in, the trends table at 320 px, and a card drawn, kept and
read out without JavaScript. With KINWELL_SHOTS set to a directory, screenshots of the
check-in form, a card, ask-in-person and trends at 320, 768 and 1280 px go there."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kinwell.cards.models import Favourite
from kinwell.checkins import services as checkin_services
from kinwell.checkins.models import CheckIn
from kinwell.core.localtime import today_for
from tests.browser.cases.cards import use_decks
from tests.browser.keyboard import Keyboard
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.browser

WIDTHS = (320, 768, 1280)


def five_weeks(person):
    today = today_for(person)
    for back in range(34, -1, -1):
        hard = back % 9 in (0, 1)
        checkin_services.record_checkin(
            owner=person, day=today - timedelta(days=back), mood=2 if hard else 4, stress=7 if hard else 3,
            sleep_hours="5.5" if hard else str(7 + back % 3 * 0.5), energy=2 if hard else 3 + back % 2,
            feelings=["tired"] if hard else ["calm"],
        )


def test_quick_check_in_from_home_by_keyboard_without_javascript(new_context):
    # One tap on a phone. By keyboard the skip link and "Get help now" stay the first
    # stops on every page, home included; a new person's first steps come before the
    # meter, so its first word is a few Tabs into main.
    person = UserFactory(display_name="Rae")
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/")
    keys = Keyboard(page)
    keys.press("Tab")  # "Skip to main content"
    keys.press("Enter")
    for _ in range(6):
        keys.press("Tab")
        if keys.focused("value") == "angry":
            break
    assert keys.focused("value") == "angry" and keys.focused("tagName") == "BUTTON"
    with page.expect_navigation():
        keys.press("Enter")
    print(f"\nquick check-in for a new person: {len(keys.presses)} key presses")
    checkin = CheckIn.objects.get(owner=person)
    assert (checkin.mood, checkin.energy, checkin.feelings) == (2, 5, ["angry"])
    expect(page.locator(".messages")).to_contain_text("Checked in: Angry")

    # Another word is one Tab further each (the words are buttons, in reading order).
    other = UserFactory()
    page = new_context(as_user=other, javascript=False).new_page()
    page.goto("/")
    keys = Keyboard(page)
    keys.press("Tab")
    keys.press("Enter")
    while keys.focused("value") != "calm":
        keys.press("Tab")
    with page.expect_navigation():
        keys.press("Enter")
    assert CheckIn.objects.get(owner=other).feelings == ["calm"]
    print(f"\nquick check-in: {len(keys.presses)} key presses for the last word (Calm)")


def test_add_more_opens_the_same_check_in_with_the_word_kept(new_context):
    person = UserFactory(display_name="Rae")
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/")
    page.get_by_role("button", name="Content").click()
    page.get_by_role("link", name="Add more to today's check-in").click()
    expect(page.get_by_role("radio", name="Content", exact=True)).to_be_checked()
    page.get_by_label("Hours slept last night").fill("8")
    page.get_by_role("button", name="Save changes").click()
    checkin = CheckIn.objects.get(owner=person)
    assert (checkin.mood, checkin.energy, checkin.feelings, float(checkin.sleep_hours)) == (4, 2, ["content"], 8.0)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_trends_page_fits_320_px(new_context, language):
    person = UserFactory(display_name="Rae", language=language)
    five_weeks(person)
    checkin_services.record_checkin(owner=person, mood=3, stress=10, sleep_hours="10.5", energy=5)  # two today
    page = new_context(as_user=person, viewport={"width": 320, "height": 720}).new_page()
    for days in (30, 365):
        page.goto(f"/check-ins/trends/?days={days}")
        for summary in page.locator("main details summary").all():
            if not summary.evaluate("el => el.parentElement.open"):
                summary.click()
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > 320.5)
            .map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right)).slice(0, 8)""")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
        table = page.locator(".day-table table")
        assert table.evaluate("el => el.scrollWidth <= el.parentElement.clientWidth")
        assert page.locator("main svg[role=img]").count() == 4  # mood, sleep, stress, energy


def test_a_card_is_drawn_kept_and_read_out_without_javascript(new_context, settings):
    use_decks(settings)
    person = UserFactory(display_name="Rae")
    CircleFactory(owner=person, members=[UserFactory(display_name="Sol")], name="Us")
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/")
    page.locator(".site-nav summary", has_text="Together").click()
    page.get_by_role("link", name="Card decks").click()
    page.locator(".deck-list a").first.click()
    page.get_by_role("button", name="Draw a card", exact=True).click()
    first = page.url
    page.get_by_role("button", name="Draw again").click()
    assert page.url != first and re.search(r"/cards/[\w-]+/[\w-]+/$", page.url)
    page.get_by_role("button", name="Keep as a favourite").click()
    assert Favourite.objects.filter(person=person).count() == 1
    page.get_by_role("link", name="Ask in person").click()
    expect(page.locator(".in-person__text")).to_be_visible()
    page.get_by_role("button", name="Next card").click()
    assert page.url.endswith("/in-person/")
    page.get_by_role("link", name="Done reading out").click()
    page.get_by_role("link", name="Start a conversation about it").click()
    expect(page.get_by_label("Topic")).to_have_value(re.compile(r".+: .+\?"))


@pytest.mark.skipif(not os.environ.get("KINWELL_SHOTS"), reason="screenshots only when KINWELL_SHOTS names a directory")
def test_screenshots(new_context, settings):
    use_decks(settings)
    folder = Path(os.environ["KINWELL_SHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    person = UserFactory(display_name="Rae")
    newcomer = UserFactory(display_name="Robin")
    ana = UserFactory(display_name="Ana", language="es")
    five_weeks(person)
    from kinwell.cards import selectors

    deck = selectors.library().decks[-1]
    card = deck.cards[0]
    pages = {
        "checkin-form": (person, "/check-ins/new/"),
        "checkin-form-es": (ana, "/check-ins/new/"),
        "home-quick": (newcomer, "/"),
        "deck-list": (person, "/cards/"),
        "card": (person, f"/cards/{deck.key}/{card.key}/"),
        "in-person": (person, f"/cards/{deck.key}/{card.key}/in-person/"),
        "trends": (person, "/check-ins/trends/?days=30"),
    }
    for width in WIDTHS:
        for name, (who, path) in pages.items():
            page = new_context(as_user=who, viewport={"width": width, "height": 900}).new_page()
            page.set_default_navigation_timeout(30_000)  # pictures, not timing: a busy machine is fine
            page.goto(path)
            if name == "checkin-form":
                page.locator("label.meter__choice", has_text="Calm").click()
            page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
            if name == "trends":
                page.locator(".charts").screenshot(path=folder / f"trends-charts-{width}.png")
                page.locator(".day-table").screenshot(path=folder / f"trends-table-{width}.png")
            if name == "home-quick":
                page.locator(".quick-checkin").screenshot(path=folder / f"home-quick-panel-{width}.png")
            page.close()
