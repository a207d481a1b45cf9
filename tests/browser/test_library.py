"""The library in a real browser: XSS payloads in replies stay inert, and a reply is
posted, reported and moderated end to end from separate browsers."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kinwell.library.models import Reply, ReplyStatus
from kinwell.library.reply_rules import TRUSTED_AFTER_REPLIES
from kinwell.moderation.models import ModerationAction, Report
from tests.browser.support import next_tab_is, press_and_wait, skip_to_main, tab_to, type_into_next
from tests.factories import UserFactory, post_reply, trusted
from tests.library import FIXTURE_ARTICLES

pytestmark = pytest.mark.browser

ARTICLE = "/library/first-steps-together/"

# The usual ways in: script tags, event handlers, javascript: and data: links, SVG,
# breaking out of attributes, Markdown links and images, and HTML entities.
XSS_PAYLOADS = [
    "<script>window.__xss = 1</script>",
    "<img src=x onerror=\"window.__xss = 1; alert(1)\">",
    "<svg onload=\"window.__xss = 1\"></svg>",
    "<iframe src=\"javascript:window.__xss = 1\"></iframe>",
    "\"><script>window.__xss = 1</script>",
    "'><img src=x onerror=alert(1)>",
    "[click me](javascript:window.__xss=1)",
    "[click me](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](x\" onerror=\"alert(1))",
    "<a href=\"javascript:alert(1)\">link</a>",
    "&lt;script&gt;window.__xss = 1&lt;/script&gt;",
    "<details open ontoggle=\"window.__xss = 1\">",
    "<style>@import 'javascript:alert(1)'</style>",
    "[x](https://example.org\" onmouseover=\"window.__xss=1)",
]


@pytest.fixture(autouse=True)
def fixture_articles(settings):
    settings.LIBRARY_ARTICLES_DIR = FIXTURE_ARTICLES


def test_xss_payloads_in_replies_do_nothing_in_a_real_browser(new_context):
    writer = trusted(UserFactory(display_name="<b onmouseover=alert(1)>Mallory</b>"))
    for payload in XSS_PAYLOADS:
        reply = post_reply(writer, payload, display_name="<script>window.__xss=1</script>")
        # Older than the burst window, so the rate limit lets the next one through.
        Reply.objects.filter(pk=reply.pk).update(created_at=timezone.now() - timedelta(minutes=11))
    reader = UserFactory()
    page = new_context(as_user=reader).new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(ARTICLE)
    # Every payload is public (the trusted writer's two earlier replies too), so all of it renders.
    assert not Reply.objects.exclude(status=ReplyStatus.PUBLISHED).exists()
    expect(page.locator(".reply")).to_have_count(len(XSS_PAYLOADS) + TRUSTED_AFTER_REPLIES)

    # Touch everything that could fire: hover and click each link inside the replies.
    for link in page.locator(".reply__body a").all():
        link.hover()
        href = link.get_attribute("href") or ""
        assert href.startswith(("http://", "https://")), href
        assert "nofollow" in link.get_attribute("rel") and "ugc" in link.get_attribute("rel")
    page.mouse.move(5, 5)

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    assert page.locator(".reply script, .reply img, .reply svg, .reply iframe, .reply style, .reply details").count() == 0
    # The words are still there, as text.
    expect(page.locator(".reply").filter(has_text="<script>window.__xss = 1</script>").first).to_be_visible()
    # And the front matter's fixture article has a script tag in its body: shown as text too.
    expect(page.locator(".article-body")).to_contain_text("<script>window.__xss = 1</script>")


def test_a_reply_is_posted_reported_and_moderated_from_three_browsers(new_context):
    writer = trusted(UserFactory(display_name="Wren"))
    reader = UserFactory(display_name="Rae")
    moderator = UserFactory(display_name="Mo", is_staff=True)

    # Wren posts a reply through the form.
    wren = new_context(as_user=writer, javascript=False).new_page()
    wren.goto(ARTICLE)
    wren.get_by_label("Your reply", exact=True).fill("Honestly, people who need therapy are just weak.")
    wren.get_by_label("Name shown with your reply").fill("W.")
    wren.get_by_role("button", name="Post reply").click()
    expect(wren.locator(".messages")).to_contain_text("Your reply is posted")
    reply = Reply.objects.filter(author=writer).latest("pk")  # the name is encrypted: read, not queried
    assert reply.display_name == "W."

    # Rae, in another browser, sees it and reports it.
    rae = new_context(as_user=reader).new_page()
    rae.goto(ARTICLE)
    card = rae.locator(f"#reply-{reply.pk}")
    expect(card).to_contain_text("people who need therapy")
    card.get_by_role("link", name="Report reply by W.").click()
    rae.get_by_label("Harmful or unkind").check()
    rae.get_by_label("Anything a moderator should know").fill("This could hurt someone reading.")
    rae.get_by_role("button", name="Send report").click()
    expect(rae.locator(".messages")).to_contain_text("Thank you for telling us")
    assert Report.objects.get().reporter == reader

    # Mo, a moderator, finds it in the queue and hides it.
    mo = new_context(as_user=moderator).new_page()
    mo.goto("/moderation/")
    item = mo.locator(".queue-item").filter(has_text="people who need therapy")
    expect(item).to_contain_text("This could hurt someone reading.")
    item.get_by_role("button", name="Hide").click()
    expect(mo.locator(".messages")).to_contain_text("Done")
    expect(mo.locator(".queue-item")).to_have_count(0)
    mo.goto("/moderation/log/")
    expect(mo.locator("tbody tr").first).to_contain_text("Hid")

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.HIDDEN
    assert ModerationAction.objects.get().actor == moderator
    # Rae no longer sees it; Wren still sees their own words, marked hidden.
    rae.goto(ARTICLE)
    expect(rae.locator(f"#reply-{reply.pk}")).to_have_count(0)
    wren.goto(ARTICLE)
    expect(wren.locator(f"#reply-{reply.pk}")).to_contain_text("A moderator has hidden this reply")


def test_a_crisis_reply_is_held_for_a_moderator_who_is_shown_how_to_respond(new_context):
    writer = UserFactory(display_name="Ash")
    moderator = UserFactory(display_name="Mo", is_staff=True)
    ash = new_context(as_user=writer, javascript=False).new_page()
    ash.goto(ARTICLE)
    ash.get_by_label("Your reply", exact=True).fill("I don't want to be here anymore. I have a plan for tonight.")
    ash.get_by_role("button", name="Post reply").click()
    expect(ash.locator(".crisis-panel")).to_be_visible()
    expect(ash.locator(".reply--held")).to_contain_text("Only you can see this reply for now")

    other = new_context(as_user=UserFactory()).new_page()
    other.goto(ARTICLE)
    expect(other.locator(".reply")).to_have_count(0)

    mo = new_context(as_user=moderator).new_page()
    mo.goto("/moderation/")
    item = mo.locator(".queue-item--crisis")
    expect(item).to_contain_text("How to respond to a reply that suggests a crisis")
    expect(item.get_by_role("button", name="Warn author")).to_have_count(0)
    item.get_by_role("button", name="Keep hidden").click()
    assert Reply.objects.get(author=writer).status == ReplyStatus.HIDDEN


def test_replying_and_reporting_by_keyboard_alone(new_context):
    """Tab, Space and Enter only: answer a reply, then report another."""
    first = post_reply(trusted(UserFactory(display_name="Lin")), "Taking a walk together helped us talk.")
    page = new_context(as_user=UserFactory(display_name="Kai")).new_page()
    page.goto(ARTICLE)
    skip_to_main(page)
    tab_to(page, f"#reply-{first.pk} a[href$='/respond/']")
    press_and_wait(page)
    skip_to_main(page)
    tab_to(page, "#id_text")
    page.keyboard.type("We do the same on Sundays.")
    next_tab_is(page, "#id_display_name")
    next_tab_is(page, "#id_anonymous")
    page.keyboard.press("Space")
    next_tab_is(page, "main form button[type=submit]")
    press_and_wait(page)
    answer = Reply.objects.get(parent=first)
    assert answer.anonymous and answer.status == ReplyStatus.PUBLISHED
    expect(page.locator(f"#reply-{answer.pk}")).to_contain_text("Anonymous")

    page.goto(ARTICLE)
    skip_to_main(page)
    tab_to(page, f"#reply-{first.pk} a[href^='/report/']", max_tabs=60)
    press_and_wait(page)
    skip_to_main(page)
    # A radio group is one Tab stop; the arrow keys choose within it.
    tab_to(page, "input[name=reason][value=harmful]")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name=reason]:checked").get_attribute("value") == "spam"
    type_into_next(page, "#id_note", "Not sure.")
    next_tab_is(page, "main form button[type=submit]")
    press_and_wait(page)
    expect(page.locator(".messages")).to_contain_text("Thank you for telling us")
    assert Report.objects.get().reason == "spam"
