"""Reads for talking together. Conversations and conflict rounds are seen only by the
people taking part, and only while they are members of the circle: anyone else gets a
404, so not even the existence of a conversation is revealed."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles import access
from kinwell.circles.selectors import membership_in
from kinwell.core.errors import NotFound
from kinwell.talk.models import Conflict, Conversation, Participant


def conversations_for(*, user, circle):
    """The person's conversations here, without those paused because someone else in
    them is taking space."""
    paused = access.hidden_while_taking_space(viewer=user, circle=circle)
    return (
        Conversation.objects.filter(circle=circle, participants__user=user)
        .exclude(participants__user_id__in=paused)
        .prefetch_related("participants__user")
        .order_by("-updated_at", "-id")
    )


def conversation_for(*, user, circle_id, conversation_id) -> Conversation:
    membership = membership_in(user=user, circle_id=circle_id)
    conversation = (
        Conversation.objects.filter(pk=conversation_id, circle=membership.circle, participants__user=user)
        .select_related("circle")
        .prefetch_related("participants__user")
        .first()
    )
    if conversation is None:
        raise NotFound(_("That conversation was not found."))
    access.open_together(viewer=user, circle=membership.circle, kind=access.CONVERSATION,
                         people=[participant.user for participant in conversation.participants.all()],
                         refusal=_("That conversation was not found."))
    return conversation


def mark_seen(*, conversation: Conversation, user) -> None:
    """Note that this person has the conversation open (no notice while they do)."""
    from kinwell.notifications.services import note_viewing
    from kinwell.talk.tasks import conversation_thread

    now = timezone.now()
    Participant.objects.filter(conversation=conversation, user=user).update(last_seen_at=now)
    note_viewing(user=user, thread=conversation_thread(conversation.pk), now=now)


def mark_conflict_seen(*, conflict, user) -> None:
    """The same for a conflict round's page."""
    from kinwell.notifications.services import note_viewing
    from kinwell.talk.tasks import conflict_thread

    note_viewing(user=user, thread=conflict_thread(conflict.pk))


def entries_of(conversation: Conversation):
    return list(conversation.entries.select_related("author"))


def help_for_reader(entries, *, user) -> bool:
    """Whether someone else wrote words here that put this reader at risk (flagged when
    saved): the reader alone then sees partner-violence help. The writer never does."""
    return any(entry.reader_needs_help and entry.author_id != user.pk for entry in entries)


def conflicts_for(*, user, circle):
    paused = access.hidden_while_taking_space(viewer=user, circle=circle)
    return (
        Conflict.objects.filter(circle=circle, members__user=user)
        .exclude(members__user_id__in=paused)
        .prefetch_related("members__user")
        .order_by("-updated_at", "-id")
    )


def conflict_for(*, user, circle_id, conflict_id) -> Conflict:
    membership = membership_in(user=user, circle_id=circle_id)
    conflict = (
        Conflict.objects.filter(pk=conflict_id, circle=membership.circle, members__user=user)
        .select_related("circle")
        .prefetch_related("members__user")
        .first()
    )
    if conflict is None:
        raise NotFound(_("That conflict round was not found."))
    access.open_together(viewer=user, circle=membership.circle, kind=access.CONFLICT_ROUND,
                         people=[member.user for member in conflict.members.all()],
                         refusal=_("That conflict round was not found."))
    return conflict


def version_of(conversation: Conversation, *, now: datetime) -> str:
    """Changes whenever what a participant's page shows changes (polled by talk.js)."""
    break_over = conversation.break_until is not None and now >= conversation.break_until
    count = conversation.entries.count()
    return f"{conversation.updated_at.timestamp():.6f}-{count}-{int(break_over)}-{conversation.participants.count()}"


def hard_moments(*, circle, start: datetime, end: datetime) -> dict:
    """For the weekly view of positive and hard moments: how many conflict rounds were
    opened in the circle in [start, end). A count only, no words and no names. Nothing
    the coach noticed is ever counted here: in a shared view it could become pressure
    from a controlling partner ("the coach says you were harsh again")."""
    return {"conflicts_opened": Conflict.objects.filter(circle=circle, created_at__gte=start, created_at__lt=end).count()}
