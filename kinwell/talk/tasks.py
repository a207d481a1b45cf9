"""Background emails for talking together: no personal text ever goes in an email,
only who is waiting and a link (the words stay behind the login)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from kinwell.talk.models import Conflict, Conversation

# Someone whose page asked for news this recently is looking at it (talk.js asks every
# 5 seconds): they see the change at once, so an email would only be noise.
ON_THE_PAGE = timedelta(minutes=2)


def _send(*, recipient, template: str, context: dict) -> None:
    with translation.override(recipient.language):
        send_mail(
            subject=render_to_string(f"talk/email/{template}_subject.txt", context).strip(),
            message=render_to_string(f"talk/email/{template}.txt", context),
            from_email=None,
            recipient_list=[recipient.email],
        )


@task()
def send_conversation_notice(*, conversation_id: int, recipient_id: int) -> None:
    """Tell the other person the conversation moved (their turn, a break, or the end)."""
    conversation = Conversation.objects.select_related("circle").filter(pk=conversation_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id).first()
    if conversation is None or recipient is None:
        return
    participants = list(conversation.participants.select_related("user"))
    if not any(p.user_id == recipient.pk for p in participants):
        return
    me = next(p for p in participants if p.user_id == recipient.pk)
    if me.last_seen_at and timezone.now() - me.last_seen_at < ON_THE_PAGE:
        return
    seat = me.seat
    state = conversation.state()
    context = {
        "recipient": recipient,
        "circle": conversation.circle,
        "others": [p.user.display_name for p in participants if p.user_id != recipient.pk],
        "your_turn": state.whose_turn() == seat,
        "on_break": state.on_break,
        "ended": state.phase == "ended",
        "link": settings.SITE_URL
        + reverse("talk:conversation", kwargs={"circle_id": conversation.circle_id, "conversation_id": conversation.pk}),
    }
    _send(recipient=recipient, template="conversation", context=context)


@task()
def send_conflict_notice(*, conflict_id: int, recipient_id: int, reminder: bool = False) -> None:
    """Tell a person in a conflict round that it moved on, or that the check-back date is here."""
    conflict = Conflict.objects.select_related("circle").filter(pk=conflict_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id).first()
    if conflict is None or recipient is None or not conflict.members.filter(user=recipient).exists():
        return
    context = {
        "recipient": recipient,
        "circle": conflict.circle,
        "reminder": reminder,
        "link": settings.SITE_URL
        + reverse("talk:conflict", kwargs={"circle_id": conflict.circle_id, "conflict_id": conflict.pk}),
    }
    _send(recipient=recipient, template="conflict", context=context)
