"""Tests for kinwell/library/services.py and selectors.py.

Replies: who sees what, what is held and why, the rate limit, threading, the
safety layer, the export and account deletion."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinwell.accounts.services import delete_account
from kinwell.core.errors import NotFound, ServiceError
from kinwell.core.personal_data import export_for
from kinwell.library import services
from kinwell.library.models import Reply, ReplyStatus
from kinwell.library.selectors import thread_for
from kinwell.moderation.models import Sanction
from tests.factories import post_reply, trusted

pytestmark = pytest.mark.django_db

URGENT = "I can't do this anymore. I've been saving my pills and tonight is the night."
ARTICLE = "/library/first-steps-together/"


def texts(thread):
    return [item["reply"].text for item in thread] + [a.text for item in thread for a in item["answers"]]


def test_a_plain_reply_is_public_at_once(user, other_user):
    reply = post_reply(user, "Thank you, the calm-moment tip worked.", display_name="  Robin ")
    assert reply.status == ReplyStatus.PUBLISHED and reply.public_name == "Robin"
    assert texts(thread_for(article_slug=reply.article_slug, viewer=other_user)) == [reply.text]


def test_anonymous_replies_show_no_name(user):
    reply = post_reply(user, anonymous=True, display_name="Robin")
    assert reply.public_name == "Anonymous" and reply.display_name == ""


def test_a_new_account_with_a_link_is_held_until_a_moderator_looks(user, other_user):
    reply = post_reply(user, "This site helped: https://example.org/help")
    assert reply.status == ReplyStatus.HELD and reply.held_reasons == ["new_account_link"]
    assert texts(thread_for(article_slug=reply.article_slug, viewer=user)) == [reply.text]
    assert texts(thread_for(article_slug=reply.article_slug, viewer=other_user)) == []


def test_a_trusted_person_can_post_a_link_but_not_link_spam(user):
    trusted(user)
    assert post_reply(user, "This helped: https://988lifeline.org").status == ReplyStatus.PUBLISHED
    spam = post_reply(user, "Message me on WhatsApp +2348012345678, Dr Okoro cured my anxiety")
    assert spam.status == ReplyStatus.HELD and "spam" in spam.held_reasons


def test_a_crisis_reply_is_held_but_its_author_sees_it(user, other_user, client):
    reply = post_reply(user, URGENT)
    assert reply.status == ReplyStatus.HELD and reply.held_reasons == ["crisis"]
    assert reply.safety_level == "urgent"
    assert texts(thread_for(article_slug=reply.article_slug, viewer=user)) == [URGENT]
    assert texts(thread_for(article_slug=reply.article_slug, viewer=other_user)) == []
    assert "saving my pills" not in client.get(ARTICLE).content.decode()


def test_the_rate_limit_counts_replies_in_the_window(user):
    (window, limit), _day = services.RATE_LIMITS
    for number in range(limit):
        post_reply(user, f"Reply number {number}")
    with pytest.raises(services.TooManyReplies):
        post_reply(user, "One too many")
    assert Reply.objects.filter(author=user).count() == limit
    # Once they are older than the window, the person can post again.
    Reply.objects.filter(author=user).update(created_at=timezone.now() - window - timedelta(seconds=1))
    assert post_reply(user, "Later on").pk


def test_the_daily_limit(user):
    _burst, (day, limit) = services.RATE_LIMITS
    earlier = timezone.now() - timedelta(hours=3)
    Reply.objects.bulk_create(
        [Reply(article_slug="first-steps-together", author=user, text="x") for _ in range(limit)]
    )
    Reply.objects.filter(author=user).update(created_at=earlier)
    with pytest.raises(services.TooManyReplies, match="today"):
        post_reply(user)


def test_the_rate_limit_page_answers_429_and_keeps_the_text(client_for, user):
    client = client_for(user)
    (_window, limit), _day = services.RATE_LIMITS
    for number in range(limit):
        assert client.post(ARTICLE, {"text": f"Reply {number}", "display_name": "R"}).status_code == 302
    response = client.post(ARTICLE, {"text": "Still going", "display_name": "R"})
    assert response.status_code == 429
    assert "Still going" in response.content.decode() and "Take a breath" in response.content.decode()


def test_one_level_of_threading(user, other_user):
    top = post_reply(user, "Top")
    answer = post_reply(other_user, "Answer", parent_id=top.pk)
    deeper = post_reply(user, "Answer to the answer", parent_id=answer.pk)
    assert answer.parent == top and deeper.parent == top
    thread = thread_for(article_slug=top.article_slug, viewer=other_user)
    assert [item["reply"].text for item in thread] == ["Top"]
    assert [a.text for a in thread[0]["answers"]] == ["Answer", "Answer to the answer"]


def test_answering_a_reply_one_cannot_see_is_not_found(user, other_user):
    held = post_reply(user, "see example.org")
    with pytest.raises(NotFound):
        post_reply(other_user, "Answer", parent_id=held.pk)
    public = post_reply(user, "Public")
    with pytest.raises(NotFound):
        post_reply(other_user, "Wrong article", parent_id=public.pk, slug="talking-it-through")


@pytest.mark.parametrize("text", ["", "   ", "x" * (Reply.MAX_LENGTH + 1)])
def test_empty_or_too_long_replies_are_refused(user, text):
    with pytest.raises(ServiceError):
        post_reply(user, text)
    assert not Reply.objects.exists()


def test_no_replies_on_an_article_that_does_not_exist(user):
    with pytest.raises(NotFound):
        post_reply(user, slug="no-such-article")


def test_a_suspended_person_cannot_reply_but_keeps_their_account(user, client_for):
    Sanction.objects.create(user=user, kind=Sanction.Kind.SUSPENSION, until=timezone.now() + timedelta(days=2))
    with pytest.raises(ServiceError, match="paused"):
        post_reply(user)
    page = client_for(user).get(ARTICLE).content.decode()
    assert "paused your replies" in page and 'name="text"' not in page
    assert client_for(user).get("/safety-plan/").status_code == 200


# --- Pages ---------------------------------------------------------------------------


def test_a_visitor_reads_articles_but_is_asked_to_log_in_to_reply(client):
    page = client.get(ARTICLE)
    assert page.status_code == 200
    body = page.content.decode()
    assert "First steps together" in body and "Log in to reply" in body and "Test editors" in body
    assert "3 minute read" in body and 'datetime="2026-11-01"' in body
    assert "&lt;script&gt;" in body and "<script>window.__xss" not in body
    response = client.post(ARTICLE, {"text": "Hello"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Reply.objects.exists()


def test_unknown_articles_are_404(client):
    assert client.get("/library/no-such-article/").status_code == 404


def test_the_list_searches_by_words_and_tags(client):
    body = client.get("/library/?q=sliding+fee").content.decode()
    assert "Paying for therapy" in body and "Talking it through" not in body
    body = client.get("/library/?tag=anxiety").content.decode()
    assert "Talking it through" in body and "Paying for therapy" not in body
    assert "Nothing matched" in client.get("/library/?q=zebra").content.decode()
    assert client.get("/library/?q=" + "x" * 200).status_code == 400
    assert client.get("/library/guidelines/").status_code == 200


def test_posting_a_reply_from_the_page(client_for, user, other_user):
    response = client_for(user).post(ARTICLE, {"text": "It helped **a lot**", "display_name": "Kit"}, follow=True)
    body = response.content.decode()
    assert "Your reply is posted" in body and "<strong>a lot</strong>" in body and "Kit" in body
    assert "<strong>a lot</strong>" in client_for(other_user).get(ARTICLE).content.decode()


def test_an_invalid_reply_form_is_400(client_for, user):
    response = client_for(user).post(ARTICLE, {"text": "   "})
    assert response.status_code == 400 and "error-summary" in response.content.decode()


def test_a_crisis_reply_shows_the_panel_to_its_author_and_is_hidden_from_others(client_for, user, other_user, client):
    response = client_for(user).post(ARTICLE, {"text": URGENT, "display_name": "Kit"}, follow=True)
    body = response.content.decode()
    assert "crisis-panel" in body and "saving my pills" in body and "Only you can see this reply" in body
    assert "saving my pills" not in client_for(other_user).get(ARTICLE).content.decode()
    assert "saving my pills" not in client.get(ARTICLE).content.decode()


def test_xss_payloads_are_escaped_in_the_page(client_for, user, other_user):
    trusted(user)
    payloads = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', "[x](javascript:window.__xss=1)"]
    for payload in payloads:
        post_reply(user, payload)
    body = client_for(other_user).get(ARTICLE).content.decode()
    assert "<script>window.__xss" not in body and "<img src=x" not in body and 'href="javascript' not in body


def test_respond_page(client_for, user, other_user):
    top = post_reply(user, "Top reply")
    client = client_for(other_user)
    url = f"{ARTICLE}replies/{top.pk}/respond/"
    assert "Top reply" in client.get(url).content.decode()
    assert client.post(url, {"text": "An answer", "display_name": "Lee"}).status_code == 302
    assert Reply.objects.get(author=other_user).parent == top
    assert client.post(url, {"text": ""}).status_code == 400
    assert client.get(f"{ARTICLE}replies/999999/respond/").status_code == 404


def test_related_articles_tag_renders_links_by_tag():
    from django.template import Context, Template

    html = Template('{% load library %}{% related_articles tags="anxiety, cost" %}').render(Context())
    assert "/library/talking-it-through/" in html and "/library/paying-for-therapy/" in html
    assert Template('{% load library %}{% related_articles tags="nothing" %}').render(Context()).strip() == ""


# --- Export and deletion ------------------------------------------------------------------


def test_replies_are_in_the_export_and_go_with_the_account(user, other_user):
    mine = post_reply(user, "My words")
    answer = post_reply(other_user, "An answer to you", parent_id=mine.pk)
    exported = export_for(user)["library_replies"]["replies"]
    assert [r["text"] for r in exported] == ["My words"]
    delete_account(user=user)
    assert not Reply.objects.filter(pk=mine.pk).exists()
    # Someone else's answer stays theirs, now as a reply to the article.
    answer.refresh_from_db()
    assert answer.parent is None and answer.text == "An answer to you"


def test_every_real_article_page_renders(client, settings):
    from tests.library.test_articles import REAL

    settings.LIBRARY_ARTICLES_DIR = REAL
    listing = client.get("/library/").content.decode()
    for path in sorted(REAL.glob("*.md")):
        assert f"/library/{path.stem}/" in listing
        response = client.get(f"/library/{path.stem}/")
        assert response.status_code == 200, path.stem
        assert "Where to get help" in response.content.decode()
