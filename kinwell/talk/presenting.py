"""What the circle's talking page shows: its conversations and conflict rounds, and the
forms to start either. Shared by views.py and conflict_views.py, so neither imports
the other."""

from kinwell.talk import selectors, services
from kinwell.talk.forms import OpenConflictForm, StartConversationForm


def others_in(circle, user):
    return [m.user for m in circle.memberships.select_related("user") if m.user_id != user.pk]


def start_conflict_form(*, circle, user, data=None):
    return OpenConflictForm(data, people=others_in(circle, user))


def circle_context(*, user, membership, topic: str = "") -> dict:
    """`topic`: a topic that arrives filled in (from a conversation card); the person
    still reads it and chooses to send it."""
    circle = membership.circle
    others = others_in(circle, user)
    return {
        "circle": circle,
        "membership": membership,
        "others": others,
        "form": StartConversationForm(people=others, initial={"topic": topic[: services.TOPIC_MAX_LENGTH]}),
        "conflict_form": start_conflict_form(circle=circle, user=user),
        "conversations": selectors.conversations_for(user=user, circle=circle),
        "conflicts": selectors.conflicts_for(user=user, circle=circle),
    }
