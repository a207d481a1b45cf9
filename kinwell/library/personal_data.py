from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.library.models import Reply


@register_section("library_replies", describes=_("The replies you wrote in the library."))
def replies_section(user) -> dict:
    """Replies go with the account: deleting it deletes them (and the answers to them)."""
    return {
        "replies": [
            {
                "article": reply.article_slug,
                "in_answer_to": reply.parent_id,
                "id": reply.pk,
                "name_shown": reply.public_name,
                "anonymous": reply.anonymous,
                "text": reply.text,
                "status": reply.status,
                "posted": reply.created_at,
            }
            for reply in Reply.objects.filter(author=user).order_by("created_at", "id")
        ]
    }
