"""The main navigation (base.html): "Get help now" on its own, always visible, and the
rest in three disclosure groups that work with a mouse or a keyboard, with JavaScript
off (plain <details>) and on (Escape, focus leaving and a click elsewhere close them),
on one line on a laptop and reflowed, never scrolling sideways, at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import next_tab_is, path_of, tab_to
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

GROUPS = {
    "Me": ["Check-ins", "Questionnaires", "Summary for a clinician", "Safety plan", "Settings"],
    "Together": ["My circles", "Together", "Talk"],
    "Help": ["Find help near you", "Library"],
}


def named(name):
    return re.compile(rf"^\s*{name}\s*$")


def summary(page, name):
    return page.locator(".site-nav summary").filter(has_text=named(name))


def group(page, name):
    return page.locator(".site-nav details").filter(has=page.locator("summary").filter(has_text=named(name)))


def nav_link(page, name):
    return page.locator(".site-nav").get_by_role("link", name=name, exact=True)


@pytest.mark.parametrize("width", [1280, 320])
def test_without_javascript_every_group_opens_and_its_links_work(new_context, width):
    page = new_context(as_user=UserFactory(), javascript=False, viewport={"width": width, "height": 720}).new_page()
    page.goto("/")
    for name, links in GROUPS.items():
        expect(nav_link(page, links[-1])).to_be_hidden()
        summary(page, name).click()
        expect(group(page, name)).to_have_attribute("open", "")
        for link in links:
            expect(nav_link(page, link)).to_be_visible()
        # One group open at a time, by the browser itself (<details name>).
        assert page.locator(".site-nav details[open]").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width

    summary(page, "Together").click()
    with page.expect_navigation():
        nav_link(page, "Talk").click()
    assert path_of(page) == "/talk/"
    # The page you are on is marked, for screen readers and by sight, and nothing else is.
    current = page.locator(".site-nav [aria-current]")
    expect(current).to_have_count(1)
    expect(current).to_have_text("Talk")
    expect(current).to_have_attribute("aria-current", "page")


def test_signed_out_help_is_one_click_away_and_the_help_group_is_there(new_context):
    page = new_context(javascript=False, viewport={"width": 320, "height": 640}).new_page()
    page.goto("/library/")
    help_now = page.locator("header").get_by_role("link", name="Get help now")
    expect(help_now).to_be_visible()
    assert help_now.bounding_box()["y"] < 100, "Get help now is not in the first lines of the page at 320 px"
    expect(summary(page, "Me")).to_have_count(0)
    summary(page, "Help").click()
    expect(nav_link(page, "Find help near you")).to_be_visible()
    expect(nav_link(page, "Library")).to_have_attribute("aria-current", "page")
    expect(page.locator("header").get_by_role("link", name="Log in")).to_be_visible()
    with page.expect_navigation():
        help_now.click()
    assert path_of(page) == "/help-now/"
    expect(help_now).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_laptop_the_header_is_one_line(new_context, language):
    person = UserFactory(language=language)
    page = new_context(as_user=person, viewport={"width": 1280, "height": 800}).new_page()
    page.goto("/")
    tops = page.locator(".brand, .help-now-link, .site-nav .nav > li").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    # The brand, "Get help now" and the three groups (Log out is the last link of "Me").
    assert len(tops) == 5 and max(tops) - min(tops) <= 2, f"The header wraps: tops {tops}"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("signed_in", [True, False])
def test_on_a_phone_the_header_is_two_rows(new_context, language, signed_in):
    """320 px: the brand and "Get help now" on the first row, the rest on the second."""
    person = UserFactory(language=language) if signed_in else None
    context = new_context(as_user=person, viewport={"width": 320, "height": 720},
                          extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == language
    tops = page.locator(".brand, .help-now-link, .site-nav .nav > li").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    rows = sorted({top for top in tops})
    assert len(rows) == 2, f"The header takes {len(rows)} rows at 320 px: tops {tops}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_keyboard_opens_and_escape_closes_a_group(new_context):
    page = new_context(as_user=UserFactory(), viewport={"width": 1280, "height": 720}).new_page()
    page.goto("/")
    # Help first: right after the skip link and the brand.
    tab_to(page, ".help-now-link", max_tabs=3)
    next_tab_is(page, ".site-nav summary")
    page.keyboard.press("Enter")
    expect(group(page, "Me")).to_have_attribute("open", "")
    next_tab_is(page, "a[href='/check-ins/']")
    page.keyboard.press("Escape")
    expect(group(page, "Me")).not_to_have_attribute("open", "")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Me"

    # Over the page, an open group closes when focus moves past it.
    page.keyboard.press("Enter")
    for _ in [*GROUPS["Me"], "Log out"]:  # Log out is the last of "Me", a button
        page.keyboard.press("Tab")
    next_tab_is(page, ".site-nav li:nth-child(2) summary")
    expect(group(page, "Me")).not_to_have_attribute("open", "")


def test_a_click_elsewhere_closes_a_group_that_drops_down(new_context):
    page = new_context(as_user=UserFactory(), viewport={"width": 1280, "height": 720}).new_page()
    page.goto("/")
    summary(page, "Help").click()
    links = page.locator(".site-nav details[open] .nav-group__links")
    assert links.evaluate("el => getComputedStyle(el).position") == "absolute"
    box = links.bounding_box()
    assert box["x"] + box["width"] <= 1280, "The Help group hangs off the right edge"
    page.locator("main h1").click()
    expect(page.locator(".site-nav details[open]")).to_have_count(0)
