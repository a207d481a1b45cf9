"""Every write for the daily question. Keyword-only arguments, one transaction each; the
acting person must be in the circle (anyone else gets "not found"). Answers and replies
are screened here (`@screens`) and never blocked; words that threaten their reader are
flagged (`reader_needs_help`) so the readers, never the writer, are offered help."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles import access
from kinwell.circles.models import Circle, Membership
from kinwell.core.errors import Conflict, NotFound, ServiceError
from kinwell.core.text import clean_text
from kinwell.daily import rules, selectors
from kinwell.daily.models import ANSWER_MAX_LENGTH, REPLY_MAX_LENGTH, Answer, QuestionDay, Reaction, Reply, Visit
from kinwell.safety.detector import Assessment
from kinwell.safety.readers import endangers_reader
from kinwell.safety.screened import screens

# An answer typed just before midnight and sent just after still counts for its day.
ANSWERING_GRACE = timedelta(days=1)


def _member(*, user, circle: Circle) -> Membership:
    membership = Membership.objects.filter(user=user, circle=circle).first()
    if membership is None:
        raise NotFound(_("That circle was not found."))
    return membership


def _reveal_if_ready(day: QuestionDay, circle: Circle) -> None:
    if _waiting_to_reveal(day, circle):
        day.revealed_at = timezone.now()
        day.save(update_fields=["revealed_at"])


def _waiting_to_reveal(day: QuestionDay, circle: Circle) -> bool:
    if day.revealed:
        return False
    # An answer written while taking space waits with its writer: it neither opens the day nor shows.
    answered = set(day.answers.values_list("author_id", flat=True)) - selectors.taking_space(circle)
    return rules.ready_to_reveal(counted=selectors.waited_for(circle), answered=answered)


def open_today(*, viewer, circle: Circle) -> QuestionDay | None:
    """Today's question for the circle, made on the first read by anyone in it. Two people
    opening at once get the same row (the unique circle and day). None when there is no
    question for this kind of circle."""
    _member(user=viewer, circle=circle)
    today = selectors.circle_today(circle)
    day = QuestionDay.objects.filter(circle=circle, day=today).first()
    if day is not None and not _waiting_to_reveal(day, circle):
        # The usual case is a plain read: no write transaction (on SQLite, the write lock)
        # for every person opening the page or home.
        return day
    return _make_or_reveal(circle=circle, today=today)


@transaction.atomic
def _make_or_reveal(*, circle: Circle, today) -> QuestionDay | None:
    day = QuestionDay.objects.filter(circle=circle, day=today).first()
    if day is None:
        picked = selectors.next_question(circle=circle, day=today)
        if picked is None:
            return None
        day, _created = QuestionDay.objects.get_or_create(
            circle=circle, day=today, defaults={"question_key": picked[0], "cycle": picked[1]}
        )
    # Someone may have left or started taking space since the last answer came in.
    _reveal_if_ready(day, circle)
    return day


@transaction.atomic
def swap_question(*, actor, circle: Circle, day_id: int) -> QuestionDay:
    """Another question for today, for everyone (at most three a day, only before anyone answered)."""
    _member(user=actor, circle=circle)
    day = QuestionDay.objects.select_for_update().filter(circle=circle, pk=day_id).first()
    if day is None:
        raise NotFound(_("That day's question was not found in this circle."))
    if day.day != selectors.circle_today(circle):
        raise Conflict(_("Only today's question can be swapped."))
    if day.answers.exists():
        raise Conflict(_("Someone has already answered this one, so it stays for today. You can skip it: "
                         "just leave it unanswered."))
    if day.swaps >= rules.SWAPS_A_DAY:
        raise Conflict(_("That was the last swap for today. Skipping is fine too: just leave it unanswered."))
    picked = selectors.next_question(circle=circle, day=day.day, avoid={day.question_key, *day.swapped_keys},
                                     attempt=day.swaps + 1)
    if picked is None or picked[0] in {day.question_key, *day.swapped_keys}:
        raise Conflict(_("There is no other question for this circle today."))
    day.swapped_keys = [*day.swapped_keys, day.question_key]
    day.question_key, day.cycle = picked
    day.save(update_fields=["swapped_keys", "question_key", "cycle"])
    return day


def _answerable(day: QuestionDay, circle: Circle) -> None:
    if day.day < selectors.circle_today(circle) - ANSWERING_GRACE:
        raise Conflict(_("That day's question has passed. Today's question is waiting instead."))


@screens("text", author="author")
@transaction.atomic
def answer_question(*, author, circle: Circle, day_id: int, text: str, safety: Assessment) -> Answer:
    """Save (or, until the answers are revealed, change) this person's answer. The answers
    open to the circle once everyone counted has answered (three in a circle of five or more)."""
    _member(user=author, circle=circle)
    day = QuestionDay.objects.select_for_update().filter(circle=circle, pk=day_id).first()
    if day is None:
        raise NotFound(_("That day's question was not found in this circle."))
    _answerable(day, circle)
    text = clean_text(text, max_length=ANSWER_MAX_LENGTH, empty_message=_("Write your answer first."))
    answer = Answer.objects.filter(day=day, author=author).first()
    if answer is not None:
        if day.revealed:
            raise Conflict(_("The answers are shared now, so yours stays as it is. You can add a reply below it."))
        answer.text = text
        answer.reader_needs_help = endangers_reader(safety)
        answer.save(update_fields=["text", "reader_needs_help", "updated_at"])
    else:
        answer = Answer.objects.create(day=day, author=author, text=text, reader_needs_help=endangers_reader(safety))
        _reveal_if_ready(day, circle)
        if not day.revealed:
            from kinwell.daily.tasks import send_answered_notice

            transaction.on_commit(lambda: send_answered_notice.enqueue(day_id=day.pk, author_id=author.pk))
        return answer
    _reveal_if_ready(day, circle)
    return answer


def _not_while_taking_space(*, user, circle: Circle) -> None:
    if access.is_taking_space(user=user, circle=circle):
        # A reaction or reply would reach the others at once and show them the pause is not one.
        raise Conflict(_("You are taking space in this circle, so reactions and replies wait too. End your "
                         "pause in this circle's sharing settings when you are ready."))


@transaction.atomic
def react(*, person, circle: Circle, day_id: int, answer_id: int, kind: str) -> Answer:
    """Add a reaction to someone's revealed answer, or take it back if it was there."""
    _member(user=person, circle=circle)
    if kind not in Reaction.Kind.values:
        raise ServiceError(_("Choose one of the reactions."))
    _not_while_taking_space(user=person, circle=circle)
    day = selectors.day_in(circle=circle, day_id=day_id)
    answer = selectors.answer_seen_by(viewer=person, circle=circle, day=day, answer_id=answer_id)
    if answer.author_id == person.pk:
        raise ServiceError(_("Reactions are for the others' answers."))
    removed, _deleted = Reaction.objects.filter(answer=answer, person=person, kind=kind).delete()
    if not removed:
        Reaction.objects.create(answer=answer, person=person, kind=kind)
    return answer


@screens("text", author="author")
@transaction.atomic
def reply_to_answer(*, author, circle: Circle, day_id: int, answer_id: int, text: str, safety: Assessment) -> Reply:
    """A short reply under a revealed answer, seen by the circle."""
    _member(user=author, circle=circle)
    _not_while_taking_space(user=author, circle=circle)
    day = selectors.day_in(circle=circle, day_id=day_id)
    if not day.revealed:
        raise Conflict(_("Replies open once the answers are shared."))
    answer = selectors.answer_seen_by(viewer=author, circle=circle, day=day, answer_id=answer_id)
    text = clean_text(text, max_length=REPLY_MAX_LENGTH, empty_message=_("Write your reply first."))
    return Reply.objects.create(answer=answer, author=author, text=text, reader_needs_help=endangers_reader(safety))


def mark_seen(*, person, day: QuestionDay) -> None:
    """This person opened the day's revealed answers (home stops saying they are in).
    Written once per reveal: a page opened again after that is a plain read."""
    if not day.revealed or Visit.objects.filter(day=day, person=person, seen_at__gte=day.revealed_at).exists():
        return
    with transaction.atomic():
        Visit.objects.update_or_create(day=day, person=person, defaults={"seen_at": timezone.now()})
