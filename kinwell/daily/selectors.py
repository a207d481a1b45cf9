"""Reads for the daily question. Other people's answers and replies are read in one
place only, `answers_seen_by`, which asks the access policy (`access.DAILY_ANSWER`) for
each writer and logs what it shows."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinwell.circles import access
from kinwell.circles.models import Circle, Membership
from kinwell.core.errors import NotFound
from kinwell.core.localtime import today_for
from kinwell.daily import bank as question_bank
from kinwell.daily.models import Answer, QuestionDay, Reaction, Reply, Visit
from kinwell.daily import rules
from kinwell.daily.rules import SWAPS_A_DAY

PAST_DAYS_PER_PAGE = 20


def the_bank() -> question_bank.Bank:
    return question_bank.load(settings.DAILY_QUESTIONS_DIR)


def circle_owner(circle: Circle):
    membership = circle.memberships.select_related("user").filter(role=Membership.Role.OWNER).first()
    return membership.user if membership else None


def circle_today(circle: Circle) -> date:
    """The circle's own day. A circle has no time zone of its own, so its day is its
    owner's (the person who keeps it, in the zone on their profile)."""
    return today_for(circle_owner(circle))


def question_text(day: QuestionDay, language: str | None = None) -> str:
    question = the_bank().get(day.question_key)
    if question is None:
        # A question retired from the bank after it was asked: say so rather than fail.
        return _("This question is no longer in our collection.")
    return question.text(language or get_language())


def day_in(*, circle: Circle, day_id: int) -> QuestionDay:
    found = QuestionDay.objects.filter(circle=circle, pk=day_id).first()
    if found is None:
        raise NotFound(_("That day's question was not found in this circle."))
    return found


def taking_space(circle: Circle) -> set[int]:
    """Members taking space in the circle today (quietly or not): their answers wait."""
    memberships = circle.memberships.select_related("user").filter(space_paused=True)
    return {m.user_id for m in memberships if m.is_taking_space(today=today_for(m.user))}


def waited_for(circle: Circle) -> set[int]:
    """Whose answers the reveal waits for: every member except those openly taking space.
    A quiet pause is still waited for, so that nothing (not even answers shared sooner
    than expected) shows the others a pause they must not see."""
    memberships = circle.memberships.select_related("user")
    return {m.user_id for m in memberships
            if m.space_quiet or not m.is_taking_space(today=today_for(m.user))}


@dataclass
class SeenAnswer:
    answer: Answer
    mine: bool
    reactions: list = field(default_factory=list)  # [(kind, label, emoji, count, chosen_by_me)]
    replies: list = field(default_factory=list)


REACTION_EMOJI = {
    Reaction.Kind.LOVE: "❤️",
    Reaction.Kind.LAUGH: "😂",
    Reaction.Kind.HUG: "🤗",
    Reaction.Kind.MORE: "💡",
}


def _visible_writers(*, viewer, circle: Circle, writers: set[int]) -> set[int]:
    """The writers whose daily words the viewer may see here: the policy's answer for each
    (a current member, not taking space), and always the viewer themselves."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(pk__in=writers - {viewer.pk})
    allowed = {person.pk for person in people
               if access.can_view(viewer=viewer, owner=person, kind=access.DAILY_ANSWER, circle=circle)}
    return allowed | ({viewer.pk} & writers)


def answers_seen_by(*, viewer, circle: Circle, day: QuestionDay) -> list[SeenAnswer]:
    """The answers this viewer may read on this day: their own always; the others' only
    once the day is revealed and only where the policy allows. Each other writer shown
    is written to their access log (a revisit within minutes is one view)."""
    answers = list(day.answers.select_related("author"))
    if not day.revealed:
        answers = [answer for answer in answers if answer.author_id == viewer.pk]
    visible = _visible_writers(viewer=viewer, circle=circle, writers={a.author_id for a in answers})
    answers = [answer for answer in answers if answer.author_id in visible]
    replies = list(
        Reply.objects.filter(answer__in=answers).select_related("author")
    ) if day.revealed else []
    reply_writers = _visible_writers(viewer=viewer, circle=circle, writers={r.author_id for r in replies})
    reactions = list(Reaction.objects.filter(answer__in=answers).values("answer_id", "person_id", "kind"))
    seen = []
    for answer in answers:
        mine = answer.author_id == viewer.pk
        shown_replies = [r for r in replies if r.answer_id == answer.pk and r.author_id in reply_writers]
        seen.append(SeenAnswer(
            answer=answer, mine=mine,
            reactions=[
                {"kind": kind, "label": label, "emoji": REACTION_EMOJI[kind],
                 "count": sum(1 for r in reactions if r["answer_id"] == answer.pk and r["kind"] == kind),
                 "chosen": any(r["answer_id"] == answer.pk and r["kind"] == kind and r["person_id"] == viewer.pk
                               for r in reactions)}
                for kind, label in Reaction.Kind.choices
            ],
            replies=shown_replies,
        ))
    shown = {(s.answer.author, access.DAILY_ANSWER) for s in seen if not s.mine}
    shown |= {(r.author, access.DAILY_ANSWER) for s in seen for r in s.replies}
    access.record_views(viewer=viewer, circle=circle, seen=sorted(shown, key=lambda pair: pair[0].pk))
    return seen


def answer_seen_by(*, viewer, circle: Circle, day: QuestionDay, answer_id: int) -> Answer:
    """One answer the viewer may read (to react or reply to it), or NotFound."""
    for seen in answers_seen_by(viewer=viewer, circle=circle, day=day):
        if seen.answer.pk == answer_id:
            return seen.answer
    raise NotFound(_("That answer was not found."))


def who_answered(*, viewer, circle: Circle, day: QuestionDay) -> list:
    """The other people whose answer is in, by name only (never the words before the
    reveal): current members not taking space."""
    writers = {a.author_id: a.author for a in day.answers.select_related("author") if a.author_id != viewer.pk}
    paused = taking_space(circle)
    members = set(circle.memberships.values_list("user_id", flat=True))
    return [person for person_id, person in sorted(writers.items(), key=lambda item: item[1].display_name)
            if person_id in members and person_id not in paused]


def my_answer(*, viewer, day: QuestionDay) -> Answer | None:
    return day.answers.filter(author=viewer).first()


def help_for_reader(*, viewer, seen: list[SeenAnswer]) -> bool:
    """Whether words someone else wrote here may put this reader at risk (flagged when
    saved): the reader alone then sees partner-violence help, never the writer."""
    return any(
        (s.answer.reader_needs_help and not s.mine)
        or any(r.reader_needs_help and r.author_id != viewer.pk for r in s.replies)
        for s in seen
    )


def days_together(circle: Circle) -> int:
    """The gentle count: days whose answers were revealed with at least two people in."""
    return (
        QuestionDay.objects.filter(circle=circle, revealed_at__isnull=False)
        .annotate(people=Count("answers"))
        .filter(people__gte=2)
        .count()
    )


def swaps_left(day: QuestionDay) -> int:
    return max(SWAPS_A_DAY - day.swaps, 0)


def past_days(*, circle: Circle, page: int | str | None):
    """Days before today, newest first, a page at a time, with how many answered."""
    today = circle_today(circle)
    days = (
        QuestionDay.objects.filter(circle=circle, day__lt=today)
        .annotate(answer_count=Count("answers"))
        .order_by("-day", "-id")
    )
    return Paginator(days, PAST_DAYS_PER_PAGE).get_page(page)


def days_waiting_for(*, user, days: list[QuestionDay]) -> dict[int, bool]:
    """For each day: whether this person has answered it."""
    answered = set(Answer.objects.filter(author=user, day__in=days).values_list("day_id", flat=True))
    return {day.pk: day.pk in answered for day in days}


def unseen_reveals(*, user, days: list[QuestionDay]) -> set[int]:
    """Revealed days this person has not opened since they were revealed."""
    revealed = [day for day in days if day.revealed]
    visits = {visit.day_id: visit.seen_at for visit in Visit.objects.filter(person=user, day__in=revealed)}
    return {day.pk for day in revealed if day.pk not in visits or visits[day.pk] < day.revealed_at}


def circles_of(*, user):
    return list(Circle.objects.filter(memberships__user=user).order_by("name", "id"))


def _asked_in_cycle(circle: Circle, cycle: int) -> set[str]:
    asked = set()
    rows = QuestionDay.objects.filter(circle=circle, cycle=cycle).values_list("question_key", "swapped_keys")
    for key, swapped in rows:
        asked.add(key)
        asked.update(swapped or [])
    return asked


def next_question(*, circle: Circle, day, avoid: set[str] = frozenset(), attempt: int = 0) -> tuple[str, int] | None:
    """The next question for this circle and its cycle, or None when the bank has none for
    this kind of circle."""
    suited = the_bank().suited_keys(circle.kind)
    if not suited:
        return None
    latest = QuestionDay.objects.filter(circle=circle, day__lt=day).order_by("-day").first()
    cycle = latest.cycle if latest else 1
    seed = rules.seed_for(circle_id=circle.pk, day=day, attempt=attempt)
    key = rules.choose(suited, _asked_in_cycle(circle, cycle) | avoid, seed)
    if key is None:
        # Every question was asked: a new cycle, though not yesterday's question first.
        cycle += 1
        fresh_avoid = set(avoid) | ({latest.question_key} if latest else set())
        key = rules.choose(suited, _asked_in_cycle(circle, cycle) | fresh_avoid, seed)
        key = key or rules.choose(suited, avoid, seed)
    return (key, cycle) if key else None


def has_answered(*, user) -> bool:
    """Whether this person ever answered a daily question (home's first steps)."""
    return Answer.objects.filter(author=user).exists()
