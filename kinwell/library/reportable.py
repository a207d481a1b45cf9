"""Replies as reportable content: how moderation finds, shows and acts on them."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinwell.library import reply_rules, services
from kinwell.library.models import Reply, ReplyStatus
from kinwell.library.reply_markdown import render_reply
from kinwell.library.selectors import can_see
from kinwell.moderation.registry import Reportable, register

HOLD_REASON_LABELS = {
    reply_rules.CRISIS: _("The safety check noticed signs of crisis"),
    reply_rules.SPAM: _("It looks like link spam or a scam"),
    reply_rules.LINK_FROM_NEW_ACCOUNT: _("It has a link, and the account is not trusted with links yet"),
    reply_rules.REPORTED: _("Several people reported it"),
}


def _find(reply_id):
    if not str(reply_id).isdigit() or int(reply_id) > 2**62:
        return None
    return Reply.objects.select_related("author").filter(pk=reply_id).first()


def _url(reply: Reply) -> str:
    return reverse("library:article", kwargs={"slug": reply.article_slug}) + f"#reply-{reply.pk}"


def _summary(reply: Reply) -> str:
    # No words from the reply: the audit trail outlives it and its author's account, and
    # personal text is only ever stored encrypted. Where and under which name is enough.
    return f"{reply.article_slug} · “{reply.public_name}” · {reply.created_at:%Y-%m-%d}"


def _notes(reply: Reply) -> dict:
    return {
        "reasons": [HOLD_REASON_LABELS.get(reason, reason) for reason in reply.held_reasons],
        "crisis": reply.is_crisis,
        "safety_level": reply.safety_level,
        "status": reply.get_status_display(),
        "shown_as": reply.public_name,
        "article": reply.article_slug,
    }


def _delete(reply: Reply) -> None:
    with transaction.atomic():
        reply.delete()


def register_replies() -> None:
    register(
        Reportable(
            type_name="reply",
            label=_("reply"),
            find=_find,
            summary=_summary,
            html=lambda reply: render_reply(reply.text),
            url=_url,
            author=lambda reply: reply.author,
            approve=lambda reply: services.set_status(reply=reply, status=ReplyStatus.PUBLISHED),
            hide=lambda reply: services.set_status(reply=reply, status=ReplyStatus.HIDDEN),
            delete=_delete,
            hold=lambda reply: services.set_status(reply=reply, status=ReplyStatus.HELD, add_reason=reply_rules.REPORTED),
            waiting=lambda: Reply.objects.filter(status=ReplyStatus.HELD).select_related("author").order_by("created_at", "id"),
            notes=_notes,
            visible_to=lambda reply, viewer: can_see(reply=reply, viewer=viewer),
        )
    )
