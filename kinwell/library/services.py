"""Every write to replies. Each function takes keyword arguments, runs in one
transaction and raises a ServiceError in plain words when it cannot be done.

Posting a reply decides at once whether others may see it (reply_rules.py): a reply
that suggests a crisis, matches a spam shape, or has a link from a person not yet
trusted is HELD for a moderator. Its author sees it straight away either way."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.core.errors import NotAllowed, NotFound, ServiceError, TooMany
from kinwell.core.text import clean_name
from kinwell.library import reply_rules, selectors
from kinwell.library.catalogue import get_article
from kinwell.library.models import Reply, ReplyStatus
from kinwell.moderation.selectors import active_suspension
from kinwell.safety.detector import Assessment
from kinwell.safety.screened import screens
from kinwell.safety.services import CRISIS_LEVELS

# Per person, counted from the database (so every app server agrees, on SQLite and
# PostgreSQL alike): a burst limit and a daily limit.
RATE_LIMITS = ((timedelta(minutes=10), 5), (timedelta(days=1), 30))


class TooManyReplies(TooMany):
    pass


def _check_rate(author) -> None:
    now = timezone.now()
    for window, limit in RATE_LIMITS:
        if Reply.objects.filter(author=author, created_at__gte=now - window).count() >= limit:
            if window < timedelta(days=1):
                raise TooManyReplies(_("You have posted several replies in a few minutes. Take a breath and try again in a little while."))
            raise TooManyReplies(_("You have reached today's limit for replies. You can post again tomorrow."))


@screens("text", author="author")
@transaction.atomic
def post_reply(*, author, article_slug: str, text: str, display_name: str = "", anonymous: bool = False,
               parent_id: int | None = None, safety: Assessment) -> Reply:
    get_article(article_slug)
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write your reply first."))
    if len(text) > Reply.MAX_LENGTH:
        raise ServiceError(_("Keep your reply under %(max)s characters.") % {"max": Reply.MAX_LENGTH})
    display_name = clean_name(display_name, max_length=60, allow_empty=True)
    # One person's posts queue up behind each other here, so the rate count is exact.
    get_user_model().objects.select_for_update().filter(pk=author.pk).first()
    suspension = active_suspension(author)
    if suspension is not None:
        raise NotAllowed(_("A moderator has paused your replies for now. Your account and everything else in Kinwell work as usual."))
    _check_rate(author)
    parent = None
    if parent_id is not None:
        parent = Reply.objects.filter(pk=parent_id, article_slug=article_slug).first()
        if parent is None or not (parent.status == ReplyStatus.PUBLISHED or parent.author_id == author.pk):
            raise NotFound(_("The reply you are answering was not found. It may have been removed."))
        # One level of threading: answering an answer joins the same conversation.
        if parent.parent_id is not None:
            parent = parent.parent
    # The one assessment of this reply (made by @screens) decides the hold inside this
    # transaction, so a crisis reply is never public for a moment; the same assessment
    # comes back to the caller for the panel.
    safety_level = safety.level
    reasons = reply_rules.hold_reasons(text=text, crisis=safety_level in CRISIS_LEVELS, trusted=selectors.is_trusted(author))
    return Reply.objects.create(
        article_slug=article_slug,
        author=author,
        parent=parent,
        display_name="" if anonymous else (display_name or author.display_name),
        anonymous=anonymous,
        text=text,
        status=ReplyStatus.HELD if reasons else ReplyStatus.PUBLISHED,
        held_because=",".join(reasons),
        safety_level=safety_level,
    )


def set_status(*, reply: Reply, status: str, add_reason: str = "") -> Reply:
    """Called by moderation (registry hooks) inside its own transaction."""
    reply.status = status
    if status == ReplyStatus.HELD and add_reason and add_reason not in reply.held_reasons:
        reply.held_because = ",".join([*reply.held_reasons, add_reason])[:80]
    if status != ReplyStatus.HELD:
        reply.moderated_at = timezone.now()
    reply.save(update_fields=["status", "held_because", "moderated_at"])
    return reply

