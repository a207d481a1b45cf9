"""Reads for talking together. Conversations and conflict rounds are seen only by the
people taking part, and only while they are members of the circle: anyone else gets a
404, so not even the existence of a conversation is revealed."""

from datetime import datetime

from django.db.models import F, Prefetch
from django.utils.translation import gettext as _

from kinwell.circles import access
from kinwell.circles import selectors as circle_selectors
from kinwell.circles.selectors import membership_in
from kinwell.core.errors import NotFound
from kinwell.core.localtime import today_for
from kinwell.talk import flow
from kinwell.talk.models import Conflict, ConflictEntry, Conversation


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
    """For the weekly view of positive and hard moments: when conflict rounds were
    opened in the circle in [start, end), oldest first. Times only, no words and no
    names. Nothing the coach noticed is ever counted here: in a shared view it could
    become pressure from a controlling partner ("the coach says you were harsh again")."""
    opened = Conflict.objects.filter(circle=circle, created_at__gte=start, created_at__lt=end)
    return {"conflicts_opened": list(opened.order_by("created_at").values_list("created_at", flat=True))}


def due_check_backs(*, today):
    """Agreements whose check-back day has come and whose reminder has not gone yet."""
    return Conflict.objects.filter(stage=Conflict.Stage.AGREED, check_back_on__lte=today).exclude(
        reminder_sent_for=F("check_back_on")
    )


def turns_waiting_for(*, user) -> list[tuple[Conversation, object]]:
    """(conversation, the other person) for each conversation, in any circle, where the
    next step is this person's. Left out when the other person is no longer in the
    circle or is taking space there: the conversation is paused for them then."""
    present = circle_selectors.people_present_for(viewer=user)
    waiting = []
    for conversation in (
        Conversation.objects.filter(participants__user=user, circle__memberships__user=user)
        .exclude(phase=flow.ENDED)
        .select_related("circle")
        .prefetch_related("participants__user")
    ):
        participants = list(conversation.participants.all())
        mine = next(p for p in participants if p.user_id == user.pk)
        others = [p for p in participants if p.user_id != user.pk]
        if not others or any((conversation.circle_id, p.user_id) not in present for p in others):
            continue
        if conversation.state().whose_turn() == mine.seat:
            waiting.append((conversation, others[0].user))
    return waiting


def _step_is_mine(conflict: Conflict, *, user, today) -> bool:
    Stage, Kind = Conflict.Stage, ConflictEntry.Kind
    written = {entry.kind for entry in conflict.entries.all() if entry.author_id == user.pk}
    me = next(member for member in conflict.members.all() if member.user_id == user.pk)
    if conflict.stage == Stage.VIEWS:
        return Kind.VIEW not in written
    if conflict.stage == Stage.REFLECTING:
        return Kind.REFLECTION not in written
    if conflict.stage == Stage.AGREEING:
        # Someone wrote an agreement and it waits for this person's yes.
        return any(entry.kind == Kind.AGREEMENT for entry in conflict.entries.all()) and not me.agreed
    if conflict.stage == Stage.AGREED:
        return conflict.check_back_on is not None and conflict.check_back_on <= today
    return False  # brainstorming is open to anyone, nobody waits on one person


def conflict_steps_waiting_for(*, user) -> list[Conflict]:
    """Conflict rounds, in any circle, that wait for this person's step (their view, their
    saying back, their yes to an agreement, the check-back once its day has come). Left
    out when anyone else in the round has left the circle or is taking space there."""
    present = circle_selectors.people_present_for(viewer=user)
    today = today_for(user)
    waiting = []
    for conflict in (
        Conflict.objects.filter(members__user=user, circle__memberships__user=user)
        .exclude(stage__in=[Conflict.Stage.CLOSED, Conflict.Stage.ENDED])
        .select_related("circle")
        .prefetch_related(
            "members__user",
            # Which steps people took, not their words: nothing here needs decrypting.
            Prefetch("entries", queryset=ConflictEntry.objects.only("id", "conflict_id", "kind", "author_id")),
        )
    ):
        others = [member for member in conflict.members.all() if member.user_id != user.pk]
        if not others or any((conflict.circle_id, member.user_id) not in present for member in others):
            continue
        if _step_is_mine(conflict, user=user, today=today):
            waiting.append(conflict)
    return waiting
