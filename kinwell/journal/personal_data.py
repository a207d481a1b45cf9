from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.journal.models import Goal, JournalEntry


@register_section("journal", describes=_("Your private journal and your personal goals with their steps."))
def journal_section(user) -> dict:
    return {
        "journal_entries": [
            {"text": entry.text, "created": entry.created_at, "updated": entry.updated_at}
            for entry in JournalEntry.objects.filter(owner=user)
        ],
        "goals": [
            {
                "area": goal.area,
                "goal": goal.title,
                "note": goal.note,
                "steps_done": goal.steps_done,
                "steps": Goal.STEPS,
                "done": goal.done_at,
                "created": goal.created_at,
            }
            for goal in Goal.objects.filter(owner=user)
        ],
    }
