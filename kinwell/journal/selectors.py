"""Reads for the journal and goals. The journal is only ever read for its owner: no
function here takes a second person. Goals of someone else go through the access policy."""

from django.utils.translation import gettext as _

from kinwell.circles import access
from kinwell.circles.models import DataKind
from kinwell.core.errors import NotFound
from kinwell.journal.models import Goal, JournalEntry


def my_entries(*, owner):
    return JournalEntry.objects.filter(owner=owner)


def my_entry(*, owner, entry_id: int) -> JournalEntry:
    entry = JournalEntry.objects.filter(owner=owner, pk=entry_id).first()
    if entry is None:
        raise NotFound(_("That journal entry was not found."))
    return entry


def my_goals(*, owner):
    return Goal.objects.filter(owner=owner)


def member_goals(*, viewer, circle_id, user_id) -> tuple[access.OpenedMember, list[Goal]]:
    """A member's goals when they share them with this circle (the view is logged);
    NotFound otherwise, so not sharing looks the same as having none to show."""
    opened = access.open_member(viewer=viewer, circle_id=circle_id, user_id=user_id, kind=DataKind.GOALS,
                                refusal=_("Their goals are not shared with this circle."))
    return opened, list(Goal.objects.filter(owner=opened.owner))
