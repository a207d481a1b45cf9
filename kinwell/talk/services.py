"""Every write to guided conversations (conflict rounds are in conflict_services.py).

Each function takes keyword arguments, runs in one transaction, checks that the acting
person may do it, and raises a ServiceError in plain words when not. Texts are saved
as written (never blocked) and screened here (`@screens`): each returns
`Screened(value, safety)`. An entry whose words put its reader at risk is flagged
(`reader_needs_help`), so the other person sees partner-violence help when they open it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles.models import Circle, Membership
from kinwell.core.errors import Conflict, NotAllowed, NotFound, ServiceError
from kinwell.core.text import one_line
from kinwell.safety.detector import Assessment
from kinwell.safety.readers import endangers_reader
from kinwell.safety.screened import screens
from kinwell.talk import flow
from kinwell.talk.coach import Review, review
from kinwell.talk.models import TEXT_MAX_LENGTH, Conversation, Entry, Participant

TOPIC_MAX_LENGTH = 200


def wrong_turn_message(code: str) -> str:
    messages = {
        "unknown_action": _("That is not something this conversation can do."),
        "not_a_participant": _("Only the two people in this conversation can take part in it."),
        "ended": _("This conversation has ended. You can start a new one from the circle's Talk page."),
        "already_on_break": _("You are already on a break."),
        "break_too_short": _("A break lasts at least 20 minutes: that is how long a racing heart needs to settle."),
        "break_too_long": _("A break can last up to a day. Start a new conversation if you need longer."),
        "not_on_break": _("You are not on a break, so there is nothing to come back from."),
        "break_not_over": _("The break is not over yet. Take the rest of it; the conversation will wait."),
        "on_break": _("You are on a break. Come back when it is over."),
        "not_now_speaking": _("Right now the speaker is writing what they want to say."),
        "not_now_paraphrasing": _("Right now the listener is saying back what they heard."),
        "not_now_confirming": _("Right now the speaker is checking what the listener heard."),
        "not_your_turn_speaking": _("The floor is with the other person. Wait for them to speak."),
        "not_your_turn_paraphrasing": _("It is the listener's turn to say back what they heard."),
        "not_your_turn_confirming": _("The speaker checks the paraphrase; wait for them."),
    }
    return messages.get(code, _("That does not fit where the conversation is now."))


def _clean_text(text: str | None, *, max_length: int = TEXT_MAX_LENGTH) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write something first."))
    if len(text) > max_length:
        raise ServiceError(
            _("Keep it short: at most %(count)d characters, so the other person can take it in.") % {"count": max_length}
        )
    return text


@screens("text", author="author", review=True)
def review_draft(*, author, text: str, language: str = "en", safety: Assessment) -> Review:
    """The message coach on a draft (its page, "Check with the coach first", the API).
    Nothing is saved or sent. The crisis check runs first (@screens): when it finds
    danger from someone else, the coach steps aside (`afraid`) instead of coaching; when
    the draft threatens or controls its reader, it steps aside too (`threatening`)."""
    return review(text, language=language, unsafe=safety.danger_from_others, threatening=safety.threatens_reader)


@screens("topic", author="starter")
@transaction.atomic
def start_conversation(*, starter, circle: Circle, partner, topic: str, safety: Assessment) -> Conversation:
    """Start a conversation with someone in the circle. The starter holds the floor first."""
    topic = one_line(_clean_text(topic, max_length=TOPIC_MAX_LENGTH))
    if not Membership.objects.filter(circle=circle, user=starter).exists():
        raise NotFound(_("That circle was not found."))
    if partner is None or partner.pk == starter.pk or not Membership.objects.filter(circle=circle, user=partner).exists():
        raise ServiceError(_("Choose someone else in this circle to talk with."))
    conversation = Conversation.objects.create(circle=circle)
    Participant.objects.create(conversation=conversation, user=starter, seat=0)
    Participant.objects.create(conversation=conversation, user=partner, seat=1)
    Entry.objects.create(
        conversation=conversation, author=starter, kind=Entry.Kind.TOPIC, text=topic,
        reader_needs_help=endangers_reader(safety),
    )
    _notify(conversation, actor=starter)
    return conversation


def _seat_of(conversation: Conversation, user) -> int:
    participant = next((p for p in conversation.participants.all() if p.user_id == user.pk), None)
    if participant is None:
        raise NotFound(_("That conversation was not found."))
    return participant.seat


_EVENT_KIND = {
    flow.SPEAK: Entry.Kind.STATEMENT,
    flow.PARAPHRASE: Entry.Kind.PARAPHRASE,
    flow.CORRECT: Entry.Kind.CORRECTION,
}


@screens("text", author="actor")
@transaction.atomic
def act(*, actor, conversation: Conversation, event: str, text: str = "", minutes: int | None = None, now=None,
        safety: Assessment) -> Entry | None:
    """Take one step: speak, paraphrase, confirm, correct, time_out, resume or end.
    Returns the text saved, if the step has one."""
    now = now or timezone.now()
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    seat = _seat_of(conversation, actor)
    if conversation.participants.count() < 2 and event not in (flow.END,):
        raise Conflict(_("The other person has left, so this conversation cannot go on."))
    try:
        state = flow.apply(conversation.state(), event, seat=seat, now=now, minutes=minutes)
    except flow.WrongTurn as wrong:
        error = {403: NotAllowed, 409: Conflict}.get(wrong.status, ServiceError)
        raise error(wrong_turn_message(wrong.code))
    entry = None
    if event in _EVENT_KIND:
        clean = _clean_text(text)
        entry = Entry.objects.create(
            conversation=conversation, author=actor, kind=_EVENT_KIND[event], text=clean, created_at=now,
            reader_needs_help=endangers_reader(safety),
        )
    if event == flow.RESUME:
        conversation.returned_at = now
    conversation.phase = state.phase
    conversation.speaker_seat = state.speaker
    conversation.rounds = state.rounds
    conversation.break_until = state.break_until
    conversation.updated_at = now
    conversation.save()
    if event in (flow.SPEAK, flow.PARAPHRASE, flow.CONFIRM, flow.CORRECT, flow.TIME_OUT, flow.END):
        _notify(conversation, actor=actor)
    return entry


def _notify(conversation: Conversation, *, actor) -> None:
    """Email the other person that something changed (after the commit, in the background)."""
    from kinwell.talk.tasks import send_conversation_notice

    others = [p.user_id for p in conversation.participants.all() if p.user_id != actor.pk]
    for user_id in others:
        transaction.on_commit(
            lambda user_id=user_id: send_conversation_notice.enqueue(conversation_id=conversation.pk, recipient_id=user_id)
        )
