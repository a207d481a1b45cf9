"""Background notices for talking together: no personal text ever goes in a notice,
only who is waiting and a link (the words stay behind the login). Each conversation
and conflict round is a thread for the notification service: at most one notice per
person per hour, and none while they have its page open (services.mark_seen)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from kinwell.notifications.services import notify
from kinwell.talk.models import Conflict, Conversation


def conversation_thread(conversation_id: int) -> str:
    return f"conversation:{conversation_id}"


def conflict_thread(conflict_id: int) -> str:
    return f"conflict:{conflict_id}"


@task()
def send_conversation_notice(*, conversation_id: int, recipient_id: int) -> None:
    """Tell the other person the conversation moved (their turn, a break, or the end)."""
    conversation = Conversation.objects.select_related("circle").filter(pk=conversation_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id).first()
    if conversation is None or recipient is None:
        return
    participants = list(conversation.participants.select_related("user"))
    me = next((p for p in participants if p.user_id == recipient.pk), None)
    if me is None:
        return
    state = conversation.state()
    if state.whose_turn() == me.seat:
        notice = "conversation_your_turn"
    elif state.phase == "ended":
        notice = "conversation_ended"
    elif state.on_break:
        notice = "conversation_break"
    else:
        notice = "conversation_news"
    notify(
        recipient=recipient, notice=notice, thread=conversation_thread(conversation.pk),
        url=reverse("talk:conversation", kwargs={"circle_id": conversation.circle_id,
                                                 "conversation_id": conversation.pk}),
        context={"circle": conversation.circle.name,
                 "others": ", ".join(p.user.display_name for p in participants if p.user_id != recipient.pk)},
    )


@task()
def send_conflict_notice(*, conflict_id: int, recipient_id: int, reminder: bool = False) -> None:
    """Tell a person in a conflict round that it moved on, or that the check-back date is here."""
    conflict = Conflict.objects.select_related("circle").filter(pk=conflict_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id).first()
    if conflict is None or recipient is None or not conflict.members.filter(user=recipient).exists():
        return
    notify(
        recipient=recipient,
        notice="conflict_check_back" if reminder else "conflict_news",
        # The check-back day is a reminder the person chose, not a move in the round.
        thread="" if reminder else conflict_thread(conflict.pk),
        url=reverse("talk:conflict", kwargs={"circle_id": conflict.circle_id, "conflict_id": conflict.pk}),
        context={"circle": conflict.circle.name},
    )
