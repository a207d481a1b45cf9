"""What waits on home from talking together: a conversation where it is your turn, a
conflict round waiting for your step. Names and the circle only, never the words
written there (nor the topic): home is seen over a shoulder too."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.core.home import Waiting, waiting_source
from kinwell.talk import selectors


@waiting_source
def conversation_turns(*, user) -> list[Waiting]:
    return [
        Waiting(
            kind="conversation_turn",
            text=_("Your turn in a conversation with %(name)s") % {"name": other.display_name},
            url=reverse("talk:conversation", args=[conversation.circle_id, conversation.pk]),
            circle=conversation.circle.name,
            since=conversation.updated_at,
        )
        for conversation, other in selectors.turns_waiting_for(user=user)
    ]


@waiting_source
def conflict_steps(*, user) -> list[Waiting]:
    items = []
    for conflict in selectors.conflict_steps_waiting_for(user=user):
        if conflict.stage == conflict.Stage.AGREED:
            text = _("Time to check back on an agreement you made together")
        elif conflict.stage == conflict.Stage.AGREEING:
            text = _("An agreement is waiting for your answer")
        else:
            text = _("A step in a conflict round is waiting for you")
        items.append(Waiting(
            kind="conflict_step", text=text,
            url=reverse("talk:conflict", args=[conflict.circle_id, conflict.pk]),
            circle=conflict.circle.name, since=conflict.updated_at,
        ))
    return items
