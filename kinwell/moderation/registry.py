"""Which kinds of content can be reported, and how moderation acts on each.

An app makes its content reportable by registering a `Reportable` in its
AppConfig.ready (the library registers "reply"; directory records can follow):

    register(Reportable(type_name="reply", label=_("reply"), find=..., ...))

Reports then name content as (type_name, id), and the moderation queue and its
actions work the same for every type.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound


@dataclass(frozen=True)
class Reportable:
    type_name: str
    label: str
    # The object for an id, or None when it does not exist or this viewer may not see it.
    find: Callable[[int], object | None]
    # A few plain words about the object, for the queue and the audit trail.
    summary: Callable[[object], str]
    # Safe HTML of the content as the public would see it (shown to moderators).
    html: Callable[[object], str]
    url: Callable[[object], str]
    author: Callable[[object], object | None]
    approve: Callable[[object], None]
    hide: Callable[[object], None]
    delete: Callable[[object], None]
    # Called when this many different people have open reports on it (e.g. to hold it).
    hold: Callable[[object], None] | None = None
    # Items waiting for a moderator without any report (e.g. held replies), oldest first.
    waiting: Callable[[], Iterable[object]] | None = None
    # Extra lines for the queue: why it is waiting, and guidance on how to respond.
    notes: Callable[[object], dict] | None = None
    # Whether `viewer` may see (and so report) the object.
    visible_to: Callable[[object, object], bool] | None = None


_registry: dict[str, Reportable] = {}


def register(reportable: Reportable) -> Reportable:
    _registry[reportable.type_name] = reportable
    return reportable


def get(type_name: str) -> Reportable:
    try:
        return _registry[type_name]
    except KeyError:
        raise NotFound(_("That kind of content cannot be reported.")) from None


def all_types() -> list[Reportable]:
    return list(_registry.values())


def find_target(type_name: str, target_id):
    reportable = get(type_name)
    target = reportable.find(target_id)
    if target is None:
        raise NotFound(_("That was not found. It may have been removed already."))
    return reportable, target
