"""The person's part of talking together, for "Download my data": every text they
wrote, and the conversations and rounds they took part in (their own words only;
the others' words are theirs to export). Whether a text was flagged for its reader
(`reader_needs_help`) is left out on purpose: it would tell the writer. Account deletion
removes all of it: entries, seats and round memberships cascade with the user."""

from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.talk.models import ConflictEntry, ConflictMember, Entry, Participant


@register_section(
    "talk",
    describes=_(
        "The guided conversations and conflict rounds you take part in, with what you wrote in them."
    ),
)
def talk_section(user) -> dict:
    seats = Participant.objects.filter(user=user).select_related("conversation__circle")
    rounds = ConflictMember.objects.filter(user=user).select_related("conflict__circle")
    return {
        "conversations": [
            {
                "id": seat.conversation_id,
                "circle": seat.conversation.circle.name,
                "started": seat.conversation.created_at,
                "phase": seat.conversation.phase,
                "last_opened": seat.last_seen_at,
                "my_texts": [
                    {"kind": entry.kind, "text": entry.text, "written": entry.created_at}
                    for entry in Entry.objects.filter(conversation=seat.conversation, author=user)
                ],
            }
            for seat in seats
        ],
        "conflicts": [
            {
                "id": member.conflict_id,
                "circle": member.conflict.circle.name,
                "opened": member.conflict.created_at,
                "stage": member.conflict.stage,
                "check_back_on": member.conflict.check_back_on,
                "my_texts": [
                    {"kind": entry.kind, "text": entry.text, "written": entry.created_at}
                    for entry in ConflictEntry.objects.filter(conflict=member.conflict, author=user)
                ],
            }
            for member in rounds
        ],
    }
