"""Visits for the library and moderation axe cases (tests/browser/cases/library.py and
moderation.py): each builds the replies, reports and holds it needs, so every state a
person can see is checked."""

from kinwell.library.models import ReplyStatus
from kinwell.library.services import set_status
from kinwell.moderation import services as moderation
from tests.factories import post_reply, trusted
from tests.library import FIXTURE_ARTICLES

ARTICLE = "/library/first-steps-together/"
URGENT = "I can't do this anymore. I've been saving my pills and tonight is the night."


def fixture_library(settings):
    settings.LIBRARY_ARTICLES_DIR = FIXTURE_ARTICLES


def conversation(demo):
    """Sam and Jo talk under the article; Jo answers Sam; a link and a crisis reply are held."""
    trusted(demo.sam)
    top = post_reply(demo.sam, "The *calm moment* tip helped us.\n\n- We tried it on Sunday\n- It worked", display_name="Sam R.")
    post_reply(demo.jo, "Same here, thank you for sharing.", anonymous=True, parent_id=top.pk)
    post_reply(demo.sam, "This page helped: [988 Lifeline](https://988lifeline.org)")
    held = post_reply(demo.alex, "Try example.org for more")
    crisis = post_reply(demo.alex, URGENT)
    hidden = post_reply(demo.alex, "An unkind joke")
    set_status(reply=hidden, status=ReplyStatus.HIDDEN)
    return {"top": top, "held": held, "crisis": crisis, "hidden": hidden}


def library_page(path, with_conversation=False):
    def visit(page, demo, settings):
        fixture_library(settings)
        if with_conversation:
            conversation(demo)
        page.goto(path)

    return visit


def real_article(page, demo, settings):
    from kinwell.library.catalogue import articles

    page.goto(f"/library/{next(iter(articles()))}/")


def partner_violence_article(page, demo, settings):
    page.goto("/library/when-you-do-not-feel-safe-with-someone-close-to-you/")
    assert page.locator("[data-quick-exit]").is_visible()


def reply_errors(page, demo, settings):
    fixture_library(settings)
    page.goto(ARTICLE)
    with page.expect_navigation():
        page.get_by_role("button", name="Post reply").click()
    assert page.locator(".error-summary").is_visible()


def crisis_reply(page, demo, settings):
    fixture_library(settings)
    page.goto(ARTICLE)
    page.locator("textarea[name=text]").fill(URGENT)
    with page.expect_navigation():
        page.get_by_role("button", name="Post reply").click()
    assert page.locator(".crisis-panel").is_visible()
    assert page.locator(".reply--held").is_visible()


def respond(page, demo, settings):
    fixture_library(settings)
    top = conversation(demo)["top"]
    page.goto(f"{ARTICLE}replies/{top.pk}/respond/")


def report_form(errors=False):
    def visit(page, demo, settings):
        fixture_library(settings)
        top = conversation(demo)["top"]
        page.goto(f"/report/reply/{top.pk}/")
        if errors:
            with page.expect_navigation():
                page.get_by_role("button", name="Send report").click()
            assert page.locator(".error-summary").is_visible()

    return visit


def _moderator(demo):
    demo.alex.is_staff = True
    demo.alex.save(update_fields=["is_staff"])


def moderation_queue(page, demo, settings):
    fixture_library(settings)
    _moderator(demo)
    replies = conversation(demo)
    moderation.report(reporter=demo.jo, target_type="reply", target_id=replies["top"].pk, reason="harmful", note="Felt dismissive")
    page.goto("/moderation/")


def moderation_log(page, demo, settings):
    fixture_library(settings)
    _moderator(demo)
    replies = conversation(demo)
    moderation.moderate(actor=demo.alex, target_type="reply", target_id=replies["held"].pk, action="approve")
    moderation.moderate(actor=demo.alex, target_type="reply", target_id=replies["hidden"].pk, action="warn", note="Please be kind.")
    page.goto("/moderation/log/")
