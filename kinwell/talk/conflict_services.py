"""Every write to conflict rounds: one issue at a time, step by step.

    views         each person writes their view, feelings and needs      -> reflecting
    reflecting    each says back another person's view                   -> brainstorming
    brainstorming anyone adds options, none judged; then "enough ideas"  -> agreeing
    agreeing      someone writes an agreement and a check-back date; all accept -> agreed
    agreed        on the check-back date, anyone says how it is going:
                  keep it                                                -> closed
                  or try another option                                  -> brainstorming
    any step      anyone may leave, privately                            -> ended, when
                                                                            fewer than two remain

The steps follow the common shape of couples' conflict work (Gottman's "compromise"
and Markman et al.'s problem discussion: understanding before solving). Same rules as
services.py: keyword-only, one transaction, ServiceError in plain words, every text
screened (`@screens`, each returns `Screened(value, safety)`) and flagged for its
readers when it puts them at risk.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles.models import Circle, Membership
from kinwell.core.errors import Conflict as ConflictError
from kinwell.core.errors import NotFound, ServiceError
from kinwell.core.text import one_line
from kinwell.safety.detector import Assessment
from kinwell.safety.readers import endangers_reader
from kinwell.safety.screened import screens
from kinwell.talk.models import Conflict, ConflictEntry, ConflictMember
from kinwell.talk.services import TOPIC_MAX_LENGTH, _clean_text

Stage = Conflict.Stage
Kind = ConflictEntry.Kind
MAX_CHECK_BACK = timedelta(days=365)


@screens("issue", author="opener")
@transaction.atomic
def open_conflict(*, opener, circle: Circle, people: list, issue: str, safety: Assessment) -> Conflict:
    issue = one_line(_clean_text(issue, max_length=TOPIC_MAX_LENGTH))
    if not Membership.objects.filter(circle=circle, user=opener).exists():
        raise NotFound(_("That circle was not found."))
    others = [person for person in people if person is not None and person.pk != opener.pk]
    if not others:
        raise ServiceError(_("Choose at least one other person in this circle."))
    in_circle = set(Membership.objects.filter(circle=circle, user__in=others).values_list("user_id", flat=True))
    if len(in_circle) != len({person.pk for person in others}):
        raise ServiceError(_("Everyone in a conflict round must be in this circle."))
    conflict = Conflict.objects.create(circle=circle)
    for person in [opener, *others]:
        ConflictMember.objects.get_or_create(conflict=conflict, user=person)
    _write(conflict, opener, Kind.ISSUE, issue, safety)
    _notify(conflict, actor=opener)
    return conflict


def _write(conflict: Conflict, author, kind: str, text: str, safety: Assessment) -> ConflictEntry:
    return ConflictEntry.objects.create(
        conflict=conflict, author=author, kind=kind, text=text, reader_needs_help=endangers_reader(safety),
    )


def _locked(conflict: Conflict, actor) -> tuple[Conflict, list[ConflictMember]]:
    conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
    members = list(conflict.members.all())
    if not any(member.user_id == actor.pk for member in members):
        raise NotFound(_("That conflict round was not found."))
    if conflict.stage == Stage.ENDED:
        raise ConflictError(_("This round has ended."))
    if len(members) < 2 and conflict.stage != Stage.CLOSED:
        raise ConflictError(_("The others have left this conflict round, so it cannot go on."))
    return conflict, members


def _require_stage(conflict: Conflict, *stages: str) -> None:
    if conflict.stage not in stages:
        raise ConflictError(
            _("This round is at another step now (%(step)s). Reload the page to see where it is.")
            % {"step": conflict.get_stage_display()}
        )


def _touch(conflict: Conflict, stage: str | None = None) -> None:
    if stage:
        conflict.stage = stage
    conflict.updated_at = timezone.now()
    conflict.save()


def _everyone_wrote(conflict: Conflict, members, kind: str) -> bool:
    authors = set(conflict.entries.filter(kind=kind).values_list("author_id", flat=True))
    return all(member.user_id in authors for member in members)


@screens("view", "feelings", "needs", author="actor")
@transaction.atomic
def write_view(*, actor, conflict: Conflict, view: str, feelings: str, needs: str,
               safety: Assessment) -> list[ConflictEntry]:
    conflict, members = _locked(conflict, actor)
    _require_stage(conflict, Stage.VIEWS)
    if conflict.entries.filter(kind=Kind.VIEW, author=actor).exists():
        raise ConflictError(_("You have already written your view. Wait for the others."))
    texts = [(Kind.VIEW, _clean_text(view)), (Kind.FEELINGS, _clean_text(feelings)), (Kind.NEEDS, _clean_text(needs))]
    entries = [_write(conflict, actor, kind, text, safety) for kind, text in texts]
    _touch(conflict, Stage.REFLECTING if _everyone_wrote(conflict, members, Kind.VIEW) else None)
    _notify(conflict, actor=actor)
    return entries


@screens("text", author="actor")
@transaction.atomic
def write_reflection(*, actor, conflict: Conflict, text: str, safety: Assessment) -> ConflictEntry:
    conflict, members = _locked(conflict, actor)
    _require_stage(conflict, Stage.REFLECTING)
    if conflict.entries.filter(kind=Kind.REFLECTION, author=actor).exists():
        raise ConflictError(_("You have already said back what you heard. Wait for the others."))
    entry = _write(conflict, actor, Kind.REFLECTION, _clean_text(text), safety)
    _touch(conflict, Stage.BRAINSTORMING if _everyone_wrote(conflict, members, Kind.REFLECTION) else None)
    _notify(conflict, actor=actor)
    return entry


@screens("text", author="actor")
@transaction.atomic
def add_option(*, actor, conflict: Conflict, text: str, safety: Assessment) -> ConflictEntry:
    conflict, _members = _locked(conflict, actor)
    _require_stage(conflict, Stage.BRAINSTORMING)
    entry = _write(conflict, actor, Kind.OPTION, _clean_text(text, max_length=TOPIC_MAX_LENGTH * 2), safety)
    _touch(conflict)
    return entry


@transaction.atomic
def finish_brainstorm(*, actor, conflict: Conflict) -> Conflict:
    conflict, _members = _locked(conflict, actor)
    _require_stage(conflict, Stage.BRAINSTORMING)
    if not conflict.entries.filter(kind=Kind.OPTION).exists():
        raise ServiceError(_("Add at least one option first: any idea counts at this step."))
    _touch(conflict, Stage.AGREEING)
    _notify(conflict, actor=actor)
    return conflict


def _check_back_date(value: date | None) -> date:
    today = timezone.localdate()
    if value is None:
        raise ServiceError(_("Choose a day to check back on how the agreement is going."))
    if value <= today:
        raise ServiceError(_("Choose a check-back day after today."))
    if value > today + MAX_CHECK_BACK:
        raise ServiceError(_("Choose a check-back day within a year."))
    return value


@screens("text", author="actor")
@transaction.atomic
def propose_agreement(*, actor, conflict: Conflict, text: str, check_back_on: date | None,
                      safety: Assessment) -> ConflictEntry:
    conflict, members = _locked(conflict, actor)
    _require_stage(conflict, Stage.AGREEING)
    clean = _clean_text(text)
    conflict.check_back_on = _check_back_date(check_back_on)
    entry = _write(conflict, actor, Kind.AGREEMENT, clean, safety)
    for member in members:
        member.agreed = member.user_id == actor.pk
        member.save(update_fields=["agreed"])
    _touch(conflict)
    _notify(conflict, actor=actor)
    return entry


@transaction.atomic
def accept_agreement(*, actor, conflict: Conflict) -> Conflict:
    conflict, members = _locked(conflict, actor)
    _require_stage(conflict, Stage.AGREEING)
    if not conflict.entries.filter(kind=Kind.AGREEMENT).exists():
        raise ConflictError(_("Nobody has written an agreement yet."))
    for member in members:
        if member.user_id == actor.pk:
            member.agreed = True
            member.save(update_fields=["agreed"])
    _touch(conflict, Stage.AGREED if all(member.agreed for member in members) else None)
    _notify(conflict, actor=actor)
    return conflict


@screens("text", author="actor")
@transaction.atomic
def revisit(*, actor, conflict: Conflict, text: str, keep: bool, safety: Assessment) -> ConflictEntry:
    conflict, members = _locked(conflict, actor)
    _require_stage(conflict, Stage.AGREED)
    entry = _write(conflict, actor, Kind.REVISIT, _clean_text(text), safety)
    if keep:
        _touch(conflict, Stage.CLOSED)
    else:
        for member in members:
            member.agreed = False
            member.save(update_fields=["agreed"])
        conflict.check_back_on = None
        conflict.reminder_sent_for = None
        _touch(conflict, Stage.BRAINSTORMING)
    _notify(conflict, actor=actor)
    return entry


@transaction.atomic
def leave(*, actor, conflict: Conflict) -> None:
    """Leave a round at any step, privately. What the person wrote leaves with them; the
    others see only that fewer people take part, or that the round ended, never a
    reason, and nobody is emailed: a round must never be a way to hold on to someone
    who is afraid (issue 15)."""
    conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
    if not conflict.members.filter(user=actor).exists():
        raise NotFound(_("That conflict round was not found."))
    conflict.members.filter(user=actor).delete()
    conflict.entries.filter(author=actor).delete()
    members = list(conflict.members.all())
    if conflict.stage in (Stage.CLOSED, Stage.ENDED):
        _touch(conflict)
    elif len(members) < 2:
        _touch(conflict, Stage.ENDED)
    else:
        _touch(conflict, _stage_without_the_one_who_left(conflict, members))


def _stage_without_the_one_who_left(conflict: Conflict, members) -> str | None:
    """The step the others would be at had the person who left never joined."""
    if conflict.stage == Stage.VIEWS and _everyone_wrote(conflict, members, Kind.VIEW):
        return Stage.REFLECTING
    if conflict.stage == Stage.REFLECTING and _everyone_wrote(conflict, members, Kind.REFLECTION):
        return Stage.BRAINSTORMING
    if conflict.stage in (Stage.AGREEING, Stage.AGREED) and not conflict.entries.filter(kind=Kind.AGREEMENT).exists():
        # The agreement was theirs and left with them: the others choose again.
        for member in members:
            member.agreed = False
            member.save(update_fields=["agreed"])
        conflict.check_back_on = None
        conflict.reminder_sent_for = None
        return Stage.BRAINSTORMING
    if conflict.stage == Stage.AGREEING and all(member.agreed for member in members):
        return Stage.AGREED
    return None


def mark_conflict_seen(*, conflict, user) -> None:
    """Note that this person has the round's page open (no notice while they do)."""
    from kinwell.notifications.services import note_viewing
    from kinwell.talk.tasks import conflict_thread

    note_viewing(user=user, thread=conflict_thread(conflict.pk))


def _notify(conflict: Conflict, *, actor) -> None:
    from kinwell.talk.tasks import send_conflict_notice

    for member in conflict.members.exclude(user=actor):
        transaction.on_commit(
            lambda user_id=member.user_id: send_conflict_notice.enqueue(conflict_id=conflict.pk, recipient_id=user_id)
        )
