"""The library in the API: articles and their replies, and reporting.

Articles and published replies are public: those endpoints answer without
credentials (a token or session, when sent, also shows the person's own held
replies). Posting a reply or a report needs a signed-in person. A posted reply comes
back with `safety`, like every free text saved through the API."""

from datetime import date, datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kinwell.accounts.services import user_for_api_token
from kinwell.core.schemas import ERRORS, DatabaseId, ErrorOut
from kinwell.library import articles as article_rules
from kinwell.library import catalogue, selectors, services
from kinwell.library.models import Reply
from kinwell.library.reply_markdown import render_reply
from kinwell.moderation import services as moderation_services
from kinwell.moderation.models import ReportReason
from kinwell.safety.schemas import SafetyOut

router = Router(tags=["library"])
reports_router = Router(tags=["reports"])
WITH_LIMITS = {**ERRORS, 429: ErrorOut}


class ArticleOut(Schema):
    slug: str
    title: str
    summary: str
    tags: list[str]
    reading_minutes: int
    last_reviewed: date
    reviewed_by: str
    url: str


class ArticleDetailOut(ArticleOut):
    html: str
    markdown: str
    related: list[str]


class ReplyOut(Schema):
    id: int
    article: str
    parent_id: int | None
    name: str
    is_mine: bool
    status: str
    text: str
    html: str
    created_at: datetime


class ReplyIn(Schema):
    text: str = Field(..., min_length=1, max_length=Reply.MAX_LENGTH)
    display_name: str = Field("", max_length=60)
    anonymous: bool = False
    parent_id: int | None = Field(None, ge=1, le=2**62)


class ReplySavedOut(ReplyOut):
    safety: SafetyOut


class ReportIn(Schema):
    target_type: str = Field(..., min_length=1, max_length=40)
    target_id: DatabaseId | str = Field(..., description="The id of what is reported: a number, or a UUID for directory records")
    reason: ReportReason
    note: str = Field("", max_length=moderation_services.NOTE_MAX_LENGTH)


class ReportOut(Schema):
    id: int
    status: str
    message: str
    safety: SafetyOut


def _viewer(request):
    """The person behind a token or session, or the anonymous visitor."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_api_token(header[7:].strip())
        if user is not None:
            return user
    return request.user


def _article_out(article) -> dict:
    return {
        "slug": article.slug, "title": article.title, "summary": article.summary, "tags": list(article.tags),
        "reading_minutes": article.reading_minutes, "last_reviewed": article.last_reviewed,
        "reviewed_by": article.reviewed_by, "url": reverse("library:article", kwargs={"slug": article.slug}),
    }


def _reply_out(reply: Reply, viewer) -> dict:
    return {
        "id": reply.pk, "article": reply.article_slug, "parent_id": reply.parent_id, "name": reply.public_name,
        "is_mine": bool(viewer.is_authenticated and reply.author_id == viewer.pk), "status": reply.status,
        "text": reply.text, "html": render_reply(reply.text), "created_at": reply.created_at,
    }


@router.get("/articles", response={200: list[ArticleOut], **ERRORS}, auth=None)
def list_articles(request, q: str = Query("", max_length=100), tag: str = Query("", max_length=60)):
    return [_article_out(a) for a in article_rules.search(catalogue.articles().values(), query=q, tag=tag)]


@router.get("/articles/{slug}", response={200: ArticleDetailOut, **ERRORS}, auth=None)
def read_article(request, slug: str):
    article = catalogue.get_article(slug)
    related = article_rules.related(catalogue.articles().values(), tags=article.tags, exclude=article.slug)
    return {**_article_out(article), "html": article.html, "markdown": article.body, "related": [r.slug for r in related]}


@router.get("/articles/{slug}/replies", response={200: list[ReplyOut], **ERRORS}, auth=None)
def list_replies(request, slug: str):
    catalogue.get_article(slug)
    viewer = _viewer(request)
    replies = selectors.visible_replies(viewer=viewer).filter(article_slug=slug).order_by("created_at", "id")
    return [_reply_out(reply, viewer) for reply in replies]


@router.post("/articles/{slug}/replies", response={201: ReplySavedOut, **WITH_LIMITS})
def post_reply(request, slug: str, payload: ReplyIn):
    posted = services.post_reply(
        author=request.auth, article_slug=slug, text=payload.text, display_name=payload.display_name,
        anonymous=payload.anonymous, parent_id=payload.parent_id,
    )
    return Status(201, {**_reply_out(posted.value, request.auth), "safety": SafetyOut.of(posted.safety)})


@reports_router.post("", response={201: ReportOut, **WITH_LIMITS})
def report(request, payload: ReportIn):
    reported = moderation_services.report(
        reporter=request.auth, target_type=payload.target_type, target_id=str(payload.target_id),
        reason=payload.reason.value, note=payload.note,
    )
    created = reported.value
    return Status(201, {
        "id": created.pk, "status": created.status, "message": _("Thank you. A moderator will look at it soon."),
        "safety": SafetyOut.of(reported.safety),
    })
