"""Reads of replies: who sees what.

Everyone sees published replies. A reply's author also sees it while it is held or
hidden (with a note saying so); moderators (staff) see everything, marked."""

from django.db.models import Q
from django.utils import timezone

from kinwell.library import reply_rules
from kinwell.library.models import Reply, ReplyStatus


def is_trusted(user) -> bool:
    """Whether this person's links go up without waiting for a moderator (reply_rules)."""
    age_days = (timezone.now() - user.date_joined).total_seconds() / 86400
    published = Reply.objects.filter(author=user, status=ReplyStatus.PUBLISHED).count()
    return reply_rules.is_trusted(account_age_days=age_days, published_replies=published, is_staff=user.is_staff)


def visible_replies(*, viewer):
    queryset = Reply.objects.select_related("author", "parent")
    if viewer is not None and viewer.is_authenticated and viewer.is_staff:
        return queryset
    if viewer is not None and viewer.is_authenticated:
        return queryset.filter(Q(status=ReplyStatus.PUBLISHED) | Q(author=viewer))
    return queryset.filter(status=ReplyStatus.PUBLISHED)


def can_see(*, reply: Reply, viewer) -> bool:
    return visible_replies(viewer=viewer).filter(pk=reply.pk).exists()


def thread_for(*, article_slug: str, viewer) -> list[dict]:
    """Top-level replies, oldest first, each with its answers; an answer shows only
    under a reply the viewer can see."""
    replies = list(visible_replies(viewer=viewer).filter(article_slug=article_slug).order_by("created_at", "id"))
    children: dict[int, list[Reply]] = {}
    for reply in replies:
        if reply.parent_id is not None:
            children.setdefault(reply.parent_id, []).append(reply)
    return [
        {"reply": reply, "answers": children.get(reply.pk, [])}
        for reply in replies
        if reply.parent_id is None
    ]
