"""Every write to the private journal and personal goals. Each function acts only on
the acting person's own rows: another person's entry or goal is simply "not found"."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.core.text import clean_name, clean_text
from kinwell.core.errors import NotFound, ServiceError
from kinwell.journal.models import Goal, GoalArea, JournalEntry
from kinwell.safety.screened import screens

ENTRY_MAX_LENGTH = 20_000
GOAL_TITLE_MAX_LENGTH = 200
GOAL_NOTE_MAX_LENGTH = 1_000


def _entry_text(text: str) -> str:
    return clean_text(text, empty_message=_("Write something first."), max_length=ENTRY_MAX_LENGTH)


@screens("text", author="owner")
@transaction.atomic
def add_entry(*, owner, text: str) -> JournalEntry:
    return JournalEntry.objects.create(owner=owner, text=_entry_text(text))


def _own_entry(*, owner, entry_id: int) -> JournalEntry:
    entry = JournalEntry.objects.select_for_update().filter(owner=owner, pk=entry_id).first()
    if entry is None:
        raise NotFound(_("That journal entry was not found."))
    return entry


@screens("text", author="owner")
@transaction.atomic
def update_entry(*, owner, entry_id: int, text: str) -> JournalEntry:
    entry = _own_entry(owner=owner, entry_id=entry_id)
    entry.text = _entry_text(text)
    entry.save(update_fields=["text", "updated_at"])
    return entry


@transaction.atomic
def delete_entry(*, owner, entry_id: int) -> None:
    _own_entry(owner=owner, entry_id=entry_id).delete()


@screens("title", "note", author="owner")
@transaction.atomic
def add_goal(*, owner, area: str, title: str, note: str = "") -> Goal:
    if area not in GoalArea.values:
        raise ServiceError(_("Choose whether this goal is about learning, growing or resting."))
    return Goal.objects.create(
        owner=owner,
        area=area,
        title=clean_name(title, empty_message=_("Name your goal first."), max_length=GOAL_TITLE_MAX_LENGTH),
        note=clean_text(note, empty_message="", max_length=GOAL_NOTE_MAX_LENGTH, allow_empty=True),
    )


def _own_goal(*, owner, goal_id: int) -> Goal:
    goal = Goal.objects.select_for_update().filter(owner=owner, pk=goal_id).first()
    if goal is None:
        raise NotFound(_("That goal was not found."))
    return goal


@transaction.atomic
def set_goal_progress(*, owner, goal_id: int, steps_done: int) -> Goal:
    """Move the progress mark; reaching the last step checks the goal off, and moving
    back below it opens the goal again."""
    goal = _own_goal(owner=owner, goal_id=goal_id)
    if not 0 <= steps_done <= Goal.STEPS:
        raise ServiceError(_("Progress goes from 0 to %(steps)d steps.") % {"steps": Goal.STEPS})
    goal.steps_done = steps_done
    if steps_done == Goal.STEPS and goal.done_at is None:
        goal.done_at = timezone.now()
    elif steps_done < Goal.STEPS:
        goal.done_at = None
    goal.save(update_fields=["steps_done", "done_at"])
    return goal


@transaction.atomic
def delete_goal(*, owner, goal_id: int) -> None:
    _own_goal(owner=owner, goal_id=goal_id).delete()
